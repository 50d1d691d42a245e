package xlsx

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// soffice returns the LibreOffice binary, skipping the test when it is missing (failing under CI).
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("LibreOffice is not installed (CI installs libreoffice-calc-nogui)")
	}
	t.Skip("LibreOffice is not installed")
	return ""
}

// sheetCSVs converts one sheet (1-based position) of each workbook with one LibreOffice run and returns
// the rows of each, by file.
func sheetCSVs(t *testing.T, lo, dir string, files []string, sheet int, name string) map[string][][]string {
	t.Helper()
	filter := "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false," + strconv.Itoa(sheet)
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile"), "--headless",
		"--convert-to", filter, "--outdir", filepath.Join(dir, "csv")}, files...)
	cmd := exec.Command(lo, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	out := map[string][][]string{}
	for _, file := range files {
		base := strings.TrimSuffix(filepath.Base(file), ".xlsx")
		data, err := os.ReadFile(filepath.Join(dir, "csv", base+"-"+name+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no CSV of %s: %v", name, err)
		}
		rd := csv.NewReader(bytes.NewReader(data))
		rd.FieldsPerRecord = -1
		rows, err := rd.ReadAll()
		must(t, err)
		out[file] = rows
	}
	return out
}

// fillTemplate writes the values of r into the value cells of an empty template, the way a clerk types
// them: the formula cells keep the template's cached zeros, so only a recalculation gives the totals.
func fillTemplate(t *testing.T, r *report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	must(t, Template(report.SkeletonOptions{Format: r.Format, Year: r.Year, Agency: r.Agency}, &b))
	f, err := excelize.OpenReader(&b)
	must(t, err)
	t2, t3, t4 := r.Tables()
	for _, tbl := range []*layouts.Table{t2, t3, t4} {
		p := place(tbl)
		for _, c := range tbl.Cells {
			if c.Key == "" {
				continue
			}
			if formula, _, _ := p.formula(r.Format, c.Key); formula != "" {
				if v, _ := f.GetCellValue(tbl.Name, addr(c.Row, c.Col)); v != "0" {
					t.Fatalf("%s %s: template caches %q", tbl.Name, c.Key, v)
				}
				continue
			}
			text := r.CellText(c.Key)
			if n, err := strconv.ParseInt(text, 10, 64); err == nil {
				must(t, f.SetCellInt(tbl.Name, addr(c.Row, c.Col), n))
			} else {
				must(t, f.SetCellStr(tbl.Name, addr(c.Row, c.Col), text))
			}
		}
	}
	var out bytes.Buffer
	_, err = f.WriteTo(&out)
	must(t, err)
	return out.Bytes()
}

// TestLibreOfficeRecalculates fills the template of each example's format with its values and lets
// LibreOffice open and recalculate it: the 总计 column, （七）总计, 结转下年度 and the 总计 of table 四 hold the
// report's totals, and the check row says 相符 in every column. With 结转下年度 typed over, it says 不符.
func TestLibreOfficeRecalculates(t *testing.T) {
	lo := soffice(t)
	dir := t.TempDir()
	if keep := os.Getenv("NIANBAO_XLSX_KEEP"); keep != "" {
		dir = keep
	}
	reports := examples(t)
	var files []string
	for name, r := range reports {
		file := filepath.Join(dir, name+"-filled.xlsx")
		must(t, os.WriteFile(file, fillTemplate(t, r), 0o644))
		files = append(files, file)
	}
	// 结转下年度 自然人 typed over with a wrong number: the check row turns to 不符 in that column and in 总计.
	wrong := filepath.Join(dir, "city-wrong.xlsx")
	must(t, os.WriteFile(wrong, edit(t, city(t), func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "四、结转下年度继续办理")
		must(t, f.SetCellInt("表三", "D"+itoa(row), 120))
	}), 0o644))
	t3csv := sheetCSVs(t, lo, dir, append(files, wrong), 3, "表三")
	t4csv := sheetCSVs(t, lo, dir, files, 4, "表四")
	for name, r := range reports {
		file := filepath.Join(dir, name+"-filled.xlsx")
		rows := t3csv[file]
		_, t3, _ := r.Tables()
		p := place(t3)
		for _, row := range layouts.T3Rows(r.Format) {
			for i, col := range layouts.T3Columns {
				c := p.keys["t3."+row.ID+"."+col.ID]
				got := csvCell(rows, gridTop+c.Row-1, c.Col)
				if want := strconv.FormatInt(r.T3[row.ID][i], 10); got != want {
					t.Errorf("%s: LibreOffice shows 表三 %s %s = %q, want %s", name, row.Name(), col.Label, got, want)
				}
			}
		}
		check := gridTop + len(t3.Rows) - 1
		if got := csvCell(rows, check, 0); got != checkLabel {
			t.Errorf("%s: check row label %q", name, got)
		}
		for k := 3; k < 10; k++ {
			if got := csvCell(rows, check, k); got != "相符" {
				t.Errorf("%s: check row column %d says %q", name, k, got)
			}
		}
		rows = t4csv[file]
		for b, blk := range layouts.T4Blocks {
			got := csvCell(rows, gridTop+3-1, 5*b+4)
			if want := strconv.FormatInt(r.T4[b][4], 10); got != want {
				t.Errorf("%s: LibreOffice shows 表四 %s 总计 = %q, want %s", name, blk.Label, got, want)
			}
		}
	}
	_, t3, _ := city(t).Tables()
	check := gridTop + len(t3.Rows) - 1
	for k := 3; k < 10; k++ {
		want := "相符"
		if k == 3 || k == 9 {
			want = "不符"
		}
		if got := csvCell(t3csv[wrong], check, k); got != want {
			t.Errorf("wrong 结转: check row column %d says %q, want %s", k, got, want)
		}
	}
}

func csvCell(rows [][]string, r, c int) string {
	if r < 0 || r >= len(rows) || c >= len(rows[r]) {
		return ""
	}
	return rows[r][c]
}
