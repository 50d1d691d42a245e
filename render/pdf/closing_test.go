package pdf

import (
	"math"
	"testing"
)

// Signature and date follow GB/T 9704-2012 7.3.5.3 (no seal): the signature 右空二字, the date's first
// character two characters right of the signature's; a date longer than that room is set 右空二字 and the
// signature moves left to stay two characters before it.
func TestSignatureAndDatePlacement(t *testing.T) {
	right := blockX + blockW - 2*charPitch
	for _, c := range []struct {
		sig, date string
		dateRight bool // the date, not the signature, ends 右空二字
	}{
		{"江州市人民政府办公室", "2024年1月26日", false},
		{"测试局", "2024年12月26日", true},
	} {
		r := handReport()
		r.Signature, r.Date = c.sig, c.date
		d, err := Layout(r, Options{Fonts: testFonts(t)})
		if err != nil {
			t.Fatal(err)
		}
		var sig, date *Line
		for pi := range d.Pages {
			for li := range d.Pages[pi].Lines {
				ln := &d.Pages[pi].Lines[li]
				switch ln.Part {
				case PartSignature:
					sig = ln
				case PartDate:
					date = ln
				}
			}
		}
		if sig == nil || date == nil {
			t.Fatalf("%s: signature or date missing", c.sig)
		}
		if math.Abs(date.X-(sig.X+2*charPitch)) > 0.01 {
			t.Errorf("%s: date starts %.2f pt right of the signature, want two characters (%.2f)", c.sig, date.X-sig.X, 2*charPitch)
		}
		edge := sig.X + sig.Width
		if c.dateRight {
			edge = date.X + date.Width
		}
		if math.Abs(edge-right) > 0.01 {
			t.Errorf("%s: right edge %.2f, want 右空二字 at %.2f", c.sig, edge, right)
		}
		if math.Abs(date.Y-sig.Y-linePitch) > 0.01 {
			t.Errorf("%s: date %.2f pt below the signature, want the next line", c.sig, date.Y-sig.Y)
		}
	}
}
