package sml

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// BookSheet is a sheet of a Book being written. Cells are given by address ("C12"); a setter that fails
// leaves the sheet unchanged.
type BookSheet struct {
	// Protection, when set, protects the sheet without a password.
	Protection *SheetProtection
	// Page, when set, is the sheet's print setup.
	Page *PageSetup

	book      *Book
	name      string
	rows      map[int]*bookRow
	cols      map[int]float64 // column widths
	merges    []cellRange
	valids    []Validation
	conds     []condFormat
	freezeCol int // columns and rows kept in view
	freezeRow int
}

// SheetProtection lists what a protected sheet still allows; everything else (editing locked cells
// above all) is refused until the protection is lifted.
type SheetProtection struct {
	SelectLockedCells, SelectUnlockedCells      bool
	FormatCells, FormatColumns, FormatRows      bool
	InsertColumns, InsertRows, InsertHyperlinks bool
	DeleteColumns, DeleteRows                   bool
	Sort, AutoFilter, PivotTables               bool
	EditObjects, EditScenarios                  bool
}

// PageSetup is how a sheet prints.
type PageSetup struct {
	PaperSize int // 9 is A4, 1 Letter; 0 leaves it to the printer
	Landscape bool
	// FitToPage scales the sheet to FitWidth pages wide and FitHeight pages tall (0: as many as needed).
	FitToPage           bool
	FitWidth, FitHeight int
	// Margins in inches; nil leaves the program's defaults.
	Margins *Margins
	// CenterHorizontally centres the printed area between the side margins.
	CenterHorizontally bool
}

// Margins are a page's margins in inches.
type Margins struct{ Left, Right, Top, Bottom, Header, Footer float64 }

// Validation restricts what may be typed into cells (a dataValidation).
type Validation struct {
	Ranges     string // the cells: addresses and ranges separated by spaces, e.g. "B4 C4:D9"
	Type       string // whole, decimal, list, date, time, textLength or custom
	Operator   string // between, notBetween, equal, notEqual, lessThan, lessThanOrEqual, greaterThan, greaterThanOrEqual; "" for list and custom
	Formula1   string // the bound or list (see ListFormula), without a leading =
	Formula2   string // the upper bound of between and notBetween
	AllowBlank bool   // an empty cell passes
	// ErrorStyle is what happens to a value that fails: stop (refused), warning or information, with
	// ErrorTitle (at most 32 characters) and Error (at most 255). "" accepts it silently.
	ErrorStyle        string
	ErrorTitle, Error string
}

// bookRow is a row of a sheet: its height (0: default) and its cells by column.
type bookRow struct {
	height float64
	cells  map[int]*bookCell
}

// cellKind is what a cell holds.
type cellKind uint8

const (
	cellBlank  cellKind = iota // only a format
	cellString                 // text: a shared string, or the cached result of a formula
	cellNumber                 // a number, its text in plain decimal notation
)

// bookCell is a cell: its value, formula and format.
type bookCell struct {
	kind    cellKind
	value   string
	formula string
	format  int
}

// cellRange is a rectangle of cells, 1-based and inclusive.
type cellRange struct{ c1, r1, c2, r2 int }

func (r cellRange) String() string {
	a := CellName(r.c1, r.r1, false)
	if r.c1 == r.c2 && r.r1 == r.r2 {
		return a
	}
	return a + ":" + CellName(r.c2, r.r2, false)
}

func (r cellRange) overlaps(o cellRange) bool {
	return r.c1 <= o.c2 && o.c1 <= r.c2 && r.r1 <= o.r2 && o.r1 <= r.r2
}

// condFormat is a conditional format: where, the formula that turns it on, the format it applies.
type condFormat struct {
	ranges  string
	formula string
	dxf     int
}

// Name returns the sheet's name.
func (s *BookSheet) Name() string { return s.name }

// errf prefixes a message with the sheet's name.
func (s *BookSheet) errf(format string, a ...any) error {
	return fmt.Errorf("工作表“%s”：%s", s.name, fmt.Sprintf(format, a...))
}

// cell returns the cell at ref, creating it if need be; it fails on a bad address or a full workbook.
func (s *BookSheet) cell(ref string) (*bookCell, error) {
	col, row, err := ParseCell(ref)
	if err != nil {
		return nil, s.errf("%v", err)
	}
	return s.cellAt(col, row)
}

// cellAt is cell by column and row number.
func (s *BookSheet) cellAt(col, row int) (*bookCell, error) {
	r := s.rows[row]
	if r == nil {
		r = &bookRow{cells: map[int]*bookCell{}}
		s.rows[row] = r
	}
	c := r.cells[col]
	if c == nil {
		if s.book.cells >= maxCells {
			return nil, s.errf("单元格超过 %d 个", maxCells)
		}
		s.book.cells++
		c = &bookCell{}
		r.cells[col] = c
	}
	return c, nil
}

// SetString sets a cell to text. Characters XML cannot hold are dropped and text past MaxCellChars is cut
// off; an empty text leaves the cell blank.
func (s *BookSheet) SetString(ref, v string) error {
	c, err := s.cell(ref)
	if err != nil {
		return err
	}
	v = clipCellText(v)
	if v == "" {
		c.kind, c.value = cellBlank, ""
		return nil
	}
	c.kind, c.value = cellString, v
	return nil
}

// SetInt sets a cell to an integer. Excel holds numbers as float64: past ±2⁵³ an integer loses digits.
func (s *BookSheet) SetInt(ref string, v int64) error {
	c, err := s.cell(ref)
	if err != nil {
		return err
	}
	c.kind, c.value = cellNumber, strconv.FormatInt(v, 10)
	return nil
}

// SetFloat sets a cell to a number, written as the shortest decimal that reads back as v. NaN and the
// infinities are refused: a cell cannot hold them.
func (s *BookSheet) SetFloat(ref string, v float64) error {
	if !isFinite(v) {
		return s.errf("单元格 %s 不能存放 %v", ref, v)
	}
	c, err := s.cell(ref)
	if err != nil {
		return err
	}
	c.kind, c.value = cellNumber, numberText(v)
	return nil
}

// SetFormula gives a cell a formula (without the leading =). The cell's value, set before or after, is
// written as the formula's cached result: what a reader that does not calculate sees.
func (s *BookSheet) SetFormula(ref, formula string) error {
	if formula == "" || utf16Units(formula) > maxFormulaChars || clipCellText(formula) != formula {
		return s.errf("单元格 %s 的公式无效：应为 1 到 %d 个字符，不含控制字符", ref, maxFormulaChars)
	}
	c, err := s.cell(ref)
	if err != nil {
		return err
	}
	c.formula = formula
	return nil
}

// parseRange reads "A1:C3" (or one address) into a range with its corners in order.
func (s *BookSheet) parseRange(from, to string) (cellRange, error) {
	c1, r1, err := ParseCell(from)
	if err != nil {
		return cellRange{}, s.errf("%v", err)
	}
	c2, r2, err := ParseCell(to)
	if err != nil {
		return cellRange{}, s.errf("%v", err)
	}
	return cellRange{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, nil
}

// SetFormat gives every cell of the range from:to the cell format of index format (from Book.AddFormat).
func (s *BookSheet) SetFormat(from, to string, format int) error {
	rg, err := s.parseRange(from, to)
	if err != nil {
		return err
	}
	if format < 0 || format >= len(s.book.styles.xfs.list) {
		return s.errf("单元格格式 %d 不存在", format)
	}
	n := (rg.c2 - rg.c1 + 1) * (rg.r2 - rg.r1 + 1)
	if s.book.cells+n > maxCells {
		return s.errf("范围 %s 太大：单元格超过 %d 个", rg, maxCells)
	}
	for r := rg.r1; r <= rg.r2; r++ {
		for c := rg.c1; c <= rg.c2; c++ {
			cell, err := s.cellAt(c, r)
			if err != nil {
				return err
			}
			cell.format = format
		}
	}
	return nil
}

// Merge merges the cells from:to into one; its value is the top left cell's. Merged ranges may not overlap.
func (s *BookSheet) Merge(from, to string) error {
	rg, err := s.parseRange(from, to)
	if err != nil {
		return err
	}
	if rg.c1 == rg.c2 && rg.r1 == rg.r2 {
		return s.errf("合并范围 %s 只有一个单元格", rg)
	}
	for _, m := range s.merges {
		if m.overlaps(rg) {
			return s.errf("合并范围 %s 与 %s 重叠", rg, m)
		}
	}
	s.merges = append(s.merges, rg)
	return nil
}

// SetColWidth sets the width of columns first … last (1-based) in characters of the default font, 0 … 255.
func (s *BookSheet) SetColWidth(first, last int, width float64) error {
	if first < 1 || last < first || last > MaxCol {
		return s.errf("列 %d 到 %d 无效", first, last)
	}
	if !(width >= 0 && width <= 255) {
		return s.errf("列宽 %v 无效：应为 0 到 255", width)
	}
	for c := first; c <= last; c++ {
		s.cols[c] = width
	}
	return nil
}

// MaxRowHeight is the tallest a row can be, in points.
const MaxRowHeight = 409

// SetRowHeight sets the height of a row (1-based) in points, up to MaxRowHeight; 0 leaves the default height.
func (s *BookSheet) SetRowHeight(row int, height float64) error {
	if row < 1 || row > MaxRow {
		return s.errf("行号 %d 无效", row)
	}
	if !(height >= 0 && height <= MaxRowHeight) {
		return s.errf("行高 %v 无效：应为 0 到 %d 磅", height, MaxRowHeight)
	}
	r := s.rows[row]
	if r == nil {
		r = &bookRow{cells: map[int]*bookCell{}}
		s.rows[row] = r
	}
	r.height = height
	return nil
}

// checkPage checks the print setup, which is set as a field and so checked when the book is written.
func (s *BookSheet) checkPage() error {
	p := s.Page
	if p == nil {
		return nil
	}
	if p.PaperSize < 0 || p.PaperSize > 118 {
		return s.errf("纸张 %d 无效：应为 0 到 118（9 为 A4）", p.PaperSize)
	}
	if p.FitToPage && (p.FitWidth < 0 || p.FitWidth > 32767 || p.FitHeight < 0 || p.FitHeight > 32767) {
		return s.errf("缩放页数 %d×%d 无效：应为 0 到 32767", p.FitWidth, p.FitHeight)
	}
	if m := p.Margins; m != nil {
		for _, v := range []float64{m.Left, m.Right, m.Top, m.Bottom, m.Header, m.Footer} {
			if !(v >= 0 && v < 49) {
				return s.errf("页边距 %v 无效：应为 0 到 49 英寸", v)
			}
		}
	}
	return nil
}

// Freeze keeps the first cols columns and rows rows in view while the rest scrolls (0, 0 unfreezes).
func (s *BookSheet) Freeze(cols, rows int) error {
	if cols < 0 || cols >= MaxCol || rows < 0 || rows >= MaxRow {
		return s.errf("冻结 %d 列 %d 行无效", cols, rows)
	}
	s.freezeCol, s.freezeRow = cols, rows
	return nil
}

// checkRanges checks a list of addresses and ranges separated by spaces (ST_Sqref).
func (s *BookSheet) checkRanges(ranges string) error {
	parts := strings.Fields(ranges)
	if len(parts) == 0 || strings.TrimSpace(ranges) != ranges || strings.ContainsAny(ranges, "\t\r\n") {
		return s.errf("单元格范围 %q 无效", ranges)
	}
	for _, p := range parts {
		from, to, _ := strings.Cut(p, ":")
		if to == "" && strings.HasSuffix(p, ":") {
			return s.errf("单元格范围 %q 无效", p)
		}
		if to == "" {
			to = from
		}
		if _, err := s.parseRange(from, to); err != nil {
			return err
		}
	}
	return nil
}

var (
	validationTypes = map[string]bool{"whole": true, "decimal": true, "list": true, "date": true,
		"time": true, "textLength": true, "custom": true}
	validationOperators = map[string]bool{"": true, "between": true, "notBetween": true, "equal": true,
		"notEqual": true, "lessThan": true, "lessThanOrEqual": true, "greaterThan": true, "greaterThanOrEqual": true}
	errorStyles = map[string]bool{"": true, "stop": true, "warning": true, "information": true}
)

// AddValidation restricts what may be typed into cells.
func (s *BookSheet) AddValidation(v Validation) error {
	if err := s.checkRanges(v.Ranges); err != nil {
		return err
	}
	switch {
	case !validationTypes[v.Type]:
		return s.errf("数据验证类型 %q 无效", v.Type)
	case !validationOperators[v.Operator]:
		return s.errf("数据验证运算符 %q 无效", v.Operator)
	case !errorStyles[v.ErrorStyle]:
		return s.errf("数据验证出错样式 %q 无效", v.ErrorStyle)
	case v.Formula1 == "" || utf16Units(v.Formula1) > maxFormulaChars || clipCellText(v.Formula1) != v.Formula1:
		return s.errf("数据验证 %s 的公式 %q 无效", v.Ranges, v.Formula1)
	case (v.Operator == "between" || v.Operator == "notBetween" || v.Operator == "" && v.Type != "list" && v.Type != "custom") &&
		(v.Formula2 == "" || utf16Units(v.Formula2) > maxFormulaChars || clipCellText(v.Formula2) != v.Formula2):
		return s.errf("数据验证 %s 缺少上限公式，或上限公式 %q 无效", v.Ranges, v.Formula2)
	case utf16Units(v.ErrorTitle) > 32 || clipCellText(v.ErrorTitle) != v.ErrorTitle:
		return s.errf("数据验证出错标题 %q 太长：最多 32 个字符", v.ErrorTitle)
	case utf16Units(v.Error) > 255 || clipCellText(v.Error) != v.Error:
		return s.errf("数据验证出错信息太长：最多 255 个字符")
	}
	s.valids = append(s.valids, v)
	return nil
}

// ListFormula returns the Formula1 of a list validation offering the given items (a drop-down list). An
// item may not hold a comma, and the list is at most 255 characters.
func ListFormula(items ...string) (string, error) {
	for _, it := range items {
		if strings.Contains(it, ",") || it == "" {
			return "", fmt.Errorf("下拉列表项 %q 无效：不能为空或含逗号", it)
		}
	}
	list := strings.Join(items, ",")
	if len(items) == 0 || utf16Units(list) > 255 {
		return "", fmt.Errorf("下拉列表应有 1 项以上，合计最多 255 个字符")
	}
	return `"` + strings.ReplaceAll(list, `"`, `""`) + `"`, nil
}

// AddCondFormat colours the cells of ranges (addresses and ranges separated by spaces) with the
// differential format dxf (from Book.AddDiffFormat) while formula (relative to the first cell, without a
// leading =) is true. Formats added earlier take precedence.
func (s *BookSheet) AddCondFormat(ranges, formula string, dxf int) error {
	if err := s.checkRanges(ranges); err != nil {
		return err
	}
	if formula == "" || utf16Units(formula) > maxFormulaChars || clipCellText(formula) != formula {
		return s.errf("条件格式 %s 的公式无效", ranges)
	}
	if dxf < 0 || dxf >= len(s.book.styles.dxfs.list) {
		return s.errf("条件格式的格式 %d 不存在", dxf)
	}
	s.conds = append(s.conds, condFormat{ranges, formula, dxf})
	return nil
}

// rowColKeys returns the keys of a map of rows or cells in increasing order.
func rowColKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}
