package pdf

import (
	"fmt"
	"math"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// bigCounts fills every count of tables 三 and 四 with a nine-digit number (the totals then reach ten digits).
func bigCounts(r *report.Report) {
	for id, v := range r.T3 {
		for i := range v {
			v[i] = 999999999 - int64(i)
		}
		r.T3[id] = v
	}
	for b := range r.T4 {
		for k := range r.T4[b] {
			r.T4[b][k] = 987654321
		}
	}
	for k := range r.T2 {
		r.T2[k] = "123456789"
	}
}

// Numbers in table cells are never split: each value cell holds one line with the whole number, set at
// 8 pt or more, inside its cell; the grids of 三 and 四 still sum to the block width.
func TestTableNumbersNeverSplit(t *testing.T) {
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		r := handReport()
		r.Format = f
		bigCounts(r)
		d, err := Layout(r, Options{Fonts: testFonts(t)})
		if err != nil {
			t.Fatal(err)
		}
		l := &layouter{r: r, fs: newFaceSet(testFonts(t))}
		t2, t3, t4 := r.Tables()
		for _, tab := range []*layouts.Table{t2, t3, t4} {
			tl := l.measureTable(tab)
			right := 0.0
			for _, cl := range tl.cells {
				right = max(right, cl.x+cl.w)
			}
			if math.Abs(right-(blockX+blockW)) > 0.01 {
				t.Errorf("%s %s: grid ends at %.2f, want the block edge %.2f", f, tab.ID, right, blockX+blockW)
			}
			lines := map[[2]int][]Line{}
			for _, p := range d.Pages {
				for _, ln := range p.Lines {
					if ln.Table == tab.ID && ln.Part == PartTableCell {
						lines[[2]int{ln.Row, ln.Col}] = append(lines[[2]int{ln.Row, ln.Col}], ln)
					}
				}
			}
			checked := 0
			for _, cl := range tl.cells {
				text := r.CellText(cl.c.Key)
				if cl.c.Key == "" || !isNumber(text) {
					continue
				}
				lns := lines[[2]int{cl.c.Row, cl.c.Col}]
				where := fmt.Sprintf("%s %s row %d col %d", f, tab.ID, cl.c.Row, cl.c.Col)
				if len(lns) == 0 {
					continue // a row on a page the display list split elsewhere is checked there
				}
				checked++
				if len(lns) != 1 || lns[0].String() != text {
					t.Errorf("%s: %q set as %d lines %v", where, text, len(lns), lns)
					continue
				}
				ln := lns[0]
				if ln.Size < minNumberSize {
					t.Errorf("%s: number at %.2f pt, want ≥ %v", where, ln.Size, minNumberSize)
				}
				if ln.X < cl.x+cellPadX/2 || ln.X+ln.Width > cl.x+cl.w-cellPadX/2 {
					t.Errorf("%s: %q spans %.2f–%.2f, cell %.2f–%.2f", where, text, ln.X, ln.X+ln.Width, cl.x, cl.x+cl.w)
				}
			}
			if checked == 0 {
				t.Errorf("%s %s: no number cell checked", f, tab.ID)
			}
		}
	}
}
