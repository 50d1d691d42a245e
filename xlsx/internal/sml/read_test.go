package sml

import (
	"archive/zip"
	"bytes"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

const (
	testMain   = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	testRelNS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	testPkgRel = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
)

// zipParts writes a zip archive of the parts.
func zipParts(t testing.TB, parts map[string]string) *zip.Reader {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, data := range parts {
		fw, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(data))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

// testParts is a workbook of one sheet "S" holding sheetData; extra parts replace (or, empty, remove) these.
func testParts(sheetData string, extra map[string]string) map[string]string {
	parts := map[string]string{
		"_rels/.rels":                testPkgRel + `<Relationship Id="rId1" Type="` + testRelNS + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook ` + testMain + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": testPkgRel + `<Relationship Id="rId1" Type="` + testRelNS + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + testRelNS + `/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="` + testRelNS + `/styles" Target="styles.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   `<worksheet ` + testMain + `><sheetData>` + sheetData + `</sheetData></worksheet>`,
		"xl/sharedStrings.xml":       `<sst ` + testMain + `><si><t>零</t></si><si><t>一</t></si></sst>`,
		"xl/styles.xml":              `<styleSheet ` + testMain + `><numFmts><numFmt numFmtId="164" formatCode="0.0000"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs></styleSheet>`,
	}
	for k, v := range extra {
		if v == "" {
			delete(parts, k)
		} else {
			parts[k] = v
		}
	}
	return parts
}

var testLimits = Limits{MaxRow: 5000, MaxCol: 200, MaxCells: 1000, MaxMerges: 100, MaxMergedCells: 10000}

func openTest(t testing.TB, sheetData string, extra map[string]string) (*Workbook, error) {
	t.Helper()
	return Open(zipParts(t, testParts(sheetData, extra)), nil)
}

func sheetTest(t testing.TB, sheetData string, extra map[string]string) *Grid {
	t.Helper()
	wb, err := openTest(t, sheetData, extra)
	if err != nil {
		t.Fatal(err)
	}
	s, err := wb.ReadSheet(0, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPackageParts: the workbook is found through _rels/.rels, its sheets through its relationships,
// with targets relative, absolute, with backslashes or in another case than the part; sheets keep their
// order and state.
func TestPackageParts(t *testing.T) {
	sheet := `<worksheet ` + testMain + `><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>`
	for name, extra := range map[string]map[string]string{
		"relative":  nil,
		"absolute":  {"xl/_rels/workbook.xml.rels": testPkgRel + `<Relationship Id="rId1" Type="` + testRelNS + `/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + testRelNS + `/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`},
		"backslash": {"xl/_rels/workbook.xml.rels": testPkgRel + `<Relationship Id="rId1" Type="` + testRelNS + `/worksheet" Target="worksheets\sheet1.xml"/><Relationship Id="rId2" Type="` + testRelNS + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		"case":      {"xl/worksheets/sheet1.xml": "", "XL/Worksheets/Sheet1.XML": sheet},
		"elsewhere": {"_rels/.rels": testPkgRel + `<Relationship Id="rId1" Type="` + testRelNS + `/officeDocument" Target="/book/main.xml"/></Relationships>`,
			"xl/workbook.xml": "", "xl/_rels/workbook.xml.rels": "", "xl/worksheets/sheet1.xml": "", "xl/sharedStrings.xml": "",
			"book/main.xml":             `<workbook ` + testMain + `><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>`,
			"book/_rels/main.xml.rels":  testPkgRel + `<Relationship Id="rId7" Type="` + testRelNS + `/worksheet" Target="../data/s.xml"/><Relationship Id="rId8" Type="` + testRelNS + `/sharedStrings" Target="strings.xml"/></Relationships>`,
			"data/s.xml":                sheet,
			"book/strings.xml":          `<sst ` + testMain + `><si><t>零</t></si><si><t>一</t></si></sst>`,
			"book/_rels/ignored.rels":   "x",
			"xl/sharedStrings.xml.orig": "x"},
		"no root rels": {"_rels/.rels": ""},
	} {
		wb, err := openTest(t, `<row r="1"><c r="A1" t="s"><v>1</v></c></row>`, extra)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		s, err := wb.ReadSheet(0, testLimits)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if v := s.Value(1, 1); v.Shown != "一" {
			t.Errorf("%s: A1 = %q", name, v.Shown)
		}
	}
	wb, err := openTest(t, "", map[string]string{
		"xl/workbook.xml": `<workbook ` + testMain + `><workbookPr date1904="1"/><bookViews><workbookView/></bookViews><sheets><sheet name="甲" sheetId="3" state="hidden" r:id="rId1"/><sheet name="乙" sheetId="1" r:id="rId9"/><sheet name="丙" sheetId="2" state="veryHidden" r:id="rId1"/></sheets><definedNames><definedName name="x">甲!A1</definedName></definedNames></workbook>`,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []SheetInfo{{"甲", "hidden", "xl/worksheets/sheet1.xml", "worksheet"}, {"乙", "", "", ""}, {"丙", "veryHidden", "xl/worksheets/sheet1.xml", "worksheet"}}
	if !reflect.DeepEqual(wb.Sheets, want) || !wb.Date1904 {
		t.Errorf("sheets %+v, date1904 %v", wb.Sheets, wb.Date1904)
	}
	if _, err := wb.ReadSheet(1, testLimits); err == nil || !strings.Contains(err.Error(), "工作表“乙”在工作簿的关系部件中没有对应的部件") {
		t.Errorf("sheet without a relationship: %v", err)
	}
}

// TestBrokenPackages: what is missing or malformed is an error in Chinese naming the part, never a panic.
func TestBrokenPackages(t *testing.T) {
	for name, c := range map[string]struct {
		extra map[string]string
		sheet string
		want  string
	}{
		"no workbook":      {extra: map[string]string{"xl/workbook.xml": ""}, want: "找不到工作簿部件 xl/workbook.xml"},
		"missing sheet":    {extra: map[string]string{"xl/worksheets/sheet1.xml": ""}, want: "工作表“S”的部件 xl/worksheets/sheet1.xml 不存在"},
		"duplicate sheets": {extra: map[string]string{"xl/workbook.xml": `<workbook ` + testMain + `><sheets><sheet name="Sheet1" r:id="rId1"/><sheet name="SHEET1" r:id="rId1"/></sheets></workbook>`}, want: "两个同名的工作表“Sheet1”和“SHEET1”"},
		"broken rels":      {extra: map[string]string{"xl/_rels/workbook.xml.rels": testPkgRel + `<Relationship Id="rId1"`}, want: "部件 xl/_rels/workbook.xml.rels 不是有效的 XML"},
		"broken workbook":  {extra: map[string]string{"xl/workbook.xml": `<workbook><sheets></workbook>`}, want: "部件 xl/workbook.xml 不是有效的 XML（第 1 行"},
		"broken strings":   {extra: map[string]string{"xl/sharedStrings.xml": `<sst><si><t>x</si></sst>`}, want: "部件 xl/sharedStrings.xml 不是有效的 XML"},
		"broken styles":    {extra: map[string]string{"xl/styles.xml": `<styleSheet><cellXfs><xf numFmtId="x"/></cellXfs></styleSheet>`}, want: "单元格格式的数字格式编号 \"x\" 不是非负整数"},
		"entity":           {extra: map[string]string{"xl/sharedStrings.xml": `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst><si><t>&lol2;</t></si></sst>`}, want: "不是有效的 XML（第 1 行：invalid character entity &lol2;"},
		"format too long":  {extra: map[string]string{"xl/styles.xml": `<styleSheet ` + testMain + `><numFmts><numFmt numFmtId="164" formatCode="` + strings.Repeat("0", 1025) + `"/></numFmts></styleSheet>`}, want: "编号 164 的数字格式长 1025 个字符，超过上限 1024"},
		"encoding":         {extra: map[string]string{"xl/sharedStrings.xml": `<?xml version="1.0" encoding="GBK"?><sst><si><t>x</t></si></sst>`}, want: "不支持的字符编码 \"GBK\""},
		"string index":     {sheet: `<row r="1"><c r="A1" t="s"><v>7</v></c></row>`, want: "工作表“S”单元格 A1 引用的共享字符串第 7 项不存在（共享字符串表只有 2 项）"},
		"string garbage":   {sheet: `<row r="1"><c r="B1" t="s"><v>x1</v></c></row>`, want: "单元格 B1 的共享字符串编号 \"x1\" 无效"},
		"row number":       {sheet: `<row r="0"><c r="A1"><v>1</v></c></row>`, want: "工作表“S”的行号 \"0\" 无效"},
		"row too far":      {sheet: `<row r="1048577"><c><v>1</v></c></row>`, want: "的行号 \"1048577\" 无效"},
		"cell address":     {sheet: `<row r="1"><c r="XFE1"><v>1</v></c></row>`, want: "工作表“S”的单元格地址 \"XFE1\" 无效"},
		"style":            {sheet: `<row r="1"><c r="A1" s="-1"><v>1</v></c></row>`, want: "单元格 A1 的样式编号 \"-1\" 无效"},
		"shared index":     {sheet: `<row r="1"><c r="A1"><f t="shared" si="q" ref="A1:A2">1</f></c></row>`, want: "单元格 A1 的共享公式编号 \"q\" 无效"},
		"cut short":        {sheet: `<row r="1"><c r="A1"><v>1`, want: "部件 xl/worksheets/sheet1.xml 不是有效的 XML"},
		"too many cells":   {sheet: strings.Repeat(`<row><c><v>1</v></c></row>`, 1001), want: "中有值的单元格超过 1000 个"},
		"too many merges":  {sheet: `</sheetData><mergeCells>` + strings.Repeat(`<mergeCell ref="A1:B2"/>`, 101) + `</mergeCells><sheetData>`, want: "的合并单元格超过 100 处"},
		"merged area":      {sheet: `</sheetData><mergeCells><mergeCell ref="A1:GR5000"/></mergeCells><sheetData>`, want: "的合并单元格共覆盖超过 10000 个单元格"},
		"cell columns":     {sheet: `<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`, want: "第 1 行的单元格超过 16384 列"},
		"formula too long": {sheet: `<row r="1"><c r="A1"><f>` + strings.Repeat("1+", 5000) + `1</f></c></row>`, want: "单元格 A1 的公式超过 8192 个字符"},
	} {
		wb, err := openTest(t, c.sheet, c.extra)
		if err == nil {
			_, err = wb.ReadSheet(0, testLimits)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
}

// TestFarCellsCostNothing: a cell at XFD1048576 or a row 1048576 is counted, not kept: the sheet reports
// how far it goes and allocates no grid.
func TestFarCellsCostNothing(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := sheetTest(t, `<row r="1"><c r="A1"><v>1</v></c><c r="GS1"><v>1</v></c><c r="XFD1"><v>1</v></c></row><row r="3"><c r="HA3"><v>2</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, nil)
	runtime.ReadMemStats(&after)
	if s.LastRow != 1048576 || s.WideRow != 1 || s.WideCols != 16384 {
		t.Errorf("LastRow %d, WideRow %d, WideCols %d", s.LastRow, s.WideRow, s.WideCols)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("reading allocated %d bytes", grew)
	}
	if rows := s.Rows(); len(rows) != 1 || !reflect.DeepEqual(rows[0], []string{"1"}) {
		t.Errorf("rows %q", rows)
	}
	// An empty styled cell, however far, is no content.
	s = sheetTest(t, `<row r="2"><c r="A2"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>`, nil)
	if s.LastRow != 2 || s.WideRow != 0 {
		t.Errorf("styled empty cells: LastRow %d, WideRow %d", s.LastRow, s.WideRow)
	}
}

// TestCellPositions: rows and cells without r follow the previous ones (a row without r takes its first
// cell's row); rows and cells out of order are put in order, a repeated position keeps the later cell.
func TestCellPositions(t *testing.T) {
	s := sheetTest(t, `<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C4"><v>3</v></c><c><v>4</v></c></row>`+
		`<row r="2"><c r="B2"><v>5</v></c><c r="A2"><v>6</v></c><c r="B2"><v>7</v></c></row><row r="1"><c r="E1"><v>8</v></c></row>`, nil)
	want := [][]string{{"1", "2", "", "", "8"}, {"6", "7"}, nil, {"", "", "3", "4"}}
	if got := s.Rows(); !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

// TestCellValues: raw and shown values of each cell type, strings with rich text and escapes, numbers
// to 15 digits, formats by style, merged ranges read as their top-left cell.
func TestCellValues(t *testing.T) {
	s := sheetTest(t, `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r><rPh><t>ふ</t></rPh></is></c>`+
		`<c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1"><v>0.30000000000000004</v></c><c r="F1" s="1"><v>232.45</v></c>`+
		`<c r="G1" s="2"><v>45677</v></c><c r="H1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="I1" t="inlineStr"><is><t>a_x000D_b_x005F_x0041_</t></is></c>`+
		`<c r="J1" t="d" s="2"><v>2025-01-20T00:00:00Z</v></c><c r="K1" s="3"><v>-1.5</v></c></row>`+
		`<row r="2"><c r="A2"><v>9</v></c></row>`+
		`</sheetData><mergeCells><mergeCell ref="A2:C3"/></mergeCells><sheetData>`, nil)
	for cell, want := range map[string]CellValue{
		"A1": {Raw: "零", Shown: "零"}, "B1": {Raw: "富文本", Shown: "富文本"}, "C1": {Raw: "1", Shown: "TRUE"},
		"D1": {Raw: "#N/A", Shown: "#N/A"}, "E1": {Raw: "0.30000000000000004", Shown: "0.3", Number: true}, "F1": {Raw: "232.45", Shown: "232.4500", Number: true},
		"G1": {Raw: "45677", Shown: "01-20-25", Number: true}, "H1": {Formula: `"a"&"b"`, Raw: "ab", Shown: "ab"}, "I1": {Raw: "a\rb_x0041_", Shown: "a\rb_x0041_"},
		"J1": {Raw: "45677", Shown: "01-20-25"}, "K1": {Raw: "-1.5", Shown: "-1.50", Number: true},
		"A2": {Raw: "9", Shown: "9", Number: true}, "C3": {Raw: "9", Shown: "9", Number: true}, "D3": {},
	} {
		col, row, _ := ParseCell(cell)
		if got := s.Value(col, row); got != want {
			t.Errorf("%s = %+v, want %+v", cell, got, want)
		}
	}
	if m := s.Merges(); len(m) != 1 || m[0] != (Area{1, 2, 3, 3}) {
		t.Errorf("merges %v", m)
	}
}

// TestSharedFormulas: a shared formula's dependents read the master's formula with relative references
// moved; one moved off the sheet is #REF!; a group without master has no formula.
func TestSharedFormulas(t *testing.T) {
	s := sheetTest(t, `<row r="2"><c r="B2"><f t="shared" ref="B2:C3" si="4">A1+$A$1+A$1+$A1+SUM(A1:B1)+Sheet2!A1+LOG10(1)+"A1"</f></c><c r="C2"><f t="shared" si="4"/></c></row>`+
		`<row r="3"><c r="B3"><f t="shared" si="4"/></c><c r="C3"><f t="shared" si="4">ignored</f></c><c r="D3"><f t="shared" si="9"/></c></row>`+
		`<row r="4"><c r="A4"><f t="shared" ref="A4:A5" si="5">A1048576</f></c></row><row r="5"><c r="A5"><f t="shared" si="5"/></c></row>`, nil)
	for cell, want := range map[string]string{
		"B2": `A1+$A$1+A$1+$A1+SUM(A1:B1)+Sheet2!A1+LOG10(1)+"A1"`,
		"C2": `B1+$A$1+B$1+$A1+SUM(B1:C1)+Sheet2!B1+LOG10(1)+"A1"`,
		"B3": `A2+$A$1+A$1+$A2+SUM(A2:B2)+Sheet2!A2+LOG10(1)+"A1"`,
		"C3": `B2+$A$1+B$1+$A2+SUM(B2:C2)+Sheet2!B2+LOG10(1)+"A1"`,
		"D3": "", "A4": "A1048576", "A5": "#REF!",
	} {
		col, row, _ := ParseCell(cell)
		if got := s.Formula(col, row); got != want {
			t.Errorf("%s: %q, want %q", cell, got, want)
		}
	}
}

// TestStrictAndPrefixed: strict namespaces and prefixed elements read as transitional ones.
func TestStrictAndPrefixed(t *testing.T) {
	strictMain := `xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"`
	strictRel := "http://purl.oclc.org/ooxml/officeDocument/relationships"
	wb, err := Open(zipParts(t, map[string]string{
		"_rels/.rels":                testPkgRel + `<Relationship Id="rId1" Type="` + strictRel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<x:workbook ` + strictMain + `><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": testPkgRel + `<Relationship Id="rId1" Type="` + strictRel + `/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   `<x:worksheet ` + strictMain + `><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>严格</x:t></x:is></x:c><x:c r="B1"><x:f>1+1</x:f></x:c></x:row></x:sheetData></x:worksheet>`,
	}), nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := wb.ReadSheet(0, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if v := s.Value(1, 1); v.Shown != "严格" {
		t.Errorf("A1 %+v", v)
	}
	if v, err := s.Calc(2, 1, CalcLimits{MaxDepth: 8, MaxCells: 100}); v != "2" || err != nil {
		t.Errorf("B1 = %q, %v", v, err)
	}
}

func ExampleGrid_Value() {
	zr := zipParts(&testing.T{}, testParts(`<row r="3"><c r="B3" s="1"><v>12.5</v></c></row>`, nil))
	wb, _ := Open(zr, nil)
	s, _ := wb.ReadSheet(0, Limits{MaxRow: 100, MaxCol: 10, MaxCells: 100, MaxMerges: 10, MaxMergedCells: 100})
	v := s.Value(2, 3)
	fmt.Println(v.Raw, v.Shown)
	// Output: 12.5 12.5000
}
