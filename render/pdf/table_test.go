package pdf

import (
	"testing"

	"github.com/nianbao/nianbao/layouts"
)

// TestCarryStretch measures table 三 and checks the cost the page-break choice weighs: cutting just
// before （七）总计 leaves one row for the repeated 三、本年度办理结果 label, which must stretch; cutting
// between the groups （四） and （五） leaves seven rows, which hold it.
func TestCarryStretch(t *testing.T) {
	r := handReport()
	r.Format = layouts.F2019
	l := &layouter{r: r, fs: newFaceSet(testFonts(t)), widths: map[measureKey]float64{}}
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
