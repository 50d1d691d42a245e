package importer

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// maxMessageRunes shortens quoted source text in notes.
const maxMessageRunes = 60

func quoteSrc(s string) string {
	rs := []rune(s)
	if len(rs) > maxMessageRunes {
		s = string(rs[:maxMessageRunes]) + "…"
	}
	return "“" + strings.ReplaceAll(s, "\n", " ") + "”"
}

// mergeNumberLines joins a row holding only a label with the rows of numbers only that follow it: text
// flattened with the label on one line and its numbers on the next line, or one cell per line.
func mergeNumberLines(rows []srcRow) []srcRow {
	var out []srcRow
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		if len(r.labels) > 0 && len(r.tokens) == 0 {
			j := i + 1
			for j < len(rows) && len(rows[j].labels) == 0 && len(rows[j].tokens) > 0 && len(r.tokens) < 64 {
				r.tokens = append(append([]string{}, r.tokens...), rows[j].tokens...)
				r.blanks += rows[j].blanks
				r.raw += " | " + rows[j].raw
				j++
			}
			i = j - 1
		}
		out = append(out, r)
	}
	return out
}

// bestLabel returns the index of the official label that the row's labels name best, and how well.
func bestLabel(labels []string, officials []string) (int, labelMatch, string) {
	best, how, which := -1, noMatch, ""
	for li := len(labels) - 1; li >= 0; li-- {
		if utf8.RuneCountInString(labels[li]) > maxLabelRunes {
			continue
		}
		g := normalize(labels[li])
		for i, o := range officials {
			if m := matchNorm(g, official(o)); m > how {
				best, how, which = i, m, labels[li]
			}
		}
	}
	return best, how, which
}

// labelNote describes a label read with tolerance ("" when it was the official label).
func labelNote(how labelMatch, got, official string) string {
	switch how {
	case variantMatch:
		return fmt.Sprintf("原文标签%s，按“%s”读入", quoteSrc(got), official)
	case fuzzyMatch:
		return fmt.Sprintf("原文标签%s与官方标签“%s”不完全相同，按此读入，请核对", quoteSrc(got), official)
	}
	return ""
}

// table2 maps the rows of section 二 to the items of the format.
func (a *assembler) table2(rows []srcRow) {
	r := a.r
	r.T2 = map[string]string{}
	items := layouts.T2Items(r.Format)
	labels := make([]string, len(items))
	for i, it := range items {
		labels[i] = it.Label
		for _, f := range it.Fields {
			r.T2["t2."+it.ID+"."+f.ID] = "0"
		}
	}
	seen := map[int]bool{}
	for _, row := range mergeNumberLines(rows) {
		if r.Format == layouts.F2019 {
			for _, l := range row.labels {
				if n := strings.TrimSpace(cleanSpace(l)); strings.HasPrefix(n, "采购总金额") && n != "采购总金额" && r.AmountNote == "" {
					r.AmountNote = a.short("report.amount_note", strings.TrimPrefix(n, "采购总金额"), 100)
				}
			}
		}
		if len(row.tokens) == 0 && row.empties == 0 {
			continue
		}
		i, how, got := bestLabel(row.labels, labels)
		if len(row.tokens) == 0 && (i < 0 || how < variantMatch || seen[i]) {
			continue // a heading or an unknown row without numbers
		}
		if i < 0 {
			a.res.warn(fmt.Sprintf("表二：无法识别的行%s（不是 %s 格式的项目），已舍弃", quoteSrc(row.raw), r.Format))
			continue
		}
		it := items[i]
		key := "table2." + it.ID
		if seen[i] {
			a.res.note(key, fmt.Sprintf("原文中“%s”出现不止一次；保留第一次的值，舍弃%s", it.Label, quoteSrc(row.raw)), true)
			continue
		}
		seen[i] = true
		if n := labelNote(how, got, it.Label); n != "" {
			a.res.note(key, n, how == fuzzyMatch)
		}
		if row.blanks > 0 {
			a.res.note(key, fmt.Sprintf("原文有 %d 格为空或写作“/”“—”，按 0 读入", row.blanks), false)
		}
		if len(row.tokens) == 0 {
			a.res.note(key, "原文这一行各格都是空的，按 0 读入", false)
			continue // the values stay 0
		}
		a.t2Values(it, key, row)
	}
	if len(seen) == 0 {
		a.res.note("table2", "原文中没有读到表二的任何数据（表格可能是图片），暂全部按 0 填写，请按原件填写", true)
		return
	}
	var missing []string
	for i, it := range items {
		if !seen[i] {
			a.res.note("table2."+it.ID, fmt.Sprintf("原文中找不到“%s”这一行，暂按 0 填写", it.Label), false)
			missing = append(missing, it.Label)
		}
	}
	if len(missing) > 0 {
		a.res.addWarning(Warning{Key: "table2", Msg: fmt.Sprintf("表二：原文中找不到 %d 行（%s），暂按 0 填写", len(missing), strings.Join(missing, "、"))})
	}
}

func (a *assembler) t2Values(it layouts.T2Item, key string, row srcRow) {
	n := len(it.Fields)
	toks := row.fit(n)
	fail := func(why string) {
		a.res.note(key, fmt.Sprintf("%s：原文%s%s，无法确定各栏数值，暂按 0 填写", it.Label, quoteSrc(row.raw), why), true)
	}
	hasDecimal, signed := false, false
	for _, f := range it.Fields {
		hasDecimal = hasDecimal || f.Kind == layouts.Decimal
		signed = signed || f.Kind == layouts.SignedInt
	}
	if len(toks) != n {
		if hasDecimal || signed || len(toks) > n {
			fail(fmt.Sprintf("有 %d 个数，应有 %d 个", len(toks), n))
			return
		}
		s := splitGlued(toks, n, nil)
		if s.Values == nil {
			fail(fmt.Sprintf("有 %d 个数，应有 %d 个（数字粘连，拆法不唯一）", len(toks), n))
			return
		}
		for i, f := range it.Fields {
			a.r.T2["t2."+it.ID+"."+f.ID] = strconv.FormatInt(s.Values[i], 10)
		}
		a.res.note(key, fmt.Sprintf("原文%s数字粘连，拆为 %s（唯一拆法），请核对", quoteSrc(strings.Join(toks, " ")), joinInts(s.Values)), true)
		return
	}
	for i, f := range it.Fields {
		t := toks[i]
		fk := key + "." + f.ID
		switch f.Kind {
		case layouts.Decimal:
			t = strings.TrimPrefix(t, "+")
			if strings.HasPrefix(t, "-") || len(t) > 20 {
				a.res.note(fk, fmt.Sprintf("“%s”原文为 %s，不是有效金额，暂按 0 填写", f.Label, t), true)
				continue
			}
		default:
			v, err := strconv.ParseInt(t, 10, 64)
			if err != nil || v > report.MaxCount || v < -report.MaxCount {
				a.res.note(fk, fmt.Sprintf("“%s”原文为 %s，不是有效整数，暂按 0 填写", f.Label, t), true)
				continue
			}
			if v < 0 && f.Kind != layouts.SignedInt {
				a.res.note(fk, fmt.Sprintf("“%s”原文为负数 %s，暂按 0 填写", f.Label, t), true)
				continue
			}
			t = strconv.FormatInt(v, 10)
		}
		a.r.T2["t2."+it.ID+"."+f.ID] = t
	}
}

func joinInts(v []int64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(parts, " ")
}

// intTokens parses non-negative integer tokens; ok is false when one is not a plain count.
func intTokens(toks []string) bool {
	for _, t := range toks {
		if t == "" || strings.Trim(t, "0123456789") != "" {
			return false
		}
	}
	return true
}

func allZero(toks []string) bool {
	for _, t := range toks {
		if strings.Trim(t, "0") != "" {
			return false
		}
	}
	return len(toks) > 0
}

// table3 maps the rows of section 三 to the row ids of the format, tracking the category
// (（三）不予公开 …) that numbered sub-rows ("1.属于国家秘密") belong to.
func (a *assembler) table3(rows []srcRow) {
	r := a.r
	r.T3 = map[string][7]int64{}
	all := layouts.T3Rows(r.Format)
	var groups []string
	for _, row := range all {
		if row.Group != "" && (len(groups) == 0 || groups[len(groups)-1] != row.Group) {
			groups = append(groups, row.Group)
		}
	}
	labels := make([]string, len(all))
	for i, row := range all {
		labels[i] = row.Label
	}
	group := ""
	seen := map[string]bool{}
	for _, row := range mergeNumberLines(rows) {
		// The category this row opens, if any.
		for _, l := range row.labels {
			if gi, how, _ := bestLabel([]string{l}, groups); gi >= 0 && how >= variantMatch {
				group = groups[gi]
			}
		}
		if len(row.tokens) == 0 && row.empties == 0 {
			continue
		}
		i, how, got := a.t3Row(row.labels, all, labels, group)
		if len(row.tokens) == 0 && (i < 0 || how < variantMatch || seen[all[i].ID] || all[i].ID == "r7" || all[i].ID == "carry") {
			continue // a heading, an unknown row without numbers, or a blank total (computed below)
		}
		if i < 0 {
			a.res.warn(fmt.Sprintf("表三：无法识别的行%s，已舍弃", quoteSrc(row.raw)))
			continue
		}
		id := all[i].ID
		key := "table3." + id
		if seen[id] {
			a.res.note(key, fmt.Sprintf("原文中“%s”出现不止一次；保留第一次的值，舍弃%s", all[i].Name(), quoteSrc(row.raw)), true)
			continue
		}
		seen[id] = true
		if n := labelNote(how, got, all[i].Label); n != "" {
			a.res.note(key, n, how == fuzzyMatch)
		}
		if row.blanks > 0 {
			a.res.note(key, fmt.Sprintf("原文有 %d 格为空或写作“/”“—”，按 0 读入", row.blanks), false)
		}
		if len(row.tokens) == 0 {
			r.T3[id] = [7]int64{}
			a.res.note(key, "原文这一行各格都是空的，按 0 读入", false)
			continue
		}
		a.t3Values(id, all[i].Name(), key, row)
	}
	for _, row := range all {
		a.missing[row.ID] = !seen[row.ID]
	}
	a.resolveAmbiguous()
	if len(a.shifted) > 0 {
		a.res.note("table3", fmt.Sprintf("原文表三有 %d 行的数目多于 7 个（表格错位），这些行全部为 0，按 0 读入：%s", len(a.shifted), strings.Join(a.shifted, "、")), false)
	}
	if len(seen) == 0 {
		a.res.note("table3", "原文中没有读到表三的任何数据（表格可能是图片），暂全部按 0 填写，请按原件填写", true)
		return
	}
	var missing []string
	for _, row := range all {
		if !seen[row.ID] {
			r.T3[row.ID] = [7]int64{}
			if row.ID == "r7" || row.ID == "carry" {
				a.computed[row.ID] = true
				a.res.note("table3."+row.ID, fmt.Sprintf("原文中找不到“%s”这一行，按计算值填写", row.Name()), false)
				continue
			}
			a.res.note("table3."+row.ID, fmt.Sprintf("原文中找不到“%s”这一行，暂按 0 填写", row.Name()), false)
			missing = append(missing, row.Name())
		}
	}
	if len(missing) > 0 {
		a.res.addWarning(Warning{Key: "table3", Msg: fmt.Sprintf("表三：原文中找不到 %d 行（%s），暂按 0 填写", len(missing), strings.Join(missing, "、"))})
	}
}

// t3Row finds the row a label set names: numbered sub-rows within the current category first.
func (a *assembler) t3Row(rowLabels []string, all []layouts.T3Row, labels []string, group string) (int, labelMatch, string) {
	if group != "" {
		var idx []int
		var sub []string
		for i, row := range all {
			if row.Group == group {
				idx = append(idx, i)
				sub = append(sub, row.Label)
			}
		}
		if j, how, got := bestLabel(rowLabels, sub); j >= 0 {
			// A sub-row label must not be a better match for a row outside the category.
			k, how2, _ := bestLabel(rowLabels, labels)
			if !(how2 > how && all[k].Group != group) {
				return idx[j], how, got
			}
		}
	}
	return bestLabel(rowLabels, labels)
}

func (a *assembler) t3Values(id, name, key string, row srcRow) {
	toks := row.fit(7)
	fail := func(why string) {
		a.res.note(key, fmt.Sprintf("%s：原文%s%s，无法确定各列数值，暂按 0 填写，请按原件改正", name, quoteSrc(strings.Join(toks, " ")), why), true)
		a.r.T3[id] = [7]int64{}
	}
	if !intTokens(toks) {
		fail("含有非整数")
		return
	}
	var v [7]int64
	switch {
	case len(toks) == 7:
		s := splitGlued(toks, 7, nil)
		if s.Values == nil {
			fail("含有无效的数")
			return
		}
		copy(v[:], s.Values)
	case len(toks) > 7 && allZero(toks):
		// Certain: a shifted row of zeros. One note for the table, not one per row.
		a.shifted = append(a.shifted, id)
	case len(toks) > 7:
		fail(fmt.Sprintf("有 %d 个数，应为 7 个（表格错位）", len(toks)))
		return
	default:
		s := splitGlued(toks, 7, rowSumOK)
		switch {
		case s.Values != nil:
			copy(v[:], s.Values)
			if s.Glued {
				a.res.note(key, fmt.Sprintf("原文%s数字粘连，按“总计＝各列之和”唯一拆为 %s，请核对", quoteSrc(strings.Join(toks, " ")), joinInts(s.Values)), true)
			}
		case s.Candidates > 1:
			fail("数字粘连，满足“总计＝各列之和”的拆法不止一种")
			if s.All != nil {
				a.ambiguous[id] = s.All
			}
			return
		case len(toks) == 6:
			s6 := splitGlued(toks, 6, nil)
			if s6.Values == nil {
				fail("含有无效的数")
				return
			}
			copy(v[:6], s6.Values)
			v[6] = v[0] + v[1] + v[2] + v[3] + v[4] + v[5]
			a.res.note(key, "原文该行只有 6 个数，读作六类申请人，总计按计算值填写，请核对", true)
		default:
			fail(fmt.Sprintf("有 %d 个数，没有满足“总计＝各列之和”的拆法", len(toks)))
			return
		}
	}
	for _, x := range v {
		if x > report.MaxCount {
			fail("数值过大")
			return
		}
	}
	a.r.T3[id] = v
}

// blankT4 reports whether section 四 holds a table row of (at least) 15 empty cells and no label: the
// row of values left blank.
func blankT4(rows []srcRow) bool {
	for _, row := range rows {
		if len(row.labels) == 0 && row.empties >= 15 {
			return true
		}
	}
	return false
}

// table4 reads the numbers of section 四: 15 in table order.
func (a *assembler) table4(rows []srcRow) {
	var toks []string
	for _, row := range rows {
		toks = append(toks, row.tokens...)
	}
	r := a.r
	r.T4 = [3][5]int64{}
	set := func(v []int64) {
		for b := 0; b < 3; b++ {
			copy(r.T4[b][:], v[5*b:5*b+5])
		}
	}
	fail := func(why string) {
		a.res.note("table4", fmt.Sprintf("原文表四%s%s，无法确定各栏数值，暂按 0 填写，请按原件改正", quoteSrc(strings.Join(toks, " ")), why), true)
	}
	switch {
	case len(toks) == 0 && blankT4(rows):
		a.res.note("table4", "原文表四的数值格都是空的，按 0 读入", false)
	case len(toks) == 0:
		a.res.note("table4", "原文中找不到表四的数值，暂按 0 填写", true)
	case !intTokens(toks):
		fail("含有非整数")
	case len(toks) == 15:
		s := splitGlued(toks, 15, nil)
		if s.Values == nil {
			fail("含有无效的数")
			return
		}
		set(s.Values)
	case len(toks) > 15 && allZero(toks):
		a.res.note("table4", fmt.Sprintf("原文表四有 %d 个数（表格错位），全部为 0，按 0 读入", len(toks)), false)
	case len(toks) > 15:
		fail(fmt.Sprintf("有 %d 个数，应为 15 个", len(toks)))
	default:
		s := splitGlued(toks, 15, t4SumOK)
		switch {
		case s.Values != nil:
			set(s.Values)
			a.res.note("table4", fmt.Sprintf("原文%s数字粘连，按“总计＝各项之和”唯一拆为 %s，请核对", quoteSrc(strings.Join(toks, " ")), joinInts(s.Values)), true)
		case len(toks) == 12:
			s12 := splitGlued(toks, 12, nil)
			if s12.Values == nil {
				fail("含有无效的数")
				return
			}
			for b := 0; b < 3; b++ {
				copy(r.T4[b][:4], s12.Values[4*b:4*b+4])
				r.T4[b][4] = r.T4[b][0] + r.T4[b][1] + r.T4[b][2] + r.T4[b][3]
			}
			a.res.note("table4", "原文表四只有 12 个数，读作三栏各四项（无总计），总计按计算值填写，请核对", true)
		case s.Candidates > 1:
			fail("数字粘连，拆法不止一种")
		default:
			fail(fmt.Sprintf("有 %d 个数，应为 15 个", len(toks)))
		}
	}
	for b := range r.T4 {
		for k := range r.T4[b] {
			if r.T4[b][k] > report.MaxCount {
				r.T4 = [3][5]int64{}
				fail("数值过大")
				return
			}
		}
	}
}

// complete fills the rows the source did not give: （七）总计 and 结转下年度, computed as the loader would.
func (a *assembler) complete() {
	r := a.r
	if a.computed["r7"] {
		var v [7]int64
		for _, id := range layouts.T3Items(r.Format) {
			for c := range 6 {
				v[c] += r.T3[id][c]
			}
		}
		v[6] = v[0] + v[1] + v[2] + v[3] + v[4] + v[5]
		r.T3["r7"] = v
	}
	if a.computed["carry"] {
		var v [7]int64
		for c := range 6 {
			v[c] = r.T3["new"][c] + r.T3["carried"][c] - r.T3["r7"][c]
			if v[c] < 0 {
				a.res.note("table3.carry", fmt.Sprintf("按计算“%s”列的结转下年度为负数（%d），暂按 0 填写：原文的表三不一致，请按原件核对", layouts.T3Columns[c].Label, v[c]), true)
				v[c] = 0
			}
		}
		v[6] = v[0] + v[1] + v[2] + v[3] + v[4] + v[5]
		r.T3["carry"] = v
	}
}

// resolveAmbiguous settles a table 三 row whose glued digits split several ways when the other rows fix it:
// the row is the only open one among the item rows and （七）总计 (T3-ITEMS), or among 新收, 上年结转, （七）总计
// and 结转 (T3-GOUJI); the split equal to what the other rows imply is taken. Otherwise the row stays open.
func (a *assembler) resolveAmbiguous() {
	if len(a.ambiguous) == 0 {
		return
	}
	r := a.r
	items := layouts.T3Items(r.Format)
	open := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if _, ok := a.ambiguous[id]; ok {
				out = append(out, id)
			}
		}
		return out
	}
	try := func(id string, implied [6]int64, why string) bool {
		for _, c := range a.ambiguous[id] {
			if [6]int64(c[:6]) == implied {
				var v [7]int64
				copy(v[:], c)
				r.T3[id] = v
				delete(a.ambiguous, id)
				key := "table3." + id
				var kept []string
				for _, line := range strings.Split(a.res.Notes[key], "\n") {
					if !strings.Contains(line, "无法确定各列数值") {
						kept = append(kept, line)
					}
				}
				msg := fmt.Sprintf("原文该行数字粘连，拆法不止一种；按%s取 %s，请核对", why, joinInts(c))
				a.res.Notes[key] = strings.TrimPrefix(strings.Join(kept, "\n")+"\n"+msg, "\n")
				a.res.addWarning(Warning{Key: key, Msg: msg})
				a.dropWarning(key)
				return true
			}
		}
		return false
	}
	for progress := true; progress; {
		progress = false
		if !a.missing["r7"] {
			group := append(append([]string{}, items...), "r7")
			if o := open(group); len(o) == 1 {
				var implied [6]int64
				for c := range 6 {
					sum := int64(0)
					for _, id := range items {
						if id != o[0] {
							sum += r.T3[id][c]
						}
					}
					if o[0] == "r7" {
						implied[c] = sum
					} else {
						implied[c] = r.T3["r7"][c] - sum
					}
				}
				progress = try(o[0], implied, "“（七）总计＝各项之和”") || progress
			}
		}
		if !a.missing["new"] && !a.missing["carried"] && !a.missing["r7"] && !a.missing["carry"] {
			if o := open([]string{"new", "carried", "r7", "carry"}); len(o) == 1 {
				var implied [6]int64
				t := r.T3
				for c := range 6 {
					switch o[0] {
					case "new":
						implied[c] = t["r7"][c] + t["carry"][c] - t["carried"][c]
					case "carried":
						implied[c] = t["r7"][c] + t["carry"][c] - t["new"][c]
					case "r7":
						implied[c] = t["new"][c] + t["carried"][c] - t["carry"][c]
					case "carry":
						implied[c] = t["new"][c] + t["carried"][c] - t["r7"][c]
					}
				}
				progress = try(o[0], implied, "“本年新收＋上年结转＝（七）总计＋结转下年度”") || progress
			}
		}
	}
}

// dropWarning removes the earlier "cannot decide" warning of key (the row was settled afterwards).
func (a *assembler) dropWarning(key string) {
	var kept []Warning
	for i, w := range a.res.Warnings {
		if w.Key == key && i != len(a.res.Warnings)-1 && strings.Contains(w.Msg, "无法确定") {
			continue
		}
		kept = append(kept, w)
	}
	a.res.Warnings = kept
}
