package sml

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// TestWriteRefused: calls that would make a workbook Excel repairs or refuses fail with a message, leave the
// book as it was, and the book still writes.
func TestWriteRefused(t *testing.T) {
	b := NewBook()
	if err := b.Write(&bytes.Buffer{}); err == nil {
		t.Error("a workbook without sheets was written")
	}
	s, err := b.AddSheet("表二")
	bookMust(t, err)
	red, err := b.AddDiffFormat(DiffFormat{Color: "FF0000"})
	bookMust(t, err)
	for name, bad := range map[string]func() error{
		"empty sheet name":   func() error { _, err := b.AddSheet(""); return err },
		"long sheet name":    func() error { _, err := b.AddSheet(strings.Repeat("表", 32)); return err },
		"sheet name with [":  func() error { _, err := b.AddSheet("a[1]"); return err },
		"sheet name quote":   func() error { _, err := b.AddSheet("'a"); return err },
		"sheet name control": func() error { _, err := b.AddSheet("a\x01"); return err },
		"duplicate sheet":    func() error { _, err := b.AddSheet("表二"); return err },
		"history":            func() error { _, err := b.AddSheet("history"); return err },
		"bad address":        func() error { return s.SetString("A0", "x") },
		"address past XFD":   func() error { return s.SetInt("XFE1", 1) },
		"address past rows":  func() error { return s.SetInt("A1048577", 1) },
		"NaN":                func() error { return s.SetFloat("A1", math.NaN()) },
		"infinity":           func() error { return s.SetFloat("A1", math.Inf(-1)) },
		"empty formula":      func() error { return s.SetFormula("A1", "") },
		"long formula":       func() error { return s.SetFormula("A1", strings.Repeat("1+", 4097)) },
		"unknown format":     func() error { return s.SetFormat("A1", "A1", 99) },
		"single-cell merge":  func() error { return s.Merge("B2", "B2") },
		"overlapping merge":  func() error { bookMust(t, s.Merge("A1", "C2")); return s.Merge("C2", "D3") },
		"column 0":           func() error { return s.SetColWidth(0, 1, 10) },
		"wide column":        func() error { return s.SetColWidth(1, 1, 256) },
		"tall row":           func() error { return s.SetRowHeight(1, 410) },
		"negative freeze":    func() error { return s.Freeze(-1, 0) },
		"bad ranges": func() error {
			return s.AddValidation(Validation{Ranges: "A1 B", Type: "whole", Formula1: "0", Formula2: "1"})
		},
		"empty ranges": func() error { return s.AddCondFormat(" ", "A1>0", red) },
		"unknown type": func() error { return s.AddValidation(Validation{Ranges: "A1", Type: "any", Formula1: "0"}) },
		"between without max": func() error {
			return s.AddValidation(Validation{Ranges: "A1", Type: "whole", Operator: "between", Formula1: "0"})
		},
		"long error title": func() error {
			return s.AddValidation(Validation{Ranges: "A1", Type: "list", Formula1: `"a"`, ErrorStyle: "stop", ErrorTitle: strings.Repeat("题", 33)})
		},
		"long error message": func() error {
			return s.AddValidation(Validation{Ranges: "A1", Type: "list", Formula1: `"a"`, ErrorStyle: "stop", Error: strings.Repeat("长", 256)})
		},
		"unknown dxf":          func() error { return s.AddCondFormat("A1", "A1>0", 5) },
		"list item with comma": func() error { _, err := ListFormula("a,b"); return err },
		"long list":            func() error { _, err := ListFormula(strings.Repeat("项", 256)); return err },
		"bad colour":           func() error { _, err := b.AddFormat(CellFormat{Fill: "red"}); return err },
		"bad font size":        func() error { _, err := b.AddFormat(CellFormat{Font: &Font{Name: "宋体", Size: 0}}); return err },
		"no font name":         func() error { _, err := b.AddFormat(CellFormat{Font: &Font{Size: 10}}); return err },
		"bad border":           func() error { _, err := b.AddFormat(CellFormat{Border: BoxBorder("wavy", "000000")}); return err },
		"bad alignment": func() error {
			_, err := b.AddFormat(CellFormat{Alignment: &Alignment{Horizontal: "middle"}})
			return err
		},
		"bad rotation":       func() error { _, err := b.AddFormat(CellFormat{Alignment: &Alignment{TextRotation: 200}}); return err },
		"bad number format":  func() error { _, err := b.AddFormat(CellFormat{NumFmt: 200}); return err },
		"long number format": func() error { _, err := b.AddFormat(CellFormat{NumFmtCode: strings.Repeat("0", 256)}); return err },
		"name of no sheet":   func() error { return b.DefineName(DefinedName{Name: "x", RefersTo: "A1", Sheet: "无"}) },
		"name with space":    func() error { return b.DefineName(DefinedName{Name: "a b", RefersTo: "A1"}) },
		"duplicate name": func() error {
			bookMust(t, b.DefineName(DefinedName{Name: "x", RefersTo: "'表二'!$A$1"}))
			return b.DefineName(DefinedName{Name: "X", RefersTo: "'表二'!$A$2"})
		},
	} {
		if err := bad(); err == nil {
			t.Errorf("%s: accepted", name)
		} else if !strings.ContainsFunc(err.Error(), func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }) {
			t.Errorf("%s: message %q is not Chinese", name, err)
		}
	}
	if len(b.sheets) != 1 || len(s.merges) != 1 || len(s.valids) != 0 || len(s.conds) != 0 || len(b.names) != 1 {
		t.Errorf("refused calls changed the book: %d sheets, %d merges, %d validations, %d conditional formats, %d names",
			len(b.sheets), len(s.merges), len(s.valids), len(s.conds), len(b.names))
	}
	b.Active = 3
	if err := b.Write(&bytes.Buffer{}); err == nil {
		t.Error("an active sheet that does not exist was accepted")
	}
	for _, p := range []PageSetup{{PaperSize: -1}, {FitToPage: true, FitWidth: -1}, {Margins: &Margins{Left: math.NaN()}},
		{Margins: &Margins{Top: 50}}} {
		s.Page = &p
		if err := b.Write(&bytes.Buffer{}); err == nil {
			t.Errorf("page setup %+v accepted", p)
		}
	}
	s.Page = nil
	b.Active = 0
	if _, data := bookWritten(t, b); len(data) == 0 {
		t.Error("nothing written")
	}
}

// TestWriteCellLimit: a format over a huge range is refused at once instead of taking the memory of billions
// of cells.
func TestWriteCellLimit(t *testing.T) {
	b := NewBook()
	s, err := b.AddSheet("大")
	bookMust(t, err)
	if err := s.SetFormat("A1", "XFD1048576", 0); err == nil {
		t.Fatal("a format over the whole sheet was accepted")
	}
	if b.cells != 0 {
		t.Errorf("%d cells made", b.cells)
	}
	bookMust(t, s.SetFormat("A1", "J100", 0)) // a thousand cells are fine
}

// TestWriteFormatsShared: equal formats get one index; fonts, borders and number formats are shared among
// the formats that use them.
func TestWriteFormatsShared(t *testing.T) {
	b := NewBook()
	f := CellFormat{Font: &Font{Name: "宋体", Size: 10.5}, Border: BoxBorder("thin", "000000"), NumFmtCode: "0.00"}
	one, err := b.AddFormat(f)
	bookMust(t, err)
	f.Font = &Font{Name: "宋体", Size: 10.5} // equal, another pointer
	two, err := b.AddFormat(f)
	bookMust(t, err)
	f.Protection = &CellProtection{Locked: false}
	three, err := b.AddFormat(f)
	bookMust(t, err)
	if one != 1 || two != one || three != 2 {
		t.Errorf("indexes %d %d %d", one, two, three)
	}
	lower, err := b.AddFormat(CellFormat{Fill: "e7e6e6"})
	bookMust(t, err)
	upper, err := b.AddFormat(CellFormat{Fill: "FFE7E6E6"})
	bookMust(t, err)
	if lower != upper {
		t.Errorf("the same colour spelled twice gave formats %d and %d", lower, upper)
	}
	st := &b.styles
	if len(st.fonts.list) != 2 || len(st.borders.list) != 2 || len(st.numFmts.list) != 1 || len(st.fills.list) != 3 {
		t.Errorf("%d fonts, %d borders, %d number formats, %d fills", len(st.fonts.list), len(st.borders.list), len(st.numFmts.list), len(st.fills.list))
	}
}
