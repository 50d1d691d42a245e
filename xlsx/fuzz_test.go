package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/nianbao/nianbao/report"
)

// TestFormulaNotComputed: a value cell holding a formula without a cached result over a huge range or
// another sheet is not computed but named; a small sum is computed.
func TestFormulaNotComputed(t *testing.T) {
	for _, formula := range []string{"SUM(A1:XFD1048576)", "SUM(A:A)", "SUM(1:1048576)", "基本信息!B3", "SUM(D5:I5)*0+ZZZ99999", "SUM(A1:GR4000)"} {
		data := edit(t, city(t), func(f *excelize.File) {
			_, row := findLabel(t, f, "表四", "结果维持")
			must(t, f.SetCellFormula("表四", "B"+itoa(row+2), formula))
			must(t, f.UpdateLinkedValue()) // no cached results
		})
		_, err := ReadBytes("formula.xlsx", data)
		var le *report.LoadError
		if !errors.As(err, &le) || !strings.Contains(le.Error(), "表四!B5 “行政复议”栏“结果纠正”列：公式 ="+formula+" 没有保存计算结果") {
			t.Errorf("=%s: %v", formula, err)
		}
	}
	for _, formula := range []string{"2+3", "SUM(C5:C5)+2"} {
		data := edit(t, city(t), func(f *excelize.File) {
			_, row := findLabel(t, f, "表四", "结果维持")
			must(t, f.SetCellFormula("表四", "B"+itoa(row+2), formula))
			must(t, f.UpdateLinkedValue()) // no cached results
		})
		imp, err := ReadBytes("formula.xlsx", data)
		if err != nil {
			t.Fatalf("=%s: %v", formula, err)
		}
		if imp.Report.T4[0][1] != 5 {
			t.Errorf("=%s computed as %d, want 5", formula, imp.Report.T4[0][1])
		}
	}
}

// FuzzRead: no workbook makes the reader panic; what it accepts is a report the loader accepts.
func FuzzRead(f *testing.F) {
	r, err := report.Load("../examples/township-2021.toml")
	if err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if err := Export(r, &b, Options{}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	// The workbooks of the differential test: how other generators write formulas, strings, formats.
	for _, v := range []*vBook{formulasBook(), stringsBook(), noRefsBook(), sharedBook(), mergesBook(), typesBook(), openpyxlBook(), wpsBook()} {
		f.Add(v.bytes(f))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, err := ReadBytes("fuzz.xlsx", data)
		if err != nil {
			var le *report.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error is not a LoadError: %v", err)
			}
			return
		}
		if _, err := report.Parse("again.toml", imp.TOML); err != nil {
			t.Fatalf("accepted workbook gives a report file that does not load: %v", err)
		}
	})
}

// FuzzReadSheet: a real workbook whose 表三 part is mutated (inside a valid archive, which FuzzRead's
// mutations seldom keep) never makes the reader panic; what it accepts loads.
func FuzzReadSheet(f *testing.F) {
	r, err := report.Load("../examples/city-2021.toml")
	if err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if err := Export(r, &b, Options{}); err != nil {
		f.Fatal(err)
	}
	real := b.Bytes()
	zr, err := zip.NewReader(bytes.NewReader(real), int64(len(real)))
	if err != nil {
		f.Fatal(err)
	}
	parts := map[string][]byte{}
	var names []string
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			f.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			f.Fatal(err)
		}
		parts[zf.Name] = data
		names = append(names, zf.Name)
	}
	f.Add(string(parts[sheetPart("表三")]))
	f.Add(string(parts[sheetPart("表四")]))
	f.Fuzz(func(t *testing.T, sheet string) {
		if len(sheet) > 1<<20 {
			return
		}
		var out bytes.Buffer
		w := zip.NewWriter(&out)
		for _, name := range names {
			fw, err := w.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			data := parts[name]
			if name == sheetPart("表三") {
				data = []byte(sheet)
			}
			fw.Write(data)
		}
		w.Close()
		imp, err := ReadBytes("fuzz.xlsx", out.Bytes())
		if err != nil {
			var le *report.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error is not a LoadError: %v", err)
			}
			return
		}
		if _, err := report.Parse("again.toml", imp.TOML); err != nil {
			t.Fatalf("accepted workbook gives a report file that does not load: %v", err)
		}
	})
}
