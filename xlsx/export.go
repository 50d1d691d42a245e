package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/xlsx/internal/sml"
)

// Options configure Export.
type Options struct {
	// Template leaves the agency blank when the report only holds the skeleton's placeholder and adds an
	// empty row per narrative section to the 正文 sheet, for a unit to fill in.
	Template bool
	// NoNarrative leaves out the 正文 sheet.
	NoNarrative bool
}

// agencyPlaceholder is the agency name report.Skeleton writes when none is given.
const agencyPlaceholder = "（请填写机关名称）"

// Template writes the empty workbook of a format and year: the skeleton report of `nianbao init` (with
// the carry-over of SkeletonOptions.From: 上年结转, 上一年项目数量, agency and preamble) as a workbook.
func Template(o report.SkeletonOptions, w io.Writer) error {
	r, err := report.Parse("template.toml", []byte(report.Skeleton(o)))
	if err != nil {
		return err
	}
	return Export(r, w, Options{Template: true})
}

// Export writes the workbook of a report: 基本信息, 表二, 表三, 表四 and 正文 (its preamble and narrative).
// The output is deterministic.
func Export(r *report.Report, w io.Writer, o Options) error {
	f := sml.NewBook()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := writeInfo(f, st, r, o); err != nil {
		return fmt.Errorf("%s: %w", SheetInfo, err)
	}
	t2, t3, t4 := r.Tables()
	for _, t := range []*layouts.Table{t2, t3, t4} {
		if err := writeTable(f, st, r, t); err != nil {
			return fmt.Errorf("%s: %w", t.Name, err)
		}
	}
	if !o.NoNarrative {
		if err := writeNarrative(f, st, r, o); err != nil {
			return fmt.Errorf("%s: %w", SheetNarrative, err)
		}
	}
	f.Active = 0
	f.FullCalcOnLoad = true
	f.Title, f.Creator, f.Application = r.Title, "nianbao", "nianbao"
	f.Created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // fixed: the output is deterministic
	f.Modified = f.Created
	return f.Write(w)
}

// sheetWidth is the total column width (in character units) a sheet gets: portrait A4 or landscape A4.
func sheetWidth(t *layouts.Table) (float64, string) {
	if t.Cols > 10 {
		return 150, "landscape"
	}
	return 96, "portrait"
}

// writeTable writes one statistical table on its own sheet.
func writeTable(f *sml.Book, st *styles, r *report.Report, t *layouts.Table) error {
	name := sheetName(t)
	sh, err := f.AddSheet(name)
	if err != nil {
		return err
	}
	p := place(t)
	total, orient := sheetWidth(t)
	widths := make([]float64, t.Cols)
	for i, w := range t.Widths {
		widths[i] = math.Round(total*w*10) / 10
		if err := sh.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	last := colName(t.Cols - 1)
	// Row 1: the section heading.
	if err := sh.Merge("A1", last+"1"); err != nil {
		return err
	}
	if err := sh.SetString("A1", sectionHeading(r.Format, t.ID)); err != nil {
		return err
	}
	if err := sh.SetFormat("A1", last+"1", st.title); err != nil {
		return err
	}
	if err := sh.SetRowHeight(1, 30); err != nil {
		return err
	}
	dv := map[layouts.Kind][]string{}
	lines := make([]int, len(t.Rows))
	for i := range lines {
		lines[i] = 1
	}
	for _, c := range t.Cells {
		a, b := cellRange(c)
		if a != b {
			if err := sh.Merge(a, b); err != nil {
				return err
			}
		}
		style := st.label
		switch {
		case c.Key != "":
			style = st.value
		case c.Vertical:
			style = st.labelVert
		case c.Kai:
			style = st.note
		case t.ID == "t3" && c.Row >= t.HeaderRows() && c.RowSpan == 1:
			style = st.labelLeft
		}
		if c.Key == "" {
			if err := sh.SetString(a, c.Text); err != nil {
				return err
			}
			if c.RowSpan == 1 && !c.Vertical {
				w := 0.0
				for k := c.Col; k < c.Col+c.ColSpan; k++ {
					w += widths[k]
				}
				lines[c.Row] = max(lines[c.Row], textLines(c.Text, w))
			}
		} else {
			if style, err = writeValue(f, st, r, p, sh, a, c); err != nil {
				return err
			}
			if style == st.value || style == st.decimal || st.isDecimal(style) {
				dv[c.Kind] = append(dv[c.Kind], a+":"+b)
			}
		}
		if err := sh.SetFormat(a, b, style); err != nil {
			return err
		}
	}
	for i, n := range lines {
		if err := sh.SetRowHeight(gridTop+i, min(float64(n)*14+8, sml.MaxRowHeight)); err != nil {
			return err
		}
	}
	if err := addValidations(sh, dv); err != nil {
		return err
	}
	end := gridTop + len(t.Rows) - 1
	if t.ID == "t3" { // keep the header rows and the label columns in view while typing
		if err := sh.Freeze(3, gridTop+t.HeaderRows()-1); err != nil {
			return err
		}
		if err := writeCheckRow(st, r, p, sh, end+1); err != nil {
			return err
		}
	}
	if err := addRedRules(st, r, p, sh); err != nil {
		return err
	}
	if err := f.DefineName(sml.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", name, last, end), Sheet: name}); err != nil {
		return err
	}
	if h := t.HeaderRows(); h > 0 {
		if err := f.DefineName(sml.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, gridTop, gridTop+h-1), Sheet: name}); err != nil {
			return err
		}
	}
	pageSetup(sh, orient, true)
	return nil
}

// pageSetup prints the sheet on A4, fitted to the page width, centred, and protects it without a password
// (protect is false for the free-text 正文 sheet).
func pageSetup(sh *sml.BookSheet, orient string, protect bool) {
	sh.Page = &sml.PageSetup{PaperSize: 9, Landscape: orient == "landscape", FitToPage: true, FitWidth: 1, FitHeight: 0,
		Margins: &sml.Margins{Left: 0.6, Right: 0.6, Top: 0.8, Bottom: 0.8}, CenterHorizontally: true}
	if protect {
		// Inserting rows stays allowed: the reader finds rows by their labels.
		sh.Protection = &sml.SheetProtection{SelectLockedCells: true, SelectUnlockedCells: true,
			FormatColumns: true, FormatRows: true, InsertRows: true}
	}
}

func (s *styles) isDecimal(id int) bool {
	for _, v := range s.decimals {
		if v == id {
			return true
		}
	}
	return false
}

// writeValue writes a data cell and returns its style: a computed cell as its formula with the report's
// value cached (or as the plain value when the report states a different one, so that the check catches
// it after a round trip), a decimal with exactly its written decimals, a count as an integer.
func writeValue(f *sml.Book, st *styles, r *report.Report, p *placement, sh *sml.BookSheet, a string, c layouts.Cell) (int, error) {
	if formula, plus, minus := p.formula(r.Format, c.Key); formula != "" {
		want, _ := r.Value(c.Key)
		var got int64
		for _, k := range plus {
			v, _ := r.Value(k)
			got += v
		}
		for _, k := range minus {
			v, _ := r.Value(k)
			got -= v
		}
		if got != want {
			return st.computed, sh.SetInt(a, want)
		}
		// The result is cached as text (t="str"), as the workbooks excelize wrote had it: LibreOffice
		// (7.4) trusts a cached number and ignores fullCalcOnLoad, but recalculates a formula whose cached
		// result is text, so that the totals are right when it opens a workbook that a program filled in
		// without calculating. Excel recalculates on load anyway.
		if err := sh.SetString(a, strconv.FormatInt(want, 10)); err != nil {
			return 0, err
		}
		return st.computed, sh.SetFormula(a, formula)
	}
	text := r.CellText(c.Key)
	if c.Kind != layouts.Decimal {
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %q is not an integer", c.Key, text)
		}
		return st.value, sh.SetInt(a, n)
	}
	// A decimal: a number shown with its own decimals, or text when a float would not hold its digits.
	digits := strings.TrimLeft(strings.ReplaceAll(text, ".", ""), "0")
	if len(digits) > 15 {
		return st.decimal, sh.SetString(a, text)
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || sh.SetFloat(a, v) != nil {
		return 0, fmt.Errorf("%s: %q is not a number", c.Key, text)
	}
	n := 0
	if i := strings.IndexByte(text, '.'); i >= 0 {
		n = len(text) - i - 1
	}
	return st.decimalStyle(f, n)
}

// addValidations restricts the value cells: counts are whole numbers 0 … MaxCount, 本年增/减 any integer,
// amounts decimals ≥ 0.
func addValidations(sh *sml.BookSheet, cells map[layouts.Kind][]string) error {
	for _, kind := range []layouts.Kind{layouts.Int, layouts.SignedInt, layouts.Decimal} {
		if len(cells[kind]) == 0 {
			continue
		}
		dv := sml.Validation{Ranges: strings.Join(cells[kind], " "), Type: "whole", Operator: "between", ErrorStyle: "stop"}
		switch kind {
		case layouts.Int:
			dv.Formula1, dv.Formula2 = "0", strconv.Itoa(report.MaxCount)
			dv.ErrorTitle, dv.Error = "请填写件数", fmt.Sprintf("这里填写 0 到 %d 的整数；没有数据请填 0。", report.MaxCount)
		case layouts.SignedInt:
			dv.Formula1, dv.Formula2 = strconv.Itoa(-report.MaxCount), strconv.Itoa(report.MaxCount)
			dv.ErrorTitle, dv.Error = "请填写整数", "本年增/减填写整数，减少时填负数，例如 -2；没有变化请填 0。"
		case layouts.Decimal:
			dv.Type, dv.Formula1, dv.Formula2 = "decimal", "0", "1000000000000000" // 1e15
			dv.ErrorTitle, dv.Error = "请填写金额", "这里填写不带单位的数字（单位见表头），例如 12.3456；没有请填 0。"
		}
		if err := sh.AddValidation(dv); err != nil {
			return err
		}
	}
	return nil
}

// checkLabel is the label of the check row under table 三.
const checkLabel = "勾稽检查：第一项加第二项之和等于第三项加第四项之和"

// writeCheckRow writes the row under table 三 that says 相符 or 不符 for every column.
func writeCheckRow(st *styles, r *report.Report, p *placement, sh *sml.BookSheet, row int) error {
	a, b := sml.CellName(1, row, false), sml.CellName(3, row, false)
	if err := sh.Merge(a, b); err != nil {
		return err
	}
	if err := sh.SetString(a, checkLabel); err != nil {
		return err
	}
	if err := sh.SetFormat(a, b, st.check); err != nil {
		return err
	}
	for _, col := range layouts.T3Columns {
		cell := sml.CellName(p.keys["t3.new."+col.ID].Col+1, row, false)
		ok := r.T3["new"][colIndex(col.ID)]+r.T3["carried"][colIndex(col.ID)] == r.T3["r7"][colIndex(col.ID)]+r.T3["carry"][colIndex(col.ID)] &&
			r.T3["carry"][colIndex(col.ID)] >= 0
		cached := "相符"
		if !ok {
			cached = "不符"
		}
		if err := sh.SetString(cell, cached); err != nil {
			return err
		}
		if err := sh.SetFormula(cell, fmt.Sprintf(`IF(AND(%s,%s>=0),"相符","不符")`, goujiEq(p, col.ID), p.keyAddr("t3.carry."+col.ID))); err != nil {
			return err
		}
		if err := sh.SetFormat(cell, cell, st.check); err != nil {
			return err
		}
	}
	return sh.SetRowHeight(row, 28)
}

func colIndex(id string) int {
	for i, c := range layouts.T3Columns {
		if c.ID == id {
			return i
		}
	}
	return 0
}

// goujiEq is the 勾稽关系 of one column of table 三 as a formula: 一 + 二 = （七） + 四.
func goujiEq(p *placement, col string) string {
	return fmt.Sprintf("%s+%s=%s+%s", p.absAddr("t3.new."+col), p.absAddr("t3.carried."+col), p.absAddr("t3.r7."+col), p.absAddr("t3.carry."+col))
}

// addRedRules colours a computed cell red when it no longer equals its formula (a clerk typed over it),
// and the rows （七）总计 and 四、结转下年度继续办理 and the check row when the 勾稽关系 fails.
func addRedRules(st *styles, r *report.Report, p *placement, sh *sml.BookSheet) error {
	red := func(ref, criteria string) error { return sh.AddCondFormat(ref, criteria, st.red) }
	for _, c := range p.t.Cells {
		formula, _, _ := p.formula(r.Format, c.Key)
		if formula == "" {
			continue
		}
		a := addr(c.Row, c.Col)
		if err := red(a, fmt.Sprintf("%s<>%s", a, formula)); err != nil {
			return err
		}
	}
	if p.t.ID != "t3" {
		return nil
	}
	checkRow := gridTop + len(p.t.Rows)
	for _, col := range layouts.T3Columns {
		bad := fmt.Sprintf("NOT(AND(%s,%s>=0))", goujiEq(p, col.ID), p.absAddr("t3.carry."+col.ID))
		c := p.keys["t3.new."+col.ID].Col
		check := sml.CellName(c+1, checkRow, false)
		ref := fmt.Sprintf("%s %s %s", p.keyAddr("t3.r7."+col.ID), p.keyAddr("t3.carry."+col.ID), check)
		if err := red(ref, bad); err != nil {
			return err
		}
	}
	return nil
}

// textLines estimates the lines a label takes in a column of the given width (character units; a CJK
// character takes two).
func textLines(s string, width float64) int {
	units := 0.0
	for _, c := range s {
		if utf8.RuneLen(c) >= 3 {
			units += 2.1
		} else {
			units++
		}
	}
	avail := width - 1.5
	if avail < 2 {
		avail = 2
	}
	return max(1, int(math.Ceil(units/avail)))
}
