package linebreak

import (
	"math"
	"strings"
	"testing"
)

// han returns n distinct-looking ideographs.
func han(n int) string {
	const pool = "政府信息公开工作年度报告依申请办理结果行政复议诉讼主动情况"
	rs := []rune(pool)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(rs[i%len(rs)])
	}
	return b.String()
}

// TestBreakPoints checks where the first line of a body paragraph (28
// characters, justified) ends.
func TestBreakPoints(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		first int // runes on the first line
	}{
		{"plain ideographs fill 28", han(40), 28},
		{"comma would start line 2: push one ideograph down", han(28) + "，" + han(10), 27},
		{"comma would start line 2: squeeze an earlier 、 instead", han(10) + "、" + han(17) + "。" + han(10), 29},
		{"two marks squeezable: 。 joins the line", han(5) + "，" + han(5) + "，" + han(16) + "。" + han(5), 29},
		{"line-end comma compressed to half: 28 fit", han(27) + "，" + han(10), 28},
		{"opening bracket never ends a line", han(27) + "《条例》" + han(5), 27},
		{"opening quote never ends a line", han(27) + "“先审查”" + han(5), 27},
		{"—— never split and never starts a line", han(27) + "——" + han(5), 26},
		{"…… never split", han(27) + "……" + han(5), 26},
		{"…… fits whole", han(26) + "……" + han(5), 28},
		{"。” squeezed to 1 em: the next ideograph joins (squeeze 0.5 em beats spreading 1 em)", han(26) + "。”" + han(5), 29},
		{"digit run stays whole", han(26) + "123456" + han(5), 26},
		{"number with ％ stays whole", han(27) + "33％" + han(5), 27},
		{"￥ stays with its number", han(27) + "￥100" + han(5), 27},
		{"Latin word GB/T stays whole", han(27) + "GB/T" + han(5), 27},
		{"℃ never starts a line", han(27) + "30℃" + han(5), 27},
		{"solidus neither ends nor starts a line", han(27) + "／" + han(5), 26},
		{"middle dot never starts a line", han(28) + "·" + han(5), 27},
		{"closing bracket pair ）。 squeezed, the next ideograph joins", han(26) + "）。" + han(5), 29},
		{"space after Latin word hangs", han(24) + "abcd efgh" + han(5), 29},
		{"GB/T 9704-2012 stays whole", han(24) + "GB/T 9704-2012" + han(5), 24},
		{"2023年 stays whole", han(26) + "2023年" + han(5), 26},
		{"12月31日 stays whole", han(24) + "至12月31日" + han(5), 25},
		{"URL breaks after a slash", han(10) + "https://www.example.gov.cn/col/index.html" + han(5), 10 + len("https://www.example.gov.cn/col/")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runs := []Run{{Text: c.text}}
			o := Options{Width: lineWidth, Justify: true}
			lines := Break(runs, gridMeasure, o)
			checkInvariants(t, runs, gridMeasure, o, lines)
			if got := len([]rune(lines[0].text())); got != c.first {
				t.Errorf("first line has %d runes, want %d: %q", got, c.first, texts(lines))
			}
		})
	}
}

// TestSqueezeKeepsInk checks 先挤进: the squeezed line is flush, every
// mark keeps at least half its width, and the squeeze is spread evenly.
func TestSqueezeKeepsInk(t *testing.T) {
	text := han(5) + "，" + han(5) + "，" + han(16) + "。" + han(5)
	lines := Break([]Run{{Text: text}}, gridMeasure, Options{Width: lineWidth, Justify: true})
	l := lines[0]
	if math.Abs(l.Width-lineWidth) > 0.01 {
		t.Fatalf("squeezed line width %g, want %g", l.Width, lineWidth)
	}
	var commas []float64
	for _, g := range l.Glyphs {
		if g.R == '，' {
			commas = append(commas, g.Advance)
		}
	}
	// 28 em of runes (with 。 halved at the end: 28.5 − 0.5) need 0.5 em
	// from two commas: 0.25 em each.
	for _, a := range commas {
		if math.Abs(a-0.75*pitch) > 0.01 {
			t.Errorf("comma advance %g, want %g (0.75 em)", a, 0.75*pitch)
		}
	}
	if last := l.Glyphs[len(l.Glyphs)-1]; last.R != '。' || math.Abs(last.Advance-pitch/2) > 0.01 {
		t.Errorf("line-end 。 advance %g, want half em %g", last.Advance, pitch/2)
	}
}

// TestCompression checks line-end, line-start and adjacent punctuation.
func TestCompression(t *testing.T) {
	o := Options{Width: lineWidth}
	// Line 2 starts with an opening bracket: it loses its leading half, its
	// origin moves left of the box.
	lines := Break([]Run{{Text: han(28) + "（一）" + han(3)}}, gridMeasure, o)
	g := lines[1].Glyphs[0]
	if g.R != '（' || math.Abs(g.X+pitch/2) > 1e-9 || math.Abs(g.Advance-pitch/2) > 1e-9 {
		t.Errorf("line-start （: X %g advance %g, want X %g advance %g", g.X, g.Advance, -pitch/2, pitch/2)
	}
	// The paragraph's first line keeps its opening bracket whole.
	lines = Break([]Run{{Text: "（一）" + han(3)}}, gridMeasure, o)
	if g := lines[0].Glyphs[0]; g.X != 0 || g.Advance != pitch {
		t.Errorf("paragraph-start （: X %g advance %g, want 0 and %g", g.X, g.Advance, pitch)
	}
	// Adjacent marks: ）， 。” 《（ take 1.5 em; a lone mark inside takes 1 em.
	for _, pair := range []string{"），", "。”", "《（", "）。", "：“"} {
		lines = Break([]Run{{Text: "甲" + pair + "乙"}}, gridMeasure, o)
		if w, want := lines[0].Width, 3.5*pitch; math.Abs(w-want) > 1e-9 {
			t.Errorf("甲%s乙: width %g, want %g (3.5 em)", pair, w, want)
		}
	}
	// Line-end mark keeps its ink: X unchanged, advance halved.
	lines = Break([]Run{{Text: han(27) + "，" + han(3)}}, gridMeasure, o)
	last := lines[0].Glyphs[27]
	if last.R != '，' || math.Abs(last.X-27*pitch) > 1e-9 || math.Abs(last.Advance-pitch/2) > 1e-9 {
		t.Errorf("line-end ，: X %g advance %g, want X %g advance %g", last.X, last.Advance, 27*pitch, pitch/2)
	}
	// Proportional quotes (narrow glyphs) are not compressed.
	narrow := func(r rune, s int) float64 {
		if r == '“' || r == '”' {
			return 5
		}
		return gridMeasure(r, s)
	}
	lines = Break([]Run{{Text: "甲。”乙"}}, narrow, o)
	if w, want := lines[0].Width, 3*pitch+5; math.Abs(w-want) > 1e-9 {
		t.Errorf("narrow quote: width %g, want %g", w, want)
	}
}

// TestJustification checks 均排: every non-last line ends exactly at
// Width, the gaps are even, Latin words keep natural spacing, and the last
// line is not stretched.
func TestJustification(t *testing.T) {
	text := han(27) + "，" + han(20) + "GB/T" + han(30) + "。"
	o := Options{Width: lineWidth, Indent: 2 * pitch, Justify: true}
	runs := []Run{{Text: "一、", Style: 1}, {Text: text}}
	lines := Break(runs, gridMeasure, o)
	checkInvariants(t, runs, gridMeasure, o, lines)
	if len(lines) < 3 {
		t.Fatalf("want ≥3 lines, got %q", texts(lines))
	}
	for i, l := range lines[:len(lines)-1] {
		end := l.Glyphs[len(l.Glyphs)-1]
		if r := end.X + end.Advance; math.Abs(r-lineWidth) > 0.01 {
			t.Errorf("line %d: last glyph right edge %g, want %g", i, r, lineWidth)
		}
		if math.Abs(l.Width-lineWidth) > 0.01 {
			t.Errorf("line %d: width %g, want %g", i, l.Width, lineWidth)
		}
	}
	// Inside "GB/T" the advances stay natural (half em); the gaps around it stretch.
	for _, l := range lines {
		for k, g := range l.Glyphs {
			if g.R == 'G' || g.R == 'B' || g.R == '/' {
				if math.Abs(g.Advance-pitch/2) > 1e-9 {
					t.Errorf("%q inside GB/T has advance %g, want natural %g", g.R, g.Advance, pitch/2)
				}
				if k+1 < len(l.Glyphs) && math.Abs(l.Glyphs[k+1].X-g.X-g.Advance) > 1e-9 {
					t.Errorf("gap after %q not natural", g.R)
				}
			}
		}
	}
	last := lines[len(lines)-1]
	if !last.Last {
		t.Errorf("last line not marked Last")
	}
	for _, g := range last.Glyphs[:len(last.Glyphs)-1] {
		if g.Advance != pitch && g.R != 'T' {
			t.Errorf("last line stretched: %q advance %g", g.R, g.Advance)
		}
	}
	// Even gaps on the first line: the indent plus 26 equal steps.
	l0 := lines[0]
	if l0.Glyphs[0].X != 2*pitch {
		t.Errorf("first glyph at %g, want indent %g", l0.Glyphs[0].X, 2*pitch)
	}
	step := l0.Glyphs[1].X - l0.Glyphs[0].X
	for k := 1; k+1 < len(l0.Glyphs); k++ {
		if s := l0.Glyphs[k+1].X - l0.Glyphs[k].X; math.Abs(s-step) > 1e-9 {
			t.Errorf("uneven gap %d: %g vs %g", k, s, step)
		}
	}
	if l0.Glyphs[0].Style != 1 || l0.Glyphs[2].Style != 0 {
		t.Errorf("styles not carried: %d %d", l0.Glyphs[0].Style, l0.Glyphs[2].Style)
	}
}

// TestGridPitch: 28 grid-pitch characters fill the 156 mm line exactly even
// though 28 × 16 pt does not fit; with plain 16 pt advances only 27 fit and
// 均排 stretches them flush.
func TestGridPitch(t *testing.T) {
	lines := Break([]Run{{Text: han(56)}}, gridMeasure, Options{Width: lineWidth, Justify: true})
	if len(lines) != 2 || len(lines[0].Glyphs) != 28 {
		t.Fatalf("want 2 lines of 28, got %q", texts(lines))
	}
	sixteen := func(rune, int) float64 { return 16 }
	lines = Break([]Run{{Text: han(56)}}, sixteen, Options{Width: lineWidth, Justify: true})
	if len(lines[0].Glyphs) != 27 || math.Abs(lines[0].Width-lineWidth) > 0.01 {
		t.Fatalf("16 pt advances: want 27 per line flush, got %d, width %g", len(lines[0].Glyphs), lines[0].Width)
	}
}

// TestEmergency checks units wider than the line.
func TestEmergency(t *testing.T) {
	cell := Options{Width: 3 * pitch, Justify: true} // narrow table cell: 6 digits
	lines := Break([]Run{{Text: "12345678901234"}}, gridMeasure, cell)
	checkInvariants(t, []Run{{Text: "12345678901234"}}, gridMeasure, cell, lines)
	if got := strings.Join(texts(lines), "|"); got != "123456|789012|34" {
		t.Errorf("12-digit number in a 3-em cell: %s", got)
	}
	url := "https://www.gov.cn/" + strings.Repeat("abcdefghij", 30)
	text := "详见" + url + "。"
	runs := []Run{{Text: text}}
	o := Options{Width: lineWidth, Justify: true}
	lines = Break(runs, gridMeasure, o)
	checkInvariants(t, runs, gridMeasure, o, lines)
	if len(lines) < 6 {
		t.Errorf("URL of %d chars in %d lines", len(url), len(lines))
	}
	// The URL starts on the first line (filling it) rather than leaving a
	// two-character line.
	if n := len(lines[0].Glyphs); n < 50 {
		t.Errorf("first line holds %d runes: %q", n, lines[0].text())
	}
	// A glyph wider than the line goes alone.
	lines = Break([]Run{{Text: "宽宽"}}, gridMeasure, Options{Width: pitch / 2})
	if got := strings.Join(texts(lines), "|"); got != "宽|宽" {
		t.Errorf("glyph wider than line: %s", got)
	}
	// Only marks: may break between them.
	// 。 next to 。 is compressed to half: 60 of them need 30 em.
	marks := strings.Repeat("。", 60)
	lines = Break([]Run{{Text: marks}}, gridMeasure, o)
	checkInvariants(t, []Run{{Text: marks}}, gridMeasure, o, lines)
	if len(lines) != 2 {
		t.Errorf("60 marks: %q", texts(lines))
	}
}

// TestForcedBreaksAndInvisible checks \n, \r\n, zero-width characters,
// hanging spaces and empty input.
func TestForcedBreaksAndInvisible(t *testing.T) {
	o := Options{Width: lineWidth, Indent: 2 * pitch, Justify: true}
	lines := Break([]Run{{Text: "甲乙\n丙\r\n\r丁\n"}}, gridMeasure, o)
	if got := strings.Join(texts(lines), "|"); got != "甲乙|丙||丁" {
		t.Errorf("forced breaks: %q", got)
	}
	for i, l := range lines {
		if !l.Last {
			t.Errorf("line %d not Last", i)
		}
	}
	if lines[0].Glyphs[0].X != 2*pitch || lines[1].Glyphs[0].X != 0 {
		t.Errorf("indent must apply to the first line only")
	}
	if got := Break(nil, gridMeasure, o); len(got) != 0 {
		t.Errorf("empty input gave %d lines", len(got))
	}
	lines = Break([]Run{{Text: "甲\u200b乙\ufeff"}}, gridMeasure, o)
	for _, g := range lines[0].Glyphs {
		if (g.R == 0x200b || g.R == 0xfeff) && g.Advance != 0 {
			t.Errorf("zero-width %U advance %g", g.R, g.Advance)
		}
	}
	text := han(24) + "abcd efgh" + han(5)
	runs := []Run{{Text: text}}
	lines = Break(runs, gridMeasure, Options{Width: lineWidth, Justify: true})
	checkInvariants(t, runs, gridMeasure, Options{Width: lineWidth, Justify: true}, lines)
	l := lines[0]
	sp := l.Glyphs[len(l.Glyphs)-1]
	if sp.R != ' ' || sp.Advance != 0 || math.Abs(sp.X-lineWidth) > 0.01 {
		t.Errorf("hanging space: %q X %g advance %g", sp.R, sp.X, sp.Advance)
	}
}

// TestDeterministic: same input, same output.
func TestDeterministic(t *testing.T) {
	text := strings.Repeat(han(13)+"，“"+han(5)+"”。GB/T 9704—2012", 20)
	a := Break([]Run{{Text: text}}, gridMeasure, Options{Width: lineWidth, Justify: true})
	b := Break([]Run{{Text: text}}, gridMeasure, Options{Width: lineWidth, Justify: true})
	if len(a) != len(b) {
		t.Fatal("different line counts")
	}
	for i := range a {
		if a[i].Width != b[i].Width || len(a[i].Glyphs) != len(b[i].Glyphs) {
			t.Fatalf("line %d differs", i)
		}
		for k := range a[i].Glyphs {
			if a[i].Glyphs[k] != b[i].Glyphs[k] {
				t.Fatalf("line %d glyph %d differs", i, k)
			}
		}
	}
}

// TestHostileInput: nil measurer, NaN widths, zero width, NaN measurer.
func TestHostileInput(t *testing.T) {
	runs := []Run{{Text: "甲乙，丙"}}
	nan := func(rune, int) float64 { return math.NaN() }
	for _, o := range []Options{{Width: math.NaN()}, {Width: 0}, {Width: -5, Indent: math.Inf(1)}, {Width: 10, Justify: true}, {Width: math.Inf(1), Justify: true}} {
		for _, m := range []Measurer{gridMeasure, nan} {
			lines := Break(runs, m, o)
			checkInvariants(t, runs, m, o, lines)
		}
		lines := Break(runs, nil, o)
		if len(lines) == 0 {
			t.Errorf("nil measurer: no lines")
		}
	}
	if lines := Break(runs, gridMeasure, Options{Width: math.Inf(1), Justify: true}); len(lines) != 1 {
		t.Errorf("infinite width: want one line, got %q", texts(lines))
	}
}

// TestOrphan: a paragraph's last line never holds a single character (孤字)
// when the line before can give one up; AllowOrphan turns this off.
func TestOrphan(t *testing.T) {
	text := han(28) + "效。"
	runs := []Run{{Text: text}}
	o := Options{Width: lineWidth, Justify: true}
	lines := Break(runs, gridMeasure, o)
	checkInvariants(t, runs, gridMeasure, o, lines)
	if n := len([]rune(lines[len(lines)-1].text())); len(lines) != 2 || n != 3 {
		t.Errorf("want the last line to hold 2 characters and 。, got %q", texts(lines))
	}
	o.AllowOrphan = true
	lines = Break(runs, gridMeasure, o)
	if got := lines[len(lines)-1].text(); got != "效。" {
		t.Errorf("AllowOrphan: last line %q, want 效。", got)
	}
	// Narrow cell: 不予公开 in a 3-em cell reads 不予|公开, not 不予公|开.
	lines = Break([]Run{{Text: "不予公开"}}, gridMeasure, Options{Width: 3 * pitch})
	if got := strings.Join(texts(lines), "|"); got != "不予|公开" {
		t.Errorf("narrow cell: %s", got)
	}
	// Not when the line before would drop below half full.
	lines = Break([]Run{{Text: "甲abcdefgh乙"}}, gridMeasure, Options{Width: 5 * pitch})
	if got := strings.Join(texts(lines), "|"); got != "甲abcdefgh|乙" {
		t.Errorf("5-em cell: %s", got)
	}
	lines = Break([]Run{{Text: "甲乙丙丁戊"}}, gridMeasure, Options{Width: 4 * pitch})
	if got := strings.Join(texts(lines), "|"); got != "甲乙丙|丁戊" {
		t.Errorf("4-em cell: %s", got)
	}
	lines = Break([]Run{{Text: "甲乙丙"}}, gridMeasure, Options{Width: 2 * pitch})
	if got := strings.Join(texts(lines), "|"); got != "甲乙|丙" {
		t.Errorf("2-em cell (line before would hold one character): %s", got)
	}
}
