package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestXlsxCommands runs the workflow of a compiling office: a template with carry-over, read back and
// checked; an example exported, checked as .xlsx and imported into a copy of its TOML file.
func TestXlsxCommands(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "模板.xlsx")
	if code, _, errOut := runCLI("xlsx", "template", "--year", "2024", "--from", "../../examples/city-2021.toml", "-o", tpl); code != 0 {
		t.Fatalf("template: exit %d\n%s", code, errOut)
	}
	code, toml, errOut := runCLI("xlsx", "import", tpl)
	if code != 0 || !strings.Contains(toml, `agency = "江州市人民政府办公室"`) || !strings.Contains(toml, "carried = [121, 18, 1, 2, 4, 2, 148]") {
		t.Fatalf("import of the template: exit %d\n%s\n%s", code, toml, errOut)
	}
	if code, out, errOut := runCLI("check", tpl); code != 0 || !strings.Contains(out, "检查通过") {
		t.Errorf("check template: exit %d\n%s%s", code, out, errOut)
	}
	book := filepath.Join(dir, "city.xlsx")
	if code, _, errOut := runCLI("xlsx", "export", "../../examples/city-2021.toml", "-o", book); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	if code, out, errOut := runCLI("check", book); code != 0 || !strings.Contains(out, "city.xlsx: 检查通过（0 条警告）") {
		t.Errorf("check city.xlsx: exit %d\n%s%s", code, out, errOut)
	}
	src, err := os.ReadFile("../../examples/city-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "city.toml")
	if err := os.WriteFile(report, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI("xlsx", "import", book, "--into", report); code != 0 {
		t.Fatalf("import --into: exit %d\n%s", code, errOut)
	}
	got, _ := os.ReadFile(report)
	if !strings.Contains(string(got), "{{收到申请}}") || !strings.Contains(string(got), "江州市人民政府办公室") {
		t.Error("--into lost the narrative")
	}
	if code, out, errOut := runCLI("check", report); code != 0 {
		t.Errorf("check after --into: exit %d\n%s%s", code, out, errOut)
	}
	// A workbook that is not one: exit 2 with a Chinese message.
	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	if code, _, errOut := runCLI("xlsx", "import", bad); code != 2 || !strings.Contains(errOut, "不是 Excel 工作簿") {
		t.Errorf("import of a non-workbook: exit %d\n%s", code, errOut)
	}
	if code, _, _ := runCLI("xlsx", "frobnicate"); code != 2 {
		t.Errorf("unknown subcommand: exit %d", code)
	}
}
