package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
)

// prose is one paragraph of the report with its place: where (一、总体情况第2段), path (the TOML key of its
// array) and line (of the paragraph itself when the array has one string per line, else of the key).
type prose struct {
	text, where, path string
	line              int
}

// allProse lists the preamble and every narrative paragraph with a readable place.
func (r *Report) allProse() []prose {
	var out []prose
	add := func(paras []string, where func(i int) string, path string) {
		lines := make([]int, len(paras))
		for i := range paras {
			lines[i] = r.Lines[path]
		}
		// One line per string only when every string was kept (the loader drops empty ones).
		if _, ok := r.Lines[path+".#"+strconv.Itoa(len(paras)-1)]; ok {
			if _, more := r.Lines[path+".#"+strconv.Itoa(len(paras))]; !more {
				for i := range paras {
					lines[i] = r.Lines[path+".#"+strconv.Itoa(i)]
				}
			}
		}
		for i, p := range paras {
			out = append(out, prose{p, where(i), path, lines[i]})
		}
	}
	add(r.Preamble, func(i int) string { return fmt.Sprintf("前言第%d段", i+1) }, "report.preamble")
	for _, s := range layouts.Sections(r.Format) {
		if s.Kind != layouts.Narrative {
			continue
		}
		n := r.Narrative(s.Key)
		add(n.Paragraphs, func(i int) string { return fmt.Sprintf("%s第%d段", s.Heading(), i+1) }, s.Key+".paragraphs")
		for j, sub := range n.Sections {
			add(sub.Paragraphs, func(i int) string { return fmt.Sprintf("%s（%s）第%d段", s.Heading(), sub.Title, i+1) },
				fmt.Sprintf("%s.sections.%d.paragraphs", s.Key, j))
		}
	}
	return out
}

// noFeeRe is a statement that no fee of any kind was charged: it reports the 信息处理费 too (N-FEE).
var noFeeRe = lazyre.New(`(?:未|没有|不曾)(?:向申请人)?(?:收取|收)(?:过)?(?:任何)?(?:费用|费)|无(?:任何)?收费`)

func checkText(r *Report) []Finding {
	var out []Finding
	for _, p := range r.allProse() {
		out = append(out, checkProse(r, p)...)
	}
	if r.Format == layouts.F2021 {
		other := strings.Join(append(append([]string{}, r.Other.Paragraphs...), subTexts(r.Other)...), "")
		if strings.TrimSpace(other) != "" && !strings.Contains(other, "信息处理费") && !strings.Contains(other, "处理费") && !noFeeRe.MatchString(other) {
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
