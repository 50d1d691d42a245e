package docx

import (
	"strings"
	"unicode/utf8"
)

// titleSuffix is the fixed end of every report title.
const titleSuffix = "政府信息公开工作年度报告"

// titleWidth is the width of s in ems of the title font: CJK characters and full-width marks are one em,
// ASCII half an em.
func titleWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// titleLines splits a title too long for one line before 政府信息公开工作年度报告, so that it breaks
// between words (GB/T 9704: 回行时词意完整) instead of wherever the line fills: "青石镇人民政府2024年" /
// "政府信息公开工作年度报告". perLine is the line length in ems. Titles that fit, that lack the usual
// ending, or whose first part would not fit on a line stay whole.
func titleLines(title string, perLine float64) []string {
	if titleWidth(title) <= perLine || !strings.HasSuffix(title, titleSuffix) {
		return []string{title}
	}
	head := strings.TrimSuffix(title, titleSuffix)
	if head == "" || titleWidth(head) > perLine || !utf8.ValidString(head) {
		return []string{title}
	}
	return []string{head, titleSuffix}
}
