package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/report"
)

// A long chain of empty sub-sections fills pages: keep-with-next never gives each heading a page of its
// own (issue #10 item 3). A chain longer than a page must break after some heading; it breaks only where
// the page is full.
func TestHeadingChainFillsPages(t *testing.T) {
	r := handReport()
	const n = 3000 // past the loader's limit: the library must cope too
	r.Overview.Sections = nil
	for i := range n {
		r.Overview.Sections = append(r.Overview.Sections, report.SubSection{Title: fmt.Sprintf("小节%d", i)})
	}
	d, err := Layout(r, Options{Fonts: testFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	headings := 0
	for _, p := range d.Pages {
		for _, ln := range p.Lines {
			if ln.Part == PartHeading2 {
				headings++
			}
		}
	}
	if headings != n {
		t.Fatalf("%d sub-section headings laid, want %d", headings, n)
	}
	// n one-line headings need n/22 pages; the rest of the report (tables included) a handful more.
	if max := n/22 + 15; len(d.Pages) > max {
		t.Fatalf("%d pages for %d one-line headings, want at most %d", len(d.Pages), n, max)
	}
	for _, p := range d.Pages[:len(d.Pages)-1] {
		n := 0
		for _, ln := range p.Lines {
			if ln.Part == PartHeading2 {
				n++
			}
		}
		if n > 0 && n < page.LinesPerPage-1 && p.Number < len(d.Pages)-5 {
			t.Errorf("p%d holds only %d headings of the chain", p.Number, n)
		}
	}
}

// A chain of headings shorter than a page stays together with the first line of what follows, wherever
// the page would have broken inside it.
func TestShortHeadingChainKeptTogether(t *testing.T) {
	for extra := range 22 {
		r := handReport()
		r.Overview.Paragraphs = []string{strings.Repeat("正文", 14*extra+13)}
		r.Overview.Sections = nil
		for i := range 15 {
			r.Overview.Sections = append(r.Overview.Sections, report.SubSection{Title: fmt.Sprintf("小节%d", i)})
		}
		r.Overview.Sections[14].Paragraphs = []string{"最后一个小节的正文。"}
		d, err := Layout(r, Options{Fonts: testFonts(t)})
		if err != nil {
			t.Fatal(err)
		}
		checkKeeps(t, fmt.Sprintf("chain after %d lines", extra+1), d)
		pages := map[int]bool{}
		for _, p := range d.Pages {
			for _, ln := range p.Lines {
				if ln.Part == PartHeading2 {
					pages[p.Number] = true
				}
			}
		}
		if len(pages) != 1 {
			t.Errorf("after %d lines: the 15 headings spread over pages %v", extra+1, pages)
		}
	}
}
