package layouts

// Column is one applicant column of table 三.
type Column struct {
	// ID is NP, CE, RI, SW, LS, OT or TOT.
	ID string
	// Label is the column header: 自然人, 商业企业 … 总计.
	Label string
}

// T3Columns lists the seven data columns of table 三 (c3 … c9), 总计 last.
var T3Columns = []Column{
	{"NP", "自然人"}, {"CE", "商业企业"}, {"RI", "科研机构"}, {"SW", "社会公益组织"},
	{"LS", "法律服务机构"}, {"OT", "其他"}, {"TOT", "总计"},
}

// T3Row is one data row of table 三.
type T3Row struct {
	// ID is the row id: new, carried, r1, r2, r3_1…r3_8, r4_1…r4_3, r5_1…r5_5, r6 or r6_1…r6_3, r7, carry.
	ID string
	// Label is the row's own label (e.g. "1.属于国家秘密").
	Label string
	// Group is the label of the category the row sits in (e.g. "（三）不予公开"), empty for rows with no group.
	Group string
	// Item rows are the result rows summed into （七）总计.
	Item bool
}

// Name returns the row as a person names it: the group and the label, e.g. "（三）不予公开 1.属于国家秘密".
func (r T3Row) Name() string {
	if r.Group != "" {
		return r.Group + " " + r.Label
	}
	return r.Label
}

// Table 三 labels, exactly as in the national templates.
const (
	t3Note    = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	t3Results = "三、本年度办理结果"
)

// T3Rows returns the data rows of table 三 in the given format, in table order.
func T3Rows(f Format) []T3Row {
	rows := []T3Row{
		{ID: "new", Label: "一、本年新收政府信息公开申请数量"},
		{ID: "carried", Label: "二、上年结转政府信息公开申请数量"},
		{ID: "r1", Label: "（一）予以公开", Item: true},
		{ID: "r2", Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Item: true},
	}
	group := func(g string, ids, labels []string) {
		for i := range ids {
			rows = append(rows, T3Row{ID: ids[i], Label: labels[i], Group: g, Item: true})
		}
	}
	group("（三）不予公开",
		[]string{"r3_1", "r3_2", "r3_3", "r3_4", "r3_5", "r3_6", "r3_7", "r3_8"},
		[]string{"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
			"5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"})
	group("（四）无法提供",
		[]string{"r4_1", "r4_2", "r4_3"},
		[]string{"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"})
	group("（五）不予处理",
		[]string{"r5_1", "r5_2", "r5_3", "r5_4", "r5_5"},
		[]string{"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
			"5.要求行政机关确认或重新出具已获取信息"})
	if f == F2019 {
		rows = append(rows, T3Row{ID: "r6", Label: "（六）其他处理", Item: true})
	} else {
		group("（六）其他处理",
			[]string{"r6_1", "r6_2", "r6_3"},
			[]string{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
				"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"})
	}
	rows = append(rows,
		T3Row{ID: "r7", Label: "（七）总计"},
		T3Row{ID: "carry", Label: "四、结转下年度继续办理"})
	return rows
}

// Table3 returns table 三 (收到和处理政府信息公开申请情况): a 10-column grid with a 3-row merged header,
// the vertical group label 三、本年度办理结果 and the category labels spanning their sub-rows.
func Table3(f Format) *Table {
	t := &Table{ID: "t3", Name: "表三", Cols: 10,
		Widths: normalize([]float64{6, 10, 30, 7.72, 7.72, 7.72, 7.72, 7.72, 7.72, 7.68})}
	t.Rows = []Row{{Header: true}, {Header: true}, {Header: true}}
	t.Cells = append(t.Cells,
		Cell{Row: 0, Col: 0, RowSpan: 3, ColSpan: 3, Text: t3Note, Kai: true},
		Cell{Row: 0, Col: 3, RowSpan: 1, ColSpan: 7, Text: "申请人情况"},
		Cell{Row: 1, Col: 3, RowSpan: 2, ColSpan: 1, Text: "自然人"},
		Cell{Row: 1, Col: 4, RowSpan: 1, ColSpan: 5, Text: "法人或其他组织"},
		Cell{Row: 1, Col: 9, RowSpan: 2, ColSpan: 1, Text: "总计"},
	)
	for i, c := range T3Columns[1:6] {
		t.Cells = append(t.Cells, Cell{Row: 2, Col: 4 + i, RowSpan: 1, ColSpan: 1, Text: c.Label})
	}
	rows := T3Rows(f)
	// Spans of the group labels: 三、本年度办理结果 covers the item rows and （七）总计.
	groupSpan := map[string]int{}
	for _, r := range rows {
		if r.Group != "" {
			groupSpan[r.Group]++
		}
	}
	resultsSpan := 0
	for _, r := range rows {
		if r.Item || r.ID == "r7" {
			resultsSpan++
		}
	}
	seenGroup := map[string]bool{}
	for _, r := range rows {
		g := len(t.Rows)
		t.Rows = append(t.Rows, Row{ID: r.ID})
		switch {
		case r.ID == "new" || r.ID == "carried" || r.ID == "carry":
			t.Cells = append(t.Cells, Cell{Row: g, Col: 0, RowSpan: 1, ColSpan: 3, Text: r.Label})
		default:
			if r.ID == "r1" {
				t.Cells = append(t.Cells, Cell{Row: g, Col: 0, RowSpan: resultsSpan, ColSpan: 1, Text: t3Results, Vertical: true})
			}
			if r.Group == "" {
				t.Cells = append(t.Cells, Cell{Row: g, Col: 1, RowSpan: 1, ColSpan: 2, Text: r.Label})
			} else {
				if !seenGroup[r.Group] {
					seenGroup[r.Group] = true
					t.Cells = append(t.Cells, Cell{Row: g, Col: 1, RowSpan: groupSpan[r.Group], ColSpan: 1, Text: r.Group})
				}
				t.Cells = append(t.Cells, Cell{Row: g, Col: 2, RowSpan: 1, ColSpan: 1, Text: r.Label})
			}
		}
		for i, c := range T3Columns {
			t.Cells = append(t.Cells, Cell{Row: g, Col: 3 + i, RowSpan: 1, ColSpan: 1, Key: "t3." + r.ID + "." + c.ID, Kind: Int})
		}
	}
	return t
}

// T3Items returns the ids of the result rows summed into （七）总计 (19 rows in 2019, 21 in 2021).
func T3Items(f Format) []string {
	var ids []string
	for _, r := range T3Rows(f) {
		if r.Item {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
