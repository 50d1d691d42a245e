package report

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/nianbao/nianbao/internal/lazyre"
)

// Completeness and plausibility: what evaluators score before they read the numbers (rules C-AGENCY,
// C-SKELETON, C-SECTION, C-TABLE, N-DATE, N-YEAR, N-PUNCT).

// PlaceholderAgency is the agency name `nianbao init` writes when none is given.
const PlaceholderAgency = "（请填写机关名称）"

func checkComplete(r *Report) []Finding {
	var out []Finding
	warn := func(rule, row, path, msg string) {
		out = append(out, Finding{Severity: Warning, Rule: rule, Row: row, File: r.File, Line: r.line(path), Message: msg})
	}
	if strings.Contains(r.Agency, "请填写") || r.Agency == PlaceholderAgency {
		out = append(out, Finding{Severity: Error, Rule: "C-AGENCY", Row: "机关名称", File: r.File, Line: r.line("report.agency"),
			Message: fmt.Sprintf("机关名称仍是骨架里的占位文字“%s”：请在 [report] 写 agency = \"本机关全称\"", r.Agency)})
	}
	empty := func(n Narrative) bool { return len(narrativeText(n)) == 0 }
	if empty(r.Overview) && empty(r.Problems) && empty(r.Other) {
		warn("C-SKELETON", "正文", "overview",
			"一、五、六部分都还没有正文：这是 nianbao init 生成的骨架，请填写总体情况、存在的主要问题及改进情况和其他需要报告的事项")
		return out
	}
	if empty(r.Overview) {
		warn("C-SECTION", "一、总体情况", "overview", "一、总体情况没有正文：请写主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况")
	}
	switch p := strings.Trim(narrativeText(r.Problems), "。. \u3000"); {
	case p == "":
		warn("C-SECTION", "五、存在的主要问题及改进情况", "problems",
			"五、存在的主要问题及改进情况没有正文：评估时按缺项扣分，请写明存在的问题和改进举措")
	case p == "无" || p == "暂无" || p == "没有":
		warn("C-SECTION", "五、存在的主要问题及改进情况", "problems",
			fmt.Sprintf("五、存在的主要问题及改进情况只写了“%s”：评估要求问题具体、举措有实效，不得敷衍，请写明存在的问题和改进举措", p))
	case countHan(r.Problems) < 20:
		warn("C-SECTION", "五、存在的主要问题及改进情况", "problems",
			fmt.Sprintf("五、存在的主要问题及改进情况只有 %d 个字：评估要求问题具体、举措有实效，请写明存在的问题和改进举措", countHan(r.Problems)))
	}
	if empty(r.Other) {
		warn("C-SECTION", "六、其他需要报告的事项", "other",
			"六、其他需要报告的事项没有正文：没有需要报告的事项也请写“无。”（2021 格式还须报告信息处理费收取情况）")
	}
	cl := claimsIn(r)
	if r.givenRow != nil && !r.givenRow["table2"] {
		warn("C-TABLE", "二、主动公开政府信息情况", "report", "文件没有 [table2]：表二将全部印为 0；如确实为 0 请照写，否则请填写表二")
	}
	if r.givenRow != nil && !r.givenRow["table3"] && !cl[claimNoApplication] {
		warn("C-TABLE", "三、收到和处理政府信息公开申请情况", "report",
			"文件没有 [table3]：表三将全部印为 0；如本年确未收到申请，请在正文写明“本年度未收到政府信息公开申请。”，否则请填写表三")
	}
	if r.givenRow != nil && !r.givenRow["table4"] && !(cl[claimNoReview] && cl[claimNoLitigation]) {
		warn("C-TABLE", "四、政府信息公开行政复议、行政诉讼情况", "report",
			"文件没有 [table4]：表四将全部印为 0；如本年确无行政复议、行政诉讼，请在正文写明，否则请填写表四")
	}
	out = append(out, checkDate(r)...)
	out = append(out, checkYears(r)...)
	out = append(out, checkPunct(r)...)
	return out
}

// line finds the line of a key path, falling back to its parents.
func (r *Report) line(path string) int { return keyLine(r.Lines, path) }

func narrativeText(n Narrative) string {
	var b strings.Builder
	for _, p := range n.Paragraphs {
		b.WriteString(p)
	}
	for _, s := range n.Sections {
		for _, p := range s.Paragraphs {
			b.WriteString(p)
		}
	}
	return strings.TrimSpace(b.String())
}

// claimsIn lists the zero claims the prose makes (未收到申请, 未发生行政复议 …), whether or not they hold.
func claimsIn(r *Report) map[claimKind]bool {
	out := map[claimKind]bool{}
	for _, p := range r.allProse() {
		for _, s := range splitSentences(p.text) {
			if goalMark.MatchString(s) {
				continue
			}
			may := claimsMay(s)
			for i, cl := range textClaims {
				if may.has(i) && cl.re.MatchString(s) {
					out[cl.kind] = true
				}
			}
		}
	}
	return out
}

// checkDate: the 成文日期 follows the end of the report year and comes within a year of it.
func checkDate(r *Report) []Finding {
	if r.Issued.IsZero() || r.Year == 0 {
		return nil
	}
	end := time.Date(r.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	var msg string
	switch {
	case r.Issued.Before(end):
		msg = fmt.Sprintf("成文日期 %s 早于报告年度（%d 年）结束：年度报告统计至 12 月 31 日，成文日期应在其后（通常为 %d 年 1 月）；请核对 date 的年份", r.Date, r.Year, r.Year+1)
	case r.Issued.After(end.AddDate(1, 0, 0)):
		msg = fmt.Sprintf("成文日期 %s 比报告年度（%d 年）晚一年以上：年度报告应于 %d 年 1 月 31 日前公布；请核对 date 的年份", r.Date, r.Year, r.Year+1)
	default:
		return nil
	}
	return []Finding{{Severity: Warning, Rule: "N-DATE", Row: "成文日期", File: r.File, Line: r.line("report.date"), Message: msg}}
}

var (
	// sentenceYearRe is a sentence that opens with a year as its time: "2022年，…", "2022年我局…",
	// "2022年制作、获取…" (not "2022年度部门决算…").
	sentenceYearRe = lazyre.New(`^(?:[（(][一二三四五六七八九十]+[）)]|[0-9]+[.．、]|[一二三四五六七八九十]+、|是)?\s*([0-9０-９]{4})\s*年(?:[，,]|我|本|全|共|累计|制作|获取|主动|收到|受理|新|办)`)
	prevOKRe       = lazyre.New(`上年|去年|同比|相比|对比|比较|较|增长|下降|减少|增加|提高|上升|结转|以来|至今|以前|截至|截止|连续|相较|分别|和|与|至|到|期间|历年|底|年报|报告|决算|预算|考核|评估|评议|反馈|整改|发布|公布`)
	futureOKRe     = lazyre.New(`到|至|前|规划|目标|远景|纲要|十四五|十五五|愿景|届时|计划|力争|预计|将|期间|以来`)
)

// checkYears warns about a narrative sentence that starts with last year's year (or a year beyond next
// year) and says nothing that makes the other year natural (比上年, 以来, 至…): the mark of a sentence
// copied from last year's report and not updated.
func checkYears(r *Report) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, p := range r.allProse() {
		if strings.HasPrefix(p.path, "report.") {
			continue // the preamble states the statistics period and contact hours
		}
		for _, s := range splitSentences(p.text) {
			m := sentenceYearRe.FindStringSubmatch(strings.TrimSpace(s))
			if m == nil {
				continue
			}
			y, ok := yearOf(m[1])
			if !ok {
				continue
			}
			rest := strings.TrimSpace(s)
			var why string
			switch {
			case y == r.Year-1 && !prevOKRe.MatchString(afterYear(rest, m[1])):
				why = "上一年度"
			case y > r.Year+1 && !futureOKRe.MatchString(rest):
				why = "报告年度一年以后"
			default:
				continue
			}
			if seen[p.where] {
				continue
			}
			seen[p.where] = true
			frag := []rune(strings.TrimSpace(s))
			if len(frag) > 24 {
				frag = append(frag[:24], '…')
			}
			out = append(out, Finding{Severity: Warning, Rule: "N-YEAR", Row: p.where, File: r.File, Line: p.line,
				Quote: string(frag), Expected: fmt.Sprint(r.Year), Actual: fmt.Sprint(y),
				Message: fmt.Sprintf("%s：“%s”写的是 %d 年（%s），本报告是 %d 年度；如是从往年报告复制时漏改的年份，请改为 %d 年", p.where, string(frag), y, why, r.Year, r.Year)})
		}
	}
	return out
}

// afterYear is the sentence after its opening "2022年".
func afterYear(s, year string) string {
	i := strings.Index(s, year)
	rest := s[i+len(year):]
	return rest[strings.Index(rest, "年")+len("年"):]
}

// fullWidth is the mark to use for an ASCII mark in Chinese prose.
var fullWidth = map[rune]string{',': "，", ';': "；", ':': "：", '(': "（", ')': "）"}

// checkPunct warns about ASCII , ; : ( ) between Chinese characters (one finding per paragraph).
func checkPunct(r *Report) []Finding {
	var out []Finding
	for _, p := range r.allProse() {
		rs := []rune(p.text)
		count := 0
		first := -1
		marks := map[rune]bool{}
		for i, c := range rs {
			if fullWidth[c] == "" {
				continue
			}
			han := func(k int) bool {
				return k >= 0 && k < len(rs) && (unicode.Is(unicode.Han, rs[k]) || strings.ContainsRune("，。；：、“”《》（）", rs[k]))
			}
			left, right := han(i-1), han(i+1)
			if c == ' ' {
				continue
			}
			ok := false
			switch c {
			case ',', ';', ':':
				ok = left && (han(i+1) || (i+2 < len(rs) && rs[i+1] == ' ' && han(i+2)))
			case '(':
				ok = left || right
			case ')':
				ok = left || right
			}
			if !ok {
				continue
			}
			count++
			marks[c] = true
			if first < 0 {
				first = i
			}
		}
		if count == 0 {
			continue
		}
		var fix []string
		for _, c := range []rune{',', ';', ':', '(', ')'} {
			if marks[c] {
				fix = append(fix, fmt.Sprintf("“%c”改为“%s”", c, fullWidth[c]))
			}
		}
		a, b := max(0, first-6), min(len(rs), first+7)
		frag := string(rs[a:b])
		out = append(out, Finding{Severity: Warning, Rule: "N-PUNCT", Row: p.where, File: r.File, Line: p.line, Quote: frag,
			Message: fmt.Sprintf("%s：中文正文里有 %d 处英文标点（如“%s”）；请把%s", p.where, count, frag, strings.Join(fix, "、"))})
	}
	return out
}
