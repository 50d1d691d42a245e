package sml

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzOpen: no package makes the reader panic or read beyond its limits.
func FuzzOpen(f *testing.F) {
	for _, data := range []string{
		`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>2.5</v></c><c r="C1"><f>A1+B1*2</f></c></row>`,
		`<row><c><f t="shared" ref="A1:B2" si="0">SUM(A2:B3)</f></c><c><f t="shared" si="0"/></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row>`,
		`<row r="3"><c r="B3" t="b"><v>1</v></c><c r="C3" t="d"><v>2025-01-20</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells><sheetData>`,
	} {
		var b bytes.Buffer
		w := zip.NewWriter(&b)
		for name, part := range testParts(data, nil) {
			fw, _ := w.Create(name)
			fw.Write([]byte(part))
		}
		w.Close()
		f.Add(b.Bytes())
	}
	lim := Limits{MaxRow: 50, MaxCol: 20, MaxCells: 500, MaxMerges: 20, MaxMergedCells: 500}
	f.Fuzz(func(t *testing.T, data []byte) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		for _, zf := range zr.File {
			if zf.UncompressedSize64 > 1<<20 {
				return
			}
		}
		wb, err := Open(zr, nil)
		if err != nil {
			return
		}
		for i := range wb.Sheets {
			s, err := wb.ReadSheet(i, lim)
			if err != nil {
				continue
			}
			rows := s.Rows()
			if len(rows) > lim.MaxRow {
				t.Fatalf("%d rows kept", len(rows))
			}
			for r := 1; r <= len(rows)+1; r++ {
				for c := 1; c <= lim.MaxCol; c++ {
					if v := s.Value(c, r); v.Formula != "" {
						s.Calc(c, r, CalcLimits{MaxDepth: 8, MaxCells: 1000})
					}
				}
			}
		}
	})
}

// FuzzCalc: no formula makes the engine panic, and it computes the same again on a fresh sheet.
func FuzzCalc(f *testing.F) {
	for _, s := range []string{"1+2*3", "SUM(A1:B2)", `IF(A1>1,"a",B1&"x")`, "ROUND(-2.5,0)%", "SUMPRODUCT(A1:A2*B1:B2)", "Z5", "-(-(1))^2", `"a"""&1`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, formula string) {
		if len(formula) > 512 || !utf8.ValidString(formula) || strings.IndexFunc(formula, func(r rune) bool { return r < 0x20 || r >= 0xfffe }) >= 0 {
			return
		}
		lim := CalcLimits{MaxDepth: 8, MaxCells: 1000}
		v1, err1 := calcSheet(t, formula).Calc(26, 5, lim)
		v2, err2 := calcSheet(t, formula).Calc(26, 5, lim)
		if v1 != v2 || (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
			t.Fatalf("=%s: %q %v, then %q %v", formula, v1, err1, v2, err2)
		}
		toks, err := lex(formula)
		if err == nil {
			shiftFormula(toks, 3, -2)
		}
	})
}

// FuzzSheet: no worksheet, shared string table or style sheet makes the reader panic; what it reads of
// a sheet stays within the limits. (FuzzOpen mutates whole archives, whose checksums stop most
// mutations; this mutates the parts inside a valid archive.)
func FuzzSheet(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>2.5</v></c><c r="C1"><f>A1+B1*2</f></c></row>`,
		`<si><t>零</t></si><si><r><t>一</t></r><rPh><t>x</t></rPh></si>`, `<numFmt numFmtId="164" formatCode="0.0000"/>`)
	f.Add(`<row><c><f t="shared" ref="A1:B2" si="0">SUM(A2:B3)</f></c><c><f t="shared" si="0"/></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells><sheetData>`,
		`<si><t>a_x000D_b</t></si>`, `<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>`)
	lim := Limits{MaxRow: 50, MaxCol: 20, MaxCells: 500, MaxMerges: 20, MaxMergedCells: 500}
	f.Fuzz(func(t *testing.T, sheet, sst, numFmts string) {
		if len(sheet)+len(sst)+len(numFmts) > 1<<16 {
			return
		}
		wb, err := openTest(t, sheet, map[string]string{
			"xl/sharedStrings.xml": `<sst ` + testMain + `>` + sst + `</sst>`,
			"xl/styles.xml":        `<styleSheet ` + testMain + `><numFmts>` + numFmts + `</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
		})
		if err != nil {
			return
		}
		s, err := wb.ReadSheet(0, lim)
		if err != nil {
			return
		}
		rows := s.Rows()
		if len(rows) > lim.MaxRow {
			t.Fatalf("%d rows kept", len(rows))
		}
		for r := 1; r <= len(rows)+1; r++ {
			if len(rows) >= r && len(rows[r-1]) > lim.MaxCol {
				t.Fatalf("row %d has %d cells", r, len(rows[r-1]))
			}
			for c := 1; c <= lim.MaxCol; c++ {
				if v := s.Value(c, r); v.Formula != "" {
					s.Calc(c, r, CalcLimits{MaxDepth: 8, MaxCells: 1000})
				}
			}
		}
	})
}
