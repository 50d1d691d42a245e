package sml

import (
	"io"
	"strconv"
	"time"

	"github.com/nianbao/nianbao/internal/ooxml"
)

// writePackage writes the parts of the workbook: content types, relationships, document properties,
// workbook, styles, shared strings and one part per sheet.
func writePackage(w io.Writer, b *Book) error {
	sst := &sstOut{index: map[string]int{}}
	sheets := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		sheets[i] = s.xml(i, sst)
	}
	parts := []ooxml.Part{
		{Name: "[Content_Types].xml", Body: contentTypesPart(len(b.sheets), len(sst.list) > 0)},
		{Name: "_rels/.rels", Body: packageRelsPart()},
		{Name: "docProps/app.xml", Body: b.appPart()},
		{Name: "docProps/core.xml", Body: b.corePart()},
		{Name: "xl/workbook.xml", Body: b.workbookPart()},
		{Name: "xl/_rels/workbook.xml.rels", Body: workbookRelsPart(len(b.sheets), len(sst.list) > 0)},
		{Name: "xl/styles.xml", Body: b.styles.xml()},
		{Name: "xl/theme/theme1.xml", Body: themePart},
	}
	if len(sst.list) > 0 {
		parts = append(parts, ooxml.Part{Name: "xl/sharedStrings.xml", Body: sst.xml()})
	}
	for i, body := range sheets {
		parts = append(parts, ooxml.Part{Name: "xl/worksheets/sheet" + strconv.Itoa(i+1) + ".xml", Body: body})
	}
	return ooxml.WriteZip(w, parts)
}

// contentTypesPart returns [Content_Types].xml.
func contentTypesPart(sheets int, strings bool) string {
	const sml = "application/vnd.openxmlformats-officedocument.spreadsheetml."
	var b xmlOut
	b.S(ooxml.XMLHeader, `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`,
		`<Default Extension="xml" ContentType="application/xml"/>`,
		`<Override PartName="/xl/workbook.xml" ContentType="`, sml, `sheet.main+xml"/>`,
		`<Override PartName="/xl/styles.xml" ContentType="`, sml, `styles+xml"/>`,
		`<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>`)
	if strings {
		b.S(`<Override PartName="/xl/sharedStrings.xml" ContentType="`, sml, `sharedStrings+xml"/>`)
	}
	for i := 1; i <= sheets; i++ {
		b.S(`<Override PartName="/xl/worksheets/sheet`, strconv.Itoa(i), `.xml" ContentType="`, sml, `worksheet+xml"/>`)
	}
	b.S(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`,
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`,
		`</Types>`)
	return b.String()
}

// packageRelsPart returns _rels/.rels.
func packageRelsPart() string {
	return ooxml.XMLHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`
}

// workbookRelsPart returns xl/_rels/workbook.xml.rels: rId1 … rIdN the sheets, then styles, theme and
// shared strings.
func workbookRelsPart(sheets int, strings bool) string {
	const t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	var b xmlOut
	rel := func(id int, typ, target string) {
		b.S(`<Relationship Id="rId`, strconv.Itoa(id), `" Type="`, t, typ, `" Target="`, target, `"/>`)
	}
	b.S(ooxml.XMLHeader, `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 1; i <= sheets; i++ {
		rel(i, "worksheet", "worksheets/sheet"+strconv.Itoa(i)+".xml")
	}
	rel(sheets+1, "styles", "styles.xml")
	rel(sheets+2, "theme", "theme/theme1.xml")
	if strings {
		rel(sheets+3, "sharedStrings", "sharedStrings.xml")
	}
	b.S(`</Relationships>`)
	return b.String()
}

// workbookPart returns xl/workbook.xml: the sheets, the defined names and the calculation properties.
func (b *Book) workbookPart() string {
	var x xmlOut
	x.S(ooxml.XMLHeader, `<workbook xmlns="`, smlMainNS, `" xmlns:r="`, smlRelNS, `"><bookViews><workbookView`)
	if b.Active != 0 {
		x.S(` activeTab="`, strconv.Itoa(b.Active), `"`)
	}
	x.S(`/></bookViews><sheets>`)
	for i, s := range b.sheets {
		x.S(`<sheet`)
		x.attr("name", s.name)
		x.S(` sheetId="`, strconv.Itoa(i+1), `" r:id="rId`, strconv.Itoa(i+1), `"/>`)
	}
	x.S(`</sheets>`)
	if len(b.names) > 0 {
		x.S(`<definedNames>`)
		for _, n := range b.names {
			x.S(`<definedName`)
			x.attr("name", n.Name)
			if n.Sheet != "" {
				x.S(` localSheetId="`, strconv.Itoa(b.sheetIndex(n.Sheet)), `"`)
			}
			x.S(`>`)
			x.text(n.RefersTo, false)
			x.S(`</definedName>`)
		}
		x.S(`</definedNames>`)
	}
	if b.FullCalcOnLoad {
		x.S(`<calcPr fullCalcOnLoad="1"/>`)
	}
	x.S(`</workbook>`)
	return x.String()
}

// xml returns xl/sharedStrings.xml.
func (t *sstOut) xml() string {
	var b xmlOut
	b.S(ooxml.XMLHeader, `<sst xmlns="`, smlMainNS, `" count="`, strconv.Itoa(t.refs), `" uniqueCount="`, strconv.Itoa(len(t.list)), `">`)
	for _, s := range t.list {
		if keepsSpace(s) {
			b.S(`<si><t xml:space="preserve">`)
		} else {
			b.S(`<si><t>`)
		}
		b.text(s, true)
		b.S(`</t></si>`)
	}
	b.S(`</sst>`)
	return b.String()
}

// appPart returns docProps/app.xml.
func (b *Book) appPart() string {
	var x xmlOut
	x.S(ooxml.XMLHeader, `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`)
	if b.Application != "" {
		x.S(`<Application>`)
		x.text(b.Application, false)
		x.S(`</Application>`)
	}
	x.S(`</Properties>`)
	return x.String()
}

// corePart returns docProps/core.xml.
func (b *Book) corePart() string {
	var x xmlOut
	x.S(ooxml.XMLHeader, `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`,
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"`,
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, p := range []struct{ el, v string }{{"dc:title", b.Title}, {"dc:creator", b.Creator}} {
		if p.v != "" {
			x.S(`<`, p.el, `>`)
			x.text(p.v, false)
			x.S(`</`, p.el, `>`)
		}
	}
	for _, p := range []struct {
		el string
		t  time.Time
	}{{"dcterms:created", b.Created}, {"dcterms:modified", b.Modified}} {
		if !p.t.IsZero() {
			x.S(`<`, p.el, ` xsi:type="dcterms:W3CDTF">`, p.t.UTC().Format("2006-01-02T15:04:05Z"), `</`, p.el, `>`)
		}
	}
	x.S(`</cp:coreProperties>`)
	return x.String()
}
