// Package linebreak breaks CJK paragraph text into lines for the PDF layout.
//
// It implements clreq "GB-style" line breaking: UAX#14 break opportunities
// (go-text/typesetting/segmenter) tailored so that no line starts with a 避头
// mark or ends with a 避尾 mark, —— and …… are never split, and Latin words
// and digit runs stay whole; full-width punctuation is compressed at line
// ends, line starts and between adjacent marks; 先挤进，后推出 (squeeze the
// line's punctuation before pushing characters down); 均排 justification;
// no single character alone on a paragraph's last line (孤字, unless
// Options.AllowOrphan); and emergency breaks for units wider than a line.
// It knows nothing about fonts: advances come from a Measurer. Break is
// safe for concurrent use.
//
// Drawing a Line: put glyph g's origin at lineLeft + g.X (plus any
// alignment shift such as (Options.Width-Line.Width)/2 for centring). X is
// authoritative: it already includes indent, compression (an opening
// bracket that lost its left half is drawn half an em further left) and
// justification. A renderer that groups glyphs into runs drawn with one
// character spacing (PDF Tc) must start a new run wherever the step
// X[k+1]-X[k] differs from natural advance + Tc.
//
// Invariant: concatenating the runes of all glyphs of all lines gives the
// input runes in order, minus '\n' and '\r', which are forced breaks and are
// not emitted.
package linebreak

import (
	"math"
	"sync"

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
	Width   float64 // line width, pt (+Inf: no wrapping; NaN or negative: every unit is too wide)
	Indent  float64 // first-line indent, pt (body: 2 characters); negative counts as 0
	Justify bool    // 均排: all lines but the paragraph's last are set flush to Width
	// AllowOrphan keeps the plain greedy result when a paragraph's last
	// line holds a single character (孤字, e.g. "效。"). By default the
	// line before it ends one break earlier, so that two characters go
	// down together, when that line stays at least half full.
	AllowOrphan bool
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
	// == Options.Width (±0.01 pt) for justified lines, unless the line has
	// too few gaps between CJK characters to take its slack (numbers, Latin
	// words and URLs are never letter-spaced; a gap opens at most half the
	// mean advance). Only a line of a single glyph wider than Options.Width
	// is wider.
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
	b := pool.Get().(*breaker)
	defer func() {
		b.m, b.p.rs, b.p.st = nil, nil, nil // keep no caller state alive
		pool.Put(b)
	}()
	b.reset(m, o)
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
	m    Measurer
	o    Options
	em   map[int]float64
	seg  segmenter.Segmenter
	p    para
	ends []int
}

// pool recycles breakers (segmenter and scratch buffers) between calls;
// nothing returned to the caller points into them.
var pool = sync.Pool{New: func() any { return new(breaker) }}

// reset prepares b for a Break call.
func (b *breaker) reset(m Measurer, o Options) {
	if m == nil {
		m = func(rune, int) float64 { return 0 }
	}
	switch {
	case math.IsInf(o.Width, 1):
		o.Width = math.MaxFloat64 // no wrapping
	case math.IsNaN(o.Width) || math.IsInf(o.Width, -1):
		o.Width = 0
	}
	if math.IsNaN(o.Indent) || math.IsInf(o.Indent, 0) || o.Indent < 0 {
		o.Indent = 0
	}
	b.m, b.o = m, o
	if b.em == nil {
		b.em = make(map[int]float64)
	}
	clear(b.em)
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
	ends := b.ends[:0]
	for s := 0; s < len(rs); {
		e := p.nextLine(s)
		if e <= s { // cannot happen; guard against an endless loop
			e = s + 1
		}
		ends = append(ends, e)
		s = e
	}
	if k := len(ends); k >= 2 && !b.o.AllowOrphan {
		sp := 0
		if k >= 3 {
			sp = ends[k-3]
		}
		ends[k-2] = p.avoidOrphan(sp, ends[k-2])
		if ends[k-2] == ends[k-1] {
			ends = ends[:k-1] // the orphan was squeezed onto the line before
		}
	}
	b.ends = ends
	all := make([]Glyph, 0, len(rs))
	s := 0
	for _, e := range ends {
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
