package html

import (
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// writeArticle writes the <article> holding the report: the blocks of render.Blocks in reading order,
// one element per line.
func writeArticle(b *builder, r *report.Report, o Options) {
	b.s(`<article lang="zh-CN" style="`, styleArticle, `">`, "\n")
	if o.Draft {
		b.s(`<p style="`, styleDraft, `">草稿</p>`, "\n")
	}
	closing := false // the first of signature and date keeps the blank line above
	for _, bl := range render.Blocks(r) {
		switch bl.Kind {
		case render.Title:
			element(b, "h1", styleTitle, bl.Text)
		case render.Heading1:
			element(b, "h2", styleH1, bl.Text)
		case render.Heading2:
			element(b, "h3", styleH2, bl.Text)
		case render.Paragraph:
			b.s(`<p style="`, stylePara, `">`)
			if bl.Lead != "" {
				b.s(`<strong style="`, styleLead, `">`)
				b.text(bl.Lead)
				b.s(`</strong>`)
			}
			b.text(bl.Text)
			b.s("</p>\n")
		case render.Table:
			if bl.Table != nil {
				writeTable(b, bl.Table, r)
			}
		case render.Signature, render.Date:
			style := styleDate
			if !closing {
				style, closing = styleSignature, true
			}
			element(b, "p", style, bl.Text)
		}
	}
	b.s("</article>\n")
}

// element writes <tag style="style">text</tag> on a line of its own.
func element(b *builder, tag, style, text string) {
	b.s("<", tag, ` style="`, style, `">`)
	b.text(text)
	b.s("</", tag, ">\n")
}
