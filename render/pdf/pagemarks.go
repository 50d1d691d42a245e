package pdf

import (
	"math"
	"strconv"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render/pdf/linebreak"
)

// pageNumbers adds "— N —" below the type block: 4号, odd pages right with one character space, even
// pages left with one character space.
func (l *layouter) pageNumbers() {
	size := page.PageNumberSize
	st := style{size: size, lb: linebreak.Options{Width: blockW}}
	for i := range l.doc.Pages {
		p := &l.doc.Pages[i]
		text := "— " + strconv.Itoa(p.Number) + " —"
		spans := []span{{text, fonts.Song}}
		lines := l.breakText(spans, st)
		if len(lines) == 0 {
			continue
		}
		ln := lines[0]
		// The dashes sit about 0.3 em above the baseline; their line lies 7 mm below the type block.
		y := blockY + blockH + layouts.MMToPt(page.PageNumberGap) + 0.3*size
		x := blockX + size
		if p.Number%2 == 1 {
			x = blockX + blockW - size - ln.Width
		}
		l.placeLine(p, ln, spans, st, x, y, Line{Part: PartPageNumber, Block: -1, First: true, Last: true})
	}
}

// draftMarks adds a large diagonal 草稿 in light gray to every page, beneath the text.
func (l *layouter) draftMarks() {
	const size = 160.0
	text := "草稿"
	w := 0.0
	for _, r := range text {
		w += l.measure(fonts.Hei, r, style{size: size})
	}
	angle := 45.0
	rad := angle * math.Pi / 180
	cx, cy := pageW/2, pageH/2
	// Origin so that the rotated run is centred on the page.
	x := cx - w/2*math.Cos(rad) + size*0.35*math.Sin(rad)
	y := cy + w/2*math.Sin(rad) + size*0.35*math.Cos(rad)
	for i := range l.doc.Pages {
		p := &l.doc.Pages[i]
		var s string
		for _, r := range text {
			_, d := l.fs.pick(fonts.Hei, r)
			s += string(d)
		}
		mark := Text{X: x, Y: y, Role: fonts.Hei, Size: size, Text: s, Part: PartDraft, Angle: angle, Gray: 0.8}
		p.Texts = append([]Text{mark}, p.Texts...)
	}
}
