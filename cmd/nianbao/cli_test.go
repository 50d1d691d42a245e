package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsAfterFileNames: flags may follow the file names, as with go, git and typst; "--" ends them.
func TestFlagsAfterFileNames(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "qc.toml")
	data, err := os.ReadFile("../../examples/township-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(in, data, 0o644)
	out := filepath.Join(dir, "out2")
	code, stdout, stderr := runCLI("render", in, "-o", out, "--pdf", "--no-system")
	if code != 0 {
		t.Fatalf("render FILE -o DIR: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "qc.pdf")); err != nil {
		t.Errorf("the PDF is not in the -o folder given after the file: %v", err)
	}
	for _, stray := range []string{filepath.Join(dir, "qc.pdf"), filepath.Join(out, "qc.docx")} {
		if _, err := os.Stat(stray); err == nil {
			t.Errorf("%s written: the flags after the file were not honoured", stray)
		}
	}
	// After "--" everything is a file name: "-o" is then a (missing) file.
	code, _, stderr = runCLI("check", in, "--", "-o")
	if code != 2 || !strings.Contains(stderr, "-o") {
		t.Errorf("check FILE -- -o: exit %d, want 2 naming the file -o\n%s", code, stderr)
	}
	// Flags between files, and the order of the files kept.
	code, stdout, _ = runCLI("check", in, "--prev", in, "../../examples/city-2021.toml")
	if code == 2 {
		t.Errorf("check FILE --prev P FILE: exit 2\n%s", stdout)
	}
	if i, j := strings.Index(stdout, "qc.toml"), strings.Index(stdout, "city-2021.toml"); i < 0 || j < 0 || i > j {
		t.Errorf("files reordered or missing:\n%s", stdout)
	}
}

// TestHelpIsChineseAndListsEveryFlag: each command's -h and `nianbao help CMD` are in Chinese, list every
// flag the command defines, and show examples.
func TestHelpIsChineseAndListsEveryFlag(t *testing.T) {
	for _, c := range commandList() {
		if c.name == "help" {
			continue
		}
		code, _, help := runCLI(c.name, "-h")
		if code != 0 {
			t.Errorf("%s -h: exit %d", c.name, code)
		}
		if !strings.Contains(help, "用法：nianbao "+c.name) || !strings.Contains(help, "选项") || !strings.Contains(help, "示例：") {
			t.Errorf("%s -h is not the Chinese help:\n%s", c.name, help)
		}
		if len(c.examples) < 1 || (c.name != "version" && len(c.examples) < 2) {
			t.Errorf("%s: %d examples, want two or three", c.name, len(c.examples))
		}
		// Every flag the command defines appears in its help and in its synopsis.
		for _, name := range definedFlags(t, c) {
			if !strings.Contains(help, dashed(name)+" ") && !strings.Contains(help, dashed(name)+"\n") {
				t.Errorf("%s -h does not list %s:\n%s", c.name, dashed(name), help)
			}
			if !strings.Contains(c.synopsis, dashed(name)) {
				t.Errorf("%s synopsis %q omits %s", c.name, c.synopsis, dashed(name))
			}
		}
		if code, out, _ := runCLI("help", c.name); code != 0 || out != help {
			t.Errorf("help %s differs from %s -h", c.name, c.name)
		}
	}
	code, out, _ := runCLI("help")
	if code != 0 {
		t.Fatalf("help: exit %d", code)
	}
	for _, c := range commandList() {
		if !strings.Contains(out, "  "+c.name+" ") {
			t.Errorf("help does not list %s:\n%s", c.name, out)
		}
	}
	if strings.Contains(out, "Usage") || strings.Contains(out, "Flags") {
		t.Errorf("English left in the help:\n%s", out)
	}
}

// definedFlags lists the flags a command defines, by running it with -h on a flag set that records them.
func definedFlags(t *testing.T, c command) []string {
	t.Helper()
	var names []string
	_, _, help := runCLI(c.name, "-h")
	// The help lines of the flag table start with two spaces and a dash.
	for _, l := range strings.Split(help, "\n") {
		if strings.HasPrefix(l, "  -") {
			f := strings.Fields(l)[0]
			names = append(names, strings.TrimLeft(f, "-"))
		}
	}
	return names
}

// TestHelpListsTheFlagsOfTheFlagSet guards definedFlags: the render flag set really defines these.
func TestHelpListsTheFlagsOfTheFlagSet(t *testing.T) {
	_, _, help := runCLI("render", "-h")
	for _, f := range []string{"-o", "--pdf", "--docx", "--draft", "--fonts", "--font", "--no-system", "--docx-grid"} {
		if !strings.Contains(help, "  "+f+" ") {
			t.Errorf("render -h lacks %s", f)
		}
	}
	_, _, fontsHelp := runCLI("fonts", "-h")
	if !strings.Contains(fontsHelp, "--font 角色=文件") || !strings.Contains(help, "--font 角色=文件") {
		t.Errorf("--font is written differently in render and fonts:\n%s\n%s", help, fontsHelp)
	}
}

func TestTypoSuggestions(t *testing.T) {
	code, _, stderr := runCLI("rendr", "x.toml")
	if code != 2 || !strings.Contains(stderr, "您是不是要用 render？") {
		t.Errorf("rendr: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI("render", "--pfd", "x.toml")
	if code != 2 || !strings.Contains(stderr, "没有选项 --pfd，您是不是要用 --pdf？") || !strings.Contains(stderr, "用法：nianbao render") {
		t.Errorf("--pfd: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI("init", "--year", "二〇二五")
	if code != 2 || !strings.Contains(stderr, "--year 的值") || !strings.Contains(stderr, "整数") {
		t.Errorf("--year 二〇二五: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCLI("version", "extra"); code != 2 || !strings.Contains(stderr, "多余的参数") {
		t.Errorf("version extra: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI("render", "-o")
	if code != 2 || !strings.Contains(stderr, "-o 后面要跟一个值") {
		t.Errorf("-o without value: exit %d\n%s", code, stderr)
	}
	// a boolean flag given a value it cannot take: Chinese, naming the flag, no English parser text
	code, _, stderr = runCLI("check", "x.toml", "--json=yes")
	if first, _, _ := strings.Cut(stderr, "\n"); code != 2 || !strings.Contains(first, "选项 --json 的值 \"yes\" 无效，应当是 true 或 false") || strings.Contains(first, "parse error") || strings.Contains(first, " for ") {
		t.Errorf("--json=yes: exit %d\n%s", code, stderr)
	}
}

// TestVersionFromBuildInfo builds the binary in this checkout: the version names the module and, in a git
// checkout, the VCS revision.
func TestVersionFromBuildInfo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "nianbao")
	rev, gitErr := exec.Command("git", "rev-parse", "HEAD").Output()
	if gitErr == nil {
		// The go command stamps VCS information only where .git is a folder (not in a git worktree).
		top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
		if st, serr := os.Stat(filepath.Join(strings.TrimSpace(string(top)), ".git")); err != nil || serr != nil || !st.IsDir() {
			t.Log("not a plain git checkout: the revision is not checked")
			gitErr = os.ErrNotExist
		}
	}
	args := []string{"build", "-o", bin}
	if gitErr == nil {
		// GOFLAGS may say -buildvcs=false (it does on some build machines); in a checkout ask for it.
		args = append(args, "-buildvcs=true")
	}
	if out, err := exec.Command("go", append(args, ".")...).CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, arg := range []string{"version", "--version"} {
		out, err := exec.Command(bin, arg).Output()
		if err != nil {
			t.Fatalf("%s: %v", arg, err)
		}
		s := string(out)
		if !strings.HasPrefix(s, "nianbao ") || !strings.Contains(s, "github.com/nianbao/nianbao") {
			t.Errorf("%s: %q lacks the module path", arg, s)
		}
		if gitErr == nil && !strings.Contains(s, "修订 "+strings.TrimSpace(string(rev))[:12]) {
			t.Errorf("%s: %q lacks the revision %s", arg, s, rev)
		}
	}
}
