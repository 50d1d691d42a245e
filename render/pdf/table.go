package pdf

import (
	"math"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/render/pdf/linebreak"
)

// Table metrics in pt.
const (
	tableLeading  = 1.25 // line spacing in cells, times the size
	verticalPitch = 1.15 // character pitch of vertical labels, times the size
	cellPadX      = 3.0
	cellPadY      = 2.2
	ruleWidth     = 0.5
)

// tableGap is the least space between a table's bottom rule and the text after it: as much as lies between
// a heading and the table below it (the rest of its grid line), so a heading after a table never sits
// closer to the table above than to its own.
var tableGap = linePitch - page.BodySize

// tableSize returns the text size of a table: 小四 (12 pt) for the roomy table 二, 五号 (10.5 pt) for the
// dense tables 三 and 四.
func tableSize(id string) float64 {
	if id == "t2" {
		return 12
	}
	return 10.5
}

// cellLayout is one cell of a table with its text broken into lines.
type cellLayout struct {
	c     layouts.Cell
	spans []span
	st    style
	lines []linebreak.Line
	// align: 0 left, 1 centred.
	align int
	// x, w are the horizontal position and width of the cell box.
	x, w float64
	// minH is the least height of the cell box.
	minH float64
}

// tableLayout is a table measured: its cells and the natural height of each grid row.
type tableLayout struct {
	t      *layouts.Table
	size   float64
	cells  []cellLayout
	rowH   []float64
	header int
	// numbers is how the table's values are set (size, horizontal scale).
	numbers numberFit
	// groups are runs of body rows that must stay on one page (KeepWithNext), as [first, last].
	groups [][2]int
}

// cellLines returns the non-empty lines of a cell's text, broken once per text and style: most cells of
// table 三 hold the same few numbers ("0" above all), so a report breaks a few dozen distinct cells, not
// hundreds. The caller gets its own slice; the glyphs are shared and never changed.
func (l *layouter) cellLines(s span, st style) []linebreak.Line {
	k := cellKey{s, st}
	lines, ok := l.cells[k]
	if !ok {
		lines = dropEmpty(l.breakText([]span{s}, st))
		if l.cells == nil {
			l.cells = map[cellKey][]linebreak.Line{}
		}
		l.cells[k] = lines
	}
	return append([]linebreak.Line(nil), lines...)
}

// cellKey identifies a broken cell text in the layouter's cache.
type cellKey struct {
	s  span
	st style
}

// measureTable breaks the text of every cell (the same line breaker as the body, 宋体 role, the corner
// note of table 三 in 楷体) and computes the natural row heights and the groups of rows kept together.
func (l *layouter) measureTable(t *layouts.Table) *tableLayout {
	tl := &tableLayout{t: t, size: tableSize(t.ID), header: t.HeaderRows()}
	if len(t.Widths) != t.Cols || t.Cols == 0 {
		return tl
	}
	size := tl.size
	colW := make([]float64, t.Cols)
	for i, w := range t.Widths {
		colW[i] = w * blockW
	}
	tl.numbers = l.fitNumbers(t, colW, size)
	colX := make([]float64, t.Cols+1)
	for i, w := range colW {
		colX[i+1] = colX[i] + w
	}
	colX[t.Cols] = blockW // the grid sums to the block width exactly
	lineH := size * tableLeading
	for _, c := range t.Cells {
		if c.Row < 0 || c.Col < 0 || c.RowSpan < 1 || c.ColSpan < 1 || c.Row+c.RowSpan > len(t.Rows) || c.Col+c.ColSpan > t.Cols {
			continue
		}
		cl := cellLayout{c: c, x: blockX + colX[c.Col], w: colX[c.Col+c.ColSpan] - colX[c.Col], align: 1}
		text := c.Text
		if c.Key != "" {
			text = l.r.CellText(c.Key)
		}
		role := fonts.Song
		if c.Kai {
			role = fonts.Kai
		}
		cl.spans = []span{{text, role}}
		inner := cl.w - 2*cellPadX
		if inner < size {
			inner = size
		}
		cl.st = style{size: size, lb: linebreak.Options{Width: inner}}
		if c.Key != "" && isNumber(text) {
			// A number stays on one line (tablenumbers.go sized the column, the size and the scale).
			cl.st = style{size: tl.numbers.size, scale: tl.numbers.scale, lb: linebreak.Options{Width: math.Inf(1)}}
		}
		if c.Vertical {
			cl.minH = float64(len(render.VerticalUnits(text)))*size*verticalPitch + 2*cellPadY
		} else {
			if t.ID == "t3" && !t.Rows[c.Row].Header && c.Key == "" && c.RowSpan == 1 {
				// Row labels of table 三 are set flush left, like the national template; never justified
				// (a wrapped label in a narrow cell would be letter-spaced).
				cl.align = 0
			}
			cl.lines = l.cellLines(cl.spans[0], cl.st)
			if c.Key == "" && len(cl.lines) > 1 {
				if lines, ok := l.breakBeforeBracket(cl.spans[0], cl.st); ok {
					cl.lines = lines
				}
			}
			cl.minH = float64(len(cl.lines))*lineH + 2*cellPadY
		}
		tl.cells = append(tl.cells, cl)
	}
	// Row heights: the tallest single-row cell, then spanning cells spread any shortfall over their rows.
	tl.rowH = make([]float64, len(t.Rows))
	for i := range tl.rowH {
		tl.rowH[i] = lineH + 2*cellPadY
	}
	for _, cl := range tl.cells {
		if cl.c.RowSpan == 1 && cl.minH > tl.rowH[cl.c.Row] {
			tl.rowH[cl.c.Row] = cl.minH
		}
	}
	for _, cl := range tl.cells {
		if cl.c.RowSpan > 1 {
			growRows(tl.rowH, cl.c.Row, cl.c.Row+cl.c.RowSpan-1, cl.minH)
		}
	}
	for r := tl.header; r < len(t.Rows); {
		end := r
		for end+1 < len(t.Rows) && t.Rows[end].KeepWithNext {
			end++
		}
		tl.groups = append(tl.groups, [2]int{r, end})
		r = end + 1
	}
	return tl
}

// growRows spreads the shortfall of a cell of height need evenly over rows first … last of h.
func growRows(h []float64, first, last int, need float64) {
	have := 0.0
	for r := first; r <= last; r++ {
		have += h[r]
	}
	if have >= need {
		return
	}
	d := (need - have) / float64(last-first+1)
	for r := first; r <= last; r++ {
		h[r] += d
	}
}

// startHeight is the height of the header rows and the first group of body rows: what must fit on a
// page for the table to start there.
func (tl *tableLayout) startHeight() float64 {
	h := 0.0
	for r := 0; r < tl.header; r++ {
		h += tl.rowH[r]
	}
	if len(tl.groups) > 0 {
		rows := tl.pieceRows(tl.groups[0][0], tl.groups[0][1])
		return tl.pieceHeights(rows, tl.groups[0][0], tl.groups[0][1]).total
	}
	return h
}

// pieceRows returns the rows of the part of the table on one page: the header rows and the body rows
// first … last.
func (tl *tableLayout) pieceRows(first, last int) []int {
	rows := make([]int, 0, tl.header+last-first+1)
	for r := 0; r < tl.header; r++ {
		rows = append(rows, r)
	}
	for r := first; r <= last; r++ {
		rows = append(rows, r)
	}
	return rows
}

type heights struct {
	h     map[int]float64
	total float64
}

// pieceHeights returns the row heights of a page's part of the table: the natural heights, grown where
// a row-spanning cell cut by a page break needs room for its repeated label.
func (tl *tableLayout) pieceHeights(rows []int, first, last int) heights {
	h := make([]float64, len(tl.rowH))
	copy(h, tl.rowH)
	for _, cl := range tl.cells {
		c := cl.c
		if c.RowSpan == 1 || c.Row < tl.header && c.Row+c.RowSpan <= tl.header {
			continue
		}
		a, b := max(c.Row, first), min(c.Row+c.RowSpan-1, last)
		if a > b || (a == c.Row && b == c.Row+c.RowSpan-1) {
			continue
		}
		growRows(h, a, b, cl.minH)
	}
	out := heights{h: map[int]float64{}}
	for _, r := range rows {
		out.h[r] = h[r]
		out.total += h[r]
	}
	return out
}

// placeTable puts a table on the pages, starting on a grid line. When it crosses a page its header rows
// repeat, no row is split (nor a KeepWithNext group), and a row-spanning label cut by the break is
// repeated on the new page.
//
// A table that fits on one page is kept whole when less than half of it would fit on this page (it starts
// on the next page rather than leave a few rows behind), unless a heading stands right above it: the
// heading's keep rule then decided (keepNeed).
func (l *layouter) placeTable(tl *tableLayout, block int, afterHeading bool) {
	if len(tl.rowH) == 0 {
		return
	}
	start := tl.startHeight()
	if total := tl.totalHeight(); !afterHeading && total <= blockH && blockH-float64(l.line)*linePitch < total/2 {
		start = total
	}
	if l.line > 0 && float64(l.line)*linePitch+start > blockH {
		l.newPage()
	}
	gi := 0
	if len(tl.groups) == 0 {
		// Header only.
		rows := tl.pieceRows(0, -1)
		l.resume(l.drawPiece(tl, rows, 0, -1, tl.pieceHeights(rows, 0, -1), block))
		return
	}
	for gi < len(tl.groups) {
		top := float64(l.line) * linePitch
		first := tl.groups[gi][0]
		last := tl.groups[gi][1]
		next := gi + 1
		for next < len(tl.groups) {
			cand := tl.groups[next][1]
			rows := tl.pieceRows(first, cand)
			if top+tl.pieceHeights(rows, first, cand).total > blockH {
				break
			}
			last = cand
			next++
		}
		if next < len(tl.groups) {
			next = tl.bestBreak(gi, next, top)
			last = tl.groups[next-1][1]
		}
		rows := tl.pieceRows(first, last)
		hs := tl.pieceHeights(rows, first, last)
		if top > 0 && top+hs.total > blockH {
			// Not even one group fits below the text already on the page.
			l.newPage()
			continue
		}
		bottom := l.drawPiece(tl, rows, first, last, hs, block)
		gi = next
		if gi < len(tl.groups) {
			l.newPage()
			continue
		}
		l.resume(bottom)
	}
}

// Page-break choice in tables: a row-spanning label cut by a break is repeated on the next page, and
// when the rows left for it are too short for the label they are stretched. Breaking a few rows earlier
// avoids that at the cost of white space at the foot of the page; each point of stretch costs as much as
// breakSpaceCost⁻¹ points of white space. At most breakLookBack groups are moved to the next page.
const (
	breakSpaceCost = 0.35
	breakLookBack  = 8
)

// bestBreak chooses where the part of the table on this page ends: groups gi … n-1 fit on it (greedy);
// it returns the index of the first group of the next page, trading the stretch of the continued
// spanning labels against white space left on this page.
func (tl *tableLayout) bestBreak(gi, n int, top float64) int {
	first := tl.groups[gi][0]
	best, bestCost := n, math.Inf(1)
	for j := n; j > gi && j >= n-breakLookBack; j-- {
		last := tl.groups[j-1][1]
		rows := tl.pieceRows(first, last)
		empty := blockH - top - tl.pieceHeights(rows, first, last).total
		cost := tl.carryStretch(last) + breakSpaceCost*empty
		if cost < bestCost-0.01 {
			best, bestCost = j, cost
		}
	}
	return best
}

// carryStretch returns how much the rows after a break below row last must grow so that the row-spanning
// labels cut by the break fit beside them on the next page.
func (tl *tableLayout) carryStretch(last int) float64 {
	stretch := 0.0
	for _, cl := range tl.cells {
		c := cl.c
		end := c.Row + c.RowSpan - 1
		if c.Row < tl.header || c.Row > last || end <= last {
			continue
		}
		rest := 0.0
		for r := last + 1; r <= end; r++ {
			rest += tl.rowH[r]
		}
		stretch += max(0, cl.minH-rest)
	}
	return stretch
}

// resume sets the next grid line below a table whose bottom edge is at y: the text after a table
// resumes on the next grid line.
func (l *layouter) resume(y float64) {
	// A full page is left as it is: the next block starts a new page when it comes (so a table at the
	// end of the report leaves no empty page behind).
	l.line = min(int(math.Ceil((y-blockY+tableGap)/linePitch)), page.LinesPerPage)
}

// drawPiece draws the part of the table on the current page (header rows and body rows first … last)
// from the current grid line, and returns the y of its bottom edge.
func (l *layouter) drawPiece(tl *tableLayout, rows []int, first, last int, hs heights, block int) float64 {
	p := l.cur()
	y := blockY + float64(l.line)*linePitch
	rowY := map[int]float64{}
	for _, r := range rows {
		rowY[r] = y
		y += hs.h[r]
	}
	bottom := y
	inPiece := func(r int) bool { return r < tl.header || (r >= first && r <= last) }
	edges := map[[4]int]bool{}
	addRule := func(x1, y1, x2, y2 float64) {
		k := [4]int{int(math.Round(x1 * 100)), int(math.Round(y1 * 100)), int(math.Round(x2 * 100)), int(math.Round(y2 * 100))}
		if edges[k] {
			return
		}
		edges[k] = true
		p.Rules = append(p.Rules, Rule{X1: x1, Y1: y1, X2: x2, Y2: y2, Width: ruleWidth})
	}
	for _, cl := range tl.cells {
		c := cl.c
		a, b := c.Row, c.Row+c.RowSpan-1
		if c.Row >= tl.header {
			a, b = max(a, first), min(b, last)
		}
		if a > b || !inPiece(a) || !inPiece(b) {
			continue
		}
		top, bot := rowY[a], rowY[b]+hs.h[b]
		x1, x2 := cl.x, cl.x+cl.w
		addRule(x1, top, x2, top)
		addRule(x1, bot, x2, bot)
		addRule(x1, top, x1, bot)
		addRule(x2, top, x2, bot)
		part := PartTableCell
		if c.Row < tl.header {
			part = PartTableHeader
		}
		info := Line{Part: part, Block: block, Table: tl.t.ID, Row: c.Row, Col: c.Col}
		if c.Vertical {
			l.drawVertical(p, cl, top, bot, info)
			continue
		}
		lineH := tl.size * tableLeading
		contentH := float64(len(cl.lines)) * lineH
		ty := top + (bot-top-contentH)/2
		for i, ln := range cl.lines {
			x := cl.x + cellPadX
			if cl.align == 1 {
				x = cl.x + (cl.w-ln.Width)/2
			}
			base := ty + float64(i)*lineH + (lineH-cl.st.size)/2 + ascent*cl.st.size
			info.First, info.Last = i == 0 || cl.lines[i-1].Last, i == len(cl.lines)-1 // a forced break starts a line anew
			l.placeLine(p, ln, cl.spans, cl.st, x, base, info)
		}
	}
	return bottom
}

// drawVertical writes a label one character per line (a closing mark kept with the character before it),
// centred in its box (三、本年度办理结果).
func (l *layouter) drawVertical(p *Page, cl cellLayout, top, bot float64, info Line) {
	size := cl.st.size
	units := render.VerticalUnits(cl.spans[0].text)
	pitch := size * verticalPitch
	y := top + (bot-top-float64(len(units))*pitch)/2
	st := style{size: size, lb: linebreak.Options{Width: cl.w}}
	for i, u := range units {
		// A unit is one character, or a character and the closing mark kept with it ("三、"): the mark
		// keeps only its ink half, as at a line end.
		var ln linebreak.Line
		for j, r := range []rune(u) {
			w := l.measure(cl.spans[0].role, r, st)
			if j > 0 {
				w /= 2
			}
			ln.Glyphs = append(ln.Glyphs, linebreak.Glyph{R: r, X: ln.Width, Advance: w})
			ln.Width += w
		}
		ln.Last = true
		base := y + float64(i)*pitch + (pitch-size)/2 + ascent*size
		info.First, info.Last = i == 0, i == len(units)-1
		l.placeLine(p, ln, cl.spans, st, cl.x+(cl.w-ln.Width)/2, base, info)
	}
}

// breakBeforeBracket sets a wrapped label that holds a parenthesis — "采购总金额（单位：万元，保留4位小数）" —
// with the text before "（" on a line of its own when that fits and the label takes no more lines than
// before, so the note in brackets starts its own line.
func (l *layouter) breakBeforeBracket(sp span, st style) ([]linebreak.Line, bool) {
	rs := []rune(sp.text)
	k := -1
	for i, r := range rs {
		if r == '（' || r == '(' {
			k = i
			break
		}
	}
	if k <= 0 {
		return nil, false
	}
	head := l.breakText([]span{{string(rs[:k]), sp.role}}, st)
	if len(head) != 1 {
		return nil, false
	}
	natural := l.breakText([]span{sp}, st)
	tail := dropEmpty(l.breakText([]span{{string(rs[k:]), sp.role}}, st))
	if 1+len(tail) > len(natural) {
		return nil, false
	}
	// One breaker call over the whole label with a forced break keeps each glyph's span index.
	return dropEmpty(l.breakText([]span{{string(rs[:k]) + "\n" + string(rs[k:]), sp.role}}, st)), true
}

// totalHeight is the natural height of the whole table.
func (tl *tableLayout) totalHeight() float64 {
	h := 0.0
	for _, x := range tl.rowH {
		h += x
	}
	return h
}
