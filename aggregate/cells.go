package aggregate

import (
	"github.com/nianbao/nianbao/layouts"
)

// Cell is one data cell of a report's tables, as the aggregation sees it.
type Cell struct {
	// Key is the layouts data key: "t2.xzxk.decisions", "t3.r3_1.TOT", "t4.review.tot".
	Key string
	// Table is 表二, 表三 or 表四; Row and Column are the official labels.
	Table, Row, Column string
	// Kind is the cell's value kind (Int, SignedInt or Decimal).
	Kind layouts.Kind
	// Path is the TOML key path the cell is written under (its line in Report.Lines).
	Path string
}

// Name returns the cell as a clerk names it: 表三 （三）不予公开 1.属于国家秘密 · 总计.
func (c Cell) Name() string { return c.Table + " " + c.Row + " · " + c.Column }

// Cells returns every data cell of the three tables of a format, in table order.
func Cells(f layouts.Format) []Cell {
	var out []Cell
	for _, it := range layouts.T2Items(f) {
		for _, fd := range it.Fields {
			out = append(out, Cell{Key: "t2." + it.ID + "." + fd.ID, Table: "表二", Row: it.Label, Column: fd.Label,
				Kind: fd.Kind, Path: "table2." + it.ID + "." + fd.ID})
		}
	}
	for _, row := range layouts.T3Rows(f) {
		for _, c := range layouts.T3Columns {
			out = append(out, Cell{Key: "t3." + row.ID + "." + c.ID, Table: "表三", Row: row.Name(), Column: c.Label,
				Kind: layouts.Int, Path: "table3." + row.ID})
		}
	}
	for _, blk := range layouts.T4Blocks {
		label := blk.Label
		if blk.ID != "review" {
			label = "行政诉讼 " + label
		}
		for _, res := range layouts.T4Results {
			out = append(out, Cell{Key: "t4." + blk.ID + "." + res.ID, Table: "表四", Row: label, Column: res.Label,
				Kind: layouts.Int, Path: "table4." + blk.ID})
		}
	}
	return out
}
