// Package html writes the report as HTML: the 文字版 published in the 政府信息公开年报 column of a
// government portal. The <article> element holds the whole report (title, preamble, the six sections,
// the three tables, signature and date) and is paste-ready on its own for the source view of a CMS editor
// (UEditor-type editors, TRS, 新点, 大汉): every style is inline on the element it affects, tables are built
// only from table/tbody/tr/th/td with rowspan/colspan taken from layouts, header and row-label cells are
// <th>, numbers are plain text, and the attributes those editors strip (id, scope, headers) and the
// <caption> are extras whose loss changes nothing visible. The full page wraps the same article in a
// minimal self-contained document: no scripts, no style sheets, no fonts, no images.
//
// It reads the same render.Blocks as the PDF and DOCX renderers, so the text (cleaned, placeholders
// expanded), the numbering and the table grids agree between the three outputs. The output is
// deterministic: the same report gives the same bytes.
package html

import (
	"errors"
	"fmt"
	"io"

	"github.com/nianbao/nianbao/report"
)

// Options adjust the HTML output.
type Options struct {
	// Fragment writes only the <article> element (for pasting into a CMS editor's source view) instead of
	// a complete page.
	Fragment bool
	// Draft puts a visible 草稿 mark at the top of the article.
	Draft bool
	// Version is the program version, written to the page's generator meta tag as "nianbao <Version>"
	// (not into the fragment).
	Version string
}

// Render writes r as HTML to w: a complete UTF-8 page, or only its <article> when o.Fragment is set.
func Render(r *report.Report, w io.Writer, o Options) error {
	if r == nil {
		return errors.New("html: no report to render (nil *report.Report)")
	}
	if !r.Format.Valid() {
		return fmt.Errorf("%s: 报告格式 %q 无效，应为 \"2019\" 或 \"2021\"", where(r), r.Format)
	}
	var b builder
	b.Grow(96 << 10) // a report is about 60 KB of HTML
	if o.Fragment {
		writeArticle(&b, r, o)
	} else {
		writePage(&b, r, o)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writePage writes the complete document around the article.
func writePage(b *builder, r *report.Report, o Options) {
	b.s("<!DOCTYPE html>\n", `<html lang="zh-CN">`, "\n<head>\n", `<meta charset="utf-8">`, "\n",
		`<meta name="viewport" content="width=device-width, initial-scale=1">`, "\n")
	if o.Version != "" {
		b.s(`<meta name="generator" content="nianbao `)
		b.attr(o.Version)
		b.s(`">`, "\n")
	}
	b.s("<title>")
	b.text(r.Title)
	b.s("</title>\n</head>\n", `<body style="`, styleBody, `">`, "\n")
	writeArticle(b, r, o)
	b.s("</body>\n</html>\n")
}

// where names the report in messages: its file, else its title.
func where(r *report.Report) string {
	if r.File != "" {
		return r.File
	}
	if r.Title != "" {
		return r.Title
	}
	return "报告"
}
