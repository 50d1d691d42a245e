package pdf

import (
	"math"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/render/pdf/linebreak"
)

// span is a piece of text in one base font role (a paragraph and its run-in lead are two spans).
type span struct {
	text string
	role fonts.Role
}

// style describes how a piece of text is set: size, the grid pitch of full-width characters (0 for the
// natural advance) and the line-breaking options.
type style struct {
	size float64
	// pitch is the advance given to a full-width (1 em) character; every other advance, Latin included,
	// scales with it (the tracking of Word's character grid), so two digits fill one grid cell.
	// 0 means natural advances everywhere.
	pitch float64
	// scale condenses glyphs horizontally (PDF Tz; 0 or 1: none): numbers in narrow table cells only.
	scale float64
	lb    linebreak.Options
}

// hscale returns the horizontal scaling of the style (1 when none).
func (st style) hscale() float64 {
	if st.scale <= 0 {
		return 1
	}
	return st.scale
}

// breakText breaks spans into lines with the shared line breaker, measuring with the faces.
func (l *layouter) breakText(spans []span, st style) []linebreak.Line {
	runs := make([]linebreak.Run, len(spans))
	ids := make([]uint32, len(spans))
	for i, s := range spans {
		runs[i] = linebreak.Run{Text: s.text, Style: i}
		ids[i] = l.styleID(s.role, st)
	}
	measure := func(r rune, i int) float64 {
		if i < 0 || i >= len(spans) {
			return 0
		}
		return l.measureID(ids[i], spans[i].role, r, st)
	}
	return linebreak.Break(runs, measure, st.lb)
}

// measure returns the advance the layout gives r in text of the base role.
func (l *layouter) measure(base fonts.Role, r rune, st style) float64 {
	return l.measureID(l.styleID(base, st), base, r, st)
}

// styleID returns the small number that stands for the base role and the metrics of st in the cache of
// measured advances (a cheap key: the cache is consulted for every character set).
func (l *layouter) styleID(base fonts.Role, st style) uint32 {
	k := measureStyle{base, st.size, st.pitch, st.hscale()}
	if l.styles == nil {
		l.styles, l.widths = map[measureStyle]uint32{}, map[uint64]float64{}
	}
	id, ok := l.styles[k]
	if !ok {
		id = uint32(len(l.styles))
		l.styles[k] = id
	}
	return id
}

// measureID is measure with the style's number from styleID.
func (l *layouter) measureID(id uint32, base fonts.Role, r rune, st style) float64 {
	k := uint64(id)<<32 | uint64(uint32(r))
	if a, ok := l.widths[k]; ok {
		return a
	}
	a := 0.0
	if !invisible(r) {
		role, d := l.fs.pick(base, r)
		a = l.fs.advance(role, d, st.size)
		if st.pitch > 0 {
			a *= st.pitch / st.size
		}
		a *= st.hscale()
	}
	l.widths[k] = a
	return a
}

// measureStyle is what, besides the rune, a measured advance depends on.
type measureStyle struct {
	base               fonts.Role
	size, pitch, scale float64
}

// placeLine puts one broken line on page p with its left edge at x and baseline y, grouping the glyphs
// into runs that the writer draws with a constant character spacing.
func (l *layouter) placeLine(p *Page, ln linebreak.Line, spans []span, st style, x, y float64, info Line) {
	info.X, info.Y, info.Width, info.Size = x, y, ln.Width, st.size
	info.Runes = make([]rune, 0, len(ln.Glyphs))
	info.Xs = make([]float64, 0, len(ln.Glyphs))
	var cur *Text
	var curEnd float64 // where the next glyph of cur would be drawn
	var nat float64    // natural advance of the last glyph in cur
	count := 0
	flush := func() {
		if cur != nil {
			p.Texts = append(p.Texts, *cur)
			cur = nil
		}
	}
	var dashes []placedGlyph
	for _, g := range ln.Glyphs {
		info.Runes = append(info.Runes, g.R)
		gx := x + g.X
		info.Xs = append(info.Xs, gx)
		if invisible(g.R) {
			continue
		}
		base := fonts.Body
		if g.Style >= 0 && g.Style < len(spans) {
			base = spans[g.Style].role
		}
		role, d := l.fs.pick(base, g.R)
		a := l.fs.advance(role, d, st.size) * st.hscale()
		if d == '—' {
			// The rule ends at the dash's own box, not in justification space after it.
			box := min(g.Advance, l.measure(base, d, st))
			dashes = append(dashes, placedGlyph{r: d, role: role, x: gx, adv: box, size: st.size})
		} else if len(dashes) > 0 && dashes[len(dashes)-1].r != 0 {
			dashes = append(dashes, placedGlyph{}) // a dash run ends here
		}
		if cur != nil && cur.Role == role {
			sp := gx - (curEnd - nat) - nat // gap beyond the natural advance of the previous glyph
			if count == 1 {
				cur.Spacing = sp
				curEnd = gx + a + sp
				nat = a
				cur.Text += string(d)
				count++
				continue
			}
			if math.Abs(gx-curEnd) < 0.005 {
				cur.Text += string(d)
				curEnd = gx + a + cur.Spacing
				nat = a
				count++
				continue
			}
		}
		flush()
		cur = &Text{X: gx, Y: y, Role: role, Size: st.size, Text: string(d), Part: info.Part, Scale: st.scale}
		curEnd, nat, count = gx+a, a, 1
	}
	flush()
	if len(dashes) > 1 {
		l.dashRules(p, info, dashes)
	}
	p.Lines = append(p.Lines, info)
}
