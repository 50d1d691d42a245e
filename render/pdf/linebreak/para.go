package linebreak

import "math"

// eps is the tolerance, in pt, for "fits on the line".
const eps = 1e-6

// para holds one segment of a paragraph (text between forced breaks) with
// everything the fitter and the placer need, as prefix sums so that the width
// of any candidate line is O(1).
type para struct {
	rs    []rune
	st    []int
	adv   []float64 // natural advance (0 for zero-width runes)
	cls   []uint8   // punctuation compression class
	baseL []float64 // left cut applied wherever the line breaks (adjacent marks)
	baseR []float64 // right cut applied wherever the line breaks
	pre   []float64 // pre[i] = Σ_{k<i} adv[k]-baseL[k]-baseR[k]
	psq   []float64 // psq[i] = Σ_{k<i} squeezable room of k
	lns   []int     // lns[e] = last index < e that is not a hanging space, or -1
	ok    []bool    // ok[i]: break allowed before rs[i]

	cutL, cutR []float64 // scratch of place
	vis, gaps  []int     // scratch of justify

	indent float64 // indent of this segment's first line
	width  float64
}

// sanitize turns a measurer result into a usable advance.
func sanitize(w float64) float64 {
	if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
		return 0
	}
	return w
}

// prepare fills p for runes rs/styles st. em holds each style's ideograph
// advance, used to tell full-width punctuation from proportional forms.
func (p *para) prepare(m Measurer, em func(int) float64) {
	n := len(p.rs)
	p.adv = p.adv[:0]
	p.cls = p.cls[:0]
	for i, r := range p.rs {
		w := 0.0
		if !isZeroWidth(r) {
			w = sanitize(m(r, p.st[i]))
		}
		p.adv = append(p.adv, w)
		c := punctClass(r)
		if c != clsNone && (w <= 0 || w < 0.7*em(p.st[i])) {
			c = clsNone // proportional or empty glyph: nothing to compress
		}
		p.cls = append(p.cls, c)
	}
	p.baseL = append(p.baseL[:0], make([]float64, n)...)
	p.baseR = append(p.baseR[:0], make([]float64, n)...)
	for i := 0; i < n; i++ {
		switch p.cls[i] {
		case clsClosing: // 。” ）， ）。 ，“ → 1.5 em: the closing mark gives up its right half
			if i+1 < n && p.cls[i+1] != clsNone {
				p.baseR[i] = p.adv[i] / 2
			}
		case clsOpening: // 《（ → 1.5 em: the second opening mark gives up its left half
			if i > 0 && p.cls[i-1] == clsOpening {
				p.baseL[i] = p.adv[i] / 2
			}
		}
	}
	p.pre = append(p.pre[:0], 0)
	p.psq = append(p.psq[:0], 0)
	p.lns = append(p.lns[:0], -1)
	last := -1
	for i := 0; i < n; i++ {
		p.pre = append(p.pre, p.pre[i]+p.adv[i]-p.baseL[i]-p.baseR[i])
		p.psq = append(p.psq, p.psq[i]+p.room(i))
		if !isHangingSpace(p.rs[i]) {
			last = i
		}
		p.lns = append(p.lns, last)
	}
}

// room is how much more rune i may be compressed beyond its base cuts.
func (p *para) room(i int) float64 {
	switch p.cls[i] {
	case clsClosing:
		return p.adv[i]/2 - p.baseR[i]
	case clsOpening:
		return p.adv[i]/2 - p.baseL[i]
	}
	return 0
}

// startCut is the extra left cut of an opening bracket starting a line at s:
// it loses its leading half, except at the start of a segment (the paragraph
// indent or the cell edge defines the alignment there).
func (p *para) startCut(s int) float64 {
	if s > 0 && p.cls[s] == clsOpening {
		return p.room(s)
	}
	return 0
}

// endCut is the extra cut of full-width punctuation ending a line at rune j
// (its last non-space rune, the line starting at s): it keeps only its ink half.
func (p *para) endCut(s, j int) float64 {
	if j == s && p.startCut(s) > 0 {
		return 0 // a lone opening bracket already lost its blank half
	}
	return p.room(j)
}

// natural is the width of the line [s,e) with mandatory compression only:
// indent, box advances, line-start and line-end cuts; hanging spaces at the
// end count 0.
func (p *para) natural(s, e int) float64 {
	w := 0.0
	if s == 0 {
		w = p.indent
	}
	j := p.lns[e]
	if j < s {
		return w
	}
	return w + p.pre[j+1] - p.pre[s] - p.startCut(s) - p.endCut(s, j)
}

// squeeze is how much the line [s,e) can still shrink by compressing its
// punctuation (先挤进): every full-width mark down to half its advance.
func (p *para) squeeze(s, e int) float64 {
	j := p.lns[e]
	if j < s {
		return 0
	}
	q := p.psq[j+1] - p.psq[s] - p.startCut(s) - p.endCut(s, j)
	if q < 0 {
		return 0
	}
	return q
}

// fits reports whether [s,e) fits naturally; squeezable whether it fits
// after compressing punctuation.
func (p *para) fits(s, e int) bool { return p.natural(s, e) <= p.width+eps }

func (p *para) squeezable(s, e int) bool {
	return p.natural(s, e)-p.squeeze(s, e) <= p.width+eps
}
