package html

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// allReports returns the examples and the hand-built samples of both formats.
func allReports(t *testing.T) map[string]*report.Report {
	reports := exampleReports(t)
	reports["sample-2019"] = sampleReport(t, layouts.F2019)
	reports["sample-2021"] = sampleReport(t, layouts.F2021)
	return reports
}

// TestDeterministicAndFragment renders each report twice (same bytes), checks that the fragment is
// exactly the page's <article>, and that only a draft carries the 草稿 mark.
func TestDeterministicAndFragment(t *testing.T) {
	for name, r := range allReports(t) {
		page := renderHTML(t, r, Options{Version: "1.0"})
		if again := renderHTML(t, r, Options{Version: "1.0"}); again != page {
			t.Errorf("%s: two renderings differ", name)
		}
		frag := renderHTML(t, r, Options{Fragment: true})
		if !strings.HasPrefix(frag, "<article ") || !strings.HasSuffix(frag, "</article>\n") || !strings.Contains(page, frag) {
			t.Errorf("%s: the fragment is not the page's article", name)
		}
		if strings.Contains(page, ">草稿<") || !strings.Contains(renderHTML(t, r, Options{Fragment: true, Draft: true}), ">草稿</p>") {
			t.Errorf("%s: the 草稿 mark is not exactly in the draft", name)
		}
		if !strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">") ||
			!strings.Contains(page, "<title>"+r.Title+"</title>") || !strings.Contains(page, `content="nianbao 1.0"`) {
			t.Errorf("%s: page head wrong:\n%.400s", name, page)
		}
	}
}

// voidElements are the elements without an end tag that the output uses.
var voidElements = map[string]bool{"meta": true, "br": true}

// allowed lists every element the output may contain.
var allowed = map[string]bool{"html": true, "head": true, "meta": true, "title": true, "body": true, "article": true,
	"h1": true, "h2": true, "h3": true, "p": true, "strong": true, "div": true, "table": true, "caption": true,
	"tbody": true, "tr": true, "th": true, "td": true, "br": true}

// TestMarkupIsStrict checks the markup token by token: only the expected elements, every start tag closed
// in order (so that the parser never has to repair anything), no entity but &amp; &lt; &gt; &quot;, no
// class, no external resource (script, link, img, url(), src, href, @import), and nothing an editor
// would mangle: no <p> in a cell, no &nbsp; or U+00A0 in a table.
func TestMarkupIsStrict(t *testing.T) {
	for name, r := range allReports(t) {
		for _, fragment := range []bool{false, true} {
			src := renderHTML(t, r, Options{Fragment: fragment, Draft: true, Version: "1"})
			z := xhtml.NewTokenizer(strings.NewReader(src))
			var stack []string
			inCell := 0
		tokens:
			for {
				tt := z.Next()
				tok := z.Token()
				switch tt {
				case xhtml.ErrorToken:
					if z.Err() != io.EOF {
						t.Fatalf("%s: %v", name, z.Err())
					}
					break tokens
				case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
					if !allowed[tok.Data] {
						t.Errorf("%s: unexpected element <%s>", name, tok.Data)
					}
					for _, a := range tok.Attr {
						if a.Key == "class" || a.Key == "src" || a.Key == "href" || strings.Contains(a.Val, "url(") {
							t.Errorf("%s: <%s %s=%q>", name, tok.Data, a.Key, a.Val)
						}
					}
					if (tok.Data == "p" || tok.Data == "div") && inCell > 0 {
						t.Errorf("%s: <%s> inside a table cell", name, tok.Data)
					}
					if voidElements[tok.Data] {
						continue
					}
					if tok.Data == "td" || tok.Data == "th" {
						inCell++
					}
					stack = append(stack, tok.Data)
				case xhtml.EndTagToken:
					if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
						t.Fatalf("%s: </%s> closes %v", name, tok.Data, stack)
					}
					stack = stack[:len(stack)-1]
					if tok.Data == "td" || tok.Data == "th" {
						inCell--
					}
				case xhtml.TextToken:
					if inCell > 0 && strings.ContainsRune(tok.Data, '\u00a0') {
						t.Errorf("%s: no-break space in cell %q", name, tok.Data)
					}
				}
			}
			if len(stack) != 0 {
				t.Errorf("%s: unclosed %v", name, stack)
			}
			for _, bad := range []string{"&nbsp;", "&#", "<script", "<link", "<img", "<iframe", "<style", "@import", "http:", "https:", "<p></p>"} {
				if strings.Contains(src, bad) {
					t.Errorf("%s: output contains %q", name, bad)
				}
			}
			for _, e := range strings.Split(src, "&")[1:] {
				if !strings.HasPrefix(e, "amp;") && !strings.HasPrefix(e, "lt;") && !strings.HasPrefix(e, "gt;") && !strings.HasPrefix(e, "quot;") {
					t.Errorf("%s: entity &%.8s", name, e)
				}
			}
		}
	}
}

// TestEscaping checks that markup characters in the report's text arrive as text.
func TestEscaping(t *testing.T) {
	r := sampleReport(t, layouts.F2021)
	src := renderHTML(t, r, Options{})
	if strings.Contains(src, "<script>") || strings.Contains(src, "<b>") {
		t.Fatal("markup in the text was not escaped")
	}
	doc, err := xhtml.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	ps := findAll(doc, atom.P)
	if len(ps) == 0 || cellText(ps[0]) != r.Preamble[0] {
		t.Errorf("preamble reads %q, want %q", cellText(ps[0]), r.Preamble[0])
	}
}

// TestCellStylesAndAccessibility checks every cell: inline borders, text-indent:0, vertical centring;
// labels are <th> with a unique id and a scope, data cells <td> whose headers name existing header
// cells of the same table, and the table 三 data cell of （三）不予公开 1.属于国家秘密 / 商业企业 is
// described by all five of its headers.
func TestCellStylesAndAccessibility(t *testing.T) {
	for name, r := range allReports(t) {
		doc, err := xhtml.Parse(strings.NewReader(renderHTML(t, r, Options{})))
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]string{}
		for _, table := range findAll(doc, atom.Table) {
			if st, _ := attr(table, "style"); !strings.Contains(st, "border-collapse:collapse;") {
				t.Errorf("%s: table style %q", name, st)
			}
			if caps := findAll(table, atom.Caption); len(caps) != 1 || !strings.HasPrefix(cellText(caps[0]), "表") {
				t.Errorf("%s: table without its caption", name)
			}
			for _, th := range findAll(table, atom.Th) {
				id, _ := attr(th, "id")
				scope, _ := attr(th, "scope")
				if _, dup := ids[id]; dup || id == "" || (scope != "col" && scope != "row") {
					t.Errorf("%s: th %q id %q scope %q", name, cellText(th), id, scope)
				}
				ids[id] = cellText(th)
			}
			for _, cell := range append(findAll(table, atom.Th), findAll(table, atom.Td)...) {
				st, _ := attr(cell, "style")
				for _, want := range []string{"border:1px solid #000;", "text-indent:0;", "vertical-align:middle;", "text-align:"} {
					if !strings.Contains(st, want) {
						t.Errorf("%s: cell %q style lacks %q", name, cellText(cell), want)
					}
				}
			}
			for _, td := range findAll(table, atom.Td) {
				hs, _ := attr(td, "headers")
				if hs == "" {
					t.Errorf("%s: td %q without headers", name, cellText(td))
				}
				for _, h := range strings.Fields(hs) {
					if _, ok := ids[h]; !ok {
						t.Errorf("%s: td %q names unknown header %q", name, cellText(td), h)
					}
				}
			}
		}
		if r.Format != layouts.F2021 {
			continue
		}
		// Row r3_1 (grid row 7), column 商业企业 (grid column 4).
		var got []string
		for _, td := range findAll(doc, atom.Td) {
			if hs, _ := attr(td, "headers"); strings.Contains(hs, "nb-t3-r7c2") {
				for _, h := range strings.Fields(hs) {
					got = append(got, ids[h])
				}
				break
			}
		}
		want := []string{"申请人情况", "自然人", "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: headers of the first r3_1 cell %q, want %q", name, got, want)
		}
	}
}

// TestTable3Spans checks the spans of table 三 in the markup: the 3-row header and the row spans of
// 三、本年度办理结果 and the categories, 22/8/3/5/3 in the 2021 format and 20/8/3/5 in 2019, and the
// column spans of the row labels.
func TestTable3Spans(t *testing.T) {
	for f, want := range map[layouts.Format][]string{
		layouts.F2021: {"3x3", "1x7", "2x1", "1x5", "2x1", "1x3", "1x3", "22x1", "1x2", "1x2", "8x1", "3x1", "5x1", "3x1", "1x2", "1x3"},
		layouts.F2019: {"3x3", "1x7", "2x1", "1x5", "2x1", "1x3", "1x3", "20x1", "1x2", "1x2", "8x1", "3x1", "5x1", "1x2", "1x2", "1x3"},
	} {
		doc, err := xhtml.Parse(strings.NewReader(renderHTML(t, sampleReport(t, f), Options{})))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, th := range findAll(findAll(doc, atom.Table)[1], atom.Th) {
			rs, cs := spanAttr(th, "rowspan"), spanAttr(th, "colspan")
			if rs > 1 || cs > 1 {
				got = append(got, strconv.Itoa(rs)+"x"+strconv.Itoa(cs))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: spans %v, want %v", f, got, want)
		}
	}
}
