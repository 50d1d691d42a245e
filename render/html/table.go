package html

import (
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// grid is a table's cells placed on its grid.
type grid struct {
	t *layouts.Table
	// owner[row][col] is the index in t.Cells of the cell covering that position, or -1 (a gap in a
	// malformed layout, written as an empty cell).
	owner [][]int
	// dataRow tells the rows that hold a data cell; the other rows are header rows (table 三 and 四 at
	// the top, table 二 at the top of each block).
	dataRow []bool
}

func newGrid(t *layouts.Table) *grid {
	g := &grid{t: t, owner: make([][]int, len(t.Rows)), dataRow: make([]bool, len(t.Rows))}
	for i := range g.owner {
		g.owner[i] = make([]int, t.Cols)
		for j := range g.owner[i] {
			g.owner[i][j] = -1
		}
	}
	for k, c := range t.Cells {
		for i := max(c.Row, 0); i < c.Row+c.RowSpan && i < len(t.Rows); i++ {
			for j := max(c.Col, 0); j < c.Col+c.ColSpan && j < t.Cols; j++ {
				g.owner[i][j] = k
				if c.Key != "" {
					g.dataRow[i] = true
				}
			}
		}
	}
	return g
}

// isLabel tells a text cell (written as <th>) from a data cell (<td>).
func isLabel(c layouts.Cell) bool { return c.Key == "" }

// cellID is the id of a header cell, unique in a page holding the three tables.
func cellID(t *layouts.Table, c layouts.Cell) string {
	return "nb-" + t.ID + "-r" + strconv.Itoa(c.Row) + "c" + strconv.Itoa(c.Col)
}

// headers returns the ids of the header cells of the cell k (WCAG H43): the column headers above it, from
// the top down — the run of header rows nearest above its row — unless rowOnly, then the row labels left
// of it in its row.
func (g *grid) headers(k int, rowOnly bool) []string {
	c := g.t.Cells[k]
	var up []string
	seen := map[int]bool{}
	add := func(list *[]string, o int) {
		if o >= 0 && !seen[o] && isLabel(g.t.Cells[o]) {
			seen[o] = true
			*list = append(*list, cellID(g.t, g.t.Cells[o]))
		}
	}
	inHeader := false
	for i := c.Row - 1; i >= 0 && !rowOnly; i-- {
		if g.dataRow[i] {
			if inHeader {
				break
			}
			continue
		}
		inHeader = true
		for j := c.Col; j < c.Col+c.ColSpan && j < g.t.Cols; j++ {
			add(&up, g.owner[i][j])
		}
	}
	var out []string
	for i := len(up) - 1; i >= 0; i-- {
		out = append(out, up[i])
	}
	for j := 0; j < c.Col && j < g.t.Cols; j++ {
		add(&out, g.owner[c.Row][j])
	}
	return out
}

// caption returns the table's caption: its name and its section title, 表三　收到和处理政府信息公开申请情况.
func caption(t *layouts.Table, f layouts.Format) string {
	for _, s := range layouts.Sections(f) {
		if s.Key == t.ID {
			return t.Name + "　" + s.Title
		}
	}
	return t.Name
}

// percent writes a relative width as a CSS percentage with two decimals.
func percent(w float64) string { return strconv.FormatFloat(w*100, 'f', 2, 64) + "%" }

// writeTable writes t inside a container that scrolls sideways on narrow screens: one <tbody>, one <tr>
// per grid row, one <th>/<td> per cell at its top-left position with rowspan/colspan exactly per the
// layouts cells, every cell styled inline, header cells with id and scope, data cells with headers.
func writeTable(b *builder, t *layouts.Table, r *report.Report) {
	look, ok := tableLooks[t.ID]
	if !ok {
		look = defaultLook
	}
	g := newGrid(t)
	b.s(`<div style="`, styleScroll, `">`, "\n",
		`<table border="1" style="border-collapse:collapse;border-spacing:0;border:1px solid #000;width:100%;min-width:`,
		look.minWidth, `;margin:0;">`, "\n", `<caption style="`, styleCaption, `">`)
	b.text(caption(t, r.Format))
	b.s("</caption>\n<tbody>\n")
	for ri := range t.Rows {
		b.s("<tr>")
		for ci := 0; ci < t.Cols; ci++ {
			k := g.owner[ri][ci]
			if k < 0 {
				b.s(`<td style="`, styleCell, `"></td>`)
				continue
			}
			c := t.Cells[k]
			if c.Row != ri || c.Col != ci {
				continue // covered by a span
			}
			writeCell(b, g, k, r, look)
		}
		b.s("</tr>\n")
	}
	b.s("</tbody>\n</table>\n</div>\n")
}

// writeCell writes one cell: <th> for a label (the text of layouts), <td> for a number (Report.CellText).
func writeCell(b *builder, g *grid, k int, r *report.Report, look tableLook) {
	t, c := g.t, g.t.Cells[k]
	rowSpan := min(c.RowSpan, len(t.Rows)-c.Row)
	colSpan := min(c.ColSpan, t.Cols-c.Col)
	tag := "td"
	if isLabel(c) {
		tag = "th"
	}
	b.s("<", tag)
	if rowSpan > 1 {
		b.s(` rowspan="`, strconv.Itoa(rowSpan), `"`)
	}
	if colSpan > 1 {
		b.s(` colspan="`, strconv.Itoa(colSpan), `"`)
	}
	if isLabel(c) {
		scope := "col"
		if g.dataRow[c.Row] {
			scope = "row"
		}
		b.s(` id="`, cellID(t, c), `" scope="`, scope, `"`)
		if hs := g.headers(k, true); len(hs) > 0 && scope == "row" {
			b.s(` headers="`, strings.Join(hs, " "), `"`)
		}
	} else if hs := g.headers(k, false); len(hs) > 0 {
		b.s(` headers="`, strings.Join(hs, " "), `"`)
	}
	w := 0.0
	for j := c.Col; j < c.Col+colSpan; j++ {
		if j < len(t.Widths) {
			w += t.Widths[j]
		}
	}
	b.s(` style="`, styleCell, "text-align:", cellAlign(t, c), ";font-size:", look.fontSize, ";width:", percent(w), ";")
	if !isLabel(c) {
		b.s("white-space:nowrap;")
	}
	b.s(`">`)
	switch {
	case !isLabel(c):
		b.text(r.CellText(c.Key))
	case c.Vertical:
		// One character per line, a closing mark kept with the character before it, as in the PDF
		// and DOCX (and as the published reports do).
		for i, u := range render.VerticalUnits(c.Text) {
			if i > 0 {
				b.s("<br>")
			}
			b.text(u)
		}
	default:
		b.text(c.Text)
	}
	b.s("</", tag, ">")
}

// cellAlign is the horizontal alignment of a cell, as in the PDF: the row labels of table 三 flush left,
// the note in its corner justified, everything else centred.
func cellAlign(t *layouts.Table, c layouts.Cell) string {
	switch {
	case c.Kai:
		return "justify"
	case t.ID == "t3" && isLabel(c) && c.Row >= t.HeaderRows() && c.RowSpan == 1 && !c.Vertical:
		return "left"
	}
	return "center"
}
