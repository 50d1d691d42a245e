package linebreak

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode"
)

// Body geometry: 156 mm line, 28 full-width characters at a 15.79 pt pitch.
const (
	lineWidth = 156 / 25.4 * 72
	pitch     = lineWidth / 28
)

// gridMeasure is the body measurer the PDF layout uses: every full-width
// character advances one grid pitch, ASCII and other narrow runes half.
func gridMeasure(r rune, style int) float64 {
	if isFullWidth(r) {
		return pitch
	}
	return pitch / 2
}

func isFullWidth(r rune) bool {
	return r >= 0x2E80 || strings.ContainsRune("“”‘’—…‧·‰℃′″–", r) || unicode.Is(unicode.Han, r)
}

// text concatenates the runes of a line.
func (l Line) text() string {
	var b strings.Builder
	for _, g := range l.Glyphs {
		b.WriteRune(g.R)
	}
	return b.String()
}

func texts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text()
	}
	return out
}

// allKinsoku reports whether a line holds only 避头/避尾 marks, spaces and
// invisible characters (the only lines allowed to break the 禁则).
func allKinsoku(l Line) bool {
	for _, g := range l.Glyphs {
		if !isNeutralOrMark(g.R) {
			return false
		}
	}
	return true
}

// checkInvariants asserts what must hold for any input: every rune out
// exactly once in order with its style, 禁则 respected, contiguous glyph
// boxes inside Width, ink anchored in its box, justified lines flush.
func checkInvariants(t *testing.T, runs []Run, m Measurer, o Options, lines []Line) {
	t.Helper()
	if err := invariantError(runs, m, o, lines); err != nil {
		t.Fatal(err)
	}
}

// invariantError is checkInvariants returning the first violation.
func invariantError(runs []Run, m Measurer, o Options, lines []Line) error {
	var want, got []rune
	var wantSt, gotSt []int
	for _, r := range runs {
		for _, c := range r.Text {
			if c != '\n' && c != '\r' {
				want = append(want, c)
				wantSt = append(wantSt, r.Style)
			}
		}
	}
	for _, l := range lines {
		for _, g := range l.Glyphs {
			got = append(got, g.R)
			gotSt = append(gotSt, g.Style)
		}
	}
	if string(want) != string(got) {
		return fmt.Errorf("runes changed:\n in  %q\n out %q", string(want), string(got))
	}
	for i := range wantSt {
		if wantSt[i] != gotSt[i] {
			return fmt.Errorf("rune %d (%q): style %d, want %d", i, want[i], gotSt[i], wantSt[i])
		}
	}
	width := o.Width
	switch {
	case math.IsInf(width, 1):
		width = math.MaxFloat64
	case math.IsNaN(width) || math.IsInf(width, -1):
		width = 0
	}
	indent := o.Indent
	if math.IsNaN(indent) || math.IsInf(indent, 0) || indent < 0 {
		indent = 0
	}
	const tol = 1e-6
	segStart := true
	for li, l := range lines {
		x := 0.0
		if li == 0 {
			x = indent
		}
		for k, g := range l.Glyphs {
			nat := 0.0
			if !isZeroWidth(g.R) {
				nat = sanitize(m(g.R, g.Style))
			}
			if g.Advance < -tol || g.Advance > nat+tol && !(o.Justify && !l.Last) {
				return fmt.Errorf("line %d glyph %d %q: advance %g (natural %g)", li, k, g.R, g.Advance, nat)
			}
			if isZeroWidth(g.R) && g.Advance != 0 {
				return fmt.Errorf("line %d glyph %d %q: zero-width char with advance %g", li, k, g.R, g.Advance)
			}
			if g.X > x+tol || g.X < x-nat/2-tol {
				return fmt.Errorf("line %d glyph %d %q: X %g outside its box starting at %g (natural %g)", li, k, g.R, g.X, x, nat)
			}
			x += g.Advance
		}
		if math.Abs(x-l.Width) > tol {
			return fmt.Errorf("line %d: Width %g, glyph boxes end at %g", li, l.Width, x)
		}
		if l.Width > width+tol && len(l.Glyphs) > 1 {
			return fmt.Errorf("line %d %q: Width %g > %g", li, l.text(), l.Width, width)
		}
		visible, content := 0, len(l.Glyphs)
		for content > 0 && isHangingSpace(l.Glyphs[content-1].R) {
			content--
		}
		for _, g := range l.Glyphs[:content] {
			if !isZeroWidth(g.R) && sanitize(m(g.R, g.Style)) > 0 {
				visible++
			}
		}
		if o.Justify && !l.Last && visible >= 2 && math.Abs(l.Width-width) > 0.01 {
			// A justified line short of the measure has every gap opened to the bound (half the
			// mean advance), or no gap that may open (numbers, Latin, URLs are never spaced out).
			var vis []Glyph
			var next []rune // the glyph right after each visible one (visible or not)
			nat := 0.0
			for i, g := range l.Glyphs[:content] {
				if a := sanitize(m(g.R, g.Style)); !isZeroWidth(g.R) && a > 0 {
					vis = append(vis, g)
					nat += a
					nr := rune(0)
					if i+1 < len(l.Glyphs) {
						nr = l.Glyphs[i+1].R
					}
					next = append(next, nr)
				}
			}
			maxExtra, gaps := 0.0, 0
			for k := 0; k+1 < len(vis); k++ {
				inside := isWordRune(vis[k].R) && isWordRune(next[k])
				if spreadable(vis[k].R, vis[k+1].R) && !inside && punctClass(vis[k].R) == clsNone { // marks may be cut
					gaps++
					maxExtra = max(maxExtra, vis[k].Advance-sanitize(m(vis[k].R, vis[k].Style)))
				}
			}
			if l.Width > width+0.01 || gaps > 0 && maxExtra < nat/float64(len(vis))/2-0.01 {
				return fmt.Errorf("justified line %d %q: Width %g, want %g", li, l.text(), l.Width, width)
			}
		}
		for k := 0; k+1 < content; k++ {
			a, b := l.Glyphs[k], l.Glyphs[k+1]
			if isWordRune(a.R) && isWordRune(b.R) && a.Advance > sanitize(m(a.R, a.Style))+0.01 {
				return fmt.Errorf("line %d %q: space opened inside a word or number after %q", li, l.text(), a.R)
			}
		}
		if n := len(l.Glyphs); n > 0 && !allKinsoku(l) {
			if !segStart && AvoidsLineStart(l.Glyphs[0].R) {
				return fmt.Errorf("line %d %q starts with 避头 mark %q (all lines: %q; input %+v, %+v)", li, l.text(), l.Glyphs[0].R, texts(lines), runs, o)
			}
			if !l.Last && AvoidsLineEnd(l.Glyphs[n-1].R) {
				return fmt.Errorf("line %d %q ends with 避尾 mark %q (all lines: %q; input %+v, %+v)", li, l.text(), l.Glyphs[n-1].R, texts(lines), runs, o)
			}
		}
		segStart = l.Last
	}
	return nil
}

// TestInvariantCheckerCatches makes sure the checker used by the fuzzer and
// the generated tests fails on broken output.
func TestInvariantCheckerCatches(t *testing.T) {
	runs := []Run{{Text: han(27) + "，" + han(10)}}
	o := Options{Width: lineWidth, Justify: true}
	good := Break(runs, gridMeasure, o)
	if err := invariantError(runs, gridMeasure, o, good); err != nil {
		t.Fatalf("good output rejected: %v", err)
	}
	clone := func() []Line {
		out := make([]Line, len(good))
		for i, l := range good {
			out[i] = l
			out[i].Glyphs = append([]Glyph(nil), l.Glyphs...)
		}
		return out
	}
	bad := map[string][]Line{}
	lost := clone()
	lost[0].Glyphs = lost[0].Glyphs[:len(lost[0].Glyphs)-1]
	bad["lost rune"] = lost
	moved := clone() // the comma starts line 2
	c := moved[0].Glyphs[len(moved[0].Glyphs)-1]
	moved[0].Glyphs = moved[0].Glyphs[:len(moved[0].Glyphs)-1]
	moved[1].Glyphs = append([]Glyph{c}, moved[1].Glyphs...)
	bad["comma at line start"] = moved
	wide := clone()
	wide[0].Glyphs[3].Advance += 5
	bad["box overflow"] = wide
	ragged := clone()
	ragged[0].Width -= 3
	bad["width mismatch"] = ragged
	for name, lines := range bad {
		if invariantError(runs, gridMeasure, o, lines) == nil {
			t.Errorf("%s not caught", name)
		}
	}
}
