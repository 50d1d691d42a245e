package linebreak

import (
	"strings"

	"github.com/go-text/typesetting/segmenter"
)

// breakOpportunities returns allowed[i] for 0 <= i <= len(rs): whether a line
// may end right before rs[i]. allowed[0] is false and allowed[len(rs)] true.
//
// The base is UAX#14 (go-text/typesetting/segmenter, which includes LB19a for
// East Asian quotation marks), tailored to GB rules: no break before a 避头
// mark, none after a 避尾 mark, none inside a run of word runes (Latin words,
// digit runs, "GB/T", URLs) and none next to a combining mark. Tailoring only
// removes opportunities; a line that cannot be broken at all is handled by
// the emergency breaker in fit.go.
func breakOpportunities(seg *segmenter.Segmenter, rs []rune, allowed []bool) []bool {
	n := len(rs)
	allowed = append(allowed[:0], make([]bool, n+1)...)
	if n == 0 {
		return allowed
	}
	seg.Init(rs)
	it := seg.LineIterator()
	for it.Next() {
		if off := it.Line().Offset; off > 0 && off < n {
			allowed[off] = true
		}
	}
	allowed[n] = true
	for i := 1; i < n; i++ {
		if !allowed[i] {
			continue
		}
		a, b := rs[i-1], rs[i]
		if AvoidsLineStart(b) || AvoidsLineEnd(a) ||
			(isWordRune(a) && isWordRune(b)) ||
			isCombining(b) || a == 0x200D || keepTogether(rs, i) {
			allowed[i] = false
		}
	}
	urlBreaks(rs, allowed)
	return allowed
}

// keepTogether reports the UAX#14 opportunities before rs[i] that a clerk would not break: a number and
// the 年/月/日/号 after it and a month and its day ("2023年", "12月31日" whole), and the space inside a standard number ("GB/T 9704",
// "GB 2312": letters, possibly with '/', then a space and a digit).
func keepTogether(rs []rune, i int) bool {
	a, b := rs[i-1], rs[i]
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
	switch {
	case isDigit(a) && (b == '年' || b == '月' || b == '日' || b == '号'):
		return true
	case a == '月' && isDigit(b) && i >= 2 && isDigit(rs[i-2]):
		return true // 12月31日 goes as one unit (a break may fall after 2023年)
	case a == ' ' && isDigit(b) && i >= 2:
		j := i - 1
		letters := 0
		for j > 0 && (rs[j-1] >= 'A' && rs[j-1] <= 'Z' || rs[j-1] == '/') {
			j--
			letters++
		}
		return letters >= 2 && (j == 0 || !isWordRune(rs[j-1]))
	}
	return false
}

// urlBreaks allows breaks inside a URL (a run of word runes holding "://" or "www."; an e-mail address stays
// whole): after a '/' that is not followed by another '/', and after a '.' inside the run. typocheck and
// GB practice accept a URL cut there; it keeps lines before a long address from stretching.
func urlBreaks(rs []rune, allowed []bool) {
	n := len(rs)
	for s := 0; s < n; {
		if !isWordRune(rs[s]) {
			s++
			continue
		}
		e := s
		for e < n && isWordRune(rs[e]) {
			e++
		}
		run := string(rs[s:e])
		if (strings.Contains(run, "://") || strings.Contains(run, "www.")) && !strings.ContainsRune(run, '@') {
			for i := s + 1; i < e-1; i++ {
				a, b := rs[i-1], rs[i]
				if a == '/' && b != '/' || a == '.' && b != '.' && b != '/' {
					allowed[i] = true
				}
			}
		}
		s = e
	}
}

// okEmergencyBreak reports whether an emergency break before rs[i] (inside a
// unit that is wider than the line) keeps the 禁则 and clusters intact.
func okEmergencyBreak(rs []rune, i int) bool {
	a, b := rs[i-1], rs[i]
	return !AvoidsLineStart(b) && !AvoidsLineEnd(a) && !isCombining(b) && a != 0x200D
}
