package nianbao

import (
	"bytes"
	"fmt"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/render/docx"
	"github.com/nianbao/nianbao/render/html"
	"github.com/nianbao/nianbao/render/pdf"
	"github.com/nianbao/nianbao/report"
)

// RenderPDF renders an already loaded report to PDF bytes in memory, with the fonts Render would use
// (o.FontDir, o.FontFiles, the report's [fonts] table, o.NoSystemFonts). It does not run the checks: the
// caller decides, as `render --draft` does, whether to set o.Draft. Without o.Draft a character with no glyph
// is refused with ErrGlyphs; the missing characters are returned in both cases.
func RenderPDF(r *report.Report, o RenderOptions) ([]byte, []fonts.Missing, error) {
	set, err := fonts.Resolve(fontOptions(r, o))
	if err != nil {
		return nil, nil, err
	}
	set.Preload(r)
	missing := fonts.CheckReport(set, r)
	if len(missing) > 0 && !o.Draft {
		return nil, missing, ErrGlyphs
	}
	b, err := pdf.RenderBytes(r, pdf.Options{Fonts: set, Draft: o.Draft, Version: Version})
	if err != nil {
		return nil, missing, fmt.Errorf("PDF: %w", err)
	}
	return b, missing, nil
}

// RenderDOCX renders an already loaded report to DOCX bytes in memory (o.Draft and o.DocxGrid apply).
func RenderDOCX(r *report.Report, o RenderOptions) ([]byte, error) {
	var b bytes.Buffer
	if err := docx.Render(r, &b, docx.Options{Draft: o.Draft, Grid: o.DocxGrid, Version: Version}); err != nil {
		return nil, fmt.Errorf("DOCX: %w", err)
	}
	return b.Bytes(), nil
}

// RenderHTML renders an already loaded report to the HTML page (o.HTMLFragment: only its <article>) in
// memory; o.Draft puts the 草稿 mark at the top.
func RenderHTML(r *report.Report, o RenderOptions) ([]byte, error) {
	var b bytes.Buffer
	if err := html.Render(r, &b, html.Options{Fragment: o.HTMLFragment, Draft: o.Draft, Version: Version}); err != nil {
		return nil, fmt.Errorf("HTML: %w", err)
	}
	return b.Bytes(), nil
}
