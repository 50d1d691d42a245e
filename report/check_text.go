package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/nianbao/nianbao/layouts"
)

// prose is one paragraph of the report with its place.
type prose struct {
	text, where, path string
}

// allProse lists the preamble and every narrative paragraph with a readable place.
func (r *Report) allProse() []prose {
	var out []prose
	for i, p := range r.Preamble {
		out = append(out, prose{p, fmt.Sprintf("前言第%d段", i+1), "report.preamble"})
	}
	for _, s := range layouts.Sections(r.Format) {
		if s.Kind != layouts.Narrative {
			continue
		}
		n := r.Narrative(s.Key)
		for i, p := range n.Paragraphs {
			out = append(out, prose{p, fmt.Sprintf("%s第%d段", s.Heading(), i+1), s.Key + ".paragraphs"})
		}
		for j, sub := range n.Sections {
			for i, p := range sub.Paragraphs {
				out = append(out, prose{p, fmt.Sprintf("%s（%s）第%d段", s.Heading(), sub.Title, i+1),
					fmt.Sprintf("%s.sections.%d.paragraphs", s.Key, j)})
			}
		}
	}
	return out
}

// textRule ties a phrase in prose to a table value.
type textRule struct {
	re    *regexp.Regexp
	what  string
	value func(r *Report) []int64 // accepted values; the first is the one named in the message
}

const num = `(\d[\d,，]*)`
const gap = `[^。；！？\d]{0,12}?`

var textRules = []textRule{
	{regexp.MustCompile(`上年结转` + gap + num + `\s*件`), "上年结转申请数（表三“二、上年结转政府信息公开申请数量”总计）",
		func(r *Report) []int64 { return []int64{r.T3["carried"][6]} }},
	{regexp.MustCompile(`(?:收到|受理|新收|接收|接到)` + `[^。；！？\d]{0,16}?申请` + gap + num + `\s*件`), "收到申请数（表三“一、本年新收政府信息公开申请数量”总计）",
		func(r *Report) []int64 {
			return []int64{r.T3["new"][6], r.T3["new"][6] + r.T3["carried"][6]}
		}},
	{regexp.MustCompile(`(?:办结|答复完毕|办理完毕)` + gap + num + `\s*件`), "办结数（表三“（七）总计”总计）",
		func(r *Report) []int64 { return []int64{r.T3["r7"][6]} }},
	{regexp.MustCompile(`结转(?:至|到)?下(?:一)?年度` + gap + num + `\s*件`), "结转下年度数（表三“四、结转下年度继续办理”总计）",
		func(r *Report) []int64 { return []int64{r.T3["carry"][6]} }},
	{regexp.MustCompile(`行政复议` + gap + num + `\s*[件起]`), "行政复议数（表四“行政复议”总计）",
		func(r *Report) []int64 { return []int64{r.T4[0][4]} }},
	{regexp.MustCompile(`行政诉讼` + gap + num + `\s*[件起]`), "行政诉讼数（表四“未经复议直接起诉”与“复议后起诉”总计之和）",
		func(r *Report) []int64 { return []int64{r.T4[1][4] + r.T4[2][4]} }},
}

var (
	noApplications = regexp.MustCompile(`未(?:收到|受理|接到|接收)[^。；]{0,8}?政府信息公开申请`)
	noReview       = regexp.MustCompile(`未(?:发生|出现|被申请|收到|有)[^。；]{0,16}?行政复议`)
	noLitigation   = regexp.MustCompile(`未(?:发生|出现|被提起|被|收到|有)[^。；]{0,24}?行政诉讼`)
)

func checkText(r *Report) []Finding {
	var out []Finding
	add := func(p prose, sev Severity, rule, msg, want, got string) {
		out = append(out, Finding{Severity: sev, Rule: rule, Expected: want, Actual: got, File: r.File,
			Line: r.Lines[p.path], Row: p.where, Message: p.where + "：" + msg})
	}
	for _, p := range r.allProse() {
		for _, tr := range textRules {
			for _, m := range tr.re.FindAllStringSubmatch(p.text, -1) {
				n, err := strconv.ParseInt(strings.NewReplacer(",", "", "，", "").Replace(m[1]), 10, 64)
				if err != nil {
					continue
				}
				ok := false
				for _, v := range tr.value(r) {
					ok = ok || v == n
				}
				if !ok {
					want := tr.value(r)[0]
					add(p, Error, "N-TEXT", fmt.Sprintf("正文“%s”写的是 %d 件，但%s为 %d；请改正文或表格（可用占位符自动引用表格数字，见 docs/format.md）", m[0], n, tr.what, want), itoa(want), itoa(n))
				}
			}
		}
		if m := noApplications.FindString(p.text); m != "" && r.T3["new"][6] != 0 {
			add(p, Error, "N-TEXT", fmt.Sprintf("正文说“%s”，但表三本年新收申请总计为 %d", m, r.T3["new"][6]), "0", itoa(r.T3["new"][6]))
		}
		if m := noReview.FindString(p.text); m != "" && r.T4[0][4] != 0 {
			add(p, Error, "N-TEXT", fmt.Sprintf("正文说“%s”，但表四行政复议总计为 %d", m, r.T4[0][4]), "0", itoa(r.T4[0][4]))
		}
		if m := noLitigation.FindString(p.text); m != "" && r.T4[1][4]+r.T4[2][4] != 0 {
			add(p, Error, "N-TEXT", fmt.Sprintf("正文说“%s”，但表四行政诉讼总计为 %d", m, r.T4[1][4]+r.T4[2][4]), "0", itoa(r.T4[1][4]+r.T4[2][4]))
		}
	}
	if r.Format == layouts.F2021 {
		other := strings.Join(append(append([]string{}, r.Other.Paragraphs...), subTexts(r.Other)...), "")
		if !strings.Contains(other, "信息处理费") && !strings.Contains(other, "处理费") {
			msg := "六、其他需要报告的事项未提及信息处理费；2021 格式要求在此报告收取信息处理费的情况（如“本年度未收取信息处理费。”）"
			if r.T3["r6_2"][6] > 0 {
				msg += fmt.Sprintf("，且表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”为 %d", r.T3["r6_2"][6])
			}
			out = append(out, Finding{Severity: Warning, Rule: "N-FEE", Row: "六、其他需要报告的事项", File: r.File,
				Line: r.Lines["other"], Message: msg})
		}
		if n := countHan(r.Overview); n > 1000 {
			out = append(out, Finding{Severity: Warning, Rule: "N-LENGTH", Row: "一、总体情况", File: r.File,
				Line: r.Lines["overview"], Expected: "≤ 1000", Actual: strconv.Itoa(n),
				Message: fmt.Sprintf("一、总体情况约 %d 字；2021 格式要求篇幅原则上不超过一千字", n)})
		}
	}
	return out
}

func subTexts(n Narrative) []string {
	var out []string
	for _, s := range n.Sections {
		out = append(out, s.Title)
		out = append(out, s.Paragraphs...)
	}
	return out
}

// countHan counts the Chinese characters of a narrative section.
func countHan(n Narrative) int {
	c := 0
	for _, s := range append(append([]string{}, n.Paragraphs...), subTexts(n)...) {
		for _, ch := range s {
			if unicode.Is(unicode.Han, ch) {
				c++
			}
		}
	}
	return c
}
