package importer

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/nianbao/nianbao/render/html"
	"github.com/nianbao/nianbao/report"
)

// TestOwnHTMLRoundTrip renders every example with render/html (the page and the paste-ready fragment)
// and imports it back: the tables must be equal cell for cell, the narrative text exactly equal, with no
// warning.
func TestOwnHTMLRoundTrip(t *testing.T) {
	files, err := filepath.Glob("../examples/*.toml")
	if err != nil || len(files) < 3 {
		t.Fatalf("examples: %v (%d)", err, len(files))
	}
	for _, name := range files {
		want, err := report.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, variant := range []int{0, 1, 2} {
			fragment := variant > 0
			var page bytes.Buffer
			if err := html.Render(want, &page, html.Options{Fragment: fragment}); err != nil {
				t.Fatal(err)
			}
			data := page.Bytes()
			if variant == 2 {
				data = stripToWhitelist(t, data)
			}
			res, err := HTML(data, "", Options{Name: name})
			if err != nil {
				t.Fatalf("%s fragment=%v: %v", name, fragment, err)
			}
			for _, w := range res.Warnings {
				t.Errorf("%s variant %d: warning: %s", name, variant, w.Msg)
			}
			got := res.Report
			sameTables(t, got, want)
			for _, c := range []struct {
				what      string
				got, want any
			}{
				{"agency", got.Agency, want.Agency}, {"year", got.Year, want.Year}, {"title", got.Title, want.Title},
				{"preamble", got.Preamble, want.Preamble}, {"signature", got.Signature, want.Signature},
				{"date", got.Date, want.Date}, {"amount_note", got.AmountNote, want.AmountNote},
				{"overview", got.Overview, want.Overview}, {"problems", got.Problems, want.Problems},
				{"other", got.Other, want.Other},
			} {
				if !reflect.DeepEqual(c.got, c.want) {
					t.Errorf("%s fragment=%v: %s\n got %+v\nwant %+v", name, fragment, c.what, c.got, c.want)
				}
			}
		}
	}
}

// stripToWhitelist keeps only the attributes a UEditor-type editor lets through on tables (width, rowspan,
// colspan, align, valign, class, style) and drops <caption>, as a CMS with its XSS filter on would.
func stripToWhitelist(t *testing.T, data []byte) []byte {
	t.Helper()
	nodes, err := xhtml.ParseFragment(bytes.NewReader(data), &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{"width": true, "rowspan": true, "colspan": true, "align": true, "valign": true, "class": true, "style": true}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		var attrs []xhtml.Attribute
		for _, a := range n.Attr {
			if keep[a.Key] {
				attrs = append(attrs, a)
			}
		}
		n.Attr = attrs
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == xhtml.ElementNode && c.Data == "caption" {
				n.RemoveChild(c)
			} else {
				walk(c)
			}
			c = next
		}
	}
	var out strings.Builder
	for _, n := range nodes {
		walk(n)
		if err := xhtml.Render(&out, n); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Contains(out.String(), "scope=") || strings.Contains(out.String(), "<caption") {
		t.Fatal("stripping left scope or caption")
	}
	return []byte(out.String())
}
