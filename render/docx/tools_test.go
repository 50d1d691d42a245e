package docx

import (
	"os"
	"os/exec"
	"testing"
)

// needTool returns the path of a command-line client a test runs. A missing client skips the test on a
// developer machine and fails it when CI is set (CI installs pkg), so a missing install step cannot pass.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (CI installs Debian %s)", name, pkg)
		}
		t.Skipf("%s is not installed (Debian %s)", name, pkg)
	}
	return p
}

// needPython returns /usr/bin/python3 when it can import module (a Debian package's Python module),
// with needTool's skip/fail rule.
func needPython(t *testing.T, module, pkg string) string {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import "+module).Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s cannot import %s (CI installs Debian %s): %v", py, module, pkg, err)
		}
		t.Skipf("%s cannot import %s (Debian %s)", py, module, pkg)
	}
	return py
}
