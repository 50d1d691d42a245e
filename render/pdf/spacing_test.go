package pdf

import (
	"math"
	"testing"
)

// A heading between two tables sits at least as far from the table above as from its own table below.
func TestHeadingSpaceAboveAtLeastBelow(t *testing.T) {
	checked := 0
	for _, f := range exampleFiles(t) {
		r := loadExample(t, f)
		d, err := Layout(r, Options{Fonts: testFonts(t)})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Pages {
			for _, ln := range p.Lines {
				if ln.Part != PartHeading1 {
					continue
				}
				top, bottom := ln.Y-ascent*ln.Size, ln.Y+(1-ascent)*ln.Size
				above, below := math.Inf(1), math.Inf(1)
				for _, rl := range p.Rules {
					if rl.Y1 != rl.Y2 {
						continue
					}
					if rl.Y1 <= top {
						above = min(above, top-rl.Y1)
					} else if rl.Y1 >= bottom {
						below = min(below, rl.Y1-bottom)
					}
				}
				if math.IsInf(above, 1) || math.IsInf(below, 1) {
					continue
				}
				checked++
				if above < below-0.01 {
					t.Errorf("%s p%d: %q is %.1f pt below the table above, %.1f pt above its own", f, p.Number, ln.String(), above, below)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no heading between two tables found")
	}
}
