package xlsx

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/nianbao/nianbao/report"
)

// TestInto replaces the tables of the city example with those of an edited workbook: the new file holds
// the workbook's tables, and every line outside the tables — comments, [report], the narrative with its
// {{placeholders}} unexpanded — is kept character for character.
func TestInto(t *testing.T) {
	src, err := os.ReadFile("../examples/city-2021.toml")
	must(t, err)
	path := filepath.Join(t.TempDir(), "city.toml")
	must(t, os.WriteFile(path, src, 0o644))
	old := city(t)
	data := edit(t, old, func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "（一）予以公开")
		must(t, f.SetCellInt("表三", "D"+itoa(row), 1210))
		must(t, f.SetCellInt("表三", "D"+itoa(row-2), 2369)) // 本年新收 自然人 one more, so the 勾稽 holds
		must(t, f.SetCellStr("基本信息", "B2", "另一个机关"))       // ignored: --into keeps the report's [report]
		must(t, f.UpdateLinkedValue())                     // drops the cached results: the reader computes them
	})
	imp, err := ReadBytes("units.xlsx", data)
	must(t, err)
	out, err := Into(path, imp)
	must(t, err)
	got, err := report.Parse(path, out)
	must(t, err)
	if got.T3["r1"][0] != 1210 || got.T3["new"][0] != 2369 || got.T3["r7"][0] != 2391 {
		t.Errorf("tables not replaced: r1 %v new %v r7 %v", got.T3["r1"], got.T3["new"], got.T3["r7"])
	}
	if got.Agency != old.Agency || !reflect.DeepEqual(got.Problems, old.Problems) || len(got.Overview.Sections) != len(old.Overview.Sections) {
		t.Error("[report] or narrative changed")
	}
	// Every line of the old file outside the tables is still there, in order.
	var kept []string
	for _, c := range chunks(string(src)) {
		if !c.table {
			kept = append(kept, c.lines...)
		}
	}
	rest := string(out)
	for _, l := range kept {
		i := strings.Index(rest, l)
		if i < 0 {
			t.Fatalf("line lost or reordered: %q", l)
		}
		rest = rest[i+len(l):]
	}
	if !strings.Contains(string(out), "{{收到申请}}") {
		t.Error("placeholders were expanded")
	}
	if strings.Contains(string(out), "new     = [2368") {
		t.Error("the old table 三 is still there")
	}
	// Another format or year is refused.
	other, err := os.ReadFile("../examples/yichuan-chengguanju-2020.toml")
	must(t, err)
	p2 := filepath.Join(t.TempDir(), "yichuan.toml")
	must(t, os.WriteFile(p2, other, 0o644))
	if _, err := Into(p2, imp); err == nil || !strings.Contains(err.Error(), "格式") {
		t.Errorf("into a 2019 report: %v", err)
	}
}
