package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// sectionKeys are words that identify each of the six headings (一 … 六) when the wording varies.
var sectionKeys = [6][]string{{"总体情况"}, {"主动公开"}, {"申请"}, {"复议", "诉讼"}, {"问题", "改进"}, {"其他", "事项"}}

var headingRe = lazyre.New(`^([一二三四五六])\s*[、.．,，]\s*(.+)$`)

// sectionOf returns 0 … 5 when text is the heading of that section, else -1.
func sectionOf(text string) int {
	t := strings.TrimSpace(text)
	if utf8.RuneCountInString(t) > 40 || strings.ContainsAny(t, "\t0123456789０１２３４５６７８９") {
		return -1
	}
	m := headingRe.FindStringSubmatch(t)
	if m == nil {
		return -1
	}
	i := strings.Index("一二三四五六", m[1]) / 3
	for _, k := range sectionKeys[i] {
		if strings.Contains(m[2], k) {
			return i
		}
	}
	return -1
}

var (
	titleRe = lazyre.New(`^(.*?)(\d{4})\s*年(?:度)?\s*(.*?)政府信息公开(?:工作)?年度?报告`)
	// titleRe2 reads titles with the year after the subject: 某某局政府信息公开工作2023年度报告.
	titleRe2 = lazyre.New(`^(.*?)政府信息公开(?:工作)?(\d{4})\s*年度?报告`)
	dateLine = lazyre.New(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
	yearRe   = lazyre.New(`(20\d{2})年`)
	chromeRe = lazyre.New(`发布时间|发布日期|来源[：:]|浏览次数|阅读次数|点击数|字号|【打印】|【关闭】|打印本页|关闭窗口|分享到|索引号|信息来源`)
)

// assembler turns the blocks of a page into a report.
type assembler struct {
	o   Options
	res *Result
	r   *report.Report
	// paragraphs counts the narrative paragraphs against report.MaxParagraphs.
	paragraphs int
	// computed marks the table 三 rows (r7, carry) the source lacked.
	computed map[string]bool
	// ambiguous holds the candidate splits of table 三 rows left open; missing the rows the source lacks.
	ambiguous map[string][][]int64
	missing   map[string]bool
	// shifted lists the table 三 rows read as zeros from more than seven zero cells.
	shifted []string
}

// assemble builds the draft from the blocks of a page. title is the page's headline when the markup gives
// one outside the content (may be empty).
func assemble(blocks []block, title string, o Options, source string) (*Result, error) {
	res := &Result{Source: source}
	a := &assembler{o: o, res: res, r: &report.Report{File: o.Name}, computed: map[string]bool{}, ambiguous: map[string][][]int64{}, missing: map[string]bool{}}
	if len(blocks) > maxBlocks {
		res.warn(fmt.Sprintf("页面过长：只读取了前 %d 段（共 %d 段）", maxBlocks, len(blocks)))
		blocks = blocks[:maxBlocks]
	}
	// The six headings, in order.
	heads := [6]int{-1, -1, -1, -1, -1, -1}
	next := 0
	for i, b := range blocks {
		if b.rows != nil {
			continue
		}
		if s := sectionOf(b.text); s >= next {
			heads[s] = i
			next = s + 1
		}
	}
	found := 0
	for _, h := range heads {
		if h >= 0 {
			found++
		}
	}
	first := len(blocks)
	for _, h := range heads {
		if h >= 0 {
			first = h
			break
		}
	}
	// Title: the headline given, else the first block before 一、 that reads like one.
	titleAt := -1
	if title == "" {
		for i := 0; i < first && i < 40 && titleAt < 0; i++ {
			if blocks[i].rows != nil {
				continue
			}
			if isTitle(blocks[i].text) {
				title, titleAt = blocks[i].text, i
			} else if i+1 < first && blocks[i+1].rows == nil && !isTitle(blocks[i+1].text) && isTitle(blocks[i].text+blocks[i+1].text) {
				// A title set on two lines: 某某局2023年政府信息公开 / 工作年度报告.
				title, titleAt = blocks[i].text+blocks[i+1].text, i+1
			}
		}
	} else {
		for i := 0; i < first && i < 40; i++ {
			if blocks[i].rows != nil {
				continue
			}
			if norm1(blocks[i].text) == norm1(title) {
				titleAt = i
			} else if i+1 < first && blocks[i+1].rows == nil && norm1(blocks[i].text+blocks[i+1].text) == norm1(title) {
				titleAt = i + 1
			}
		}
	}
	if found == 0 && !hasTables(blocks) {
		return nil, fmt.Errorf("%s：找不到年度报告的内容（没有“一、总体情况”……“六、其他需要报告的事项”这些标题，也没有表格）。"+
			"有的网站用脚本加载正文或只放 PDF：请在浏览器中打开页面，复制正文另存为 .txt 后再导入", o.name())
	}
	if found < 6 {
		var missing []string
		for i, h := range heads {
			if h < 0 {
				missing = append(missing, layouts.Sections(layouts.F2019)[i].Heading())
			}
		}
		res.warn("原文缺少标题：" + strings.Join(missing, "、") + "；相应内容请核对")
	}
	a.meta(title, blocks)

	// Segments between headings.
	seg := func(s int) []block {
		if heads[s] < 0 {
			return nil
		}
		end := len(blocks)
		for t := s + 1; t < 6; t++ {
			if heads[t] >= 0 {
				end = heads[t]
				break
			}
		}
		return blocks[heads[s]+1 : end]
	}
	// Preamble: paragraphs between the title and 一、.
	var preDate time.Time
	for i := titleAt + 1; i < first; i++ {
		b := blocks[i]
		if b.rows != nil || b.text == "" {
			continue
		}
		if (chromeRe.MatchString(b.text) && utf8.RuneCountInString(b.text) <= 80) || (title != "" && norm1(b.text) == norm1(title)) {
			continue
		}
		if d, ok := parseDateLine(b.text); ok {
			// A date under the title: the 成文日期 when the end of the report gives none.
			preDate = d
			continue
		}
		a.r.Preamble = append(a.r.Preamble, a.para("report.preamble", b.text))
	}
	other := seg(5)
	other = a.closing(other)
	if a.r.Issued.IsZero() && !preDate.IsZero() {
		a.r.Issued = preDate
	}
	a.r.Overview = a.narrative("overview", seg(0))
	a.r.Problems = a.narrative("problems", seg(4))
	a.r.Other = a.narrative("other", other)

	// Tables: the rows of each table section; tables elsewhere are classified by their content.
	var rows [3][]srcRow
	for s := 1; s <= 3; s++ {
		for _, b := range seg(s) {
			if b.rows != nil {
				for _, gr := range b.rows {
					rows[s-1] = append(rows[s-1], readRow(gr, true))
				}
			} else if b.text != "" {
				rows[s-1] = append(rows[s-1], readRow(textRow(b.text), false))
			}
		}
	}
	for i, b := range blocks {
		if b.rows == nil || inTableSection(i, heads) {
			continue
		}
		if t := classify(b.rows); t >= 0 {
			for _, gr := range b.rows {
				rows[t] = append(rows[t], readRow(gr, true))
			}
		} else {
			res.warn(fmt.Sprintf("第 %d 段是一个无法识别的表格（%d 行），已舍弃", i+1, len(b.rows)))
		}
	}
	a.format(rows)
	a.table2(rows[0])
	a.table3(rows[1])
	a.table4(rows[2])
	return a.finish()
}

func hasTables(blocks []block) bool {
	for _, b := range blocks {
		if b.rows != nil {
			return true
		}
	}
	return false
}

// inTableSection reports whether block i lies in section 二, 三 or 四.
func inTableSection(i int, heads [6]int) bool {
	sec := -1
	for s, h := range heads {
		if h >= 0 && h <= i {
			sec = s
		}
	}
	return sec >= 1 && sec <= 3
}

// classify tells which table (0 = 二, 1 = 三, 2 = 四) a grid found outside the table sections is, or -1.
func classify(rows []gridRow) int {
	var all strings.Builder
	for _, r := range rows {
		for _, c := range r {
			if c.origin {
				all.WriteString(c.text)
			}
		}
	}
	t := norm1(all.String())
	switch {
	case strings.Contains(t, "申请人情况") || strings.Contains(t, "予以公开"):
		return 1
	case strings.Contains(t, "结果维持") && strings.Contains(t, "复议"):
		return 2
	case strings.Contains(t, "第二十条") || strings.Contains(t, "信息内容"):
		return 0
	}
	return -1
}

// cleanAgency takes the agency out of the words around it in a title ("关于", "的", "度").
func cleanAgency(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range []string{"关于", "的", "度"} {
		s = strings.TrimSuffix(strings.TrimPrefix(s, w), w)
	}
	return strings.TrimSpace(strings.TrimSuffix(s, "关于"))
}

// isTitle reports whether s reads like the title of an annual report.
func isTitle(s string) bool {
	t := norm1Title(s)
	return utf8.RuneCountInString(t) <= report.MaxTitleRunes && (titleRe.MatchString(t) || titleRe2.MatchString(t))
}

func norm1Title(s string) string { return strings.Join(strings.Fields(cleanSpace(s)), "") }

// meta reads agency, year and title from the headline (or the options).
func (a *assembler) meta(title string, blocks []block) {
	r := a.r
	t := norm1Title(title)
	if m := titleRe2.FindStringSubmatch(t); m != nil && !titleRe.MatchString(t) {
		r.Year, _ = strconv.Atoi(m[2])
		r.Agency = cleanAgency(m[1])
	} else if m := titleRe.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[2])
		r.Year = y
		r.Agency = cleanAgency(m[1] + m[3])
	}
	if a.o.Year != 0 {
		r.Year = a.o.Year
	}
	if a.o.Agency != "" {
		r.Agency = a.o.Agency
	}
	if r.Year == 0 {
		// The year most often named in the text.
		count := map[int]int{}
		best := 0
		for _, b := range blocks {
			for _, m := range yearRe.FindAllStringSubmatch(b.text, -1) {
				y, _ := strconv.Atoi(m[1])
				count[y]++
				if count[y] > count[best] || (count[y] == count[best] && y < best) {
					best = y
				}
			}
		}
		if best >= 2008 && best <= 2100 {
			r.Year = best
			a.res.note("report.year", fmt.Sprintf("标题中没有年度，按正文中最常见的年份 %d 填入", best), true)
		} else {
			r.Year = 2008
			a.res.note("report.year", "找不到报告年度，暂填 2008，请改正", true)
		}
	}
	if r.Year < 2008 || r.Year > 2100 {
		a.res.note("report.year", fmt.Sprintf("标题中的年度 %d 不可能是报告年度，暂填 2008，请改正", r.Year), true)
		r.Year = 2008
	}
	if r.Agency == "" {
		r.Agency = "（请填写机关名称）"
		a.res.note("report.agency", "标题中找不到机关名称，请填写", true)
	}
	r.Agency = a.short("report.agency", r.Agency, report.MaxTitleRunes)
	if t != "" && title != "" {
		full := a.short("report.title", cleanSpace(title), report.MaxTitleRunes)
		if norm1(full) != norm1(fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Agency, r.Year)) {
			r.Title = full
		}
	}
	if r.Title == "" {
		r.Title = fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Agency, r.Year)
	}
}

// format chooses the national format: the year's default unless the tables show the other one.
func (a *assembler) format(rows [3][]srcRow) {
	r := a.r
	def := layouts.DefaultFormat(r.Year)
	r.Format = def
	if a.o.Format.Valid() {
		r.Format = a.o.Format
		if r.Format == layouts.F2021 && r.Year < 2021 {
			r.Format = layouts.F2019
			a.res.note("report.format", fmt.Sprintf("指定了 2021 格式，但 %d 年的报告只能用 2019 格式；按 2019 格式读入", r.Year), true)
		}
		return
	}
	score := map[layouts.Format]int{}
	marks := map[layouts.Format][]string{
		layouts.F2021: {"本年制发件数", "现行有效件数", "本年收费金额", "逾期不补正", "逾期未按收费通知", "本年处理决定数量"},
		layouts.F2019: {"本年新制作数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "其他对外管理服务事项"},
	}
	for _, t := range rows {
		for _, row := range t {
			for _, l := range row.labels {
				n := norm1(l)
				for f, ms := range marks {
					for _, m := range ms {
						if strings.Contains(n, m) {
							score[f]++
						}
					}
				}
			}
		}
	}
	switch {
	case score[layouts.F2021] > score[layouts.F2019] && def == layouts.F2019:
		a.res.note("report.format", fmt.Sprintf("表格像 2021 格式，但 %d 年的报告只能用 2019 格式；按 2019 格式读入，请核对", r.Year), true)
	case score[layouts.F2019] > score[layouts.F2021] && def == layouts.F2021:
		r.Format = layouts.F2019
		a.res.note("report.format", fmt.Sprintf("表格是 2019 格式（国办公开办函〔2019〕60号），虽然报告年度是 %d；按 2019 格式读入", r.Year), true)
	}
}

// para cleans one paragraph so that the draft loads: placeholders neutralised, length limited.
func (a *assembler) para(key, s string) string {
	s = cleanSpace(s)
	if strings.Contains(s, "{{") || strings.Contains(s, "}}") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "{{", "｛｛"), "}}", "｝｝")
		a.res.note(key, "原文含有“{{”或“}}”，已改为全角，以免被当作占位符", true)
	}
	if f := fullWidthPunct(s); f != s {
		s = f
		a.res.note(key, "中文之后的半角标点（,;:?!）已改为全角", false)
	}
	return a.short(key, s, report.MaxTextRunes)
}

// fullWidthPunct turns the half-width , ; : ? ! that follow a Chinese character into their full-width
// forms (pages typed on a half-width keyboard setting).
func fullWidthPunct(s string) string {
	rs := []rune(s)
	changed := false
	for i := 1; i < len(rs); i++ {
		if !wide(rs[i-1]) {
			continue
		}
		if f, ok := map[rune]rune{',': '，', ';': '；', ':': '：', '?': '？', '!': '！'}[rs[i]]; ok {
			rs[i] = f
			changed = true
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

func (a *assembler) short(key, s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	a.res.note(key, fmt.Sprintf("原文过长，截取了前 %d 字", limit), true)
	return string([]rune(s)[:limit])
}

var level2Lead = lazyre.New(`^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*`)

// narrative splits the blocks of a narrative section into paragraphs and sub-sections （一）（二）…, the
// latter with a title on a line of their own or run in ("（一）主动公开情况。正文……").
func (a *assembler) narrative(key string, blocks []block) report.Narrative {
	var n report.Narrative
	dropped := 0
	for _, b := range blocks {
		if b.rows != nil {
			dropped++
			continue
		}
		t := cleanSpace(b.text)
		if t == "" {
			continue
		}
		if a.paragraphs >= report.MaxParagraphs-10 {
			a.res.warn(fmt.Sprintf("段落过多：%s 只保留前 %d 段", key, report.MaxParagraphs-10))
			break
		}
		if m := level2Lead.FindStringIndex(t); m != nil {
			rest := strings.TrimSpace(t[m[1]:])
			i := len(n.Sections)
			p := fmt.Sprintf("%s.sections.%d", key, i)
			sub := report.SubSection{}
			if j := strings.Index(rest, "。"); j > 0 && utf8.RuneCountInString(rest[:j]) <= 40 && strings.TrimSpace(rest[j+len("。"):]) != "" {
				sub.Title, sub.RunIn = rest[:j], true
				sub.Paragraphs = []string{a.para(p+".paragraphs", strings.TrimSpace(rest[j+len("。"):]))}
				a.paragraphs++
			} else if utf8.RuneCountInString(rest) <= 60 && rest != "" {
				sub.Title = strings.TrimSuffix(rest, "。")
			} else {
				// A long paragraph that merely starts with （一）: keep it as text.
				a.appendPara(&n, key, t)
				continue
			}
			sub.Title = a.para(p+".title", sub.Title)
			if sub.Title == "" {
				a.appendPara(&n, key, t)
				continue
			}
			n.Sections = append(n.Sections, sub)
			continue
		}
		a.appendPara(&n, key, t)
	}
	if dropped > 0 {
		a.res.note(key, fmt.Sprintf("正文中有 %d 个表格，已舍弃（年报正文不应含表格）", dropped), true)
	}
	return n
}

func (a *assembler) appendPara(n *report.Narrative, key, t string) {
	a.paragraphs++
	if k := len(n.Sections); k > 0 {
		p := fmt.Sprintf("%s.sections.%d.paragraphs", key, k-1)
		n.Sections[k-1].Paragraphs = append(n.Sections[k-1].Paragraphs, a.para(p, t))
		return
	}
	n.Paragraphs = append(n.Paragraphs, a.para(key+".paragraphs", t))
}

// closing takes the signature and the date off the end of section 六 (and anything after them).
func (a *assembler) closing(blocks []block) []block {
	// Skip trailing attachments notes and empty blocks.
	end := len(blocks)
	for end > 0 && (blocks[end-1].rows != nil || strings.TrimSpace(blocks[end-1].text) == "") {
		end--
	}
	if end == 0 {
		return blocks
	}
	// Attachment lines after the date (附件：…pdf) are not part of the report text.
	for end > 1 && attachRe.MatchString(norm1Title(blocks[end-1].text)) {
		a.res.warn(fmt.Sprintf("报告末尾的附件行%s已舍弃", quoteSrc(blocks[end-1].text)))
		end--
	}
	if t, ok := parseDateLine(blocks[end-1].text); ok {
		a.r.Issued = t
		end--
		if end > 0 {
			sig := cleanSpace(blocks[end-1].text)
			if sig != "" && utf8.RuneCountInString(sig) <= 40 && !strings.ContainsAny(sig, "。；，：！？") {
				a.r.Signature = sig
				end--
			}
		}
		return blocks[:end]
	}
	return blocks[:end]
}

var attachRe = lazyre.New(`^(附件|相关附件|附：)|\.(pdf|PDF|docx?|DOCX?|wps|xlsx?)$`)

// parseDateLine reads a line that is only a date (2024年1月20日, also in Chinese numerals).
func parseDateLine(text string) (time.Time, bool) {
	last := chineseDigits(norm1Title(text))
	m := dateLine.FindStringSubmatch(foldNumber(last))
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d || y < 2000 || y > 2200 {
		return time.Time{}, false
	}
	return t, true
}

// finish completes the report (computed totals), writes it and loads it back, so the result is exactly
// what the draft file holds.
func (a *assembler) finish() (*Result, error) {
	r := a.r
	a.complete()
	res := a.res
	res.Report = r
	data := res.TOML()
	back, err := report.Parse(a.o.name(), data)
	if err != nil {
		return nil, fmt.Errorf("%s：导入的草稿无法读入（这是 nianbao 的错误，请报告）：%v", a.o.name(), err)
	}
	res.Report = back
	return res, nil
}

// chineseDigits rewrites a date in Chinese numerals (二〇二四年一月二十日) with Arabic digits; other text is
// returned unchanged.
func chineseDigits(s string) string {
	if !strings.HasSuffix(s, "日") || !strings.ContainsAny(s, "〇零一二三四五六七八九十") {
		return s
	}
	val := map[rune]int{'〇': 0, '零': 0, 'O': 0, '○': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); {
		c := rs[i]
		if c == '年' || c == '月' || c == '日' {
			b.WriteRune(c)
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] != '年' && rs[j] != '月' && rs[j] != '日' {
			j++
		}
		part := rs[i:j]
		i = j
		if j < len(rs) && rs[j] == '年' {
			for _, d := range part {
				v, ok := val[d]
				if !ok {
					return s
				}
				b.WriteString(strconv.Itoa(v))
			}
			continue
		}
		// 月/日: 一 … 三十一 with 十.
		n := 0
		switch {
		case len(part) == 1 && part[0] == '十':
			n = 10
		case len(part) == 1:
			v, ok := val[part[0]]
			if !ok {
				return s
			}
			n = v
		case len(part) == 2 && part[0] == '十':
			v, ok := val[part[1]]
			if !ok {
				return s
			}
			n = 10 + v
		case len(part) == 2 && part[1] == '十':
			v, ok := val[part[0]]
			if !ok {
				return s
			}
			n = 10 * v
		case len(part) == 3 && part[1] == '十':
			v1, ok1 := val[part[0]]
			v2, ok2 := val[part[2]]
			if !ok1 || !ok2 {
				return s
			}
			n = 10*v1 + v2
		default:
			return s
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}
