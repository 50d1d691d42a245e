package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestCheckExitCodes(t *testing.T) {
	examples, _ := filepath.Glob("../../examples/*.toml")
	if code, out, errOut := runCLI(append([]string{"check"}, examples...)...); code != 0 {
		t.Errorf("check examples: exit %d\n%s%s", code, out, errOut)
	}
	broken := "../../report/testdata/broken/t3-gouji.toml"
	code, out, _ := runCLI("check", broken)
	if code != 1 || !strings.Contains(out, "[T3-GOUJI]") || !strings.Contains(out, broken+":13:") {
		t.Errorf("check broken: exit %d\n%s", code, out)
	}
	code, _, errOut := runCLI("check", "../../report/testdata/load/unknown-key.toml")
	if code != 2 || !strings.Contains(errOut, "unknown-key.toml:8:") {
		t.Errorf("check invalid: exit %d\n%s", code, errOut)
	}
	if code, _, _ := runCLI("check", "no-such-file.toml"); code != 2 {
		t.Errorf("check missing file: exit %d", code)
	}
	// The worst code wins across files.
	if code, _, _ := runCLI("check", examples[0], broken); code != 1 {
		t.Errorf("check example + broken: exit %d", code)
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, _ := runCLI("check", "--json", "--prev", "../../report/testdata/broken/x-carry-prev.toml", "../../report/testdata/broken/x-carry.toml")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var fs []map[string]any
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(fs) != 1 {
		t.Fatalf("findings: %v", fs)
	}
	f := fs[0]
	for k, want := range map[string]any{"severity": "error", "rule": "X-CARRY", "table": "表三", "column": "自然人",
		"expected": "2", "actual": "1", "file": "../../report/testdata/broken/x-carry.toml", "line": 10.0} {
		if f[k] != want {
			t.Errorf("%s = %v, want %v", k, f[k], want)
		}
	}
	code, out, _ = runCLI("check", "--json", "../../examples/township-2021.toml")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("clean report JSON: exit %d %q", code, out)
	}
}

func TestUsage(t *testing.T) {
	if code, _, errOut := runCLI(); code != 2 || !strings.Contains(errOut, "用法：") {
		t.Errorf("no args: %d", code)
	}
	if code, _, errOut := runCLI("frobnicate"); code != 2 || !strings.Contains(errOut, `没有 "frobnicate" 这个命令`) {
		t.Errorf("unknown command: %d %s", code, errOut)
	}
	for _, cmd := range []string{"check", "render", "init", "fonts"} {
		if code, _, errOut := runCLI(cmd, "-h"); code != 0 || !strings.Contains(errOut, "用法：nianbao "+cmd) {
			t.Errorf("%s -h: exit %d\n%s", cmd, code, errOut)
		}
	}
	if code, out, _ := runCLI("version"); code != 0 || !strings.HasPrefix(out, "nianbao ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, _, _ := runCLI("check"); code != 2 {
		t.Errorf("check without files: %d", code)
	}
	if code, _, _ := runCLI("init", "--year", "2024", "--format", "2020"); code != 2 {
		t.Errorf("init bad format: %d", code)
	}
}

func TestInitThenCheck(t *testing.T) {
	code, out, errOut := runCLI("init", "--format", "2021", "--year", "2024", "--agency", "青石镇人民政府")
	if code != 0 {
		t.Fatalf("init: %d %s", code, errOut)
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "r.toml")
	if err := os.WriteFile(f, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, o, e := runCLI("check", f); code != 0 {
		t.Errorf("check of init output: %d\n%s%s", code, o, e)
	}
	code, out, _ = runCLI("init", "--year", "2021", "--from", "../../examples/yichuan-chengguanju-2020.toml")
	if code != 0 || !strings.Contains(out, `agency = "伊川县城市管理局"`) || !strings.Contains(out, `format = "2021"`) {
		t.Errorf("init --from: %d\n%s", code, out)
	}
}

func TestRenderRefusesBrokenReportAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runCLI("render", "-o", dir, "../../report/testdata/broken/t4-sum.toml")
	if code != 1 || !strings.Contains(out, "失败") {
		t.Errorf("render broken: exit %d %s", code, out)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestRenderWritesBothOutputs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	code, out, errOut := runCLI("render", "-o", dir, "../../examples/township-2021.toml", "../../report/testdata/load/negative.toml")
	if code != 2 {
		t.Errorf("render good + invalid: exit %d, want 2\n%s%s", code, out, errOut)
	}
	for _, name := range []string{"township-2021.pdf", "township-2021.docx", "township-2021.html"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("folder holds %d entries, want the 3 outputs only", len(entries))
	}
	if !strings.Contains(out, "township-2021.toml：已生成") || !strings.Contains(out, "negative.toml：失败") {
		t.Errorf("progress lines:\n%s", out)
	}
}

func TestRenderDraftOfBrokenReport(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCLI("render", "--draft", "--pdf", "-o", dir, "../../report/testdata/broken/t4-sum.toml")
	if code != 0 {
		t.Fatalf("draft render: exit %d\n%s", code, errOut)
	}
	// The exit code is 0 (documented), so a one-line summary says that errors were drafted over.
	if !strings.Contains(out, "t4-sum.toml：1 条错误，已按草稿生成") {
		t.Errorf("no draft summary line:\n%s", out)
	}
	if !strings.Contains(errOut, "[T4-SUM]") {
		t.Errorf("the finding is not printed: %s", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "t4-sum.pdf")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "t4-sum.docx")); err == nil {
		t.Error("--pdf also wrote the DOCX")
	}
}

func TestRenderRefusesTwoInputsWithOneOutput(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a", "r.toml")
	b := filepath.Join(dir, "b", "r.toml")
	data, _ := os.ReadFile("../../examples/township-2021.toml")
	for _, p := range []string{a, b} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, data, 0o644)
	}
	out := filepath.Join(dir, "out")
	code, _, errOut := runCLI("render", "-o", out, a, b)
	if code != 2 || !strings.Contains(errOut, "都会写到") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("something was written")
	}
	// Without -o each file goes beside its input: no clash.
	if code, o, e := runCLI("render", "--pdf", a, b); code != 0 {
		t.Errorf("beside inputs: exit %d %s%s", code, o, e)
	}
}
