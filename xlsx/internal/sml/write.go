package sml

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Book is a workbook being written: its sheets in order, the cell formats they use, defined names and
// document properties. Make one with NewBook, fill it through AddSheet and the sheets' setters, then
// Write it. The same calls give the same bytes.
type Book struct {
	// Title and Creator go to docProps/core.xml, Application to docProps/app.xml; "" leaves them out.
	Title, Creator, Application string
	// Created and Modified are the document's dates in docProps/core.xml (zero: left out).
	Created, Modified time.Time
	// FullCalcOnLoad asks the spreadsheet program to recalculate every formula when it opens the file.
	FullCalcOnLoad bool
	// Active is the index of the sheet shown (and selected) when the workbook opens.
	Active int

	sheets []*BookSheet
	styles styleTable
	names  []DefinedName
	cells  int // cells on all sheets, bounded by maxCells
}

// DefinedName is a name of the workbook, such as _xlnm.Print_Area (the print area of a sheet) or
// _xlnm.Print_Titles (the rows repeated on every printed page).
type DefinedName struct {
	Name     string // the name
	RefersTo string // what it stands for, e.g. '表二'!$A$1:$D$19 (without a leading =)
	Sheet    string // the sheet it belongs to; "" for the whole workbook
}

// maxCells bounds the cells of a workbook being written (a report workbook has about a thousand).
const maxCells = 1 << 20

// Namespaces of the SpreadsheetML parts.
const (
	smlMainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	smlRelNS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// NewBook returns an empty workbook.
func NewBook() *Book {
	return &Book{styles: newStyleTable()}
}

// AddSheet appends a sheet. Its name must be 1 to 31 characters, without : \ / ? * [ ], not begin or end
// with an apostrophe, and differ from the other sheets' names (ignoring case).
func (b *Book) AddSheet(name string) (*BookSheet, error) {
	if err := checkSheetName(name); err != nil {
		return nil, err
	}
	for _, s := range b.sheets {
		if strings.EqualFold(s.name, name) {
			return nil, fmt.Errorf("工作表名 %q 重复", name)
		}
	}
	s := &BookSheet{book: b, name: name, rows: map[int]*bookRow{}, cols: map[int]float64{}}
	b.sheets = append(b.sheets, s)
	return s, nil
}

// checkSheetName applies Excel's rules for sheet names.
func checkSheetName(name string) error {
	switch n := utf16Units(name); {
	case n == 0:
		return fmt.Errorf("工作表名不能为空")
	case n > 31:
		return fmt.Errorf("工作表名 %q 太长：最多 31 个字符", name)
	case strings.ContainsAny(name, `:\/?*[]`):
		return fmt.Errorf("工作表名 %q 含有 : \\ / ? * [ ] 之一", name)
	case name[0] == '\'' || name[len(name)-1] == '\'':
		return fmt.Errorf("工作表名 %q 不能以单引号开头或结尾", name)
	case strings.EqualFold(name, "History"):
		return fmt.Errorf("工作表名 %q 是 Excel 的保留名", name)
	}
	if clipCellText(name) != name {
		return fmt.Errorf("工作表名 %q 含有控制字符", name)
	}
	return nil
}

// DefineName adds a defined name. Names of the same scope must differ (ignoring case); the sheet, when
// given, must have been added.
func (b *Book) DefineName(n DefinedName) error {
	if n.Name == "" || utf16Units(n.Name) > 255 || strings.ContainsAny(n.Name, " \t\r\n") || clipCellText(n.Name) != n.Name {
		return fmt.Errorf("名称 %q 无效：应为 1 到 255 个字符，不含空白", n.Name)
	}
	if n.RefersTo == "" || utf16Units(n.RefersTo) > maxFormulaChars {
		return fmt.Errorf("名称 %s 的引用 %q 无效：应为 1 到 %d 个字符", n.Name, n.RefersTo, maxFormulaChars)
	}
	if n.Sheet != "" && b.sheetIndex(n.Sheet) < 0 {
		return fmt.Errorf("名称 %s：没有工作表 %q", n.Name, n.Sheet)
	}
	for _, d := range b.names {
		if strings.EqualFold(d.Name, n.Name) && d.Sheet == n.Sheet {
			return fmt.Errorf("名称 %s 重复", n.Name)
		}
	}
	b.names = append(b.names, n)
	return nil
}

// sheetIndex returns the position of the named sheet, or -1.
func (b *Book) sheetIndex(name string) int {
	for i, s := range b.sheets {
		if s.name == name {
			return i
		}
	}
	return -1
}

// Write writes the workbook as an .xlsx file.
func (b *Book) Write(w io.Writer) error {
	if len(b.sheets) == 0 {
		return fmt.Errorf("工作簿没有工作表")
	}
	if b.Active < 0 || b.Active >= len(b.sheets) {
		return fmt.Errorf("活动工作表 %d 不存在：只有 %d 张工作表", b.Active, len(b.sheets))
	}
	for _, s := range b.sheets {
		if err := s.checkPage(); err != nil {
			return err
		}
	}
	return writePackage(w, b)
}
