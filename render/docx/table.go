package docx

import (
	"math"
	"strings"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// tableLook holds the per-table print settings: the paragraph style of the cells, its font size in
// half-points (the style holds it; cell paragraph marks repeat it) and the minimum row height in twips.
type tableLook struct {
	style     string
	size      int
	rowHeight int
}

// tableLooks follows published reports: table 二 in 小四 (12 pt), the wide tables 三 and 四 in 小五 (9 pt).
var tableLooks = map[string]tableLook{
	"t2": {style: styleTable, size: 24, rowHeight: 454},
	"t3": {style: styleTableSmall, size: 18, rowHeight: 340},
	"t4": {style: styleTableSmall, size: 18, rowHeight: 454},
}

// tableAbout gives each table's w:tblDescription, the text Word's accessibility checker and screen
// readers announce; w:tblCaption is the table's name and the heading above it.
var tableAbout = map[string]string{
	"t2": "按信息内容分行列出主动公开政府信息的情况（制发、废止、现行有效件数，处理决定数量，收费金额等，以所用国家格式为准）。",
	"t3": "按申请人类别（自然人，商业企业、科研机构、社会公益组织、法律服务机构、其他等法人或其他组织，总计）分列收到和处理政府信息公开申请的数量：本年新收、上年结转、本年度办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、总计）和结转下年度。",
	"t4": "列出因政府信息公开工作被申请行政复议、提起行政诉讼（未经复议直接起诉、复议后起诉）的数量，各按结果维持、结果纠正、其他结果、尚未审结和总计分列。",
}

// cellMargin is the left and right cell padding in twips (1 mm), small so that 社会公益组织 fits in
// two lines of the narrow table 三 columns.
const cellMargin = 57

// verticalByLines selects how a Vertical cell (三、本年度办理结果) is written. false (the default): one
// run in a cell with w:textDirection tbRl, as a Word user types it, so Find, copy, screen readers,
// pandoc and pdftotext read the label whole; Word, WPS and LibreOffice set it upright top to bottom (in
// LibreOffice checked with the bundled fonts, which keep vertical metrics and the vert alternates for 、).
// true: one character per line (w:br between units), which every reader shows the same way.
const verticalByLines = false

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
// vertically centred cells and single thin borders. heading is the 一级标题 above the table (for its
// caption).
func writeTable(b *xb, t *layouts.Table, r *report.Report, g geometry, heading string) {
	look, ok := tableLooks[t.ID]
	if !ok {
		look = tableLook{style: styleTable, size: 24, rowHeight: 400}
	}
	cols := gridWidths(t.Widths, g.blockW)
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
	b.S(`<w:tbl><w:tblPr><w:tblW w:w="`, itoa(g.blockW), `" w:type="dxa"/><w:jc w:val="center"/>`,
		`<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>`, border("top"), border("left"), border("bottom"),
		border("right"), border("insideH"), border("insideV"), `</w:tblBorders><w:tblLayout w:type="fixed"/>`,
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="`, itoa(cellMargin), `" w:type="dxa"/>`,
		`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="`, itoa(cellMargin), `" w:type="dxa"/></w:tblCellMar>`,
		`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>`,
		`<w:tblCaption`)
	b.Attr("w:val", tableCaption(t, heading))
	b.S(`/>`)
	if about := tableAbout[t.ID]; about != "" {
		b.S(`<w:tblDescription`)
		b.Attr("w:val", about)
		b.S(`/>`)
	}
	b.S(`</w:tblPr><w:tblGrid>`)
	for _, w := range cols {
		b.S(`<w:gridCol w:w="`, itoa(w), `"/>`)
	}
	b.S(`</w:tblGrid>`)
	keep := keepRows(t)
	for ri, row := range t.Rows {
		b.S(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="`, itoa(look.rowHeight), `" w:hRule="atLeast"/>`)
		if row.Header {
			b.S(`<w:tblHeader/>`)
		}
		b.S(`</w:trPr>`)
		for ci := 0; ci < t.Cols; {
			k := owner[ri][ci]
			if k < 0 { // a gap in a malformed layout: keep the grid whole with an empty cell
				b.S(`<w:tc><w:tcPr><w:tcW w:w="`, itoa(cols[ci]), `" w:type="dxa"/></w:tcPr><w:p/></w:tc>`)
				ci++
				continue
			}
			c := t.Cells[k]
			span := min(c.ColSpan, t.Cols-c.Col)
			w := 0
			for j := c.Col; j < c.Col+span; j++ {
				w += cols[j]
			}
			b.S(`<w:tc><w:tcPr><w:tcW w:w="`, itoa(w), `" w:type="dxa"/>`)
			if span > 1 {
				b.S(`<w:gridSpan w:val="`, itoa(span), `"/>`)
			}
			first := c.Row == ri
			if c.RowSpan > 1 {
				if first {
					b.S(`<w:vMerge w:val="restart"/>`)
				} else {
					b.S(`<w:vMerge/>`)
				}
			}
			if c.Vertical && !verticalByLines {
				b.S(`<w:textDirection w:val="tbRl"/>`)
			}
			b.S(`<w:vAlign w:val="center"/></w:tcPr>`)
			if first {
				writeCellText(b, t, c, r, look, keep[ri])
			} else {
				// A covered cell keeps with the next row too: a row keeps only when all its paragraphs do.
				b.S(`<w:p>`)
				cellPPr(b, look, look.style, keep[ri], "")
				b.S(`</w:p>`)
			}
			b.S(`</w:tc>`)
			ci = c.Col + span
		}
		b.S(`</w:tr>`)
	}
	b.S(`</w:tbl>`)
}

// tableCaption is the w:tblCaption of t: its name and the heading above it without the numbering
// ("表三 收到和处理政府信息公开申请情况").
func tableCaption(t *layouts.Table, heading string) string {
	if i := strings.Index(heading, "、"); i >= 0 {
		heading = heading[i+len("、"):]
	}
	if heading == "" {
		return t.Name
	}
	return t.Name + " " + heading
}

// keepRows tells which rows keep with the next one: the header rows of tables 三 and 四 (so a header is
// never left alone at the foot of a page), those layouts marks KeepWithNext, and every row of a
// vertically merged body cell but its last, so that a page never breaks inside 三、本年度办理结果 or a
// category such as （三）不予公开 (a merged cell split by a page break shows its text cut in two).
// Word and LibreOffice keep a row with the next when its paragraphs have w:keepNext.
func keepRows(t *layouts.Table) []bool {
	keep := make([]bool, len(t.Rows))
	for i, row := range t.Rows {
		keep[i] = row.KeepWithNext || row.Header && (t.ID == "t3" || t.ID == "t4")
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

// cellPPr writes the paragraph properties of a cell paragraph: its style, keep-with-next, an
// alignment jc other than the style's ("" for the style's), and the paragraph mark's run properties:
// the table's size, so that text typed into an emptied cell or a row added by copying this one's
// paragraph properties (Word's Insert Row) comes out in the table's size.
func cellPPr(b *xb, look tableLook, style string, keep bool, jc string) {
	b.S(`<w:pPr><w:pStyle w:val="`, style, `"/>`)
	if keep {
		b.S(`<w:keepNext/>`)
	}
	if jc != "" {
		b.S(`<w:jc w:val="`, jc, `"/>`)
	}
	b.S(`<w:rPr>`, size(look.size), `</w:rPr></w:pPr>`)
}

// writeCellText writes the paragraph of a cell, a label's text or the value of a data cell. The run
// carries no run properties: the cell's paragraph style gives font and size.
func writeCellText(b *xb, t *layouts.Table, c layouts.Cell, r *report.Report, look tableLook, keep bool) {
	text := c.Text
	if c.Kind != layouts.Label || c.Key != "" {
		text = r.CellText(c.Key)
	}
	style, jc := look.style, ""
	// Row labels of table 三 read as text and sit at the left, like the national template; headers,
	// group labels and numbers are centred (the style's default). The note is justified by its style.
	if c.Kai {
		style = styleTableNote
	} else if t.ID == "t3" && c.Kind == layouts.Label && c.Row >= t.HeaderRows() && c.RowSpan == 1 {
		jc = "left"
	}
	b.S(`<w:p>`)
	cellPPr(b, look, style, keep, jc)
	if c.Vertical && verticalByLines {
		b.S(`<w:r>`)
		for i, unit := range render.VerticalUnits(text) {
			if i > 0 {
				b.S(`<w:br/>`)
			}
			b.S(`<w:t>`)
			b.Esc(unit)
			b.S(`</w:t>`)
		}
		b.S(`</w:r>`)
	} else {
		writeRun(b, "", text)
	}
	b.S(`</w:p>`)
}
