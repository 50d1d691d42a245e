package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// A file that fails to load gives LOAD findings in JSON (never an empty list) and exit 2.
func TestCheckJSONLoadFailure(t *testing.T) {
	code, out, _ := runCLI("check", "--json", "../../report/testdata/load/unknown-key.toml")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	var fs []map[string]any
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(fs) != 1 || fs[0]["rule"] != "LOAD" || fs[0]["severity"] != "error" || fs[0]["line"] != 8.0 ||
		fs[0]["file"] != "../../report/testdata/load/unknown-key.toml" || !strings.Contains(fs[0]["message"].(string), "r33_1") {
		t.Errorf("LOAD findings: %v", fs)
	}
	code, out, _ = runCLI("check", "--json", "no-such-file.toml")
	if code != 2 || !strings.Contains(out, `"rule": "LOAD"`) || !strings.Contains(out, `"file": "no-such-file.toml"`) {
		t.Errorf("missing file: exit %d\n%s", code, out)
	}
}

// check prints the derived figures as information lines, not findings.
func TestCheckPrintsDerivedFigures(t *testing.T) {
	code, out, _ := runCLI("check", "../../examples/city-2021.toml")
	for _, want := range []string{
		"../../examples/city-2021.toml: 信息：实质公开率 60.3%（（予以公开 1508 + 部分公开 308）÷ （七）总计 3013）",
		"../../examples/city-2021.toml: 信息：复议纠错率 16.7%（行政复议结果纠正 5 ÷ 行政复议总计 30）",
		"../../examples/city-2021.toml: 信息：诉讼纠错率 9.7%",
		"检查通过（0 条警告）",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d; output lacks %q:\n%s", code, want, out)
		}
	}
}
