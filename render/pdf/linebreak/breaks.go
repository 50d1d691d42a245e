package linebreak

import "github.com/go-text/typesetting/segmenter"

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
			isCombining(b) || a == 0x200D {
			allowed[i] = false
		}
	}
	return allowed
}

// okEmergencyBreak reports whether an emergency break before rs[i] (inside a
// unit that is wider than the line) keeps the 禁则 and clusters intact.
func okEmergencyBreak(rs []rune, i int) bool {
	a, b := rs[i-1], rs[i]
	return !AvoidsLineStart(b) && !AvoidsLineEnd(a) && !isCombining(b) && a != 0x200D
}
