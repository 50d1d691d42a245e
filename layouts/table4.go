package layouts

// T4Block is one case type of table 四.
type T4Block struct {
	// ID is review (行政复议), direct (未经复议直接起诉) or post (复议后起诉).
	ID    string
	Label string
}

// T4Blocks lists the three case types of table 四 in column order.
var T4Blocks = []T4Block{{"review", "行政复议"}, {"direct", "未经复议直接起诉"}, {"post", "复议后起诉"}}

// T4Results lists the five result columns of each block of table 四, 总计 last.
var T4Results = []Column{{"keep", "结果维持"}, {"fix", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"}, {"tot", "总计"}}

// Table4 returns table 四 (政府信息公开行政复议、行政诉讼情况): 15 columns, a 3-row header and one data row.
// It is identical in the 2019 and 2021 formats.
func Table4() *Table {
	w := make([]float64, 15)
	for i := range w {
		w[i] = 1
	}
	t := &Table{ID: "t4", Name: "表四", Cols: 15, Widths: normalize(w)}
	t.Rows = []Row{{Header: true}, {Header: true}, {Header: true}, {ID: "data"}}
	t.Cells = append(t.Cells,
		Cell{Row: 0, Col: 0, RowSpan: 1, ColSpan: 5, Text: "行政复议"},
		Cell{Row: 0, Col: 5, RowSpan: 1, ColSpan: 10, Text: "行政诉讼"})
	for i, k := range T4Results {
		t.Cells = append(t.Cells, Cell{Row: 1, Col: i, RowSpan: 2, ColSpan: 1, Text: k.Label})
	}
	t.Cells = append(t.Cells,
		Cell{Row: 1, Col: 5, RowSpan: 1, ColSpan: 5, Text: T4Blocks[1].Label},
		Cell{Row: 1, Col: 10, RowSpan: 1, ColSpan: 5, Text: T4Blocks[2].Label})
	for b := 1; b < 3; b++ {
		for i, k := range T4Results {
			t.Cells = append(t.Cells, Cell{Row: 2, Col: 5*b + i, RowSpan: 1, ColSpan: 1, Text: k.Label})
		}
	}
	for b, blk := range T4Blocks {
		for i, k := range T4Results {
			t.Cells = append(t.Cells, Cell{Row: 3, Col: 5*b + i, RowSpan: 1, ColSpan: 1, Key: "t4." + blk.ID + "." + k.ID, Kind: Int})
		}
	}
	return t
}
