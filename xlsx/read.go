package xlsx

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/xlsx/internal/sml"
)

// reader reads one workbook into a report, collecting every problem and every blank cell.
type reader struct {
	file     string
	wb       *sml.Workbook
	problems []report.Problem
	// blanks are value cells left empty: read as 0 and reported (the national tables want 0).
	blanks []string
	// where maps a data key ("t3.r3_1.CE") to the cell it was read from ("表三!E12").
	where map[string]string
	// calcs counts the formulas computed (see maxCalcs).
	calcs, visits int
	// grids caches the text of the sheets read so far, by their place in the workbook.
	grids map[int]*sheetGrid
}

func (rd *reader) errf(loc, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if loc != "" {
		msg = loc + " " + msg
	}
	rd.problems = append(rd.problems, report.Problem{File: rd.file, Msg: msg})
}

// loc names a cell for messages: 表三!E12.
func loc(sheet string, r, c int) string { return sheet + "!" + cellName(r, c) }

// sheetFor finds the sheet of a table: the sheet of that name when it holds the table's signature label,
// else the first sheet that does (a clerk may have renamed or moved it).
func (rd *reader) sheetFor(name string, signature string) *sheetGrid {
	order := make([]int, len(rd.wb.Sheets))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		return rd.wb.Sheets[order[i]].Name == name && rd.wb.Sheets[order[j]].Name != name
	})
	if rd.grids == nil {
		rd.grids = map[int]*sheetGrid{}
	}
	for _, i := range order {
		g, ok := rd.grids[i]
		if !ok {
			var err error
			if g, err = loadGrid(rd.wb, i, &rd.calcs, &rd.visits); err != nil {
				rd.errf("", "%v", err) // once: the refused sheet is remembered as nil
				g = nil
			}
			rd.grids[i] = g
		}
		if g != nil && len(g.find(signature)) > 0 {
			return g
		}
	}
	return nil
}

// read reads the whole workbook. The report it returns is not validated: load runs it through the
// report loader.
func (rd *reader) read() *report.Report {
	r := &report.Report{File: rd.file, T2: map[string]string{}, T3: map[string][7]int64{}}
	rd.where = map[string]string{}
	rd.readInfo(r)
	if !r.Format.Valid() {
		return r
	}
	if g := rd.sheetFor("表三", "申请人情况"); g != nil {
		other := otherFormat(r.Format)
		if !hasRows(g, layouts.T3Rows(r.Format)) && hasRows(g, layouts.T3Rows(other)) {
			rd.errf(g.sheet, "表三是 %s 格式的表格（（六）其他处理%s），而“基本信息”的报告格式是 %s：请用 nianbao xlsx template --format %s 重新生成模板，或改正报告格式",
				other, map[bool]string{true: "只有一行", false: "分为三行"}[other == layouts.F2019], r.Format, r.Format)
			return r
		}
	}
	rd.readTable2(r)
	rd.readTable3(r)
	rd.readTable4(r)
	rd.readNarrative(r)
	return r
}

// count reads one integer value cell; what names it ("“行政许可”行“本年增/减”栏").
func (rd *reader) count(g *sheetGrid, r, c int, what, key string, signed bool) int64 {
	at := loc(g.sheet, r, c)
	rd.where[key] = at
	ct, err := g.value(r, c)
	if err != nil {
		rd.errf(at, "%s：%v", what, err)
		return 0
	}
	n, err := parseCount(ct, signed)
	if errors.Is(err, errBlank) {
		rd.blanks = append(rd.blanks, fmt.Sprintf("%s %s为空，按 0 读入（国家规定的表格不留空，没有数据请填 0）", at, what))
		return 0
	}
	if err != nil {
		rd.errf(at, "%s：%v", what, err)
	}
	return n
}

// rowOf finds the one sheet row that holds a row label; it reports a missing or repeated label.
func (rd *reader) rowOf(g *sheetGrid, table, label, name string) (int, int, bool) {
	hits := g.find(label)
	rows := map[int]bool{}
	for _, h := range hits {
		rows[h[0]] = true
	}
	switch {
	case len(hits) == 0:
		rd.errf(g.sheet, "找不到%s“%s”行：请不要删除或改写表格的标签（可从 nianbao xlsx template 生成的模板中复制）", table, name)
		return 0, 0, false
	case len(rows) > 1:
		var at []string
		for _, h := range hits {
			at = append(at, cellName(h[0], h[1]))
		}
		rd.errf(g.sheet, "%s“%s”行出现了 %d 次（%s）：请删除多余的一行", table, name, len(rows), strings.Join(at, "、"))
		return 0, 0, false
	}
	return hits[0][0], hits[0][1], true
}

// readTable3 reads table 三 by its row labels and column headers.
func (rd *reader) readTable3(r *report.Report) {
	g := rd.sheetFor("表三", "申请人情况")
	if g == nil {
		rd.errf("", "找不到表三（收到和处理政府信息公开申请情况）：工作簿中没有含“申请人情况”表头的工作表")
		return
	}
	rows := layouts.T3Rows(r.Format)
	at := map[string]int{}
	first, last, labelCol := -1, -1, 0
	for _, row := range rows {
		sr, sc, ok := rd.rowOf(g, "表三", row.Label, row.Name())
		if !ok {
			continue
		}
		at[row.ID] = sr
		if first < 0 || sr < first {
			first = sr
		}
		last = max(last, sr)
		labelCol = max(labelCol, sc)
	}
	if first < 0 {
		return
	}
	cols := make([]int, len(layouts.T3Columns))
	good := true
	for i, col := range layouts.T3Columns {
		var hits [][2]int
		for _, h := range g.find(col.Label) {
			if h[0] < first {
				hits = append(hits, h)
			}
		}
		if len(hits) != 1 {
			rd.errf(g.sheet, "表头中%s“%s”列（应在“一、本年新收政府信息公开申请数量”行之上，且只有一个）：请不要删除或改写表头", map[bool]string{true: "找不到", false: "有多个"}[len(hits) == 0], col.Label)
			good = false
			continue
		}
		cols[i] = hits[0][1]
	}
	if !good || len(at) != len(rows) {
		return
	}
	for _, row := range rows {
		var a [7]int64
		for i, col := range layouts.T3Columns {
			what := fmt.Sprintf("“%s”行“%s”列", row.Name(), col.Label)
			a[i] = rd.count(g, at[row.ID], cols[i], what, "t3."+row.ID+"."+col.ID, row.ID == "carry")
			if a[i] < 0 { // 结转下年度 as computed by its formula
				rd.errf(loc(g.sheet, at[row.ID], cols[i]), "%s为 %d，是负数：“（七）总计”超过了本年新收与上年结转之和，请核对办理结果", what, a[i])
			}
		}
		r.T3[row.ID] = a
	}
	known := map[int]bool{}
	for _, sr := range at {
		known[sr] = true
	}
	rd.strayRows(g, "表三", first, last, labelCol, cols, known)
}

// strayRows reports rows between the table's first and last data rows that are not rows of the table but
// hold numbers in its value columns (a row a clerk inserted): their numbers are not read.
func (rd *reader) strayRows(g *sheetGrid, table string, first, last, labelCol int, cols []int, known map[int]bool) {
	for sr := first; sr <= last; sr++ {
		if known[sr] || g.blankRow(sr) {
			continue
		}
		label := ""
		for c := 0; c <= labelCol; c++ {
			if _, covered := g.merged[[2]int{sr, c}]; !covered && g.at(sr, c) != "" {
				label = g.at(sr, c)
			}
		}
		for _, c := range cols {
			if s := fold(g.at(sr, c)); s != "" && floatText.MatchString(s) {
				rd.blanks = append(rd.blanks, fmt.Sprintf("%s 第 %d 行（“%s”）不是%s的行，其中的数字没有读入；如是插入的行，请删除它并把数字填到相应的行", loc(g.sheet, sr, c), sr+1, label, table))
				break
			}
		}
	}
}

// readTable2 reads table 二: each item row by its label, each value under the header of its block.
func (rd *reader) readTable2(r *report.Report) {
	g := rd.sheetFor("表二", "第二十条第（一）项")
	if g == nil {
		rd.errf("", "找不到表二（主动公开政府信息情况）：工作簿中没有含“第二十条第（一）项”的工作表")
		return
	}
	for _, it := range layouts.T2Items(r.Format) {
		sr, sc, ok := rd.rowOf(g, "表二", it.Label, it.Label)
		if !ok {
			continue
		}
		hr := -1
		for k := sr - 1; k >= 0; k-- {
			if _, ok := g.rowHas(k, "信息内容", -1); ok {
				hr = k
				break
			}
		}
		if hr < 0 {
			rd.errf(loc(g.sheet, sr, sc), "“%s”行上方找不到“信息内容”表头行：请不要删除表头", it.Label)
			continue
		}
		for _, fd := range it.Fields {
			key := "t2." + it.ID + "." + fd.ID
			what := fmt.Sprintf("“%s”行“%s”栏", it.Label, fd.Label)
			hc := -1
			for c, s := range g.label[hr] {
				if _, covered := g.merged[[2]int{hr, c}]; covered {
					continue
				}
				if s == norm(fd.Label) || fd.ID == "amount" && r.Format == layouts.F2019 && strings.HasPrefix(s, norm(fd.Label)) {
					hc = c
					break
				}
			}
			if hc < 0 {
				rd.errf(loc(g.sheet, hr, 0), "“%s”行上方的表头中找不到“%s”：请不要删除或改写表头", it.Label, fd.Label)
				continue
			}
			c1, c2 := g.span(hr, hc)
			vc := -1
			for c := c1; c <= c2; c++ {
				if _, covered := g.merged[[2]int{sr, c}]; covered {
					continue
				}
				if g.at(sr, c) != "" {
					if vc >= 0 {
						rd.errf(loc(g.sheet, sr, c), "%s填了两个数（%s 和 %s）：请只保留一个", what, cellName(sr, vc), cellName(sr, c))
					}
					vc = c
				}
			}
			if vc < 0 {
				vc = c1
			}
			if fd.Kind == layouts.Decimal {
				r.T2[key] = rd.amount(g, sr, vc, what, key)
			} else {
				r.T2[key] = strconv.FormatInt(rd.count(g, sr, vc, what, key, fd.Kind == layouts.SignedInt), 10)
			}
		}
	}
}

// amount reads one decimal value cell.
func (rd *reader) amount(g *sheetGrid, r, c int, what, key string) string {
	at := loc(g.sheet, r, c)
	rd.where[key] = at
	ct, err := g.value(r, c)
	if err != nil {
		rd.errf(at, "%s：%v", what, err)
		return "0"
	}
	s, err := parseAmount(ct)
	if errors.Is(err, errBlank) {
		rd.blanks = append(rd.blanks, fmt.Sprintf("%s %s为空，按 0 读入（国家规定的表格不留空，没有数据请填 0）", at, what))
		return "0"
	}
	if err != nil {
		rd.errf(at, "%s：%v", what, err)
		return "0"
	}
	return s
}

// readTable4 reads table 四: the columns by their header path (行政复议 / 行政诉讼 未经复议直接起诉 … and
// 结果维持 … 总计), the values from the first row below the header.
func (rd *reader) readTable4(r *report.Report) {
	g := rd.sheetFor("表四", "行政诉讼")
	if g == nil {
		rd.errf("", "找不到表四（政府信息公开行政复议、行政诉讼情况）：工作簿中没有含“行政诉讼”表头的工作表")
		return
	}
	top, bottom := -1, -1
	for _, h := range g.find(layouts.T4Blocks[0].Label) {
		if top < 0 || h[0] < top {
			top = h[0]
		}
	}
	for _, res := range layouts.T4Results {
		for _, h := range g.find(res.Label) {
			bottom = max(bottom, h[0])
		}
	}
	if top < 0 || bottom < top {
		rd.errf(g.sheet, "表四的表头不完整：找不到“行政复议”和“结果维持”等表头，请不要删除或改写表头")
		return
	}
	data := -1
	for k := bottom + 1; k < len(g.label) && k <= bottom+10; k++ {
		if !g.blankRow(k) {
			data = k
			break
		}
	}
	width := 0
	for k := top; k <= bottom; k++ {
		width = max(width, len(g.label[k]))
	}
	col := map[string]int{}
	for c := 0; c < width; c++ {
		set := map[string]bool{}
		for k := top; k <= bottom; k++ {
			set[g.at(k, c)] = true
		}
		block := ""
		switch {
		case set[norm(layouts.T4Blocks[2].Label)]:
			block = layouts.T4Blocks[2].ID
		case set[norm(layouts.T4Blocks[1].Label)]:
			block = layouts.T4Blocks[1].ID
		case set[norm(layouts.T4Blocks[0].Label)]:
			block = layouts.T4Blocks[0].ID
		}
		for _, res := range layouts.T4Results {
			if block != "" && set[norm(res.Label)] {
				if _, dup := col[block+"."+res.ID]; !dup {
					col[block+"."+res.ID] = c
				}
			}
		}
	}
	for b, blk := range layouts.T4Blocks {
		for k, res := range layouts.T4Results {
			c, ok := col[blk.ID+"."+res.ID]
			name := blk.Label
			if b > 0 {
				name = "行政诉讼 " + name
			}
			if !ok {
				rd.errf(g.sheet, "表四的表头中找不到“%s”下的“%s”列：请不要删除或改写表头", name, res.Label)
				continue
			}
			if data < 0 {
				rd.errf(loc(g.sheet, bottom+1, c), "表四表头下面没有数据行：请在表头下一行填写数字（没有数据填 0）")
				return
			}
			r.T4[b][k] = rd.count(g, data, c, fmt.Sprintf("“%s”栏“%s”列", name, res.Label), "t4."+blk.ID+"."+res.ID, false)
		}
	}
}

// hasRows reports whether the sheet holds the label of every row.
func hasRows(g *sheetGrid, rows []layouts.T3Row) bool {
	for _, row := range rows {
		if len(g.find(row.Label)) == 0 {
			return false
		}
	}
	return true
}

func otherFormat(f layouts.Format) layouts.Format {
	if f == layouts.F2019 {
		return layouts.F2021
	}
	return layouts.F2019
}
