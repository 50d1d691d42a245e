package docx

import "time"

// contentTypesXML returns [Content_Types].xml for the parts written.
func contentTypesXML(draft bool) string {
	var b xb
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	b.S(xmlHeader, `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`,
		`<Default Extension="xml" ContentType="application/xml"/>`,
		`<Override PartName="/word/document.xml" ContentType="`, wml, `document.main+xml"/>`,
		`<Override PartName="/word/styles.xml" ContentType="`, wml, `styles+xml"/>`,
		`<Override PartName="/word/settings.xml" ContentType="`, wml, `settings+xml"/>`,
		`<Override PartName="/word/fontTable.xml" ContentType="`, wml, `fontTable+xml"/>`,
		`<Override PartName="/word/footer1.xml" ContentType="`, wml, `footer+xml"/>`,
		`<Override PartName="/word/footer2.xml" ContentType="`, wml, `footer+xml"/>`)
	if draft {
		b.S(`<Override PartName="/word/header1.xml" ContentType="`, wml, `header+xml"/>`,
			`<Override PartName="/word/header2.xml" ContentType="`, wml, `header+xml"/>`)
	}
	b.S(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`,
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`,
		`</Types>`)
	return b.String()
}

// packageRelsXML returns _rels/.rels.
func packageRelsXML() string {
	return xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`
}

// Relationship ids of word/_rels/document.xml.rels.
const (
	relStyles     = "rId1"
	relSettings   = "rId2"
	relFonts      = "rId3"
	relFooterOdd  = "rId4" // footer1.xml: odd pages, number on the right
	relFooterEven = "rId5" // footer2.xml: even pages, number on the left
	relHeaderOdd  = "rId6" // header1.xml: 草稿 (draft only)
	relHeaderEven = "rId7" // header2.xml: 草稿 (draft only)
)

// documentRelsXML returns word/_rels/document.xml.rels.
func documentRelsXML(draft bool) string {
	const t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	var b xb
	rel := func(id, typ, target string) {
		b.S(`<Relationship Id="`, id, `" Type="`, t, typ, `" Target="`, target, `"/>`)
	}
	b.S(xmlHeader, `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	rel(relStyles, "styles", "styles.xml")
	rel(relSettings, "settings", "settings.xml")
	rel(relFonts, "fontTable", "fontTable.xml")
	rel(relFooterOdd, "footer", "footer1.xml")
	rel(relFooterEven, "footer", "footer2.xml")
	if draft {
		rel(relHeaderOdd, "header", "header1.xml")
		rel(relHeaderEven, "header", "header2.xml")
	}
	b.S(`</Relationships>`)
	return b.String()
}

// settingsXML returns word/settings.xml: different odd and even footers, punctuation compression, and
// the Chinese theme language.
func settingsXML() string {
	return xmlHeader + `<w:settings ` + nsW + `>` +
		`<w:zoom w:percent="100"/>` +
		`<w:defaultTabStop w:val="420"/>` +
		`<w:evenAndOddHeaders/>` +
		`<w:characterSpacingControl w:val="compressPunctuation"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>` +
		`<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>` +
		`</w:settings>`
}

// fontTableXML returns word/fontTable.xml with a fallback name for each official font.
func fontTableXML() string {
	var b xb
	b.S(xmlHeader, `<w:fonts `, nsW, `>`)
	for _, f := range fontTableEntries() {
		b.S(`<w:font`)
		b.Attr("w:name", f.name)
		b.S(`>`)
		if f.alt != "" {
			b.S(`<w:altName`)
			b.Attr("w:val", f.alt)
			b.S(`/>`)
		}
		b.S(`<w:panose1 w:val="`, f.panose, `"/><w:charset w:val="`, f.charset, `"/><w:family w:val="`, f.family,
			`"/><w:pitch w:val="`, f.pitch, `"/></w:font>`)
	}
	b.S(`</w:fonts>`)
	return b.String()
}

// footerXML returns a footer holding "— PAGE —" as a real field, a simple field (w:fldSimple: no complex
// fldChar fields anywhere, which WPS handles best): on odd pages right-aligned one
// character in from the right edge of the type block, on even pages left-aligned one character in.
func footerXML(g geometry, even bool) string {
	var b xb
	ind := `<w:ind w:right="` + itoa(g.pageNumChar) + `"/><w:jc w:val="right"/>`
	if even {
		ind = `<w:ind w:left="` + itoa(g.pageNumChar) + `"/><w:jc w:val="left"/>`
	}
	run := func(inner string) { b.S(`<w:r>`, inner, `</w:r>`) }
	b.S(xmlHeader, `<w:ftr `, nsW, ` `, nsR, `><w:p><w:pPr><w:pStyle w:val="`, styleFooter, `"/>`, ind, `</w:pPr>`)
	run(`<w:t xml:space="preserve">— </w:t>`)
	b.S(`<w:fldSimple w:instr=" PAGE ">`)
	run(`<w:t>1</w:t>`)
	b.S(`</w:fldSimple>`)
	run(`<w:t xml:space="preserve"> —</w:t>`)
	b.S(`</w:p></w:ftr>`)
	return b.String()
}

// headerXML returns the --draft header: 草稿 at the outer edge of every page.
func headerXML(even bool) string {
	jc := "right"
	if even {
		jc = "left"
	}
	return xmlHeader + `<w:hdr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="` + styleHeader + `"/><w:jc w:val="` + jc +
		`"/></w:pPr><w:r><w:t>草稿</w:t></w:r></w:p></w:hdr>`
}

// coreXML returns docProps/core.xml: title, creator (the agency) and fixed dates.
func coreXML(title, creator string, date time.Time) string {
	var b xb
	d := date.UTC().Format("2006-01-02T15:04:05Z")
	b.S(xmlHeader, `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`,
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"`,
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.S(`<dc:title>`)
	b.Esc(title)
	b.S(`</dc:title><dc:subject>政府信息公开工作年度报告</dc:subject><dc:creator>`)
	b.Esc(creator)
	b.S(`</dc:creator><cp:lastModifiedBy>`)
	b.Esc(creator)
	b.S(`</cp:lastModifiedBy><dc:language>zh-CN</dc:language>`,
		`<dcterms:created xsi:type="dcterms:W3CDTF">`, d, `</dcterms:created>`,
		`<dcterms:modified xsi:type="dcterms:W3CDTF">`, d, `</dcterms:modified></cp:coreProperties>`)
	return b.String()
}

// appXML returns docProps/app.xml naming the producing application.
func appXML(version, company string) string {
	var b xb
	app := "nianbao"
	if version != "" {
		app += " " + version
	}
	b.S(xmlHeader, `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"`,
		` xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>`)
	b.Esc(app)
	b.S(`</Application><DocSecurity>0</DocSecurity><Company>`)
	b.Esc(company)
	b.S(`</Company><AppVersion>`)
	b.Esc(appVersion(version))
	b.S(`</AppVersion></Properties>`)
	return b.String()
}

// appVersion turns a program version into the XX.YYYY form app.xml's AppVersion requires ("1.2.3" →
// "01.0002"); anything else becomes "00.0000" so that Word does not reject the file.
func appVersion(v string) string {
	major, minor, i := 0, 0, 0
	if len(v) > 0 && (v[0] == 'v' || v[0] == 'V') {
		i = 1
	}
	num := func() (int, bool) {
		n, ok := 0, false
		for i < len(v) && v[i] >= '0' && v[i] <= '9' {
			n = n*10 + int(v[i]-'0')
			i++
			ok = true
			if n > 9999 {
				return 0, false
			}
		}
		return n, ok
	}
	var ok bool
	if major, ok = num(); !ok || major > 99 {
		return "00.0000"
	}
	if i < len(v) && v[i] == '.' {
		i++
		if minor, ok = num(); !ok {
			minor = 0
		}
	}
	return pad(major, 2) + "." + pad(minor, 4)
}

// pad writes n with leading zeros to width w.
func pad(n, w int) string {
	s := itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}
