package layouts

// T2Field is one value column of a table 二 item.
type T2Field struct {
	// ID is the TOML key of the value (new_made, delta, amount …).
	ID string
	// Label is the column header of the national template.
	Label string
	Kind  Kind
	// Span is the number of grid columns the value (and its header) spans.
	Span int
}

// T2Item is one data row of table 二: an item of 条例第二十条.
type T2Item struct {
	// ID is the TOML table name of the item (gz, xzxk, zfjzcg …).
	ID string
	// Label is the row label (规章, 行政许可 …).
	Label string
	// Block is the block header the item sits under (第二十条第（五）项 …).
	Block  string
	Fields []T2Field
}

// t2Block is one block of table 二: a block header, a column-header row and its items.
type t2Block struct {
	title  string
	fields []T2Field
	items  [][2]string // id, label
}

func t2Blocks(f Format) []t2Block {
	if f == F2019 {
		stock := []T2Field{{"prev_items", "上一年项目数量", Int, 1}, {"delta", "本年增/减", SignedInt, 1}, {"decisions", "处理决定数量", Int, 1}}
		return []t2Block{
			{"第二十条第（一）项", []T2Field{{"new_made", "本年新制作数量", Int, 1}, {"new_published", "本年新公开数量", Int, 1}, {"total_published", "对外公开总数量", Int, 1}},
				[][2]string{{"gz", "规章"}, {"gfxwj", "规范性文件"}}},
			{"第二十条第（五）项", stock, [][2]string{{"xzxk", "行政许可"}, {"qtdwglfw", "其他对外管理服务事项"}}},
			{"第二十条第（六）项", stock, [][2]string{{"xzcf", "行政处罚"}, {"xzqz", "行政强制"}}},
			{"第二十条第（八）项", []T2Field{{"prev_items", "上一年项目数量", Int, 1}, {"delta", "本年增/减", SignedInt, 2}},
				[][2]string{{"xzsyxsf", "行政事业性收费"}}},
			{"第二十条第（九）项", []T2Field{{"projects", "采购项目数量", Int, 1}, {"amount", "采购总金额", Decimal, 2}},
				[][2]string{{"zfjzcg", "政府集中采购"}}},
		}
	}
	decisions := []T2Field{{"decisions", "本年处理决定数量", Int, 3}}
	return []t2Block{
		{"第二十条第（一）项", []T2Field{{"made", "本年制发件数", Int, 1}, {"repealed", "本年废止件数", Int, 1}, {"in_force", "现行有效件数", Int, 1}},
			[][2]string{{"gz", "规章"}, {"xzgfxwj", "行政规范性文件"}}},
		{"第二十条第（五）项", decisions, [][2]string{{"xzxk", "行政许可"}}},
		{"第二十条第（六）项", decisions, [][2]string{{"xzcf", "行政处罚"}, {"xzqz", "行政强制"}}},
		{"第二十条第（八）项", []T2Field{{"amount", "本年收费金额（单位：万元）", Decimal, 3}}, [][2]string{{"xzsyxsf", "行政事业性收费"}}},
	}
}

// T2Items returns the items of table 二 in the given format, in table order.
func T2Items(f Format) []T2Item {
	var out []T2Item
	for _, b := range t2Blocks(f) {
		for _, it := range b.items {
			out = append(out, T2Item{ID: it[0], Label: it[1], Block: b.title, Fields: b.fields})
		}
	}
	return out
}

// Options adjust the printed tables without changing their structure.
type Options struct {
	// AmountNote is appended to the 2019 header 采购总金额, e.g. "（单位：万元，保留4位小数）" (a local practice;
	// the national template prints no unit).
	AmountNote string
}

// Table2 returns table 二 (主动公开政府信息情况) of the format: a 4-column grid of blocks, each a block header
// spanning the width, a column-header row and its item rows.
func Table2(f Format, o Options) *Table {
	t := &Table{ID: "t2", Name: "表二", Cols: 4, Widths: normalize([]float64{34, 22, 22, 22})}
	for _, b := range t2Blocks(f) {
		r := len(t.Rows)
		t.Rows = append(t.Rows, Row{KeepWithNext: true})
		t.Cells = append(t.Cells, Cell{Row: r, Col: 0, RowSpan: 1, ColSpan: 4, Text: b.title, Block: true})
		r++
		t.Rows = append(t.Rows, Row{KeepWithNext: true})
		t.Cells = append(t.Cells, Cell{Row: r, Col: 0, RowSpan: 1, ColSpan: 1, Text: "信息内容"})
		col := 1
		for _, fd := range b.fields {
			label := fd.Label
			if fd.ID == "amount" && f == F2019 {
				label += o.AmountNote
			}
			t.Cells = append(t.Cells, Cell{Row: r, Col: col, RowSpan: 1, ColSpan: fd.Span, Text: label})
			col += fd.Span
		}
		for i, it := range b.items {
			r = len(t.Rows)
			t.Rows = append(t.Rows, Row{ID: it[0], KeepWithNext: i < len(b.items)-1})
			t.Cells = append(t.Cells, Cell{Row: r, Col: 0, RowSpan: 1, ColSpan: 1, Text: it[1]})
			col := 1
			for _, fd := range b.fields {
				t.Cells = append(t.Cells, Cell{Row: r, Col: col, RowSpan: 1, ColSpan: fd.Span, Key: "t2." + it[0] + "." + fd.ID, Kind: fd.Kind})
				col += fd.Span
			}
		}
	}
	return t
}
