package html

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// gridCell is one HTML cell placed on the grid its table's rowspan/colspan describe.
type gridCell struct {
	n        *xhtml.Node
	row, col int // top-left corner
	text     string
}

// expandGrid places the cells of an HTML table on a grid the way browsers and evaluators' tools do
// (KIROGOVCOMPARE tableToMatrix): row by row, each cell at the next free column, covering rowspan ×
// colspan positions. grid[r][c] is nil where no cell reaches.
func expandGrid(table *xhtml.Node) ([][]*gridCell, error) {
	var rows []*xhtml.Node
	walk(table, func(n *xhtml.Node) bool {
		if n.DataAtom == atom.Table && n != table {
			return false // a nested table is not ours
		}
		if n.DataAtom == atom.Tr {
			rows = append(rows, n)
		}
		return true
	})
	var grid [][]*gridCell
	ensure := func(r, c int) {
		for len(grid) <= r {
			grid = append(grid, nil)
		}
		for len(grid[r]) <= c {
			grid[r] = append(grid[r], nil)
		}
	}
	for ri, tr := range rows {
		col := 0
		for cell := tr.FirstChild; cell != nil; cell = cell.NextSibling {
			if cell.DataAtom != atom.Td && cell.DataAtom != atom.Th {
				continue
			}
			rs, cs := spanAttr(cell, "rowspan"), spanAttr(cell, "colspan")
			for {
				ensure(ri, col)
				if grid[ri][col] == nil {
					break
				}
				col++
			}
			gc := &gridCell{n: cell, row: ri, col: col, text: cellText(cell)}
			for i := ri; i < ri+rs; i++ {
				for j := col; j < col+cs; j++ {
					ensure(i, j)
					if grid[i][j] != nil {
						return nil, fmt.Errorf("cell %q at (%d,%d) overlaps %q", gc.text, i, j, grid[i][j].text)
					}
					grid[i][j] = gc
				}
			}
			col += cs
		}
	}
	return grid, nil
}

// spanAttr reads rowspan or colspan: 1 when absent or invalid.
func spanAttr(n *xhtml.Node, name string) int {
	if v, ok := attr(n, name); ok {
		if k, err := strconv.Atoi(v); err == nil && k > 0 {
			return k
		}
	}
	return 1
}

func attr(n *xhtml.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// cellText is the text of a node with <br> dropped (the stacked label 三、/本/年… reads as one string).
func cellText(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(m *xhtml.Node) bool {
		if m.Type == xhtml.TextNode {
			b.WriteString(m.Data)
		}
		return true
	})
	return b.String()
}

// walk visits n and its descendants in document order; f returns false to skip a node's children.
func walk(n *xhtml.Node, f func(*xhtml.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// findAll returns the elements of the given kind under n, in document order.
func findAll(n *xhtml.Node, a atom.Atom) []*xhtml.Node {
	var out []*xhtml.Node
	walk(n, func(m *xhtml.Node) bool {
		if m.Type == xhtml.ElementNode && m.DataAtom == a {
			out = append(out, m)
		}
		return true
	})
	return out
}

// compareTable checks an HTML table cell by cell against the layouts table and the report: the grid has the
// layout's size, every layout cell is one HTML cell at its position covering exactly its span, labels are
// <th> with the template's text, data cells are <td> holding the report's value.
func compareTable(t *testing.T, name string, table *xhtml.Node, lt *layouts.Table, r *report.Report) {
	t.Helper()
	grid, err := expandGrid(table)
	if err != nil {
		t.Errorf("%s %s: %v", name, lt.Name, err)
		return
	}
	if len(grid) != len(lt.Rows) {
		t.Errorf("%s %s: %d grid rows, want %d", name, lt.Name, len(grid), len(lt.Rows))
		return
	}
	for i, row := range grid {
		if len(row) != lt.Cols {
			t.Errorf("%s %s: grid row %d has %d columns, want %d", name, lt.Name, i, len(row), lt.Cols)
			return
		}
	}
	for _, c := range lt.Cells {
		gc := grid[c.Row][c.Col]
		where := fmt.Sprintf("%s %s (%d,%d)", name, lt.Name, c.Row, c.Col)
		if gc == nil || gc.row != c.Row || gc.col != c.Col {
			t.Errorf("%s: no HTML cell starts here", where)
			continue
		}
		for i := c.Row; i < c.Row+c.RowSpan; i++ {
			for j := c.Col; j < c.Col+c.ColSpan; j++ {
				if grid[i][j] != gc {
					t.Errorf("%s: span %d×%d does not cover (%d,%d)", where, c.RowSpan, c.ColSpan, i, j)
				}
			}
		}
		if c.Key == "" {
			if gc.n.DataAtom != atom.Th || gc.text != c.Text {
				t.Errorf("%s: <%s> %q, want <th> %q", where, gc.n.Data, gc.text, c.Text)
			}
			continue
		}
		if gc.n.DataAtom != atom.Td {
			t.Errorf("%s: <%s>, want <td> for %s", where, gc.n.Data, c.Key)
		}
		want := r.CellText(c.Key)
		if v, ok := r.Value(c.Key); ok && c.Kind != layouts.Decimal {
			want = strconv.FormatInt(v, 10)
		}
		if gc.text != want {
			t.Errorf("%s %s: %q, want %q", where, c.Key, gc.text, want)
		}
	}
	// Every HTML cell is one of the layout's (no extra cells).
	cells := map[*xhtml.Node]bool{}
	for _, row := range grid {
		for _, gc := range row {
			cells[gc.n] = true
		}
	}
	if len(cells) != len(lt.Cells) {
		t.Errorf("%s %s: %d HTML cells, want %d", name, lt.Name, len(cells), len(lt.Cells))
	}
}

// whitelist is what UEditor's XSS filter keeps on table elements (publication-and-workflow.md §2.3);
// every other attribute of every element is stripped.
var whitelist = map[string]bool{"width": true, "rowspan": true, "colspan": true, "align": true, "valign": true, "class": true, "style": true}

// strip removes from every element the attributes keep does not allow.
func strip(doc *xhtml.Node, keep func(element, attr string) bool) {
	walk(doc, func(n *xhtml.Node) bool {
		if n.Type == xhtml.ElementNode {
			var kept []xhtml.Attribute
			for _, a := range n.Attr {
				if keep(n.Data, a.Key) {
					kept = append(kept, a)
				}
			}
			n.Attr = kept
		}
		return true
	})
}

// reparse renders a tree and parses it again, as a CMS stores and serves a filtered fragment.
func reparse(t *testing.T, doc *xhtml.Node) *xhtml.Node {
	t.Helper()
	var buf bytes.Buffer
	if err := xhtml.Render(&buf, doc); err != nil {
		t.Fatal(err)
	}
	out, err := xhtml.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// compareTables checks the three tables of a parsed page or fragment.
func compareTables(t *testing.T, name string, doc *xhtml.Node, r *report.Report) {
	t.Helper()
	tables := findAll(doc, atom.Table)
	t2, t3, t4 := r.Tables()
	if len(tables) != 3 {
		t.Fatalf("%s: %d tables, want 3", name, len(tables))
	}
	for i, lt := range []*layouts.Table{t2, t3, t4} {
		compareTable(t, name, tables[i], lt, r)
	}
}

// TestRoundTripTables parses the HTML of every example (page and fragment) with golang.org/x/net/html,
// expands rowspan/colspan into the grid and compares every cell with the report; then again after
// stripping every attribute a CMS editor's whitelist drops (id, scope, headers, border …), and once more
// with only rowspan/colspan left (a filter that drops styles too): the tables must still be right.
func TestRoundTripTables(t *testing.T) {
	reports := exampleReports(t)
	reports["sample-2019"] = sampleReport(t, layouts.F2019)
	reports["sample-2021"] = sampleReport(t, layouts.F2021)
	for name, r := range reports {
		for _, fragment := range []bool{false, true} {
			src := renderHTML(t, r, Options{Fragment: fragment})
			doc, err := xhtml.Parse(strings.NewReader(src))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			compareTables(t, name, doc, r)
			strip(doc, func(el, a string) bool { return whitelist[a] || (el == "table" && a == "border") })
			doc = reparse(t, doc)
			compareTables(t, name+" (whitelist)", doc, r)
			for _, cell := range append(findAll(doc, atom.Td), findAll(doc, atom.Th)...) {
				st, _ := attr(cell, "style")
				if !strings.Contains(st, "border:1px solid #000;") || !strings.Contains(st, "text-indent:0;") {
					t.Fatalf("%s (whitelist): cell %q lost its own borders or indent: %q", name, cellText(cell), st)
				}
			}
			strip(doc, func(_, a string) bool { return a == "rowspan" || a == "colspan" })
			compareTables(t, name+" (spans only)", reparse(t, doc), r)
		}
	}
}

// TestRoundTripText checks the narrative against the blocks the PDF prints: the headings, paragraphs
// (run-in lead and body), signature and date of the article are, in order and character for character,
// the text of render.Blocks.
func TestRoundTripText(t *testing.T) {
	for name, r := range exampleReports(t) {
		doc, err := xhtml.Parse(strings.NewReader(renderHTML(t, r, Options{Fragment: true})))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		walk(doc, func(n *xhtml.Node) bool {
			switch n.DataAtom {
			case atom.Table:
				got = append(got, "[table]")
				return false
			case atom.H1, atom.H2, atom.H3, atom.P:
				got = append(got, n.Data+" "+cellText(n))
				return false
			}
			return true
		})
		want := blockTexts(r)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: article text differs from the blocks\n got %q\nwant %q", name, got, want)
		}
	}
}
