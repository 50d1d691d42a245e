package sml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// bookMust stops the test on an error.
func bookMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// bookWritten writes the book and opens the result with excelize, the oracle.
func bookWritten(t *testing.T, b *Book) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	bookMust(t, b.Write(&buf))
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("excelize cannot open what we wrote: %v", err)
	}
	return f, buf.Bytes()
}

// bookSample builds a workbook that uses every feature of the writer.
func bookSample(t *testing.T) *Book {
	t.Helper()
	b := NewBook()
	b.Title, b.Creator, b.Application = "标题 & <样例>", "nianbao", "nianbao"
	b.Created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	b.Modified = time.Date(2001, 2, 3, 4, 5, 6, 0, time.FixedZone("CST", 8*3600))
	b.FullCalcOnLoad = true
	b.Active = 1
	head, err := b.AddFormat(CellFormat{Font: &Font{Name: "黑体", Size: 14, Bold: true, Family: 2},
		Alignment: &Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Protection: &CellProtection{Locked: true}})
	bookMust(t, err)
	value, err := b.AddFormat(CellFormat{Font: &Font{Name: "宋体", Size: 10.5}, Border: BoxBorder("thin", "000000"),
		Protection: &CellProtection{Locked: false}, NumFmt: 1})
	bookMust(t, err)
	grey, err := b.AddFormat(CellFormat{Font: &Font{Name: "宋体", Size: 9, Italic: true, Color: "375623"}, Fill: "e7e6e6",
		Alignment: &Alignment{TextRotation: 255}, NumFmtCode: "0.0000"})
	bookMust(t, err)
	red, err := b.AddDiffFormat(DiffFormat{Bold: true, Color: "9C0006", Fill: "FFC7CE"})
	bookMust(t, err)

	info, err := b.AddSheet("基本信息")
	bookMust(t, err)
	bookMust(t, info.SetString("A1", "一"))
	s, err := b.AddSheet("表三")
	bookMust(t, err)
	bookMust(t, s.SetString("A1", "标题"))
	bookMust(t, s.Merge("A1", "D1"))
	bookMust(t, s.SetFormat("A1", "D1", head))
	bookMust(t, s.SetInt("A2", 12))
	bookMust(t, s.SetInt("B2", -3))
	bookMust(t, s.SetFloat("C2", 232.4586))
	bookMust(t, s.SetFormat("A2", "B2", value))
	bookMust(t, s.SetFormat("C2", "C2", grey))
	bookMust(t, s.SetFormat("A3", "A3", value))
	bookMust(t, s.SetString("A3", "")) // stays blank
	bookMust(t, s.SetFormula("D2", "SUM(A2:C2)"))
	bookMust(t, s.SetFloat("D2", 241.4586))
	bookMust(t, s.SetString("D3", "相符"))
	bookMust(t, s.SetFormula("D3", `IF(D2>0,"相符","不符")`))
	bookMust(t, s.SetColWidth(1, 1, 5.8))
	bookMust(t, s.SetColWidth(2, 4, 7.4))
	bookMust(t, s.SetRowHeight(1, 30))
	bookMust(t, s.SetRowHeight(7, 12.5)) // a row with a height and no cells
	bookMust(t, s.Freeze(3, 2))
	bookMust(t, s.AddValidation(Validation{Ranges: "A2:B2 C2", Type: "whole", Operator: "between", Formula1: "0", Formula2: "999999999",
		ErrorStyle: "stop", ErrorTitle: "请填写件数", Error: "这里填写 0 到 999999999 的整数；\n没有数据请填 0。"}))
	list, err := ListFormula("是", "否", `说"明"`)
	bookMust(t, err)
	bookMust(t, s.AddValidation(Validation{Ranges: "E2:E200", Type: "list", Formula1: list, AllowBlank: true}))
	bookMust(t, s.AddCondFormat("D2", "D2<>SUM(A2:C2)", red))
	bookMust(t, s.AddCondFormat("A2 D3", "NOT(AND($A$2>=0,$D$3=\"相符\"))", red))
	s.Protection = &SheetProtection{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true, InsertRows: true}
	s.Page = &PageSetup{PaperSize: 9, Landscape: true, FitToPage: true, FitWidth: 1, FitHeight: 0,
		Margins: &Margins{Left: 0.6, Right: 0.6, Top: 0.8, Bottom: 0.8}, CenterHorizontally: true}
	bookMust(t, b.DefineName(DefinedName{Name: "_xlnm.Print_Area", RefersTo: "'表三'!$A$1:$D$3", Sheet: "表三"}))
	bookMust(t, b.DefineName(DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'表三'!$1:$1", Sheet: "表三"}))
	bookMust(t, b.DefineName(DefinedName{Name: "总计", RefersTo: "'表三'!$D$2"}))
	return b
}

// TestWriteExcelizeReads: excelize opens what the writer wrote and finds every value, formula, format and
// sheet setting as it was set.
func TestWriteExcelizeReads(t *testing.T) {
	f, _ := bookWritten(t, bookSample(t))
	const s = "表三"
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"基本信息", s}) {
		t.Errorf("sheets %v", got)
	}
	if f.GetActiveSheetIndex() != 1 {
		t.Errorf("active sheet %d", f.GetActiveSheetIndex())
	}
	cells := []struct {
		ref, value string
		typ        excelize.CellType
		formula    string
	}{
		{"A1", "标题", excelize.CellTypeSharedString, ""},
		{"A2", "12", excelize.CellTypeUnset, ""},
		{"B2", "-3", excelize.CellTypeUnset, ""},
		{"C2", "232.4586", excelize.CellTypeUnset, ""},
		{"D2", "241.4586", excelize.CellTypeUnset, "SUM(A2:C2)"},
		{"D3", "相符", excelize.CellTypeFormula, `IF(D2>0,"相符","不符")`},
		{"A3", "", excelize.CellTypeUnset, ""},
	}
	for _, c := range cells {
		v, err := f.GetCellValue(s, c.ref, excelize.Options{RawCellValue: true})
		bookMust(t, err)
		typ, err := f.GetCellType(s, c.ref)
		bookMust(t, err)
		formula, err := f.GetCellFormula(s, c.ref)
		bookMust(t, err)
		if v != c.value || typ != c.typ || formula != c.formula {
			t.Errorf("%s: %q type %v formula %q, want %q %v %q", c.ref, v, typ, formula, c.value, c.typ, c.formula)
		}
	}
	if id, err := f.GetCellStyle(s, "A3"); err != nil || id == 0 {
		t.Errorf("blank A3 lost its format: %d %v", id, err)
	}
	style := func(ref string) *excelize.Style {
		id, err := f.GetCellStyle(s, ref)
		bookMust(t, err)
		st, err := f.GetStyle(id)
		bookMust(t, err)
		return st
	}
	if st := style("D1"); st.Font == nil || st.Font.Family != "黑体" || st.Font.Size != 14 || !st.Font.Bold ||
		st.Alignment == nil || st.Alignment.Horizontal != "center" || st.Alignment.Vertical != "center" || !st.Alignment.WrapText ||
		st.Protection == nil || !st.Protection.Locked {
		t.Errorf("heading style %+v %+v %+v", st.Font, st.Alignment, st.Protection)
	}
	if st := style("B2"); st.NumFmt != 1 || st.Protection == nil || st.Protection.Locked || len(st.Border) != 4 ||
		st.Border[0] != (excelize.Border{Type: "left", Color: "000000", Style: 1}) || st.Font.Family != "宋体" || st.Font.Size != 10.5 {
		t.Errorf("value style numfmt %d %+v %+v %+v", st.NumFmt, st.Protection, st.Border, st.Font)
	}
	if st := style("C2"); st.CustomNumFmt == nil || *st.CustomNumFmt != "0.0000" || st.Fill.Pattern != 1 ||
		!reflect.DeepEqual(st.Fill.Color, []string{"E7E6E6"}) || st.Font.Color != "375623" || !st.Font.Italic ||
		st.Alignment.TextRotation != 255 {
		t.Errorf("grey style %+v %+v %+v %+v", st.CustomNumFmt, st.Fill, st.Font, st.Alignment)
	}
	cfs, err := f.GetConditionalFormats(s)
	bookMust(t, err)
	if len(cfs["D2"]) != 1 || cfs["D2"][0].Criteria != "D2<>SUM(A2:C2)" || cfs["D2"][0].Type != "formula" ||
		len(cfs["A2 D3"]) != 1 || cfs["A2 D3"][0].Criteria != `NOT(AND($A$2>=0,$D$3="相符"))` {
		t.Errorf("conditional formats %+v", cfs)
	}
	dxf, err := f.GetConditionalStyle(*cfs["D2"][0].Format)
	bookMust(t, err)
	if !dxf.Font.Bold || dxf.Font.Color != "9C0006" || !reflect.DeepEqual(dxf.Fill.Color, []string{"FFC7CE"}) {
		t.Errorf("red %+v %+v", dxf.Font, dxf.Fill)
	}
	mcs, err := f.GetMergeCells(s)
	bookMust(t, err)
	if len(mcs) != 1 || mcs[0].GetStartAxis() != "A1" || mcs[0].GetEndAxis() != "D1" || mcs[0].GetCellValue() != "标题" {
		t.Errorf("merges %v", mcs)
	}
	dvs, err := f.GetDataValidations(s)
	bookMust(t, err)
	if len(dvs) != 2 {
		t.Fatalf("%d validations", len(dvs))
	}
	if d := dvs[0]; d.Sqref != "A2:B2 C2" || d.Type != "whole" || d.Operator != "between" || d.Formula1 != "0" ||
		d.Formula2 != "999999999" || !d.ShowErrorMessage || *d.ErrorStyle != "stop" || *d.ErrorTitle != "请填写件数" ||
		*d.Error != "这里填写 0 到 999999999 的整数；\n没有数据请填 0。" || d.AllowBlank {
		t.Errorf("whole validation %+v", d)
	}
	if d := dvs[1]; d.Sqref != "E2:E200" || d.Type != "list" || d.Formula1 != `"是,否,说"明""` /* excelize undoes the doubled quotes */ || !d.AllowBlank || d.ShowErrorMessage {
		t.Errorf("list validation %+v", d)
	}
	panes, err := f.GetPanes(s)
	bookMust(t, err)
	if !panes.Freeze || panes.XSplit != 3 || panes.YSplit != 2 || panes.TopLeftCell != "D3" || panes.ActivePane != "bottomRight" {
		t.Errorf("panes %+v", panes)
	}
	pl, err := f.GetPageLayout(s)
	bookMust(t, err)
	if *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
		t.Errorf("page layout %+v", pl)
	}
	pm, err := f.GetPageMargins(s)
	bookMust(t, err)
	if *pm.Left != 0.6 || *pm.Right != 0.6 || *pm.Top != 0.8 || *pm.Bottom != 0.8 || !*pm.Horizontally {
		t.Errorf("margins %+v", pm)
	}
	sp, err := f.GetSheetProps(s)
	bookMust(t, err)
	if !*sp.FitToPage {
		t.Error("not fitted to the page")
	}
	prot, err := f.GetSheetProtection(s)
	bookMust(t, err)
	if want := (excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true,
		FormatRows: true, InsertRows: true}); prot != want {
		t.Errorf("protection %+v", prot)
	}
	for col, want := range map[string]float64{"A": 5.8, "B": 7.4, "D": 7.4} {
		if w, err := f.GetColWidth(s, col); err != nil || w != want {
			t.Errorf("column %s width %v %v", col, w, err)
		}
	}
	for row, want := range map[int]float64{1: 30, 7: 12.5} {
		if h, err := f.GetRowHeight(s, row); err != nil || h != want {
			t.Errorf("row %d height %v %v", row, h, err)
		}
	}
	dim, err := f.GetSheetDimension(s)
	bookMust(t, err)
	if dim != "A1:D3" {
		t.Errorf("dimension %s", dim)
	}
	names := f.GetDefinedName()
	want := []excelize.DefinedName{{Name: "_xlnm.Print_Area", RefersTo: "'表三'!$A$1:$D$3", Scope: "表三"},
		{Name: "_xlnm.Print_Titles", RefersTo: "'表三'!$1:$1", Scope: "表三"}, {Name: "总计", RefersTo: "'表三'!$D$2", Scope: "Workbook"}}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("defined names %+v", names)
	}
	dp, err := f.GetDocProps()
	bookMust(t, err)
	if dp.Title != "标题 & <样例>" || dp.Creator != "nianbao" || dp.Created != "2000-01-01T00:00:00Z" || dp.Modified != "2001-02-02T20:05:06Z" {
		t.Errorf("doc props %+v", dp)
	}
	ap, err := f.GetAppProps()
	bookMust(t, err)
	if ap.Application != "nianbao" {
		t.Errorf("app props %+v", ap)
	}
	cp, err := f.GetCalcProps()
	bookMust(t, err)
	if cp.FullCalcOnLoad == nil || !*cp.FullCalcOnLoad {
		t.Error("no fullCalcOnLoad")
	}
}

// TestWriteDeterministic: the same calls give the same bytes, in one book written twice and in two books.
func TestWriteDeterministic(t *testing.T) {
	b := bookSample(t)
	var one, two, three bytes.Buffer
	bookMust(t, b.Write(&one))
	bookMust(t, b.Write(&two))
	bookMust(t, bookSample(t).Write(&three))
	if !bytes.Equal(one.Bytes(), two.Bytes()) || !bytes.Equal(one.Bytes(), three.Bytes()) {
		t.Error("writes differ")
	}
}

// TestWritePartsWellFormed: every part of the package parses as XML, and the worksheet's elements come in the
// order of CT_Worksheet.
func TestWritePartsWellFormed(t *testing.T) {
	_, data := bookWritten(t, bookSample(t))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	bookMust(t, err)
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		rc, err := zf.Open()
		bookMust(t, err)
		body, err := io.ReadAll(rc)
		rc.Close()
		bookMust(t, err)
		dec := xml.NewDecoder(bytes.NewReader(body))
		var order []string
		depth := 0
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", zf.Name, err)
			}
			switch tk := tok.(type) {
			case xml.StartElement:
				if depth == 1 {
					order = append(order, tk.Name.Local)
				}
				depth++
			case xml.EndElement:
				depth--
			}
		}
		if zf.Name == "xl/worksheets/sheet2.xml" {
			want := []string{"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetProtection",
				"mergeCells", "conditionalFormatting", "conditionalFormatting", "dataValidations", "printOptions", "pageMargins", "pageSetup"}
			if !reflect.DeepEqual(order, want) {
				t.Errorf("worksheet elements %v", order)
			}
		}
	}
	if names[0] != "[Content_Types].xml" {
		t.Errorf("parts %v", names)
	}
}
