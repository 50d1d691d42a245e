// Package sml reads and writes the SpreadsheetML parts of an .xlsx workbook that package xlsx needs:
// cells (shared and inline strings, numbers, formulas with their cached results), merged ranges, styles,
// number formats, data validation, conditional formats, panes, protection, page setup and defined names.
// It is not a general spreadsheet library: it writes exactly what the report workbook uses and reads what
// Excel, WPS, LibreOffice and common generators save.
package sml

import (
	"fmt"
	"strconv"
)

// MaxCol and MaxRow are the largest column and row numbers a worksheet may have (XFD1048576).
const (
	MaxCol = 16384
	MaxRow = 1048576
)

// ColName returns the letters of 1-based column col: 1 → "A", 27 → "AA". It returns "" outside 1 … MaxCol.
func ColName(col int) string {
	if col < 1 || col > MaxCol {
		return ""
	}
	var b [3]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// CellName returns the address of 1-based column col and row row: (3, 12) → "C12"; abs gives "$C$12".
// It returns "" outside the sheet.
func CellName(col, row int, abs bool) string {
	c := ColName(col)
	if c == "" || row < 1 || row > MaxRow {
		return ""
	}
	if abs {
		return "$" + c + "$" + strconv.Itoa(row)
	}
	return c + strconv.Itoa(row)
}

// ColNumber returns the 1-based number of column letters (either case): "A" → 1, "xfd" → 16384.
func ColNumber(letters string) (int, error) {
	if letters == "" || len(letters) > 3 {
		return 0, fmt.Errorf("列名 %q 无效", letters)
	}
	n := 0
	for i := 0; i < len(letters); i++ {
		c := letters[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n = n*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			n = n*26 + int(c-'a'+1)
		default:
			return 0, fmt.Errorf("列名 %q 无效", letters)
		}
	}
	if n > MaxCol {
		return 0, fmt.Errorf("列名 %q 超出工作表范围", letters)
	}
	return n, nil
}

// ParseCell reads an address such as "C12" or "$C$12" into its 1-based column and row.
func ParseCell(name string) (col, row int, err error) {
	i := 0
	if i < len(name) && name[i] == '$' {
		i++
	}
	j := i
	for j < len(name) && (name[j] >= 'A' && name[j] <= 'Z' || name[j] >= 'a' && name[j] <= 'z') {
		j++
	}
	col, err = ColNumber(name[i:j])
	if err != nil {
		return 0, 0, fmt.Errorf("单元格地址 %q 无效", name)
	}
	if j < len(name) && name[j] == '$' {
		j++
	}
	digits := name[j:]
	if digits == "" || digits[0] == '0' || len(digits) > 7 {
		return 0, 0, fmt.Errorf("单元格地址 %q 无效", name)
	}
	for k := 0; k < len(digits); k++ {
		if digits[k] < '0' || digits[k] > '9' {
			return 0, 0, fmt.Errorf("单元格地址 %q 无效", name)
		}
	}
	row, _ = strconv.Atoi(digits)
	if row > MaxRow {
		return 0, 0, fmt.Errorf("单元格地址 %q 超出工作表范围", name)
	}
	return col, row, nil
}
