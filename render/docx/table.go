package docx

import (
	"math"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// tableLook holds the per-table print settings: font size in half-points and minimum row height in twips.
type tableLook struct {
	size      int
	rowHeight int
}

// runProps returns the run properties of table text in the given East Asian font.
func (l tableLook) runProps(eastAsia string) string {
	sz := itoa(l.size)
	return `<w:rPr>` + rFonts(fontLatin, eastAsia) + `<w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/></w:rPr>`
}

// tableLooks follows published reports: table 二 in 小四 (12 pt), the wide tables 三 and 四 in 小五 (9 pt).
var tableLooks = map[string]tableLook{
	"t2": {size: 24, rowHeight: 454},
	"t3": {size: 18, rowHeight: 340},
	"t4": {size: 18, rowHeight: 454},
}

// cellMargin is the left and right cell padding in twips (1 mm), small so that 社会公益组织 fits in
// two lines of the narrow table 三 columns.
const cellMargin = 57

// verticalByLines selects how a Vertical cell (三、本年度办理结果) is written. true: one character per
// line (w:br between characters), as the published reports do; every reader shows it the same way. false:
// w:textDirection tbRl, which Word and LibreOffice 7.4 also show upright and top to bottom (checked in
// LibreOffice), but which depends on each reader supporting vertical cell text.
const verticalByLines = true

// gridWidths splits width twips over the relative widths w so that the columns sum to width exactly.
func gridWidths(w []float64, width int) []int {
	out := make([]int, len(w))
	cum, prev := 0.0, 0
	for i, x := range w {
		cum += x
		next := int(math.Round(cum * float64(width)))
		if i == len(w)-1 {
			next = width
		}
		out[i] = next - prev
		prev = next
	}
	return out
}

// writeTable writes t as a Word table: fixed layout, a tblGrid summing to the type block, gridSpan and
// vMerge exactly per the layouts cells, repeated header rows, rows that do not split across pages,
// vertically centred cells and single thin borders.
func writeTable(b *xb, t *layouts.Table, r *report.Report, g geometry) {
	look, ok := tableLooks[t.ID]
	if !ok {
		look = tableLook{size: 21, rowHeight: 400}
	}
	cols := gridWidths(t.Widths, g.blockW)
	song, kai := look.runProps(fontSong), look.runProps(fontKai)
	// owner[row][col] is the index in t.Cells of the cell covering that grid position, or -1.
	owner := make([][]int, len(t.Rows))
	for i := range owner {
		owner[i] = make([]int, t.Cols)
		for j := range owner[i] {
			owner[i][j] = -1
		}
	}
	for k, c := range t.Cells {
		for i := c.Row; i < c.Row+c.RowSpan && i < len(t.Rows); i++ {
			for j := c.Col; j < c.Col+c.ColSpan && j < t.Cols; j++ {
				owner[i][j] = k
			}
		}
	}
	border := func(side string) string {
		return `<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
	}
	b.s(`<w:tbl><w:tblPr><w:tblW w:w="`, itoa(g.blockW), `" w:type="dxa"/><w:jc w:val="center"/>`,
		`<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>`, border("top"), border("left"), border("bottom"),
		border("right"), border("insideH"), border("insideV"), `</w:tblBorders><w:tblLayout w:type="fixed"/>`,
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="`, itoa(cellMargin), `" w:type="dxa"/>`,
		`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="`, itoa(cellMargin), `" w:type="dxa"/></w:tblCellMar>`,
		`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>`,
		`</w:tblPr><w:tblGrid>`)
	for _, w := range cols {
		b.s(`<w:gridCol w:w="`, itoa(w), `"/>`)
	}
	b.s(`</w:tblGrid>`)
	keep := keepRows(t)
	for ri, row := range t.Rows {
		b.s(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="`, itoa(look.rowHeight), `" w:hRule="atLeast"/>`)
		if row.Header {
			b.s(`<w:tblHeader/>`)
		}
		b.s(`</w:trPr>`)
		for ci := 0; ci < t.Cols; {
			k := owner[ri][ci]
			if k < 0 { // a gap in a malformed layout: keep the grid whole with an empty cell
				b.s(`<w:tc><w:tcPr><w:tcW w:w="`, itoa(cols[ci]), `" w:type="dxa"/></w:tcPr><w:p/></w:tc>`)
				ci++
				continue
			}
			c := t.Cells[k]
			span := min(c.ColSpan, t.Cols-c.Col)
			w := 0
			for j := c.Col; j < c.Col+span; j++ {
				w += cols[j]
			}
			b.s(`<w:tc><w:tcPr><w:tcW w:w="`, itoa(w), `" w:type="dxa"/>`)
			if span > 1 {
				b.s(`<w:gridSpan w:val="`, itoa(span), `"/>`)
			}
			first := c.Row == ri
			if c.RowSpan > 1 {
				if first {
					b.s(`<w:vMerge w:val="restart"/>`)
				} else {
					b.s(`<w:vMerge/>`)
				}
			}
			if c.Vertical && !verticalByLines {
				b.s(`<w:textDirection w:val="tbRl"/>`)
			}
			b.s(`<w:vAlign w:val="center"/></w:tcPr>`)
			if first {
				rpr := song
				if c.Kai {
					rpr = kai
				}
				writeCellText(b, t, c, r, rpr, keep[ri])
			} else {
				// A covered cell keeps with the next row too: a row keeps only when all its paragraphs do.
				b.s(`<w:p><w:pPr><w:pStyle w:val="`, styleTable, `"/>`)
				if keep[ri] {
					b.s(`<w:keepNext/>`)
				}
				b.s(`</w:pPr></w:p>`)
			}
			b.s(`</w:tc>`)
			ci = c.Col + span
		}
		b.s(`</w:tr>`)
	}
	b.s(`</w:tbl>`)
}

// keepRows tells which rows keep with the next one: those layouts marks KeepWithNext, and every row of a
// vertically merged body cell but its last, so that a page never breaks inside 三、本年度办理结果 or a
// category such as （三）不予公开 (a merged cell split by a page break shows its text cut in two).
// Word and LibreOffice keep a row with the next when its paragraphs have w:keepNext.
func keepRows(t *layouts.Table) []bool {
	keep := make([]bool, len(t.Rows))
	for i, row := range t.Rows {
		keep[i] = row.KeepWithNext
	}
	for _, c := range t.Cells {
		if c.RowSpan > 1 && !t.Rows[c.Row].Header {
			for i := c.Row; i < c.Row+c.RowSpan-1 && i < len(keep); i++ {
				keep[i] = true
			}
		}
	}
	return keep
}

// writeCellText writes the paragraph of a cell, a label's text or the value of a data cell, in the run
// properties rpr.
func writeCellText(b *xb, t *layouts.Table, c layouts.Cell, r *report.Report, rpr string, keep bool) {
	text := c.Text
	if c.Kind != layouts.Label || c.Key != "" {
		text = r.CellText(c.Key)
	}
	b.s(`<w:p><w:pPr><w:pStyle w:val="`, styleTable, `"/>`)
	if keep {
		b.s(`<w:keepNext/>`)
	}
	// Row labels of table 三 read as text and sit at the left, like the national template; headers,
	// group labels and numbers are centred (the style's default).
	if t.ID == "t3" && c.Kind == layouts.Label && c.Row >= t.HeaderRows() && c.RowSpan == 1 {
		b.s(`<w:jc w:val="left"/>`)
	} else if c.Kai {
		b.s(`<w:jc w:val="both"/>`)
	}
	b.s(`</w:pPr>`)
	if c.Vertical && verticalByLines {
		b.s(`<w:r>`, rpr)
		for i, unit := range render.VerticalUnits(text) {
			if i > 0 {
				b.s(`<w:br/>`)
			}
			b.s(`<w:t>`)
			b.esc(unit)
			b.s(`</w:t>`)
		}
		b.s(`</w:r>`)
	} else {
		writeRun(b, rpr, text)
	}
	b.s(`</w:p>`)
}
