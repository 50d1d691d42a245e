package pdf

import (
	"time"

	"github.com/nianbao/nianbao/fonts"
)

// Document is the laid-out report: a display list of pages holding positioned text runs, rules and
// boxes, plus the metadata. Write writes it as a PDF. All lengths are in pt, with the origin at the
// top-left corner of the page and y growing downwards.
type Document struct {
	// Width and Height of every page (A4) in pt.
	Width, Height float64
	Pages         []Page
	// Metadata written to the PDF Info dictionary.
	Title, Author, Subject, Creator string
	// Date is used for both the creation and the modification date, so the same input gives the same bytes.
	Date time.Time
	// Draft puts a large diagonal 草稿 on every page.
	Draft bool

	faces map[fonts.Role]*faceInfo
	// leads holds the run-in heading of each paragraph block that has one, by block index (for the outline).
	leads map[int]string
}

// Page is one page of the display list.
type Page struct {
	// Number is the printed page number (1-based).
	Number int
	Texts  []Text
	Rules  []Rule
	// Lines lists the text lines laid on this page, in reading order (body lines, headings, table cell
	// lines, the page number); tests check 禁则, the grid and the order of characters on them.
	Lines []Line
}

// Part tells which element of the report a text or line belongs to.
type Part int

const (
	// PartTitle is a line of the report title.
	PartTitle Part = iota
	// PartBody is a line of a body paragraph (preamble or narrative).
	PartBody
	// PartHeading1 is a line of a first-level heading 一、.
	PartHeading1
	// PartHeading2 is a line of a second-level heading （一）.
	PartHeading2
	// PartTableHeader is a line in a header cell of a table (rows repeated on every page).
	PartTableHeader
	// PartTableCell is a line in a body cell of a table.
	PartTableCell
	// PartSignature is the 署名 line.
	PartSignature
	// PartDate is the 成文日期 line.
	PartDate
	// PartPageNumber is the page number "— N —".
	PartPageNumber
	// PartDraft is the diagonal draft mark.
	PartDraft
)

// Text is a run of glyphs of one font role and size, drawn from its origin with a constant extra
// spacing after each glyph (the PDF Tc operator), so every glyph lands exactly where the line breaker put it.
type Text struct {
	// X, Y is the origin of the first glyph (Y is the baseline).
	X, Y float64
	Role fonts.Role
	Size float64
	// Text holds the runes to draw (runes the face lacks already replaced by 〓 or ?).
	Text string
	// Spacing is the extra space after each glyph (character spacing, Tc), in pt.
	Spacing float64
	// Scale condenses the glyphs horizontally (PDF Tz): 0 or 1 none, 0.8 to 80 % (numbers in narrow cells).
	Scale float64
	Part  Part
	// Angle rotates the run counter-clockwise about its origin, in degrees (the draft mark only).
	Angle float64
	// Gray is the fill gray level: 0 black … 1 white.
	Gray float64
}

// Rule is a straight line segment (a table rule).
type Rule struct {
	X1, Y1, X2, Y2 float64
	// Width is the stroke width in pt.
	Width float64
}

// Line is one laid-out text line: its characters in reading order with their positions. It is the
// check view of the display list; Texts hold the same glyphs grouped into runs for drawing.
type Line struct {
	Part Part
	// Block is the index of the render.Block the line comes from (-1 for page numbers).
	Block int
	// X is the left edge, Y the baseline, Width the set width of the line; Size the text size.
	X, Y, Width, Size float64
	// Runes are the input characters of the line, in order; Xs their drawing positions (absolute).
	Runes []rune
	Xs    []float64
	// Full reports a justified line that is not the last line of its paragraph and reaches the full measure
	// (a line of unbreakable Latin or digits pushed down stays short: they are never letter-spaced).
	Full bool
	// First and Last mark the first and the last line of a paragraph, heading or cell.
	First, Last bool
	// Table is the table id ("t2", "t3", "t4") of a table line; Row and Col the grid position of its cell.
	Table    string
	Row, Col int
}

// String returns the characters of the line.
func (l Line) String() string { return string(l.Runes) }
