// Package docx writes the report as an editable WordprocessingML document (.docx) for Word and WPS: a
// real flow document with named Chinese styles, real tables (gridSpan, vMerge, repeated header rows) and
// page-number fields, laid out on the GB/T 9704 page. It reads the same render.Blocks and layouts tables
// as the PDF renderer, so headings, numbering and table structure agree between the two outputs.
//
// Fonts and sizes live in the styles only (runs carry no run properties but a lead's character style),
// so a user who changes 公文正文 or 一级标题 restyles the whole document; 一级标题 and 二级标题 are based on
// Word's built-in heading 1 and heading 2.
//
// The writer uses only archive/zip and escaped XML text. The output is deterministic: fixed zip
// timestamps and entry order, no random ids, so the same report gives the same bytes.
package docx

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// Grid values of Options.Grid.
const (
	// GridLines (the default) sets a line grid only: 22 lines per page, characters at their natural
	// width less 0.25 pt of character spacing in the 3号 styles, so that 28 fit a line (measured in
	// LibreOffice; the same arithmetic in Word). Word, WPS and LibreOffice all render it well.
	GridLines = "lines"
	// GridChars sets Word's linesAndChars grid: 22 lines of exactly 28 characters, as GB/T 9704 asks.
	// Word and WPS honour it; LibreOffice (7.4) letter-spaces the text instead and fits only about 18
	// characters on a line, so use it only for documents edited in Word or WPS.
	GridChars = "chars"
)

// Options adjust the DOCX output.
type Options struct {
	// Draft puts 草稿 in the header of every page.
	Draft bool
	// Grid is "lines" (the default; "" means lines) or "chars" (linesAndChars, 28 × 22).
	Grid string
	// Version is the program version written to docProps/app.xml as "nianbao <Version>".
	Version string
}

// Render writes r as a .docx file to w.
func Render(r *report.Report, w io.Writer, o Options) error {
	if r == nil {
		return errors.New("docx: no report to render (nil *report.Report)")
	}
	switch o.Grid {
	case "":
		o.Grid = GridLines
	case GridLines, GridChars:
	default:
		return fmt.Errorf("docx: unknown document grid %q: use %q (default) or %q", o.Grid, GridLines, GridChars)
	}
	if !r.Format.Valid() {
		return fmt.Errorf("%s: 报告格式 %q 无效，应为 \"2019\" 或 \"2021\"", where(r), r.Format)
	}
	g := pageGeometry(layouts.GBT9704)
	parts := []part{
		{Name: "[Content_Types].xml", Body: contentTypesXML(o.Draft)},
		{Name: "_rels/.rels", Body: packageRelsXML()},
		{Name: "docProps/core.xml", Body: coreXML(r.Title, r.Agency, docDate(r))},
		{Name: "docProps/app.xml", Body: appXML(o.Version, r.Agency)},
		{Name: "word/document.xml", Body: documentXML(r, g, o)},
		{Name: "word/_rels/document.xml.rels", Body: documentRelsXML(o.Draft)},
		{Name: "word/styles.xml", Body: stylesXML(g, o.Grid)},
		{Name: "word/settings.xml", Body: settingsXML()},
		{Name: "word/fontTable.xml", Body: fontTableXML()},
		{Name: "word/footer1.xml", Body: footerXML(g, false)},
		{Name: "word/footer2.xml", Body: footerXML(g, true)},
	}
	if o.Draft {
		parts = append(parts, part{Name: "word/header1.xml", Body: headerXML(false)}, part{Name: "word/header2.xml", Body: headerXML(true)})
	}
	return writeZip(w, parts)
}

// wrapZip names the part being written when the output fails.
func wrapZip(name string, err error) error {
	if name == "" {
		return fmt.Errorf("docx: finishing the zip file: %w", err)
	}
	return fmt.Errorf("docx: writing %s: %w", name, err)
}

// docDate is the date written to docProps: the 成文日期 when the report has one, else 1 January of the
// year after the report year (reports are published then), else a fixed date.
func docDate(r *report.Report) time.Time {
	if !r.Issued.IsZero() {
		t := r.Issued
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	if r.Year > 0 && r.Year < 9999 {
		return time.Date(r.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
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
