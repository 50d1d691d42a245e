package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// examples loads every example report in examples/*.toml by name.
func examples(t *testing.T) map[string]*report.Report {
	t.Helper()
	files, err := filepath.Glob("../examples/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	out := map[string]*report.Report{}
	for _, f := range files {
		r, err := report.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".toml")] = r
	}
	return out
}

func exportBytes(t *testing.T, r *report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Export(r, &b, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestExportDeterministic(t *testing.T) {
	for name, r := range examples(t) {
		a, b := exportBytes(t, r), exportBytes(t, r)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two exports differ", name)
		}
		if dir := os.Getenv("NIANBAO_XLSX_KEEP"); dir != "" {
			os.WriteFile(filepath.Join(dir, name+".xlsx"), a, 0o644)
		}
	}
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		var b bytes.Buffer
		if err := Template(report.SkeletonOptions{Format: f, Year: map[layouts.Format]int{layouts.F2019: 2020, layouts.F2021: 2024}[f]}, &b); err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("NIANBAO_XLSX_KEEP"); dir != "" {
			os.WriteFile(filepath.Join(dir, "template-"+string(f)+".xlsx"), b.Bytes(), 0o644)
		}
	}
}

// TestMergedHeaders reads the exported workbooks back with excelize: every merged cell of the layouts
// grids is merged on its sheet over exactly its span, holding its label, and nothing else is merged
// but the heading row and the check row; labels are locked and value cells unlocked.
func TestMergedHeaders(t *testing.T) {
	for name, r := range examples(t) {
		f, err := excelize.OpenReader(bytes.NewReader(exportBytes(t, r)))
		if err != nil {
			t.Fatal(err)
		}
		t2, t3, t4 := r.Tables()
		for _, tbl := range []*layouts.Table{t2, t3, t4} {
			want := map[string]string{}
			for _, c := range tbl.Cells {
				if a, b := cellRange(c); a != b {
					want[a+":"+b] = c.Text
					if c.Key != "" {
						want[a+":"+b] = r.CellText(c.Key)
					}
				}
			}
			want["A1:"+colName(tbl.Cols-1)+"1"] = sectionHeading(r.Format, tbl.ID)
			if tbl.ID == "t3" {
				row := strconv.Itoa(gridTop + len(tbl.Rows))
				want["A"+row+":C"+row] = checkLabel
			}
			mcs, err := f.GetMergeCells(tbl.Name)
			must(t, err)
			got := map[string]string{}
			for _, mc := range mcs {
				got[mc.GetStartAxis()+":"+mc.GetEndAxis()] = mc.GetCellValue()
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: merged cells\n got %v\nwant %v", name, tbl.Name, got, want)
			}
			for _, c := range tbl.Cells {
				a := addr(c.Row, c.Col)
				id, err := f.GetCellStyle(tbl.Name, a)
				must(t, err)
				st, err := f.GetStyle(id)
				must(t, err)
				formula, _, _ := place(tbl).formula(r.Format, c.Key)
				wantLocked := c.Key == "" || formula != ""
				if locked := st.Protection == nil || st.Protection.Locked; locked != wantLocked {
					t.Errorf("%s %s %s (%s): locked = %v", name, tbl.Name, a, c.Text+c.Key, locked)
				}
			}
		}
	}
}

// TestLongParagraph: a paragraph too long for any row height gets the tallest row (409 points) instead of
// failing the export, and reads back whole.
func TestLongParagraph(t *testing.T) {
	r := city(t)
	long := strings.Repeat("政府信息公开工作年度报告", 300) // 3600 characters, some 80 lines in column D
	r.Overview.Paragraphs = append([]string{long}, r.Overview.Paragraphs...)
	data := exportBytes(t, r)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	_, row := findLabel(t, f, SheetNarrative, long)
	if h, err := f.GetRowHeight(SheetNarrative, row); err != nil || h != 409 {
		t.Errorf("row height %v %v, want 409", h, err)
	}
	imp, err := ReadBytes("long.xlsx", data)
	must(t, err)
	if got := imp.Report.Overview.Paragraphs; len(got) == 0 || got[0] != long {
		t.Errorf("the long paragraph did not read back whole")
	}
}
