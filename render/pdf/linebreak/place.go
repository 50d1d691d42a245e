package linebreak

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
	if over := nat - p.width; over > 0 && j >= s {
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
// (zero-advance glyphs are skipped; no gap inside a Latin word or a digit
// run). The extra space of a gap goes to the glyph before it. A line without
// such gaps, or whose gaps would open wider than half its mean advance (a
// Latin word pushed down), is letter-spaced between all visible glyphs
// instead; a line of a single visible glyph stays as it is. gs starts at rune s; w is its right
// edge before, the result its right edge after justification.
func (p *para) justify(s int, gs []Glyph, w float64) float64 {
	slack := p.width - w
	if slack == 0 {
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
		if !(isWordRune(gs[vis[t]].R) && isWordRune(gs[vis[t+1]].R)) {
			gaps = append(gaps, vis[t])
		}
	}
	// Too few gaps for the slack (a Latin word pushed down, an emergency
	// break after a short start): letter-space the whole line instead of
	// opening holes wider than half a character.
	natural := 0.0
	for _, k := range vis {
		natural += p.adv[s+k]
	}
	if len(gaps) == 0 || slack/float64(len(gaps)) > natural/float64(len(vis))/2 {
		gaps = append(gaps[:0], vis[:len(vis)-1]...)
	}
	d := slack / float64(len(gaps))
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
