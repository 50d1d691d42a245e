package xlsx

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/nianbao/nianbao/xlsx/internal/sml"
)

// sheetGrid is the used area of one sheet as text: label[r][c] holds the normalised text of every
// position, a merged range's text repeated over all the positions it covers (so a label is found wherever
// a clerk merged or unmerged it); r and c are 0-based.
type sheetGrid struct {
	s     *sml.Grid
	sheet string
	label [][]string
	// merged maps a covered position that is not the top-left of its range to that top-left.
	merged map[[2]int][2]int
	// calcs counts the formulas computed in the workbook (shared by its sheets).
	calcs *int
	// visits counts the cells visited checking them (see maxVisits).
	visits *int
}

// norm normalises a label for comparison: full-width letters, digits and brackets folded, all white space
// (line breaks a clerk typed into a cell included) and quotation marks removed, and the mark after an item
// number read alike ("1、", "1．" and "1." as in local templates and Word copies of the format).
func norm(s string) string {
	rs := []rune(width.Fold.String(s))
	var b strings.Builder
	for i, r := range rs {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
		case r == '“' || r == '”' || r == '"' || r == '‘' || r == '’' || r == '\'':
		case (r == '、' || r == '．') && i > 0 && rs[i-1] >= '0' && rs[i-1] <= '9':
			b.WriteByte('.')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cellName returns the address of 0-based position (r, c): "E12".
func cellName(r, c int) string { return sml.CellName(c+1, r+1, false) }

// loadGrid reads the text of sheet i of the workbook within maxRows × maxCols.
func loadGrid(wb *sml.Workbook, i int, calcs, visits *int) (*sheetGrid, error) {
	sheet := wb.Sheets[i].Name
	s, err := wb.ReadSheet(i, sheetLimits)
	if err != nil {
		if errors.Is(err, sml.ErrLimit) {
			return nil, err
		}
		return nil, fmt.Errorf("%v；请在 Excel/WPS 中打开后另存为 .xlsx 再试", err)
	}
	if s.LastRow > maxRows {
		return nil, fmt.Errorf("工作表“%s”有 %d 行，超过上限 %d 行：不像年度报告的表格", sheet, s.LastRow, maxRows)
	}
	if s.WideRow > 0 {
		return nil, fmt.Errorf("工作表“%s”第 %d 行有 %d 列，超过上限 %d 列：不像年度报告的表格", sheet, s.WideRow, s.WideCols, maxCols)
	}
	rows := s.Rows()
	g := &sheetGrid{s: s, sheet: sheet, merged: map[[2]int][2]int{}, calcs: calcs, visits: visits}
	for r, row := range rows {
		if len(row) > maxCols {
			return nil, fmt.Errorf("工作表“%s”第 %d 行有 %d 列，超过上限 %d 列：不像年度报告的表格", sheet, r+1, len(row), maxCols)
		}
		out := make([]string, len(row))
		for c, v := range row {
			out[c] = norm(v)
		}
		g.label = append(g.label, out)
	}
	for _, mc := range s.Merges() {
		c1, r1, c2, r2 := mc.FromCol, mc.FromRow, mc.ToCol, mc.ToRow
		if r2 > maxRows || c2 > maxCols {
			continue
		}
		text := g.at(r1-1, c1-1)
		for r := r1 - 1; r < r2; r++ {
			for c := c1 - 1; c < c2; c++ {
				if r != r1-1 || c != c1-1 {
					g.set(r, c, text)
					g.merged[[2]int{r, c}] = [2]int{r1 - 1, c1 - 1}
				}
			}
		}
	}
	return g, nil
}

func (g *sheetGrid) at(r, c int) string {
	if r < 0 || r >= len(g.label) || c < 0 || c >= len(g.label[r]) {
		return ""
	}
	return g.label[r][c]
}

func (g *sheetGrid) set(r, c int, s string) {
	for len(g.label) <= r {
		g.label = append(g.label, nil)
	}
	for len(g.label[r]) <= c {
		g.label[r] = append(g.label[r], "")
	}
	g.label[r][c] = s
}

// find returns the positions holding exactly the label (normalised), the top-left of a merged range only.
func (g *sheetGrid) find(label string) [][2]int {
	want := norm(label)
	var out [][2]int
	for r, row := range g.label {
		for c, s := range row {
			if s == want {
				if _, covered := g.merged[[2]int{r, c}]; !covered {
					out = append(out, [2]int{r, c})
				}
			}
		}
	}
	return out
}

// rowHas reports whether row r holds the label in a column before maxCol (maxCol < 0: anywhere).
func (g *sheetGrid) rowHas(r int, label string, maxCol int) (int, bool) {
	want := norm(label)
	if r < 0 || r >= len(g.label) {
		return 0, false
	}
	for c, s := range g.label[r] {
		if maxCol >= 0 && c >= maxCol {
			break
		}
		if s == want {
			return c, true
		}
	}
	return 0, false
}

// span returns the columns a position's merged range covers, or just c.
func (g *sheetGrid) span(r, c int) (int, int) {
	last := c
	for k := c + 1; ; k++ {
		tl, ok := g.merged[[2]int{r, k}]
		if !ok || tl != [2]int{r, c} {
			break
		}
		last = k
	}
	return c, last
}

// blankRow reports whether row r holds nothing.
func (g *sheetGrid) blankRow(r int) bool {
	if r < 0 || r >= len(g.label) {
		return true
	}
	for _, s := range g.label[r] {
		if s != "" {
			return false
		}
	}
	return true
}
