package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const county = "../../testdata/county"

func TestAggregateCLI(t *testing.T) {
	dir := t.TempDir()
	parent := filepath.Join(dir, "青山县.toml")
	// The whole county, 待改/ included: refused, the failing units named with their findings.
	code, _, errOut := runCLI("aggregate", "--agency", "青山县人民政府", "--roster", county+"/名单.txt", "-o", parent, county)
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	for _, want := range []string{"青山县水利局 未通过检查", "[T4-SUM]", "县农业农村局.toml：无法读取", "名单中的“青山县档案馆”没有报告",
		"“青山县供水有限公司”有报告，但不在名单", "未生成汇总报告"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(parent); err == nil {
		t.Fatal("parent written although units fail")
	}
	// The consistent units: written, then the hierarchy check passes.
	code, out, errOut := runCLI("aggregate", "--agency", "青山县人民政府", "-o", parent, county+"/单位")
	if code != 0 || !strings.Contains(out, "已汇总 22 个单位的报告") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI("check", "--children", county+"/单位", parent)
	if code != 0 || !strings.Contains(out, "表格与 22 个下级单位的汇总一致") {
		t.Fatalf("check --children: exit %d\n%s%s", code, out, errOut)
	}
	// A deliberately wrong cell (表四 行政复议 结果维持 10 → 01 → 1): caught and named.
	data, _ := os.ReadFile(parent)
	bad := strings.Replace(string(data), "review = [10,", "review = [1,", 1)
	if bad == string(data) {
		t.Fatalf("fixture changed: no review = [10, in\n%s", data)
	}
	badFile := filepath.Join(dir, "手工.toml")
	os.WriteFile(badFile, []byte(bad), 0o644)
	code, out, _ = runCLI("check", "--children", county+"/单位", badFile)
	if code != 1 || !strings.Contains(out, "[H-SUM] 表四 行政复议 · 结果维持（t4.review.keep）：本级报告为 1，按规则“各单位之和（默认规则）”应为 10；下级各单位：") {
		t.Errorf("wrong cell: exit %d\n%s", code, out)
	}
	// The three examples mix the 2019 and 2021 formats: a clear refusal.
	code, _, errOut = runCLI("aggregate", "--agency", "某县人民政府", "-o", filepath.Join(dir, "x.toml"), "../../examples")
	if code != 2 || !strings.Contains(errOut, "各单位的报告格式不一致，不能汇总：2019 版格式 1 份") {
		t.Errorf("mixed formats: exit %d\n%s", code, errOut)
	}
	// Usage mistakes.
	if code, _, _ := runCLI("aggregate", county+"/单位"); code != 2 {
		t.Errorf("no -o: exit %d", code)
	}
	if code, _, errOut := runCLI("check", "--rules", "x.toml", parent); code != 2 || !strings.Contains(errOut, "--children") {
		t.Errorf("--rules alone: exit %d %s", code, errOut)
	}
}
