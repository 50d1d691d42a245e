package xlsx

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/xlsx/internal/sml"
)

// The reader used to read workbooks with excelize; it now reads them with xlsx/internal/sml. The
// differential test reads every workbook the tests build — exports and templates, edited ones, ones
// LibreOffice saved, and variants written here the way Excel, WPS, openpyxl and other generators write
// them — with both, and requires the same sheet list, the same rows as GetRows shows them, the same
// merged ranges, and for every used position the same formula (GetCellFormula), raw value (GetCellValue
// with RawCellValue), shown value (GetCellValue) and, for a formula without a cached result, the same
// result as CalcCellValue. excelize is opened with CultureInfo zh-CN: the built-in formats whose code
// depends on the locale (ids 27–36, 50–58: 31 is yyyy"年"m"月"d"日") are read as Chinese Excel shows them;
// without a culture excelize shows their serial numbers.
//
// Where the reader differs from excelize on purpose, the case lists the difference with the reason
// (diffWant); the test then requires the reader's value and that excelize still shows the other one, so
// that an exception cannot outlive the excelize behaviour it works around.

// diffCase is one workbook of the differential test.
type diffCase struct {
	name string
	data []byte
	// want lists the deliberate differences: "sheet!A1 field" (field: formula, raw, shown, calc) →
	// what the reader gives and why.
	want map[string]diffWant
}

type diffWant struct {
	got, why string
}

// compareWorkbook reads one workbook with excelize and with the reader and reports every difference.
func compareWorkbook(t *testing.T, c diffCase) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(c.data), excelize.Options{CultureInfo: excelize.CultureNameZhCN})
	if err != nil {
		t.Fatalf("%s: excelize: %v", c.name, err)
	}
	wb, err := openBytes(c.name, c.data)
	if err != nil {
		t.Fatalf("%s: reader: %v", c.name, err)
	}
	var names []string
	for _, s := range wb.Sheets {
		names = append(names, s.Name)
	}
	if want := f.GetSheetList(); !reflect.DeepEqual(names, want) {
		t.Errorf("%s: sheets %q, excelize %q", c.name, names, want)
	}
	used := map[string]bool{}
	check := func(key, got, want string) {
		used[key] = true
		if w, ok := c.want[key]; ok {
			if got != w.got {
				t.Errorf("%s: %s = %q, want %q (%s)", c.name, key, got, w.got, w.why)
			}
			if want == w.got {
				t.Errorf("%s: %s: excelize now gives %q too; drop the exception (%s)", c.name, key, want, w.why)
			}
			return
		}
		if got != want {
			t.Errorf("%s: %s = %q, excelize %q", c.name, key, got, want)
		}
	}
	for i, name := range names {
		s, err := wb.ReadSheet(i, sheetLimits)
		if err != nil {
			t.Errorf("%s: sheet %s: %v", c.name, name, err)
			continue
		}
		rows, err := f.GetRows(name)
		if err != nil {
			t.Errorf("%s: excelize GetRows(%s): %v", c.name, name, err)
			continue
		}
		got := s.Rows()
		if d := rowsDiff(got, rows, func(cell string) (string, bool) {
			w, ok := c.want[name+"!"+cell+" shown"]
			return w.got, ok
		}); d != "" {
			t.Errorf("%s: %s rows differ: %s", c.name, name, d)
		}
		mcs, err := f.GetMergeCells(name, true)
		if err != nil {
			t.Errorf("%s: excelize GetMergeCells(%s): %v", c.name, name, err)
		}
		var wantMerges, gotMerges []string
		for _, mc := range mcs {
			wantMerges = append(wantMerges, mc.GetStartAxis()+":"+mc.GetEndAxis())
		}
		for _, m := range s.Merges() {
			gotMerges = append(gotMerges, sml.CellName(m.FromCol, m.FromRow, false)+":"+sml.CellName(m.ToCol, m.ToRow, false))
		}
		if !reflect.DeepEqual(gotMerges, wantMerges) {
			t.Errorf("%s: %s merges %v, excelize %v", c.name, name, gotMerges, wantMerges)
		}
		// Every position of the used area, and one row and column beyond it.
		width := 0
		for _, row := range rows {
			width = max(width, len(row))
		}
		for _, m := range s.Merges() {
			width = max(width, min(m.ToCol, maxCols))
		}
		height := len(rows)
		for _, m := range s.Merges() {
			height = max(height, min(m.ToRow, maxRows))
		}
		for r := 1; r <= height+1; r++ {
			for col := 1; col <= width+1; col++ {
				cell := sml.CellName(col, r, false)
				key := name + "!" + cell
				v := s.Value(col, r)
				formula, err1 := f.GetCellFormula(name, cell)
				raw, err2 := f.GetCellValue(name, cell, excelize.Options{RawCellValue: true})
				shown, err3 := f.GetCellValue(name, cell)
				if err1 != nil || err2 != nil || err3 != nil {
					t.Errorf("%s: %s: excelize: %v %v %v", c.name, key, err1, err2, err3)
					continue
				}
				check(key+" formula", v.Formula, formula)
				check(key+" raw", v.Raw, raw)
				check(key+" shown", v.Shown, shown)
				if v.Formula != "" && strings.TrimSpace(v.Raw) == "" {
					got, err := s.Calc(col, r, sml.CalcLimits{MaxDepth: maxDepth, MaxCells: maxVisits})
					want, werr := f.CalcCellValue(name, cell, excelize.Options{RawCellValue: true})
					check(key+" calc", calcOutcome(got, err), calcOutcome(want, werr))
				}
			}
		}
	}
	t.Logf("%s: %d values compared", c.name, len(used))
	var stale []string
	for key := range c.want {
		if !used[key] {
			stale = append(stale, key)
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("%s: exceptions for positions not compared: %v", c.name, stale)
	}
}

// calcOutcome writes a computed result for comparison: the value, or the Excel error value, or "error"
// for a formula that cannot be computed (the messages differ: excelize's are English).
func calcOutcome(v string, err error) string {
	if err == nil {
		return v
	}
	if strings.HasPrefix(err.Error(), "#") {
		return "error " + err.Error()
	}
	return "error"
}

// rowsDiff compares rows as GetRows gives them (an empty row nil or empty alike) and describes the
// differences; a cell the case expects to show otherwise (exception) may differ.
func rowsDiff(got, want [][]string, exception func(cell string) (string, bool)) string {
	var d []string
	if len(got) != len(want) {
		d = append(d, fmt.Sprintf("%d rows, excelize %d", len(got), len(want)))
	}
	for r := 0; r < min(len(got), len(want)); r++ {
		if len(got[r]) != len(want[r]) {
			d = append(d, fmt.Sprintf("row %d has %d cells, excelize %d: %q / %q", r+1, len(got[r]), len(want[r]), got[r], want[r]))
			continue
		}
		for c := range got[r] {
			cell := sml.CellName(c+1, r+1, false)
			if w, ok := exception(cell); ok {
				if got[r][c] != w {
					d = append(d, fmt.Sprintf("%s %q, want %q", cell, got[r][c], w))
				}
			} else if got[r][c] != want[r][c] {
				d = append(d, fmt.Sprintf("%s %q, excelize %q", cell, got[r][c], want[r][c]))
			}
		}
	}
	return strings.Join(d, "; ")
}

// reportCorpus is every workbook the package's tests export: the examples, the two templates, the
// broken reports written with their numbers, and the edits the tests make.
func reportCorpus(t *testing.T) []diffCase {
	var out []diffCase
	for name, r := range examples(t) {
		out = append(out, diffCase{name: name, data: exportBytes(t, r)})
	}
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		var b bytes.Buffer
		must(t, Template(report.SkeletonOptions{Format: f, Year: map[layouts.Format]int{layouts.F2019: 2020, layouts.F2021: 2024}[f]}, &b))
		out = append(out, diffCase{name: "template-" + string(f), data: b.Bytes()})
	}
	for _, name := range []string{"t3-gouji", "t3-items", "t3-rowsum", "t4-sum", "domain"} {
		r, err := report.Load("../report/testdata/broken/" + name + ".toml")
		must(t, err)
		out = append(out, diffCase{name: "broken-" + name, data: exportBytes(t, r)})
	}
	r := city(t)
	out = append(out, diffCase{name: "edited", data: edit(t, r, func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "1.属于国家秘密")
		must(t, f.InsertRows("表三", row, 1))
		_, row = findLabel(t, f, "表三", "1.属于国家秘密")
		must(t, f.SetCellStr("表三", "D"+itoa(row), "3"))
		must(t, f.SetCellStr("表三", "D"+itoa(row+1), "１２"))
		must(t, f.SetCellFormula("表三", "E"+itoa(row+1), "1+1+1"))
		_, row = findLabel(t, f, "表二", "行政许可")
		must(t, f.InsertRows("表二", row, 2))
		must(t, f.UnmergeCell("表二", "B"+itoa(row+2), "D"+itoa(row+2)))
		must(t, f.SetCellValue("表二", "B"+itoa(row+2), nil))
		must(t, f.SetCellInt("表二", "C"+itoa(row+2), 18642))
		_, row = findLabel(t, f, "基本信息", "成文日期")
		must(t, f.SetCellInt("基本信息", "B"+itoa(row), 45317))
		must(t, f.SetSheetName("表四", "复议诉讼"))
		must(t, f.MoveSheet("复议诉讼", "基本信息"))
	})})
	out = append(out, diffCase{name: "uncached", data: edit(t, r, func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "（一）予以公开")
		must(t, f.SetCellInt("表三", "D"+itoa(row), 1210))
		must(t, f.UpdateLinkedValue()) // every formula loses its cached result: the reader computes them
	})})
	out = append(out, diffCase{name: "bad-cells", data: edit(t, r, func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "1.属于国家秘密")
		must(t, f.SetCellStr("表三", "E"+itoa(row), "三"))
		must(t, f.SetCellInt("表三", "D"+itoa(row+1), -2))
		must(t, f.SetCellFloat("表三", "F"+itoa(row+2), 1.5, -1, 64))
		must(t, f.SetCellValue("表三", "G"+itoa(row+3), nil))
		_, row = findLabel(t, f, "表二", "行政事业性收费")
		must(t, f.SetCellStr("表二", "B"+itoa(row), "12.3万元"))
		must(t, f.SetCellBool("表二", "C"+itoa(row), true))
	})})
	return out
}

// TestDifferentialReports compares the reader with excelize on the workbooks the tests export.
func TestDifferentialReports(t *testing.T) {
	for _, c := range reportCorpus(t) {
		compareWorkbook(t, c)
	}
}

// TestDifferentialLibreOffice has LibreOffice open and save the exports, the templates and a filled
// template (LibreOffice writes its own styles, number formats and shared strings) and compares.
func TestDifferentialLibreOffice(t *testing.T) {
	lo := soffice(t)
	dir := t.TempDir()
	var files []string
	for _, c := range reportCorpus(t)[:5] {
		p := filepath.Join(dir, c.name+".xlsx")
		must(t, os.WriteFile(p, c.data, 0o644))
		files = append(files, p)
	}
	p := filepath.Join(dir, "filled.xlsx")
	must(t, os.WriteFile(p, fillTemplate(t, city(t)), 0o644))
	files = append(files, p)
	// The formats without the serials after 9999-12-31 (for those the reader deliberately differs, see
	// formatExceptions, and LibreOffice rewrites the numbers).
	var values []string
	for _, v := range formatValues {
		if v != "12345678901234567" && v != "123456789012" && v != "1.23456789012345E+20" {
			values = append(values, v)
		}
	}
	for name, b := range map[string]*vBook{"formats": formatsBookOf(values), "wps": wpsBook(), "strings": stringsBook(), "merges": mergesBook(), "sample": sampleBook()} {
		p := filepath.Join(dir, "variant-"+name+".xlsx")
		must(t, os.WriteFile(p, b.bytes(t), 0o644))
		files = append(files, p)
	}
	out := filepath.Join(dir, "saved")
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile"), "--headless",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out}, files...)
	cmd := exec.Command(lo, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, msg)
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(out, filepath.Base(f)))
		must(t, err)
		compareWorkbook(t, diffCase{name: "libreoffice-" + filepath.Base(f), data: data})
		if keep := os.Getenv("NIANBAO_XLSX_KEEP"); keep != "" {
			os.WriteFile(filepath.Join(keep, "libreoffice-"+filepath.Base(f)), data, 0o644)
		}
	}
}
