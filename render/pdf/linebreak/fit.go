package linebreak

// nextLine chooses where the line starting at s ends (exclusive). It is a
// greedy fit over the tailored break opportunities with the clreq order of
// operations:
//
//  1. take the longest line that fits with mandatory compression only;
//  2. 先挤进: if the next unit fails only because of its trailing 避头
//     marks (or is the line's first unit), compress the line's punctuation so
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
		limit = s
		for limit < n && isNeutralOrMark(p.rs[limit]) {
			limit++
		}
	}
	e1, e2 := -1, -1
	for e := s + 1; e <= limit; e++ {
		if !p.ok[e] && e != limit {
			continue
		}
		if p.fits(s, e) {
			e1 = e
			continue
		}
		e2 = e
		break
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
	}
	if !p.fits(e1, e2) && !p.squeezable(e1, e2) {
		// The next unit will need an emergency break anyway: start it here.
		if q := p.fillOK(s, e1, e2); q > e1 {
			return q
		}
	}
	return e1
}

// fillOK returns the largest q in (from, to) where an emergency break keeps
// the 禁则 and [s,q) fits, or -1.
func (p *para) fillOK(s, from, to int) int {
	best := -1
	for q := from + 1; q < to; q++ {
		if !p.fits(s, q) {
			break
		}
		if okEmergencyBreak(p.rs, q) {
			best = q
		}
	}
	return best
}

// emergency breaks the unit [u,to) that starts the line at s (s == u). In
// order of preference it ends the line at the longest fitting prefix
//  1. at a 禁则-safe position;
//  2. where the only 禁则 break is a 避头 mark starting the next line (which
//     nextLine then keeps to marks only) or the line holds only marks;
//  3. anywhere that does not split a cluster;
//  4. anywhere;
//
// and else takes a single rune (a glyph wider than the line goes alone).
func (p *para) emergency(s, u, to int) int {
	if q := p.fillOK(s, u, to); q > 0 {
		return q
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

// isNeutralOrMark reports 避头/避尾 marks and the invisible or space runes
// that may share a marks-only line with them.
func isNeutralOrMark(r rune) bool {
	return isKinsokuMark(r) || isZeroWidth(r) || isHangingSpace(r)
}
