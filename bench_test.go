package nianbao

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/internal/batchgen"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/render/pdf"
	"github.com/nianbao/nianbao/report"
)

// BenchmarkRenderFiles renders every example to PDF and DOCX through the library pipeline (load, checks,
// fonts, both renderers, safe writes), bundled fonts only.
func BenchmarkRenderFiles(b *testing.B) {
	files, _ := filepath.Glob("examples/*.toml")
	dir := b.TempDir()
	for b.Loop() {
		for _, f := range files {
			if _, err := Render(f, RenderOptions{OutDir: dir, NoSystemFonts: true}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkGrowth renders the seed report to PDF in-process with its narrative multiplied 1×, 10× and 50×
// and reports the time per page (ms/page), the pages and the distinct characters (chars). The added prose
// (internal/batchgen) is drawn from the 3 755 level-1 hanzi, so the glyph set grows with the length too, and
// then (the -same rows) from the seed's own hanzi only, so it does not: there the time per page must not rise
// with the length; with new glyphs it grows by the cost of each glyph embedded (subset and compressed once).
func BenchmarkGrowth(b *testing.B) {
	seed := "examples/yichuan-chengguanju-2020.toml"
	src, err := os.ReadFile(seed)
	if err != nil {
		b.Fatal(err)
	}
	r0, err := report.Parse(seed, src)
	if err != nil {
		b.Fatal(err)
	}
	narrative := 0
	var own []rune
	seen := map[rune]bool{}
	for _, bl := range render.Blocks(r0) {
		if bl.Kind == render.Paragraph {
			narrative += utf8.RuneCountInString(bl.Text)
			for _, c := range bl.Text {
				if c >= 0x4E00 && c <= 0x9FFF && !seen[c] {
					seen[c] = true
					own = append(own, c)
				}
			}
		}
	}
	for _, c := range []struct {
		name string
		k    int
		pool []rune
	}{{"1x", 1, nil}, {"10x", 10, nil}, {"50x", 50, nil}, {"10x-same", 10, own}, {"50x-same", 50, own}} {
		b.Run(c.name, func(b *testing.B) {
			text, err := batchgen.VariantFrom(string(src), "伊川县城市管理局", 1, (c.k-1)*narrative, c.pool)
			if err != nil {
				b.Fatal(err)
			}
			r, err := report.Parse(seed, []byte(text))
			if err != nil {
				b.Fatal(err)
			}
			set, err := fonts.Resolve(fonts.Options{NoSystem: true})
			if err != nil {
				b.Fatal(err)
			}
			o := pdf.Options{Fonts: set, Version: Version}
			d, err := pdf.Layout(r, o)
			if err != nil {
				b.Fatal(err)
			}
			chars := map[rune]bool{}
			for _, bl := range render.Blocks(r) {
				for _, c := range bl.Text {
					chars[c] = true
				}
			}
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := pdf.Render(r, &buf, o); err != nil {
					b.Fatal(err)
				}
			}
			pages := float64(len(d.Pages))
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/pages, "ms/page")
			b.ReportMetric(pages, "pages")
			b.ReportMetric(float64(len(chars)), "chars")
		})
	}
}

// BenchmarkPhases times the phases of one render of the seed report in-process (fonts already loaded by an
// earlier render, as in a batch): load (TOML → report), check (every rule), glyphs (font set and glyph check),
// layout, pdf (subsetting, deflate, PDF objects: Render minus Layout) and docx, each as a metric in ms.
func BenchmarkPhases(b *testing.B) {
	seed := "examples/yichuan-chengguanju-2020.toml"
	o := RenderOptions{NoSystemFonts: true}
	var load, check, glyphs, layout, write, docxT time.Duration
	for b.Loop() {
		t0 := time.Now()
		r, _, err := LoadAny(seed)
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		report.Check(r)
		t2 := time.Now()
		set, err := fonts.Resolve(fontOptions(r, o))
		if err != nil {
			b.Fatal(err)
		}
		set.Preload(r)
		fonts.CheckReport(set, r)
		t3 := time.Now()
		po := pdf.Options{Fonts: set, Version: Version}
		if _, err := pdf.Layout(r, po); err != nil {
			b.Fatal(err)
		}
		t4 := time.Now()
		var buf bytes.Buffer
		if err := pdf.Render(r, &buf, po); err != nil {
			b.Fatal(err)
		}
		t5 := time.Now()
		if _, err := RenderDOCX(r, o); err != nil {
			b.Fatal(err)
		}
		t6 := time.Now()
		load += t1.Sub(t0)
		check += t2.Sub(t1)
		glyphs += t3.Sub(t2)
		layout += t4.Sub(t3)
		write += t5.Sub(t4) - t4.Sub(t3)
		docxT += t6.Sub(t5)
	}
	for _, m := range []struct {
		d    time.Duration
		name string
	}{{load, "load-ms"}, {check, "check-ms"}, {glyphs, "glyphs-ms"}, {layout, "layout-ms"}, {write, "pdf-ms"}, {docxT, "docx-ms"}} {
		b.ReportMetric(float64(m.d.Microseconds())/1000/float64(b.N), m.name)
	}
}
