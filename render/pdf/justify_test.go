package pdf

import (
	"math"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/nianbao/nianbao/fonts"
)

// pitchStats measures the justified body lines of a document: the worst deviation of the step between
// two adjacent ideographs from the grid pitch (as a fraction), how far an ideograph sits off the
// 28-column grid at worst on lines of Chinese text alone (pt), and the widest step between two adjacent digits or Latin letters beyond
// their natural advance (pt: letter-spacing inside a number or word).
func pitchStats(d *Document, fs *faceSet) (pitchDev, offGrid, wordSpread float64, worst string) {
	for _, p := range d.Pages {
		for _, ln := range p.Lines {
			if ln.Part != PartBody || !ln.Full {
				continue
			}
			for i := 0; i+1 < len(ln.Runes); i++ {
				a, b := ln.Runes[i], ln.Runes[i+1]
				step := ln.Xs[i+1] - ln.Xs[i]
				if unicode.Is(unicode.Han, a) && unicode.Is(unicode.Han, b) {
					if dev := math.Abs(step/charPitch - 1); dev > pitchDev {
						pitchDev, worst = dev, ln.String()
					}
				}
				if isWordRune(a) && isWordRune(b) {
					role, g := fs.pick(fonts.Body, a)
					nat := fs.advance(role, g, ln.Size) * charPitch / ln.Size
					wordSpread = max(wordSpread, step-nat)
				}
			}
			latin := false
			for _, r := range ln.Runes {
				latin = latin || isWordRune(r)
			}
			for i, r := range ln.Runes {
				if !latin && unicode.Is(unicode.Han, r) { // digits and Latin move the grid by half cells
					k := (ln.Xs[i] - blockX) / charPitch
					offGrid = max(offGrid, math.Abs(k-math.Round(k))*charPitch)
				}
			}
		}
	}
	return
}

// Justification keeps numbers and Latin intact and characters near the grid: on every example and the
// stress input, no space opens between two digits or letters, and the worst pitch deviation of full lines
// is reported (closing note of issue #15) and bounded.
func TestJustificationKeepsGrid(t *testing.T) {
	files := append(exampleFiles(t), filepath.Join("testdata", "stress.toml"))
	for _, f := range files {
		r := loadExample(t, f)
		d, err := Layout(r, Options{Fonts: testFonts(t)})
		if err != nil {
			t.Fatal(err)
		}
		dev, off, spread, worst := pitchStats(d, newFaceSet(testFonts(t)))
		t.Logf("%s: worst pitch deviation %+.1f %% (%q), worst ideograph %.2f pt off the grid, digits/Latin spread %.2f pt",
			filepath.Base(f), 100*dev, worst, off, spread)
		if spread > 0.01 {
			t.Errorf("%s: %.2f pt of justification space inside a number or Latin word", f, spread)
		}
		if dev > 0.25 {
			t.Errorf("%s: pitch deviates %.0f %% on %q", f, 100*dev, worst)
		}
	}
}
