package importer

import (
	"fmt"
	"strings"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// TSVOptions configure TSV.
type TSVOptions struct {
	Options
	// Table is "二", "三" or "四" when the rows carry no labels and their table cannot be told from the
	// number of values; "" to decide from the rows.
	Table string
	// Into is the report whose tables the rows replace (its narrative and the other tables are kept);
	// nil starts from an empty report of Options.Year/Format/Agency.
	Into *report.Report
}

// TSV reads rows copied from Excel or WPS (cells separated by tabs) into the tables of a report. Rows may
// carry their labels (any columns of text before the numbers: they are matched to the official labels as in
// Import) or be numbers only, in the order of the official table: table 三 as 23 (2019) or 25 (2021) rows of
// 6 or 7 numbers (or without the last two rows, （七）总计 and 结转下年度, which are then computed), table 二 one
// row per item, table 四 15 numbers (one row or several).
func TSV(data []byte, o TSVOptions) (*Result, error) {
	if len(data) > MaxInput {
		return nil, fmt.Errorf("%s：输入过大（%d 字节），导入最多读取 %d MiB", o.name(), len(data), MaxInput>>20)
	}
	src, err := report.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", o.name(), err)
	}
	res := &Result{Source: "从表格软件粘贴的行"}
	a := &assembler{o: o.Options, res: res, computed: map[string]bool{}, ambiguous: map[string][][]int64{}, missing: map[string]bool{}}
	if o.Into != nil {
		r := *o.Into
		r.T2 = copyMap(o.Into.T2)
		r.T3 = map[string][7]int64{}
		for k, v := range o.Into.T3 {
			r.T3[k] = v
		}
		a.r = &r
		if o.Year != 0 && o.Year != r.Year {
			return nil, fmt.Errorf("%s：--year %d 与 --into 报告的年度 %d 不同", o.name(), o.Year, r.Year)
		}
	} else {
		if o.Year < 2008 || o.Year > 2100 {
			return nil, fmt.Errorf("%s：请用 --year 指定报告年度（或用 --into 指定要填入的报告）", o.name())
		}
		f := o.Format
		if f == "" {
			f = layouts.DefaultFormat(o.Year)
		}
		if !f.Valid() {
			return nil, fmt.Errorf("%s：--format 只能是 2019 或 2021", o.name())
		}
		if f == layouts.F2021 && o.Year < 2021 {
			return nil, fmt.Errorf("%s：2021 格式适用于 2021 年及以后的报告；%d 年请用 --format 2019", o.name(), o.Year)
		}
		agency := o.Agency
		if agency == "" {
			agency = "（请填写机关名称）"
			res.note("report.agency", "请填写机关名称（或用 --agency 指定）", false)
		}
		a.r = &report.Report{File: o.Name, Agency: agency, Year: o.Year, Format: f,
			Title: fmt.Sprintf("%s%d年政府信息公开工作年度报告", agency, o.Year)}
		a.r.T2 = map[string]string{}
		for _, it := range layouts.T2Items(f) {
			for _, fd := range it.Fields {
				a.r.T2["t2."+it.ID+"."+fd.ID] = "0"
			}
		}
		a.r.T3 = map[string][7]int64{}
		for _, row := range layouts.T3Rows(f) {
			a.r.T3[row.ID] = [7]int64{}
		}
	}
	var rows []srcRow
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(strings.ReplaceAll(line, "\t", "")) == "" {
			continue
		}
		if len(rows) >= maxBlocks {
			res.warn(fmt.Sprintf("粘贴的行过多：只读取了前 %d 行", maxBlocks))
			break
		}
		rows = append(rows, readRow(textRow(line), false))
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s：没有读到任何行；请从 Excel/WPS 复制表格的行后粘贴", o.name())
	}
	parts, err := a.sortTSV(rows, o.Table)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", o.name(), err)
	}
	if parts[0] != nil {
		a.table2(parts[0])
	}
	if parts[1] != nil {
		a.table3(parts[1])
	}
	if parts[2] != nil {
		a.table4(parts[2])
	}
	return a.finish()
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// sortTSV assigns the pasted rows to tables 二, 三 and 四. Rows without labels get the official label of
// their position, so that the same mapping reads both kinds.
func (a *assembler) sortTSV(rows []srcRow, table string) ([3][]srcRow, error) {
	var parts [3][]srcRow
	f := a.r.Format
	labelled := 0
	for _, r := range rows {
		if len(r.labels) > 0 {
			labelled++
		}
	}
	want := map[string]int{"二": 0, "2": 0, "三": 1, "3": 1, "四": 2, "4": 2}
	fixed, hasFixed := want[table]
	if table != "" && !hasFixed {
		return parts, fmt.Errorf("--table 只能是 二、三 或 四，不是 %q", table)
	}
	if labelled > 0 {
		t3, t2 := layouts.T3Rows(f), layouts.T2Items(f)
		var l3, l2 []string
		for _, r := range t3 {
			l3 = append(l3, r.Label)
			if r.Group != "" {
				l3 = append(l3, r.Group)
			}
		}
		for _, it := range t2 {
			l2 = append(l2, it.Label)
		}
		for _, r := range rows {
			t := fixed
			if !hasFixed {
				_, h3, _ := bestLabel(r.labels, l3)
				_, h2, _ := bestLabel(r.labels, l2)
				switch {
				case len(r.labels) == 0 && (len(r.tokens) == 15 || len(r.tokens) == 12):
					t = 2
				case h3 >= h2 && h3 > noMatch:
					t = 1
				case h2 > noMatch:
					t = 0
				case len(r.tokens) == 0:
					continue // a header row
				default:
					a.res.warn(fmt.Sprintf("无法识别的行%s，已舍弃", quoteSrc(r.raw)))
					continue
				}
			}
			parts[t] = append(parts[t], r)
		}
		return parts, nil
	}
	// Numbers only: the table from --table or from the number of values per row.
	t := fixed
	if !hasFixed {
		n := 0
		for _, r := range rows {
			n += len(r.tokens)
		}
		switch {
		case len(rows) <= 3 && (n == 15 || n == 12):
			t = 2
		case rows[0].tokens != nil && (len(rows[0].tokens) == 6 || len(rows[0].tokens) == 7):
			t = 1
		case len(rows[0].tokens) >= 1 && len(rows[0].tokens) <= 3:
			t = 0
		default:
			return parts, fmt.Errorf("无法判断粘贴的是哪张表（第一行有 %d 个数）；请用 --table 二|三|四 指定", len(rows[0].tokens))
		}
	}
	switch t {
	case 0:
		items := layouts.T2Items(f)
		if len(rows) != len(items) {
			return parts, fmt.Errorf("表二（%s 格式）应粘贴 %d 行（%s），只含数字时不能多也不能少；现在是 %d 行。请连同标签列一起复制", f, len(items), t2Names(items), len(rows))
		}
		for i, r := range rows {
			r.labels = []string{items[i].Label}
			parts[0] = append(parts[0], r)
		}
	case 1:
		all := layouts.T3Rows(f)
		if len(rows) != len(all) && len(rows) != len(all)-2 {
			return parts, fmt.Errorf("表三（%s 格式）应粘贴 %d 行（从“本年新收”到“结转下年度”），或不含最后两行共 %d 行；现在是 %d 行。请连同标签列一起复制", f, len(all), len(all)-2, len(rows))
		}
		for i, r := range rows {
			r.labels = []string{all[i].Label}
			if all[i].Group != "" {
				r.labels = []string{all[i].Group, all[i].Label}
			}
			parts[1] = append(parts[1], r)
		}
	case 2:
		parts[2] = rows
	}
	return parts, nil
}

func t2Names(items []layouts.T2Item) string {
	var n []string
	for _, it := range items {
		n = append(n, it.Label)
	}
	return strings.Join(n, "、")
}
