package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
)

func (l *loader) narrative(doc map[string]any, key, label string) Narrative {
	var n Narrative
	v, ok := doc[key]
	if !ok {
		return n
	}
	m, ok := v.(map[string]any)
	if !ok {
		l.errf(key, "%s 必须是一个表 [%s]（%s），含 paragraphs 和 [[%s.sections]]", key, key, label, key)
		return n
	}
	for _, k := range sortedKeys(m) {
		if k != "paragraphs" && k != "sections" {
			l.unknown(key+"."+k, k, []string{"paragraphs", "sections"}, "["+key+"] "+label)
		}
	}
	n.Paragraphs = l.paragraphs(m, key+".paragraphs", "paragraphs", label)
	sv, ok := m["sections"]
	if !ok {
		return n
	}
	subs, ok := sv.([]map[string]any)
	if !ok {
		if arr, isArr := sv.([]any); isArr {
			for _, e := range arr {
				if mm, isMap := e.(map[string]any); isMap {
					subs = append(subs, mm)
				} else {
					l.errf(key+".sections", "%s.sections 的每一项必须是表，请用 [[%s.sections]] 书写", key, key)
					return n
				}
			}
		} else {
			l.errf(key+".sections", "%s.sections 必须写成 [[%s.sections]] 表数组，每个小节有 title 和 paragraphs", key, key)
			return n
		}
	}
	if subs = l.limitSections(key, subs); subs == nil {
		return n
	}
	for i, s := range subs {
		p := fmt.Sprintf("%s.sections.%d", key, i)
		where := fmt.Sprintf("%s 第 %d 个小节", label, i+1)
		for _, k := range sortedKeys(s) {
			if k != "title" && k != "paragraphs" && k != "runin" {
				l.unknown(p+"."+k, k, []string{"title", "paragraphs", "runin"}, where)
			}
		}
		sub := SubSection{Title: l.text(s, p+".title", "title", where+"的标题", true)}
		sub.Title = stripLevel2(sub.Title)
		sub.Paragraphs = l.paragraphs(s, p+".paragraphs", "paragraphs", where)
		if rv, ok := s["runin"]; ok {
			b, isBool := rv.(bool)
			if !isBool {
				l.errf(p+".runin", "runin 必须是 true 或 false；现在是 %s", show(rv))
			}
			sub.RunIn = b
		}
		n.Sections = append(n.Sections, sub)
	}
	return n
}

var level2Re = lazyre.New(`^[（(][一二三四五六七八九十]+[）)]\s*`)

// stripLevel2 drops a hand-written （一） from a sub-section title: numbering is automatic.
func stripLevel2(s string) string { return level2Re.ReplaceAllString(s, "") }

// loadTable2 reads [table2.<item>] tables of the report's format.
func (l *loader) loadTable2(v any) {
	f := l.r.Format
	l.r.T2 = map[string]string{}
	items := layouts.T2Items(f)
	for _, it := range items {
		for _, fd := range it.Fields {
			l.r.T2["t2."+it.ID+"."+fd.ID] = "0"
		}
	}
	if v == nil {
		return
	}
	l.given["table2"] = true // the file writes the table (check warns about a table left out)
	m, ok := v.(map[string]any)
	if !ok {
		l.errf("table2", "table2 必须是表，每个项目写成 [table2.xzxk] 这样的子表")
		return
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	for _, k := range sortedKeys(m) {
		path := "table2." + k
		var item *layouts.T2Item
		for i := range items {
			if items[i].ID == k {
				item = &items[i]
			}
		}
		if item == nil {
			if other := otherFormatItem(f, k); other != "" {
				l.errf(path, "表二项目 %s（%s）只属于 %s 格式，本报告是 %s 格式；请删除它或改正 format", k, other, otherFormat(f), f)
			} else {
				l.unknown(path, k, ids, "表二的项目")
			}
			continue
		}
		vals, ok := m[k].(map[string]any)
		if !ok {
			l.errf(path, "表二 %s（%s）必须是表 [table2.%s]", k, item.Label, k)
			continue
		}
		var fids []string
		for _, fd := range item.Fields {
			fids = append(fids, fd.ID)
		}
		for _, fk := range sortedKeys(vals) {
			fp := path + "." + fk
			var field *layouts.T2Field
			for i := range item.Fields {
				if item.Fields[i].ID == fk {
					field = &item.Fields[i]
				}
			}
			if field == nil {
				l.unknown(fp, fk, fids, "表二“"+item.Label+"”的栏目")
				continue
			}
			cell := fmt.Sprintf("表二“%s”行“%s”栏", item.Label, field.Label)
			switch field.Kind {
			case layouts.Decimal:
				if s, ok := l.decimal(fp, cell, vals[fk]); ok {
					l.r.T2["t2."+k+"."+fk] = s
				}
			default:
				if n, ok := l.integer(fp, cell, vals[fk], field.Kind == layouts.SignedInt); ok {
					l.r.T2["t2."+k+"."+fk] = strconv.FormatInt(n, 10)
				}
			}
		}
	}
}

func otherFormat(f layouts.Format) layouts.Format {
	if f == layouts.F2019 {
		return layouts.F2021
	}
	return layouts.F2019
}

func otherFormatItem(f layouts.Format, id string) string {
	for _, it := range layouts.T2Items(otherFormat(f)) {
		if it.ID == id {
			return it.Label
		}
	}
	return ""
}

// loadTable3 reads [table3]: one array of six (or seven, with 总计) counts per row id.
func (l *loader) loadTable3(v any) {
	f := l.r.Format
	rows := layouts.T3Rows(f)
	l.r.T3 = map[string][7]int64{}
	for _, r := range rows {
		l.r.T3[r.ID] = [7]int64{}
	}
	if v == nil {
		return
	}
	l.given["table3"] = true // the file writes the table (check warns about a table left out)
	m, ok := v.(map[string]any)
	if !ok {
		l.errf("table3", "table3 必须是表 [table3]，每行写成 new = [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]")
		return
	}
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	for _, k := range sortedKeys(m) {
		path := "table3." + k
		var row *layouts.T3Row
		for i := range rows {
			if rows[i].ID == k {
				row = &rows[i]
			}
		}
		if row == nil {
			if other := otherFormatRow(f, k); other != "" {
				l.errf(path, "表三行 %s（%s）只属于 %s 格式，本报告是 %s 格式；%s", k, other, otherFormat(f), f, sixHint(f))
			} else {
				l.unknown(path, k, ids, "表三的行")
			}
			continue
		}
		labels := make([]string, 7)
		for i, c := range layouts.T3Columns {
			labels[i] = fmt.Sprintf("表三“%s”行“%s”列", row.Name(), c.Label)
		}
		vals, total, ok := l.counts(path, "表三“"+row.Name()+"”行", m[k], labels, 6)
		if !ok {
			continue
		}
		var a [7]int64
		copy(a[:], vals)
		if total {
			l.given["t3."+k+".TOT"] = true
		}
		l.given["t3."+k] = true
		l.r.T3[k] = a
	}
}

func sixHint(f layouts.Format) string {
	if f == layouts.F2019 {
		return "2019 格式的（六）其他处理只有一行 r6"
	}
	return "2021 格式的（六）其他处理分为 r6_1、r6_2、r6_3 三行"
}

func otherFormatRow(f layouts.Format, id string) string {
	for _, r := range layouts.T3Rows(otherFormat(f)) {
		if r.ID == id {
			return r.Name()
		}
	}
	return ""
}

// loadTable4 reads [table4]: review, direct, post, each [结果维持, 结果纠正, 其他结果, 尚未审结] (+ 总计).
func (l *loader) loadTable4(v any) {
	if v == nil {
		return
	}
	l.given["table4"] = true // the file writes the table (check warns about a table left out)
	m, ok := v.(map[string]any)
	if !ok {
		l.errf("table4", "table4 必须是表 [table4]，含 review、direct、post 三行")
		return
	}
	var ids []string
	for _, b := range layouts.T4Blocks {
		ids = append(ids, b.ID)
	}
	for _, k := range sortedKeys(m) {
		path := "table4." + k
		bi := -1
		for i, b := range layouts.T4Blocks {
			if b.ID == k {
				bi = i
			}
		}
		if bi < 0 {
			l.unknown(path, k, ids, "表四的栏目（review 行政复议、direct 未经复议直接起诉、post 复议后起诉）")
			continue
		}
		blk := layouts.T4Blocks[bi]
		labels := make([]string, 5)
		for i, res := range layouts.T4Results {
			labels[i] = fmt.Sprintf("表四“%s”栏“%s”", blk.Label, res.Label)
		}
		vals, total, ok := l.counts(path, "表四“"+blk.Label+"”栏", m[k], labels, 4)
		if !ok {
			continue
		}
		copy(l.r.T4[bi][:], vals)
		if total {
			l.given["t4."+k+".tot"] = true
		}
	}
}

// counts reads an array of n counts, or n+1 with a trailing total; it returns n+1 values (total 0 when absent).
func (l *loader) counts(path, what string, v any, labels []string, n int) ([]int64, bool, bool) {
	arr, ok := v.([]any)
	if !ok {
		l.errf(path, "%s必须是 %d 个整数的数组（可再加一个总计），例如 [0, 0, 0, 0%s]；现在是 %s", what, n, strings.Repeat(", 0", n-4), show(v))
		return nil, false, false
	}
	if len(arr) != n && len(arr) != n+1 {
		l.errf(path, "%s应有 %d 个数（%s），或再加总计共 %d 个；现在有 %d 个", what, n, colNames(labels[:n]), n+1, len(arr))
		return nil, false, false
	}
	out := make([]int64, n+1)
	good := true
	for i, e := range arr {
		x, ok := l.integer(path, labels[i], e, false)
		if !ok {
			good = false
		}
		out[i] = x
	}
	return out, len(arr) == n+1, good
}

func colNames(labels []string) string {
	var names []string
	for _, s := range labels {
		i := strings.LastIndex(s, "“")
		names = append(names, strings.Trim(s[i:], "“”列栏"))
	}
	return strings.Join(names, "、")
}

var intRe = lazyre.New(`^[+-]?\d+$`)
var decRe = lazyre.New(`^\d+(\.\d+)?$`)

// foldDigits turns full-width digits, signs and dots into ASCII (numeric fields only, never prose).
func foldDigits(s string) string {
	return strings.TrimSpace(width.Fold.String(s))
}

// integer reads a count: a TOML integer, or a string of (possibly full-width) digits.
func (l *loader) integer(path, cell string, v any, signed bool) (int64, bool) {
	var n int64
	switch x := v.(type) {
	case int64:
		n = x
	case float64:
		if x == math.Trunc(x) && !math.IsInf(x, 0) {
			l.errf(path, "%s必须是整数，请写成 %s（不带小数点）", cell, strconv.FormatFloat(x, 'f', -1, 64))
		} else {
			l.errf(path, "%s必须是整数，现在是小数 %s；件数和项数不能有小数", cell, strconv.FormatFloat(x, 'f', -1, 64))
		}
		return 0, false
	case string:
		s := foldDigits(x)
		if s == "" {
			l.errf(path, "%s不能为空；没有数据请填 0", cell)
			return 0, false
		}
		if m := signWordRe.FindStringSubmatch(s); m != nil && signed {
			sign := "-"
			if strings.HasPrefix(m[1], "增") || m[1] == "上升" {
				sign = ""
			}
			l.errf(path, "%s请写成带符号的整数：%q 请写成 %s%s（增加写正数，减少写负数）", cell, x, sign, fold(m[2]))
			return 0, false
		}
		if !intRe.MatchString(s) {
			l.errf(path, "%s必须是整数，现在是 %q", cell, x)
			return 0, false
		}
		var err error
		n, err = strconv.ParseInt(s, 10, 64)
		if err != nil {
			l.errf(path, "%s数值 %s 超出范围：不得超过 %d", cell, x, MaxCount)
			return 0, false
		}
	default:
		l.errf(path, "%s必须是整数；现在是 %s", cell, show(v))
		return 0, false
	}
	if n < 0 && !signed {
		l.errf(path, "%s不能是负数（%d）；件数和项数都大于等于 0", cell, n)
		return 0, false
	}
	if n > MaxCount || n < -MaxCount {
		l.errf(path, "%s数值 %d 超出范围：不得超过 %d（九位数）", cell, n, MaxCount)
		return 0, false
	}
	return n, true
}

// decimal reads a non-negative amount and keeps it exactly as written.
func (l *loader) decimal(path, cell string, v any) (string, bool) {
	var s string
	switch x := v.(type) {
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		s = foldDigits(x)
	default:
		l.errf(path, "%s必须是数字，建议写成字符串以保留位数，例如 \"232.4586\"；现在是 %s", cell, show(v))
		return "", false
	}
	if strings.HasPrefix(s, "-") {
		l.errf(path, "%s不能是负数（%s）", cell, s)
		return "", false
	}
	if m := unitValRe.FindStringSubmatch(s); m != nil && !decRe.MatchString(s) {
		hint := ""
		if m[2] == "元" {
			if f, err := strconv.ParseFloat(m[1], 64); err == nil {
				hint = fmt.Sprintf("；%s元即 %s 万元", m[1], strconv.FormatFloat(f/10000, 'f', -1, 64))
			}
		}
		l.errf(path, "%s%s", cell, amountUnitMessage(l.r.Format == layouts.F2019, s, m[1], hint))
		return "", false
	}
	if !decRe.MatchString(s) {
		l.errf(path, "%s必须是不带单位的数字，例如 \"232.4586\"；现在是 %q", cell, s)
		return "", false
	}
	if len(s) > 20 {
		l.errf(path, "%s数字过长（%d 位）；请检查单位是否为万元", cell, len(s))
		return "", false
	}
	return s, true
}

// loadFonts reads [fonts]: role = "file".
func (l *loader) loadFonts(v any) {
	if v == nil {
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		l.errf("fonts", "fonts 必须是表 [fonts]，例如 body = \"/path/仿宋_GB2312.ttf\"")
		return
	}
	roles := []string{"title", "body", "hei", "kai", "song", "latin"}
	l.r.Fonts = map[string]string{}
	for _, k := range sortedKeys(m) {
		if !contains(roles, k) {
			l.unknown("fonts."+k, k, roles, "[fonts] 字体角色")
			continue
		}
		s, ok := m[k].(string)
		if !ok || strings.TrimSpace(s) == "" {
			l.errf("fonts."+k, "fonts.%s 必须是字体文件路径字符串", k)
			continue
		}
		l.r.Fonts[k] = s
	}
}
