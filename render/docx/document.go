package docx

import (
	"math"
	"strings"

	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// rprLead is the only run property the body writes: the character style of a run-in lead (段首标题).
// Every other run carries no run properties, so fonts and sizes come from the paragraph styles and
// follow them when a user changes a style.
const rprLead = `<w:rPr><w:rStyle w:val="` + styleLead + `"/></w:rPr>`

// writeRun writes text as one run with the given run properties ("" for none); a newline becomes a line
// break and a tab a tab.
func writeRun(b *xb, rpr, text string) {
	if text == "" {
		return
	}
	b.S(`<w:r>`, rpr)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.S(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.S(`<w:tab/>`)
			}
			if part == "" {
				continue
			}
			b.S(`<w:t xml:space="preserve">`)
			b.Esc(part)
			b.S(`</w:t>`)
		}
	}
	b.S(`</w:r>`)
}

// paragraph writes one paragraph of the given style holding runs (already written markup).
func paragraph(b *xb, style string, runs func()) {
	b.S(`<w:p><w:pPr><w:pStyle w:val="`, style, `"/></w:pPr>`)
	runs()
	b.S(`</w:p>`)
}

// closingIndents returns how far, in hundredths of a body character, the 署名 and the 成文日期 end
// before the right edge, by GB/T 9704-2012 7.3.5.3 as the PDF sets them (a report carries no seal): the
// signature 右空二字, the date starting two characters right of the signature's first character; a date
// that would then come closer than two characters to the edge is set 右空二字 and the signature moves
// left to stay two characters before it. Widths are in ems (ASCII half an em, as the Times New Roman
// digits are); a lone signature or date is set 右空二字, the styles' default. block is the width of the
// type block in hundredths of a character; a signature never starts left of it.
func closingIndents(signature, date string, block int) (sig, dt int) {
	sig, dt = 200, 200
	if signature == "" || date == "" {
		return sig, dt
	}
	sw, dw := int(math.Round(titleWidth(signature)*100)), int(math.Round(titleWidth(date)*100))
	if dt = sw - dw; dt < 200 {
		dt = 200
		sig = dw + 400 - sw
	}
	return min(sig, max(0, block-sw)), dt
}

// closing writes a 署名 or 成文日期 paragraph; ind is its right indent in hundredths of a character, set
// directly only where it differs from the style's 右空二字.
func closing(b *xb, g geometry, style string, ind int, text string) {
	b.S(`<w:p><w:pPr><w:pStyle w:val="`, style, `"/>`)
	if ind != 200 {
		b.S(rightIndent(g, ind))
	}
	b.S(`</w:pPr>`)
	writeRun(b, "", text)
	b.S(`</w:p>`)
}

// documentXML returns word/document.xml: the blocks of the report in order, then the section properties
// (A4, GB/T 9704 margins, odd and even footers, the optional draft header and the document grid).
func documentXML(r *report.Report, g geometry, o Options) string {
	var b xb
	b.Grow(128 << 10) // a report is about 100 KB of XML
	b.S(xmlHeader, `<w:document `, nsW, ` `, nsR, `><w:body>`)
	sigInd, dateInd := closingIndents(r.Signature, r.Date, g.blockW*100/g.bodyChar)
	afterTable := false
	heading := "" // the last 一级标题, naming the table below it
	for _, bl := range render.Blocks(r) {
		switch bl.Kind {
		case render.Title:
			lines := titleLines(bl.Text, float64(g.blockW)/float64(g.titleHalf*10))
			if tl := r.TitleLines; len(tl) > 0 && strings.Join(tl, "") == bl.Text {
				lines = tl // the clerk's own breaks (title_lines), as in the PDF
			}
			paragraph(&b, styleTitle, func() { writeRun(&b, "", strings.Join(lines, "\n")) })
		case render.Heading1:
			style := styleHeading1
			if afterTable {
				style = styleHeading1Table
			}
			heading = bl.Text
			paragraph(&b, style, func() { writeRun(&b, "", bl.Text) })
		case render.Heading2:
			paragraph(&b, styleHeading2, func() { writeRun(&b, "", bl.Text) })
		case render.Paragraph:
			paragraph(&b, styleBody, func() {
				writeRun(&b, rprLead, bl.Lead)
				writeRun(&b, "", bl.Text)
			})
		case render.Table:
			if bl.Table != nil {
				writeTable(&b, bl.Table, r, g, heading)
			}
			afterTable = true
			continue
		case render.Signature:
			closing(&b, g, styleSignature, sigInd, bl.Text)
		case render.Date:
			style := styleDate
			if r.Signature == "" {
				style = styleSignature // keeps the blank line above the closing
			}
			closing(&b, g, style, dateInd, bl.Text)
		}
		afterTable = false
	}
	b.S(`<w:sectPr>`)
	if o.Draft {
		b.S(`<w:headerReference w:type="default" r:id="`, relHeaderOdd, `"/>`,
			`<w:headerReference w:type="even" r:id="`, relHeaderEven, `"/>`)
	}
	b.S(`<w:footerReference w:type="default" r:id="`, relFooterOdd, `"/>`,
		`<w:footerReference w:type="even" r:id="`, relFooterEven, `"/>`,
		`<w:pgSz w:w="`, itoa(g.pageW), `" w:h="`, itoa(g.pageH), `"/>`,
		`<w:pgMar w:top="`, itoa(g.top), `" w:right="`, itoa(g.right), `" w:bottom="`, itoa(g.bottom),
		`" w:left="`, itoa(g.left), `" w:header="`, itoa(g.header), `" w:footer="`, itoa(g.footer), `" w:gutter="0"/>`,
		`<w:cols w:space="425"/>`)
	if o.Grid == GridChars {
		b.S(`<w:docGrid w:type="linesAndChars" w:linePitch="`, itoa(g.linePitch), `" w:charSpace="`, itoa(g.charSpace), `"/>`)
	} else {
		b.S(`<w:docGrid w:type="lines" w:linePitch="`, itoa(g.linePitch), `"/>`)
	}
	b.S(`</w:sectPr></w:body></w:document>`)
	return b.String()
}
