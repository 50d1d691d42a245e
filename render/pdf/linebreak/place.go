package linebreak

import "unicode"

// place sets the glyphs of the line [s,e). Compression: base cuts (adjacent
// marks), the line-start and line-end cuts, then, when the line is wider
// than p.width, the remaining punctuation room in proportion (先挤进).
// Justification (均排) spreads the slack over the line's gaps when justify
// is set.
func (p *para) place(s, e int, justify bool, dst []Glyph) Line {
	j := p.lns[e] // last rune that takes room; hanging spaces after it count 0
	cutL := append(p.cutL[:0], p.baseL[s:e]...)
	cutR := append(p.cutR[:0], p.baseR[s:e]...)
	p.cutL, p.cutR = cutL, cutR
	if c := p.startCut(s); c > 0 {
		cutL[0] += c
	}
	if j >= s {
		if c := p.endCut(s, j); c > 0 {
			if p.cls[j] == clsOpening {
				cutL[j-s] += c
			} else {
				cutR[j-s] += c
			}
		}
	}
	nat := p.natural(s, e)
	if justify && j >= s && nat <= p.width+eps {
		// A justified line compresses only what it needs: the marks keep their full width when the line
		// fits without any cut (all its characters stay on the grid), else the cuts nearest the line end
		// are taken first, each only as far as needed, and nothing is spread.
		p.cutOnlyNeeded(s, j, cutL, cutR)
	} else if over := nat - p.width; over > 0 && j >= s {
		if room := p.squeeze(s, e); room > 0 {
			f := over / room
			if f > 1 {
				f = 1
			}
			for i := s; i <= j; i++ {
				k := i - s
				r := p.adv[i]/2 - cutL[k] - cutR[k]
				if p.cls[i] == clsNone || r <= 0 {
					continue
				}
				if p.cls[i] == clsOpening {
					cutL[k] += r * f
				} else {
					cutR[k] += r * f
				}
			}
		}
	}
	x := 0.0
	if s == 0 {
		x = p.indent
	}
	gs := dst[:0]
	for i := s; i < e; i++ {
		k := i - s
		a := p.adv[i] - cutL[k] - cutR[k]
		if i > j {
			a = 0 // hanging space
		}
		gs = append(gs, Glyph{R: p.rs[i], Style: p.st[i], X: x - cutL[k], Advance: a})
		x += a
	}
	if justify && j >= s {
		x = p.justify(s, gs[:j-s+1], x)
		for k := j - s + 1; k < len(gs); k++ {
			gs[k].X = x
		}
	}
	return Line{Glyphs: gs, Width: x}
}

// justify spreads p.width-w over the gaps between the visible glyphs of gs
// (zero-advance glyphs are skipped). Space goes only between CJK characters
// and at CJK–Latin boundaries: never inside a number, a Latin word, a URL or
// a standard number such as "GB/T 9704-2012" (word runes and the spaces
// between them), nor inside "——" or "……". The extra space of a gap goes to
// the glyph before it. A gap opens at most half the line's mean advance; a
// line that needs more (a Latin word pushed down) stays short of the measure
// rather than letter-spacing digits. A line without gaps stays as it is. gs
// starts at rune s; w is its right edge before, the result its right edge
// after justification.
func (p *para) justify(s int, gs []Glyph, w float64) float64 {
	slack := p.width - w
	if slack <= 0 {
		return w
	}
	vis := p.vis[:0]
	defer func() { p.vis = vis }()
	for k := range gs {
		if p.adv[s+k] > 0 {
			vis = append(vis, k)
		}
	}
	if len(vis) < 2 {
		return w
	}
	gaps := p.gaps[:0]
	defer func() { p.gaps = gaps }()
	for t := 0; t+1 < len(vis); t++ {
		if k := vis[t]; spreadable(gs[k].R, gs[vis[t+1]].R) && !wordInside(gs[k].R, gs[k+1].R) {
			gaps = append(gaps, k)
		}
	}
	if len(gaps) == 0 {
		return w
	}
	natural := 0.0
	for _, k := range vis {
		natural += p.adv[s+k]
	}
	d := slack / float64(len(gaps))
	if bound := natural / float64(len(vis)) / 2; d > bound {
		d = bound
	}
	shift := 0.0
	g := 0
	for k := range gs {
		gs[k].X += shift
		if g < len(gaps) && gaps[g] == k {
			gs[k].Advance += d
			shift += d
			g++
		}
	}
	return w + shift
}

// spreadable reports whether justification may open the gap between two
// adjacent visible runes a and b.
func spreadable(a, b rune) bool {
	// Any space separator (U+0020, the thin U+2009 of "97 4", no-break spaces …) belongs to the number or
	// phrase it stands in.
	wordish := func(r rune) bool { return isWordRune(r) || unicode.Is(unicode.Zs, r) }
	if wordish(a) && wordish(b) {
		return false
	}
	if a == b && (a == '—' || a == '…') {
		return false
	}
	return true
}

// cutOnlyNeeded replaces the mandatory cuts of a justified line [s,j] (it fits with them) by the least
// compression that makes it fit: none when the uncut line fits; else the line-end cut, the line-start cut,
// then the cuts between adjacent marks from the right, the last one partially.
func (p *para) cutOnlyNeeded(s, j int, cutL, cutR []float64) {
	full := p.pre[j+1] - p.pre[s]
	for k := s; k <= j; k++ {
		full += cutL[k-s] + cutR[k-s]
	}
	if s == 0 {
		full += p.indent
	}
	need := full - p.width
	type cut struct {
		k    int
		left bool
		amt  float64
	}
	var order []cut
	add := func(k int, left bool, amt float64) {
		if amt > 0 {
			order = append(order, cut{k, left, amt})
		}
	}
	// The line-end cut and the line-start cut (wherever place put them), then base cuts right to left.
	endK := j - s
	add(endK, true, cutL[endK]-p.baseL[j])
	add(endK, false, cutR[endK]-p.baseR[j])
	if endK > 0 {
		add(0, true, cutL[0]-p.baseL[s])
	}
	for k := j - s; k >= 0; k-- {
		add(k, true, p.baseL[s+k])
		add(k, false, p.baseR[s+k])
	}
	for k := range cutL[:j-s+1] {
		cutL[k], cutR[k] = 0, 0
	}
	for _, c := range order {
		if need <= eps {
			break
		}
		a := min(c.amt, need)
		if c.left {
			cutL[c.k] += a
		} else {
			cutR[c.k] += a
		}
		need -= a
	}
}

// wordInside reports whether the extra space given to glyph a would open inside a word or number: the
// glyph right after it, b, is a word rune too (b may be invisible, as a zero-width glyph is, so the gap
// between visible glyphs is not enough to tell).
func wordInside(a, b rune) bool { return isWordRune(a) && isWordRune(b) }
