package pdf

import (
	"strings"
	"testing"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
)

// TestCarryStretch measures table 三 and checks the cost the page-break choice weighs: cutting just
// before （七）总计 leaves one row for the repeated 三、本年度办理结果 label, which must stretch; cutting
// between the groups （四） and （五） leaves seven rows, which hold it.
func TestCarryStretch(t *testing.T) {
	r := handReport()
	r.Format = layouts.F2019
	l := &layouter{r: r, fs: newFaceSet(testFonts(t))}
	tl := l.measureTable(layouts.Table3(layouts.F2019))
	row := map[string]int{}
	for i, rw := range tl.t.Rows {
		row[rw.ID] = i
	}
	if s := tl.carryStretch(row["r6"]); s < tl.size {
		t.Errorf("break before （七）总计: stretch %.1f pt, want the vertical label to need room", s)
	}
	if s := tl.carryStretch(row["r4_3"]); s != 0 {
		t.Errorf("break after （四）: stretch %.1f pt, want 0", s)
	}
	if s := tl.carryStretch(row["carry"]); s != 0 {
		t.Errorf("break after the last row: stretch %.1f pt, want 0", s)
	}
	// With the page ending just below （五）5., the choice moves rows to the next page rather than
	// stretch two rows to hold the repeated label.
	gi := 0
	n := 0
	for i, g := range tl.groups {
		if g[1] == row["r5_5"] {
			n = i + 1
		}
	}
	if got := tl.bestBreak(gi, n, 0); got >= n {
		t.Errorf("bestBreak kept all %d groups, want an earlier break", n)
	}
}

// tableLines returns the lines of table id in the document with the pages they are on.
func tableLines(d *Document, id string) (lines []Line, pages map[int]bool) {
	pages = map[int]bool{}
	for _, p := range d.Pages {
		for _, ln := range p.Lines {
			if ln.Table == id {
				lines = append(lines, ln)
				pages[p.Number] = true
			}
		}
	}
	return lines, pages
}

// The seed's table 三 fits one page (compact rows); its wrapped row labels are flush left and never
// letter-spaced; "采购总金额（单位：万元，保留4位小数）" breaks before "（".
func TestSeedTablesCompact(t *testing.T) {
	r := loadExample(t, "../../examples/yichuan-chengguanju-2020.toml")
	d, err := Layout(r, Options{Fonts: testFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	lines, pages := tableLines(d, "t3")
	if len(pages) != 1 {
		t.Errorf("the seed's table 三 spans pages %v, want one page", pages)
	}
	fs := newFaceSet(testFonts(t))
	labels := 0
	for _, ln := range lines {
		if ln.Part != PartTableCell || ln.Col > 2 || len(ln.Runes) < 2 || ln.Row < 3 {
			continue
		}
		labels++
		for i := 0; i+1 < len(ln.Runes); i++ {
			role, g := fs.pick(fonts.Song, ln.Runes[i])
			nat := fs.advance(role, g, ln.Size)
			if step := ln.Xs[i+1] - ln.Xs[i]; step > nat+0.01 {
				t.Errorf("label line %q spaced out after %q: step %.2f, natural %.2f", ln.String(), ln.Runes[i], step, nat)
				break
			}
		}
	}
	if labels == 0 {
		t.Fatal("no label lines of table 三 found")
	}
	t2, _ := tableLines(d, "t2")
	var amount []string
	for _, ln := range t2 {
		if strings.HasPrefix(ln.String(), "采购总金额") || strings.HasPrefix(ln.String(), "（单位") {
			amount = append(amount, ln.String())
		}
	}
	if len(amount) < 2 || amount[0] != "采购总金额" || !strings.HasPrefix(amount[1], "（") {
		t.Errorf("采购总金额 label set as %q, want a break before （", amount)
	}
}
