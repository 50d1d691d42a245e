// Package layouts holds the two national formats of the 政府信息公开工作年度报告 as data: the six sections,
// the grids of tables 二, 三 and 四 (labels character-identical to the national templates, row and column
// spans, data keys) and the GB/T 9704 page geometry. The checks, the PDF renderer and the DOCX renderer all
// read these definitions; no table is described anywhere else.
package layouts

import "fmt"

// Format identifies one national report format.
type Format string

const (
	// F2019 is the format of 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports.
	F2019 Format = "2019"
	// F2021 is the format of 国办公开办函〔2021〕30号, used for reports on 2021 and later.
	F2021 Format = "2021"
)

// Valid reports whether f names a known format.
func (f Format) Valid() bool { return f == F2019 || f == F2021 }

// DefaultFormat returns the format a report on the given year uses by default.
func DefaultFormat(year int) Format {
	if year <= 2020 {
		return F2019
	}
	return F2021
}

// Kind tells what a table cell holds.
type Kind int

const (
	// Label is a fixed text cell.
	Label Kind = iota
	// Int is a non-negative integer count.
	Int
	// SignedInt is a signed integer (2019 表二 本年增/减).
	SignedInt
	// Decimal is a non-negative decimal amount kept exactly as written.
	Decimal
)

// Cell is one (possibly merged) cell of a table grid. Row and Col are 0-based grid coordinates of its
// top-left corner.
type Cell struct {
	Row, Col         int
	RowSpan, ColSpan int
	// Text is the label of a Label cell.
	Text string
	// Key names the value of a data cell, e.g. "t2.xzxk.decisions", "t3.new.NP", "t4.review.keep".
	Key string
	// Kind is Label for text cells, else the kind of number the data cell holds.
	Kind Kind
	// Vertical cells are written one character per line (三、本年度办理结果).
	Vertical bool
	// Kai marks text the national template sets in 楷体 (the note in the corner of table 三).
	Kai bool
	// Block marks a block header of table 二 (第二十条第（一）项 …) spanning the whole width.
	Block bool
}

// Row describes one grid row of a table.
type Row struct {
	// ID is the row id of a data row ("new", "r3_1", "carry", "xzxk" …); empty for header rows.
	ID string
	// Header rows are repeated at the top of every page the table touches.
	Header bool
	// KeepWithNext asks the paginator not to break the page after this row.
	KeepWithNext bool
}

// Table is one statistical table as a grid of merged cells.
type Table struct {
	// ID is "t2", "t3" or "t4".
	ID string
	// Name is the Chinese table name used in messages: 表二, 表三, 表四.
	Name string
	// Cols is the number of grid columns; Widths holds their relative widths (they sum to 1).
	Cols   int
	Widths []float64
	// Rows describes every grid row, header rows first.
	Rows []Row
	// Cells lists every cell in row-major order of their top-left corners.
	Cells []Cell
}

// HeaderRows returns the number of header rows at the top of the table.
func (t *Table) HeaderRows() int {
	n := 0
	for n < len(t.Rows) && t.Rows[n].Header {
		n++
	}
	return n
}

// CellsInRow returns the cells whose top-left corner lies in row r.
func (t *Table) CellsInRow(r int) []Cell {
	var out []Cell
	for _, c := range t.Cells {
		if c.Row == r {
			out = append(out, c)
		}
	}
	return out
}

// Validate checks that the cells tile the grid exactly: every grid position is covered by one cell.
func (t *Table) Validate() error {
	cover := make([][]int, len(t.Rows))
	for i := range cover {
		cover[i] = make([]int, t.Cols)
	}
	for _, c := range t.Cells {
		if c.RowSpan < 1 || c.ColSpan < 1 || c.Row+c.RowSpan > len(t.Rows) || c.Col+c.ColSpan > t.Cols {
			return fmt.Errorf("%s: cell %q at (%d,%d) span %dx%d lies outside the grid", t.ID, c.Text+c.Key, c.Row, c.Col, c.RowSpan, c.ColSpan)
		}
		for r := c.Row; r < c.Row+c.RowSpan; r++ {
			for k := c.Col; k < c.Col+c.ColSpan; k++ {
				cover[r][k]++
			}
		}
	}
	for r := range cover {
		for k, n := range cover[r] {
			if n != 1 {
				return fmt.Errorf("%s: grid position (%d,%d) covered %d times", t.ID, r, k, n)
			}
		}
	}
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	if len(t.Widths) != t.Cols || sum < 0.999 || sum > 1.001 {
		return fmt.Errorf("%s: %d widths summing to %.3f for %d columns", t.ID, len(t.Widths), sum, t.Cols)
	}
	return nil
}

// normalize scales w so that it sums to 1.
func normalize(w []float64) []float64 {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	out := make([]float64, len(w))
	for i, x := range w {
		out[i] = x / sum
	}
	return out
}
