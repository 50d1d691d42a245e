package sml

import (
	"sort"
	"strconv"
	"strings"
)

// CellValue is what one position of a sheet holds, as Excel users and excelize see it: a position inside a
// merged range reads as the range's top-left cell.
type CellValue struct {
	// Formula is the cell's formula without "=" ("" for none): a shared formula's dependents give the
	// master's formula with relative references moved, an array formula's master its formula.
	Formula string
	// Raw is the stored value: the cached result of a formula, the text of a string, "1" or "0" for a
	// boolean, the number as written.
	Raw string
	// Shown is the value as displayed: formatted with its number format, booleans as TRUE and FALSE.
	Shown string
	// Number reports a stored number (no t, or t="n"): Raw is then a float as a program wrote it, with
	// up to 17 significant digits (0.1+0.2 is 0.30000000000000004), where Excel keeps and shows 15.
	Number bool
}

// Value returns what the position (1-based col, row) holds.
func (s *Grid) Value(col, row int) CellValue {
	col, row = s.topLeft(col, row)
	c := s.cellAt(col, row)
	if c == nil {
		return CellValue{}
	}
	return CellValue{Formula: s.formulaOf(c, row), Raw: c.value, Shown: s.shown(c), Number: c.typ == typeNumber}
}

// Formula returns the formula of the position (1-based col, row) as Value does.
func (s *Grid) Formula(col, row int) string {
	col, row = s.topLeft(col, row)
	if c := s.cellAt(col, row); c != nil {
		return s.formulaOf(c, row)
	}
	return ""
}

// Merges returns the merged ranges, overlapping ones joined.
func (s *Grid) Merges() []Area { return s.merges }

// Rows returns the displayed values row by row as excelize's GetRows does: row i is sheet row i+1, a cell
// counts when it shows something or has a formula, each row ends at its last such cell and the list at
// the last row holding one; empty rows are nil.
func (s *Grid) Rows() [][]string {
	var out [][]string
	for _, row := range s.rows {
		var cells []string
		for i := range row.cells {
			c := &row.cells[i]
			v := s.shown(c)
			if v == "" && !c.hasF {
				continue
			}
			for len(cells) < c.col-1 {
				cells = append(cells, "")
			}
			cells = append(cells, v)
		}
		if len(cells) == 0 {
			continue
		}
		for len(out) < row.num-1 {
			out = append(out, nil)
		}
		out = append(out, cells)
	}
	return out
}

// topLeft returns the position a lookup of (col, row) reads: the top-left cell of the merged range that
// covers it, else itself.
func (s *Grid) topLeft(col, row int) (int, int) {
	if i, ok := s.covered[[2]int{col, row}]; ok {
		return s.merges[i].FromCol, s.merges[i].FromRow
	}
	return col, row
}

// cellAt returns the cell at (col, row), nil when it holds nothing.
func (s *Grid) cellAt(col, row int) *sheetCell {
	i := sort.Search(len(s.rows), func(i int) bool { return s.rows[i].num >= row })
	if i == len(s.rows) || s.rows[i].num != row {
		return nil
	}
	cells := s.rows[i].cells
	j := sort.Search(len(cells), func(j int) bool { return cells[j].col >= col })
	if j == len(cells) || cells[j].col != col {
		return nil
	}
	return &cells[j]
}

// formulaOf returns a cell's formula text.
func (s *Grid) formulaOf(c *sheetCell, row int) string {
	if !c.hasF {
		return ""
	}
	if c.shared == 0 {
		return c.formula
	}
	m := s.masters[c.shared-1]
	if m == nil {
		return ""
	}
	if m.err != nil {
		return m.text
	}
	return shiftFormula(m.tokens, c.col-m.col, row-m.row)
}

// Kinds of value a number format is applied to: a number (or error), a date, text, a boolean.
const (
	kindNumber = iota
	kindDate
	kindText
	kindBool
)

// shown returns a cell's displayed text.
func (s *Grid) shown(c *sheetCell) string {
	switch c.typ {
	case typeBool:
		switch c.value {
		case "1":
			return "TRUE"
		case "0":
			return "FALSE"
		}
		return s.formatted(c.value, c.style, kindBool)
	case typeDate:
		return s.formatted(c.value, c.style, kindDate)
	case typeShared, typeInline:
		return s.formatted(c.value, c.style, kindText)
	case typeStr:
		return c.value
	}
	return s.formatted(generalNumber(c.value), c.style, kindNumber)
}

// formatted applies the number format of cell style st to a value.
func (s *Grid) formatted(v string, st int, kind int) string {
	code, ok := s.wb.styles.numFmt(st)
	if !ok {
		return v
	}
	secs, ok := s.wb.formats[code]
	if !ok {
		secs = parseNumFmt(code)
		s.wb.formats[code] = secs
	}
	return formatSections(v, secs, s.wb.Date1904, kind)
}

// isNumeric reports whether a stored value is a number as excelize reads one (strconv.ParseFloat, no
// underscores), with its digit count (the digits and sign of its plain decimal form).
func isNumeric(v string) (bool, int, float64) {
	if strings.Contains(v, "_") {
		return false, 0, 0
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return false, 0, 0
	}
	plain := strconv.FormatFloat(f, 'f', -1, 64)
	return true, len(plain) - strings.Count(plain, "."), f
}

// generalNumber is a stored number as displayed before its format applies: to 15 significant digits
// as Excel keeps them ("0.30000000000000004" shows 0.3), in plain decimal form when short enough.
func generalNumber(v string) string {
	ok, digits, f := isNumeric(v)
	if !ok {
		return v
	}
	if digits > 15 && !zeroFilledInteger(v) {
		return strconv.FormatFloat(f, 'G', 15, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// zeroFilledInteger reports an integer written with at most 15 significant digits and zeros after them.
func zeroFilledInteger(v string) bool {
	if strings.ContainsAny(v, ".Ee") {
		return false
	}
	v = strings.TrimLeft(v, "+-0")
	return len(strings.TrimRight(v, "0")) <= 15
}
