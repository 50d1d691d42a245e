package linebreak

// nextLine chooses where the line starting at s ends (exclusive). It is a
// greedy fit over the tailored break opportunities with the clreq order of
// operations:
//
//  1. take the longest line that fits with mandatory compression only;
//  2. 先挤进: if the next unit fails only because of its trailing 避头
//     marks (or is the line's first unit), or squeezing it in needs less than
//     spreading the line without it would, compress the line's punctuation so
//     that it fits;
//  3. 后推出: otherwise end the line before the unit (the caller justifies it);
//  4. a unit wider than a whole line is broken between characters, preferring
//     positions that keep the 禁则, and filling the current line first.
func (p *para) nextLine(s int) int {
	n := len(p.rs)
	limit := n
	if s > 0 && AvoidsLineStart(p.rs[s]) {
		// Only an emergency break leaves a 避头 mark at a line start; keep
		// such a line to marks only so that it stays an obvious exception.
		// The scan stops one rune past what can fit (linear time on long
		// runs of marks); such a limit is never reached as a line end.
		limit = s
		for limit < n && isNeutralOrMark(p.rs[limit]) {
			limit++
			if !p.squeezable(s, limit) {
				break
			}
		}
	}
	e1, e2 := -1, -1
	for e := s + 1; e <= limit; e++ {
		if p.ok[e] || e == limit {
			if p.fits(s, e) {
				e1 = e
				continue
			}
			e2 = e
			break
		}
		if !p.squeezable(s, e) {
			// Even fully compressed, [s,e) overflows, and the compressed
			// width only grows with e: no later break can fit. Stop here
			// (e stands in for the unit's end) to stay linear on long
			// unbreakable units.
			e2 = e
			break
		}
	}
	if e2 < 0 {
		return e1
	}
	if e1 < 0 {
		if p.squeezable(s, e2) {
			return e2
		}
		return p.emergency(s, s, e2)
	}
	if p.squeezable(s, e2) {
		k := e2
		for k > e1 && AvoidsLineStart(p.rs[k-1]) {
			k--
		}
		if k < e2 && p.fits(s, k) {
			return e2
		}
		// A line that misses by a fraction: squeezing the next unit in moves the characters less than
		// spreading the line without it would (先挤进 before 后推出).
		if p.natural(s, e2)-p.width < p.width-p.natural(s, e1) {
			return e2
		}
	}
	if p.overlong(e1, limit) {
		// The next unit needs an emergency break anyway: start it on this
		// line, at a soft position (URL punctuation) if that fills enough
		// of it, else if at least minFill of its runes come along.
		hard, soft := p.fillOK(s, e1, e2)
		if soft > e1 && p.natural(s, soft) >= softShare*p.natural(s, hard) {
			return soft
		}
		if hard-e1 >= minFill {
			return hard
		}
	}
	return e1
}

// overlong reports whether the unit starting at u (up to the next break
// opportunity, at most limit) is too wide for a line of its own even with
// its punctuation compressed. It looks no further than one line width.
func (p *para) overlong(u, limit int) bool {
	for e := u + 1; e <= limit; e++ {
		if !p.squeezable(u, e) {
			return true
		}
		if p.ok[e] || e == limit {
			return false
		}
	}
	return false
}

// minFill is the fewest runes of an over-long unit worth starting at the end
// of a line that has other content.
const minFill = 4

// fillOK returns the largest q in (from, to) where an emergency break keeps
// the 禁则 and [s,q) fits (hard), and the largest such q that is also a soft
// position such as after a '/' of a URL (soft); -1 when there is none.
func (p *para) fillOK(s, from, to int) (hard, soft int) {
	hard, soft = -1, -1
	for q := from + 1; q < to; q++ {
		if !p.fits(s, q) {
			break
		}
		if okEmergencyBreak(p.rs, q) {
			hard = q
			if softBreak(p.rs, q) {
				soft = q
			}
		}
	}
	return hard, soft
}

// softBreak reports the nicer emergency positions inside a long Latin unit:
// after a URL separator ("https://" | "www.gov.cn/" | "content_" ...) or
// before a dot.
func softBreak(rs []rune, q int) bool {
	a, b := rs[q-1], rs[q]
	switch a {
	case '/', '-', '_', '?', '&', '=', '#':
		return b != a && b != '/'
	}
	return b == '.' && a != '.'
}

// emergency breaks the unit [u,to) that starts the line at s (s == u). In
// order of preference it ends the line at the longest fitting prefix
//  1. at a 禁则-safe position, a soft one (see softBreak) if it fills at
//     least softShare of the line;
//  2. where the only 禁则 break is a 避头 mark starting the next line (which
//     nextLine then keeps to marks only) or the line holds only marks;
//  3. anywhere that does not split a cluster;
//  4. anywhere;
//
// and else takes a single rune (a glyph wider than the line goes alone).
func (p *para) emergency(s, u, to int) int {
	hard, soft := p.fillOK(s, u, to)
	if soft > 0 && p.natural(s, soft) >= softShare*p.natural(s, hard) {
		return soft
	}
	if hard > 0 {
		return hard
	}
	best, bestCluster, bestMarks := -1, -1, -1
	marksOnly := true
	for q := u + 1; q < to; q++ {
		if !p.fits(s, q) {
			break
		}
		marksOnly = marksOnly && isNeutralOrMark(p.rs[q-1])
		best = q
		if isCombining(p.rs[q]) || p.rs[q-1] == 0x200D {
			continue
		}
		bestCluster = q
		if !AvoidsLineEnd(p.rs[q-1]) || marksOnly {
			bestMarks = q
		}
	}
	switch {
	case bestMarks > 0:
		return bestMarks
	case bestCluster > 0:
		return bestCluster
	case best > 0:
		return best
	}
	return s + 1
}

// softShare is how much of a line an emergency break at a soft position must
// fill to be preferred to a hard break further right.
const softShare = 0.6

// isNeutralOrMark reports 避头/避尾 marks and the invisible or space runes
// that may share a marks-only line with them.
func isNeutralOrMark(r rune) bool {
	return isKinsokuMark(r) || isZeroWidth(r) || isHangingSpace(r)
}

// avoidOrphan returns where the second-to-last line [sp,sl) of a segment
// should end so that the last line does not hold a single character (孤字):
// the segment's end when the whole rest fits on that line by compressing its
// punctuation, else its previous break opportunity, if the last line then still fits and the
// shortened line stays at least half full; else sl.
func (p *para) avoidOrphan(sp, sl int) int {
	n := len(p.rs)
	chars := 0
	for i := sl; i < n; i++ {
		if p.adv[i] > 0 && !isNeutralOrMark(p.rs[i]) {
			chars++
		}
	}
	if chars != 1 || AvoidsLineStart(p.rs[sl]) {
		return sl
	}
	if p.squeezable(sp, n) && (sp == 0 || !AvoidsLineStart(p.rs[sp])) {
		return n // squeeze it in rather than push a character down and spread the line (先挤进)
	}
	for e := sl - 1; e >= sp+2; e-- {
		if !p.ok[e] {
			continue
		}
		if p.squeezable(e, n) && p.natural(sp, e) >= p.width/2 {
			return e
		}
		return sl
	}
	return sl
}
