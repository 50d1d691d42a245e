// Package linebreak breaks CJK paragraph text into lines for the PDF layout.
//
// It implements clreq "GB-style" line breaking: UAX#14 break opportunities
// (go-text/typesetting/segmenter) tailored so that no line starts with a 避头
// mark or ends with a 避尾 mark, —— and …… are never split, and Latin words
// and digit runs stay whole; full-width punctuation is compressed at line
// ends, line starts and between adjacent marks; 先挤进，后推出 (squeeze the
// line's punctuation before pushing characters down); 均排 justification;
// and emergency breaks for units wider than a line. It knows nothing about
// fonts: advances come from a Measurer.
//
// Invariant: concatenating the runes of all glyphs of all lines gives the
// input runes in order, minus '\n' and '\r', which are forced breaks and are
// not emitted.
package linebreak

import (
	"math"

	"github.com/go-text/typesetting/segmenter"
)

// Run is a piece of paragraph text in one style (the caller's index: e.g. 0
// body text, 1 run-in 楷体 lead).
type Run struct {
	Text  string
	Style int
}

// Measurer returns the natural advance of r in the given style, in pt.
// Negative, NaN or infinite results count as 0.
type Measurer func(r rune, style int) float64

// Options control one call of Break.
type Options struct {
	Width   float64 // line width, pt
	Indent  float64 // first-line indent, pt (body: 2 characters); negative counts as 0
	Justify bool    // 均排: all lines but the paragraph's last are set flush to Width
}

// Glyph is one input rune placed on a line.
type Glyph struct {
	R     rune
	Style int
	// X is where to draw the glyph's origin, relative to the line's left
	// edge (indent included). For an opening bracket whose blank left half
	// was compressed away, X lies left of the glyph's box (and may be
	// negative at a line start); the ink stays inside the box.
	X float64
	// Advance is the space the glyph's box occupies after compression and
	// justification; boxes are contiguous, so the next glyph's box starts
	// where this one's ends. Zero-width characters and spaces hanging at a
	// line end have Advance 0.
	Advance float64
}

// Line is one output line of a paragraph.
type Line struct {
	Glyphs []Glyph
	// Width is the right edge of the last glyph box: ≤ Options.Width, and
	// == Options.Width (±0.01 pt) for justified lines. Only a line of a
	// single glyph wider than Options.Width is wider.
	Width float64
	// Last marks the last line of the paragraph and lines ended by a forced
	// break ('\n', '\r', "\r\n"); they are never justified.
	Last bool
}

// Break breaks runs into lines of at most o.Width pt.
//
// '\n', '\r' and "\r\n" force a line break and are not emitted; each forced
// break ends a line marked Last (an empty segment gives an empty line), a
// trailing forced break adds no empty line, and empty input gives no lines.
// The first-line indent applies to the first line only. Break never panics
// and never loses, duplicates or reorders a rune.
func Break(runs []Run, m Measurer, o Options) []Line {
	b := newBreaker(m, o)
	var lines []Line
	var rs []rune
	var st []int
	first := true
	flush := func() {
		lines = b.segment(rs, st, first, lines)
		first = false
		rs, st = rs[:0], st[:0]
	}
	prevCR := false
	for _, run := range runs {
		for _, r := range run.Text {
			switch {
			case r == '\n' && prevCR:
				// second half of "\r\n"
			case r == '\n' || r == '\r':
				flush()
			default:
				rs = append(rs, r)
				st = append(st, run.Style)
			}
			prevCR = r == '\r'
		}
	}
	if len(rs) > 0 {
		flush()
	}
	return lines
}

// breaker holds the state shared by the segments of one Break call.
type breaker struct {
	m   Measurer
	o   Options
	em  map[int]float64
	seg segmenter.Segmenter
	p   para
}

func newBreaker(m Measurer, o Options) *breaker {
	if m == nil {
		m = func(rune, int) float64 { return 0 }
	}
	if math.IsNaN(o.Width) || math.IsInf(o.Width, 0) {
		o.Width = 0
	}
	if math.IsNaN(o.Indent) || math.IsInf(o.Indent, 0) || o.Indent < 0 {
		o.Indent = 0
	}
	return &breaker{m: m, o: o, em: make(map[int]float64)}
}

// emOf is the advance of an ideograph in the style: the size of a
// full-width punctuation box.
func (b *breaker) emOf(style int) float64 {
	w, ok := b.em[style]
	if !ok {
		w = sanitize(b.m('中', style))
		b.em[style] = w
	}
	return w
}

// segment breaks one forced-break-free segment and appends its lines.
func (b *breaker) segment(rs []rune, st []int, first bool, lines []Line) []Line {
	if len(rs) == 0 {
		l := Line{Last: true}
		if first {
			l.Width = b.o.Indent
		}
		return append(lines, l)
	}
	p := &b.p
	p.rs, p.st, p.width = rs, st, b.o.Width
	p.indent = 0
	if first {
		p.indent = b.o.Indent
	}
	p.prepare(b.m, b.emOf)
	p.ok = breakOpportunities(&b.seg, rs, p.ok)
	all := make([]Glyph, 0, len(rs))
	for s := 0; s < len(rs); {
		e := p.nextLine(s)
		if e <= s { // cannot happen; guard against an endless loop
			e = s + 1
		}
		last := e == len(rs)
		l := p.place(s, e, b.o.Justify && !last, all[len(all):len(all)])
		all = all[:len(all)+len(l.Glyphs)]
		l.Glyphs = l.Glyphs[:len(l.Glyphs):len(l.Glyphs)]
		l.Last = last
		lines = append(lines, l)
		s = e
	}
	return lines
}
