package pdf

import (
	"bytes"
	"testing"

	"github.com/nianbao/nianbao/fonts"
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

// BenchmarkWriteFloor writes one page holding one glyph in each font role: the fixed cost of embedding
// six faces (subsetting, compression, the PDF objects), which bounds BenchmarkRenderSeed from below.
func BenchmarkWriteFloor(b *testing.B) {
	d, err := Layout(handReport(), Options{Fonts: testFonts(b)})
	if err != nil {
		b.Fatal(err)
	}
	var texts []Text
	seen := map[fonts.Role]bool{}
	for _, p := range d.Pages {
		for _, tx := range p.Texts {
			if !seen[tx.Role] {
				seen[tx.Role] = true
				tx.Text = string([]rune(tx.Text)[:1])
				texts = append(texts, tx)
			}
		}
	}
	if len(seen) != len(fonts.Roles) {
		b.Fatalf("%d roles used, want %d", len(seen), len(fonts.Roles))
	}
	d.Pages = []Page{{Number: 1, Texts: texts}}
	var buf bytes.Buffer
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := d.Write(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
