package report

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/nianbao/nianbao/layouts"
)

// Similarity of a narrative section to last year's (rule X-SIMILAR). Evaluators deduct for a report that
// repeats last year's by more than 50 %; real reports repeat a section 99.7 % with only the years changed.

// SimilarityThreshold is the ratio above which X-SIMILAR warns.
const SimilarityThreshold = 0.5

// minSimilarRunes is the shortest section compared: short sections ("无。") are alike by nature.
const minSimilarRunes = 50

// Similarity is the character-level likeness of two texts, from 0 (nothing in common) to 1 (the same):
// 2 × the length of their longest common subsequence of characters ÷ the sum of their lengths, after
// removing white space and digits (0–9, full-width ０–９ and 〇), so that a text copied with only the years
// and figures changed scores 1. When the product of the two lengths exceeds 36 million (two texts of 6 000
// characters), the texts are compared by their character bigrams instead (Dice coefficient), which bounds
// the work.
func Similarity(a, b string) float64 {
	x, y := simRunes(a), simRunes(b)
	if len(x)+len(y) == 0 {
		return 1
	}
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	if len(x)*len(y) > 36_000_000 {
		return bigramDice(x, y)
	}
	return 2 * float64(lcs(x, y)) / float64(len(x)+len(y))
}

func simRunes(s string) []rune {
	var out []rune
	for _, c := range s {
		if unicode.IsSpace(c) || (c >= '0' && c <= '9') || (c >= '０' && c <= '９') || c == '〇' {
			continue
		}
		out = append(out, c)
	}
	return out
}

// lcs is the length of the longest common subsequence (two rows of the dynamic programme).
func lcs(a, b []rune) int {
	if len(b) > len(a) {
		a, b = b, a
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func bigramDice(a, b []rune) float64 {
	count := map[[2]rune]int{}
	for i := 0; i+1 < len(a); i++ {
		count[[2]rune{a[i], a[i+1]}]++
	}
	common := 0
	for i := 0; i+1 < len(b); i++ {
		k := [2]rune{b[i], b[i+1]}
		if count[k] > 0 {
			count[k]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b)-2)
}

// sectionText is a narrative section as one text: sub-section titles and paragraphs.
func sectionText(n Narrative) string {
	var b strings.Builder
	for _, p := range n.Paragraphs {
		b.WriteString(p)
	}
	for _, s := range n.Sections {
		b.WriteString(s.Title)
		for _, p := range s.Paragraphs {
			b.WriteString(p)
		}
	}
	return b.String()
}

// checkSimilar compares each narrative section of cur with the same section of prev.
func checkSimilar(prev, cur *Report) []Finding {
	var out []Finding
	for _, s := range layouts.Sections(cur.Format) {
		if s.Kind != layouts.Narrative {
			continue
		}
		a, b := sectionText(prev.Narrative(s.Key)), sectionText(cur.Narrative(s.Key))
		if len(simRunes(a)) < minSimilarRunes || len(simRunes(b)) < minSimilarRunes {
			continue
		}
		if sim := Similarity(a, b); sim > SimilarityThreshold {
			out = append(out, Finding{Severity: Warning, Rule: "X-SIMILAR", Row: s.Heading(), File: cur.File, Line: cur.line(s.Key),
				Expected: "≤ 50%", Actual: fmt.Sprintf("%.1f%%", 100*sim),
				Message: fmt.Sprintf("%s与上年报告（%s）同一部分的文字相似度为 %.1f%%（不计数字和空白），超过 50%%：评估对“与上年度重复率大于50%%”扣分，请按本年实际情况重写", s.Heading(), prev.File, 100*sim)})
		}
	}
	return out
}

// carriedText adds this year's prose about carried-over cases ("上年结转N件") to the X-CARRY finding of
// table 三: a text that repeats this year's wrong 上年结转 must be corrected with it. (A text that differs
// from this year's table is N-TEXT's.) One mistake, one finding: the prose is named in the table's finding.
func carriedText(prev, cur *Report, f *Finding) {
	want, table := prev.T3["carry"][6], cur.T3["carried"][6]
	for _, m := range mentions(cur, "carried") {
		if m.n == want && want != table {
			// The prose is right and only the table is wrong: DropCarriedRepeats removes N-TEXT's finding.
			f.Message += fmt.Sprintf("；%s正文“%s”写的 %d 件与上年报告一致，改表格即可", m.p.where, m.quote, m.n)
			return
		}
		if m.n != table {
			continue
		}
		f.Quote = m.quote
		f.Message += fmt.Sprintf("；%s正文“%s”写的也是 %d 件（上年报告结转下年度总计为 %d 件），改表格时请一并改正文", m.p.where, m.quote, m.n, want)
		return
	}
}

// DropCarriedRepeats removes from own (this year's findings, from Check) the N-TEXT findings that CheckPair
// accounts for: when the table's 上年结转 total differs from last year's 结转下年度 total and a sentence states
// last year's number, the one mistake is the table cell, which X-CARRY names (with the sentence); N-TEXT's
// "the prose differs from the table" about that sentence would be a second finding for it. Call it where
// Check and CheckPair findings are combined.
func DropCarriedRepeats(own []Finding, prev, cur *Report) []Finding {
	want, table := prev.T3["carry"][6], cur.T3["carried"][6]
	if want == table {
		return own
	}
	right := map[[2]string]bool{}
	for _, m := range mentions(cur, "carried") {
		if m.n == want {
			right[[2]string{m.p.where, m.quote}] = true
		}
	}
	out := own[:0:0]
	for _, f := range own {
		if f.Rule == "N-TEXT" && right[[2]string{f.Row, f.Quote}] {
			continue
		}
		out = append(out, f)
	}
	return out
}
