package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
)

// node is a generic XML element for inspecting the produced parts.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []*node    `xml:",any"`
	Text    string     `xml:",chardata"`
}

// attr returns the value of the attribute with the given local name.
func (n *node) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// all returns the descendants (and n itself) with the given local name, in document order.
func (n *node) all(local string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		if m.XMLName.Local == local {
			out = append(out, m)
		}
		for _, c := range m.Nodes {
			walk(c)
		}
	}
	walk(n)
	return out
}

// first returns the first descendant with the given local name, or nil.
func (n *node) first(local string) *node {
	if all := n.all(local); len(all) > 0 {
		return all[0]
	}
	return nil
}

// kids returns the direct children with the given local name.
func (n *node) kids(local string) []*node {
	var out []*node
	for _, c := range n.Nodes {
		if c.XMLName.Local == local {
			out = append(out, c)
		}
	}
	return out
}

// text returns the concatenated w:t text below n.
func (n *node) text() string {
	var b strings.Builder
	for _, t := range n.all("t") {
		b.WriteString(t.Text)
	}
	return b.String()
}

// intAttr returns an attribute as an integer (0 when absent).
func (n *node) intAttr(local string) int {
	v, _ := strconv.Atoi(n.attr(local))
	return v
}

// pkg is an unpacked DOCX: its entry names in order and their contents.
type pkg struct {
	names []string
	files map[string][]byte
	zr    *zip.Reader
}

// unpack reads a DOCX produced by Render.
func unpack(t testing.TB, data []byte) *pkg {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("output is not a zip file: %v", err)
	}
	p := &pkg{files: map[string][]byte{}, zr: zr}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		p.names = append(p.names, f.Name)
		p.files[f.Name] = b
	}
	return p
}

// parse parses one part as XML.
func (p *pkg) parse(t testing.TB, name string) *node {
	t.Helper()
	b, ok := p.files[name]
	if !ok {
		t.Fatalf("part %s is missing (have %v)", name, p.names)
	}
	var n node
	if err := xml.Unmarshal(b, &n); err != nil {
		t.Fatalf("part %s is not well-formed XML: %v", name, err)
	}
	return &n
}

// gridCell is a merged cell reconstructed from a Word table.
type gridCell struct {
	row, col, rowSpan, colSpan int
	text                       string
	tc                         *node
}

// readGrid reconstructs the merged cells of a w:tbl from gridSpan and vMerge, the way a reader does.
func readGrid(t testing.TB, tbl *node) (cells []*gridCell, rows []*node) {
	t.Helper()
	open := map[int]*gridCell{} // column → cell whose vMerge may continue
	for ri, tr := range tbl.kids("tr") {
		rows = append(rows, tr)
		col := 0
		for _, tc := range tr.kids("tc") {
			span := 1
			var vm *node
			if pr := tc.first("tcPr"); pr != nil {
				if gs := pr.first("gridSpan"); gs != nil {
					span = gs.intAttr("val")
				}
				vm = pr.first("vMerge")
			}
			if vm != nil && vm.attr("val") != "restart" {
				c := open[col]
				if c == nil || c.colSpan != span || c.row+c.rowSpan != ri {
					t.Fatalf("row %d col %d: vMerge continue without a matching cell above", ri, col)
				}
				c.rowSpan++
			} else {
				c := &gridCell{row: ri, col: col, rowSpan: 1, colSpan: span, text: tc.text(), tc: tc}
				cells = append(cells, c)
				if vm != nil {
					open[col] = c
				} else {
					delete(open, col)
				}
			}
			col += span
		}
	}
	return cells, rows
}
