package docx

import (
	"math"

	"github.com/nianbao/nianbao/layouts"
)

// geometry is the GB/T 9704 page in twips (1/20 pt) and half-points, derived from layouts.GBT9704.
type geometry struct {
	pageW, pageH             int // A4
	top, right, bottom, left int // margins
	blockW, blockH           int // type block (版心)
	header, footer           int // distances of header and footer from the paper edge
	linePitch                int // exact line spacing of body text: 22 lines fill the type block
	charSpace                int // docGrid charSpace (1/4096 pt) that gives 28 characters per line
	bodyHalf                 int // 3号 in half-points
	titleHalf                int // 2号
	pageNumHalf              int // 4号
	bodyChar                 int // one body character in twips (first-line indent unit)
	pageNumChar              int // one 4号 character in twips
}

// mmTwips converts millimetres to twips, rounded.
func mmTwips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// pageGeometry computes the twips geometry of p.
func pageGeometry(p layouts.Page) geometry {
	g := geometry{
		pageW:       mmTwips(p.Width),
		pageH:       mmTwips(p.Height),
		top:         mmTwips(p.Top),
		left:        mmTwips(p.Left),
		bodyHalf:    int(math.Round(p.BodySize * 2)),
		titleHalf:   int(math.Round(p.TitleSize * 2)),
		pageNumHalf: int(math.Round(p.PageNumberSize * 2)),
		bodyChar:    int(math.Round(p.BodySize * 20)),
		pageNumChar: int(math.Round(p.PageNumberSize * 20)),
	}
	g.right = g.pageW - g.left - mmTwips(p.BlockWidth)
	g.bottom = g.pageH - g.top - mmTwips(p.BlockHeight)
	g.blockW = g.pageW - g.left - g.right
	g.blockH = g.pageH - g.top - g.bottom
	// Exact line pitch, rounded down so that 22 lines always fit the type block.
	g.linePitch = g.blockH / p.LinesPerPage
	// Character pitch of the 28-character grid: blockW/28 twips; charSpace is the difference from the
	// body size in 1/4096 pt, rounded down so that Word never fits only 27 characters.
	pitchPt := float64(g.blockW) / 20 / float64(p.CharsPerLine)
	g.charSpace = int(math.Floor((pitchPt - p.BodySize) * 4096))
	g.header = mmTwips(15)
	// The page-number line: GB/T 9704 §7.5 puts the 一字线 7 mm below the type block. Word measures the
	// footer distance from the paper edge to the bottom of the footer paragraph. The footer line is set
	// with an exact height of one 4号 character, so the dashes (about half an em above the bottom of the
	// line box; 3.4 mm measured in LibreOffice) sit at the same height whatever font the reader substitutes for 宋体.
	g.footer = g.bottom - mmTwips(p.PageNumberGap) - mmTwips(3.4)
	return g
}
