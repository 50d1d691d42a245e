package layouts

// Page holds the GB/T 9704-2012 page geometry in millimetres and points.
type Page struct {
	// Paper size (A4) in mm.
	Width, Height float64
	// Top (天头) and Left (订口) margins in mm.
	Top, Left float64
	// BlockWidth and BlockHeight are the type block (版心) in mm.
	BlockWidth, BlockHeight float64
	// BodySize is the body font size in pt (3号).
	BodySize float64
	// TitleSize is the title font size in pt (2号).
	TitleSize float64
	// PageNumberSize is the page-number font size in pt (4号).
	PageNumberSize float64
	// CharsPerLine and LinesPerPage are the 28 × 22 grid of the standard.
	CharsPerLine, LinesPerPage int
	// PageNumberGap is the distance in mm from the bottom of the type block to the page-number line.
	PageNumberGap float64
}

// GBT9704 is the page of GB/T 9704-2012: A4, top 37 mm, left 28 mm, type block 156 × 225 mm, 3号 body,
// 22 lines of 28 characters, page numbers in 4号 7 mm below the type block.
var GBT9704 = Page{
	Width: 210, Height: 297, Top: 37, Left: 28, BlockWidth: 156, BlockHeight: 225,
	BodySize: 16, TitleSize: 22, PageNumberSize: 14, CharsPerLine: 28, LinesPerPage: 22, PageNumberGap: 7,
}

// MMToPt converts millimetres to PostScript points.
func MMToPt(mm float64) float64 { return mm * 72 / 25.4 }

// CharPitch returns the character pitch of the 28-character grid in pt (≈ 15.79 pt).
func (p Page) CharPitch() float64 { return MMToPt(p.BlockWidth) / float64(p.CharsPerLine) }

// LinePitch returns the line pitch of the 22-line grid in pt (≈ 28.99 pt).
func (p Page) LinePitch() float64 { return MMToPt(p.BlockHeight) / float64(p.LinesPerPage) }
