package pdf

import (
	"bytes"
	"testing"
)

const seedExample = "../../examples/yichuan-chengguanju-2020.toml"

// BenchmarkLayoutSeed lays out the seed report (fonts already loaded).
func BenchmarkLayoutSeed(b *testing.B) {
	r := loadExample(b, seedExample)
	o := Options{Fonts: testFonts(b)}
	if _, err := Layout(r, o); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Layout(r, o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderSeed renders the seed report to PDF in-process (layout, font embedding and subsetting,
// output); the budget is 15 ms on a 2-core machine and 200 KB of PDF.
func BenchmarkRenderSeed(b *testing.B) {
	r := loadExample(b, seedExample)
	o := Options{Fonts: testFonts(b)}
	var buf bytes.Buffer
	if err := Render(r, &buf, o); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := Render(r, &buf, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/pdf")
}
