package docx

// Style ids. The ids are ASCII for robustness; the names users see in Word and WPS are Chinese, except
// the two built-in heading styles the Chinese headings are based on.
const (
	styleHeading1Builtin = "Heading1" // Word's built-in "heading 1" (标题 1): converters map it to <h1>
	styleHeading2Builtin = "Heading2" // Word's built-in "heading 2" (标题 2)
	styleBody            = "GwBody"
	styleTitle           = "GwTitle"
	styleHeading1        = "GwHeading1"
	styleHeading1Table   = "GwHeading1AfterTable" // 一级标题 with half a line of air above, after a table
	styleHeading2        = "GwHeading2"
	styleLead            = "GwLead"
	styleTable           = "GwTableText"  // 表格文字: table 二, 小四 (12 pt)
	styleTableSmall      = "GwTableSmall" // 表格文字（小五）: tables 三 and 四, 9 pt
	styleTableNote       = "GwTableNote"  // 表格注释: the 楷体 note in the corner of table 三
	styleSignature       = "GwSignature"
	styleDate            = "GwDate"
	styleFooter          = "GwPageNumber"
	styleHeader          = "GwDraft"
)

// bodyCharSpacing is the character spacing, in twentieths of a point, of the 3号 text styles on the
// default line grid: −0.25 pt gives a 15.75 pt advance, and 28 × 15.75 pt = 441 pt fits the 442.2 pt
// type block, where the natural 16 pt advance fits only 27 (27.6). The linesAndChars grid sets the pitch
// itself and gets no extra spacing.
const bodyCharSpacing = -5

// rFonts returns a w:rFonts element naming latin for Latin letters and digits and eastAsia for Chinese.
// The eastAsia hint makes Word set shared punctuation (“ ” — …) in the Chinese font.
func rFonts(latin, eastAsia string) string {
	return `<w:rFonts w:ascii="` + latin + `" w:hAnsi="` + latin + `" w:eastAsia="` + eastAsia + `" w:cs="` + latin + `" w:hint="eastAsia"/>`
}

// size returns w:sz and w:szCs for a size in half-points.
func size(half int) string {
	s := itoa(half)
	return `<w:sz w:val="` + s + `"/><w:szCs w:val="` + s + `"/>`
}

// asianTypography holds the Asian typography switches every paragraph style repeats (LibreOffice does
// not read them from the document defaults). Kinsoku (禁则) on and no automatic space between Chinese and
// Latin text or digits (公文 sets 2021年 solid; Word honours it, LibreOffice ignores autoSpaceDE/DN).
// overflowPunct is set explicitly to 1, Word's and WPS's own default (line-end punctuation may hang in
// the margin): LibreOffice imports the flag inverted, and with 0 LibreOffice 7.4 hangs the mark and then
// drops it from the page.
const asianTypography = `<w:kinsoku w:val="1"/><w:wordWrap w:val="1"/><w:overflowPunct w:val="1"/>` +
	`<w:topLinePunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`

// styleDef is one paragraph style. keep holds w:keepNext/w:keepLines (they precede the Asian switches
// in CT_PPrBase), pPr the paragraph properties after them, rPr the run properties. builtin marks Word's
// own styles (no w:customStyle).
type styleDef struct {
	id, name, basedOn, next string
	builtin                 bool
	uiPriority              int
	keep, pPr, rPr          string
}

// write appends the style to b.
func (s styleDef) write(b *xb) {
	b.S(`<w:style w:type="paragraph"`)
	if !s.builtin {
		b.S(` w:customStyle="1"`)
	}
	b.S(` w:styleId="`, s.id, `"><w:name w:val="`, s.name, `"/><w:basedOn w:val="`, s.basedOn,
		`"/><w:next w:val="`, s.next, `"/>`)
	if s.uiPriority > 0 {
		b.S(`<w:uiPriority w:val="`, itoa(s.uiPriority), `"/>`)
	}
	b.S(`<w:qFormat/><w:pPr>`, s.keep, asianTypography, s.pPr, `</w:pPr>`)
	if s.rPr != "" {
		b.S(`<w:rPr>`, s.rPr, `</w:rPr>`)
	}
	b.S(`</w:style>`)
}

// rightIndent returns the w:ind of a right-aligned closing line that ends hundredths/100 body characters
// before the right edge of the type block.
func rightIndent(g geometry, hundredths int) string {
	return `<w:ind w:rightChars="` + itoa(hundredths) + `" w:right="` + itoa(hundredths*g.bodyChar/100) +
		`" w:firstLineChars="0" w:firstLine="0"/>`
}

// stylesXML returns word/styles.xml: document defaults (仿宋_GB2312 3号, kinsoku on, explicit
// overflowPunct, no automatic CJK/Latin spacing) and the named styles. Every font and size lives here:
// the runs of the document carry no run properties of their own (a character style for run-in leads is
// the only exception), so changing 公文正文 or 一级标题 in Word restyles the whole document. 一级标题 and
// 二级标题 are based on Word's built-in heading 1 and heading 2 (outline levels 0 and 1), so Word's
// navigation pane, pandoc and mammoth see them as headings. grid is GridLines or GridChars.
func stylesXML(g geometry, grid string) string {
	var b xb
	body := g.bodyHalf
	line := `<w:spacing w:before="0" w:after="0" w:line="` + itoa(g.linePitch) + `" w:lineRule="exact"/>`
	indent := `<w:ind w:firstLineChars="200" w:firstLine="` + itoa(2*g.bodyChar) + `"/>`
	noIndent := `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
	right2 := rightIndent(g, 200) // 右空二字 (GB/T 9704-2012 7.3.5.3); closingIndents moves them per report
	// The 28-per-line character spacing of the 3号 text on the lines grid (see bodyCharSpacing).
	spacing := ""
	if grid != GridChars {
		spacing = `<w:spacing w:val="` + itoa(bodyCharSpacing) + `"/>`
	}
	// Table cells: single line spacing, never the exact 28 pt body pitch (WPS grows every row with it),
	// and off the document grid.
	cell := `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>` + noIndent
	const keep = `<w:keepNext/><w:keepLines/>`

	b.S(xmlHeader, `<w:styles `, nsW, `>`)
	// No widow control: 公文 pages are filled to 22 lines (撑满版心).
	b.S(`<w:docDefaults><w:rPrDefault><w:rPr>`, rFonts(fontLatin, fontBody),
		`<w:kern w:val="2"/>`, size(body),
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`,
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>`, asianTypography, `<w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>`)

	b.S(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>`,
		`<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>`)
	b.S(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">`,
		`<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	b.S(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>`,
		`<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>`,
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>`,
		`<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)

	title := g.titleHalf
	styles := []styleDef{
		{id: styleBody, name: "公文正文", basedOn: "Normal", next: styleBody,
			pPr: line + indent + `<w:jc w:val="both"/>`,
			rPr: rFonts(fontLatin, fontBody) + spacing + size(body)},
		{id: styleTitle, name: "公文标题", basedOn: "Normal", next: styleBody, keep: keep,
			pPr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="` + itoa(g.linePitch) + `" w:line="` + itoa(g.linePitch) +
				`" w:lineRule="exact"/>` + noIndent + `<w:jc w:val="center"/>`,
			rPr: rFonts(fontTitle, fontTitle) + size(title)},
		// The built-in headings carry the look; the Chinese styles inherit it.
		{id: styleHeading1Builtin, name: "heading 1", basedOn: "Normal", next: styleBody, builtin: true, uiPriority: 9, keep: keep,
			pPr: line + indent + `<w:jc w:val="both"/><w:outlineLvl w:val="0"/>`,
			rPr: rFonts(fontHei, fontHei) + spacing + size(body)},
		{id: styleHeading2Builtin, name: "heading 2", basedOn: "Normal", next: styleBody, builtin: true, uiPriority: 9, keep: keep,
			pPr: line + indent + `<w:jc w:val="both"/><w:outlineLvl w:val="1"/>`,
			rPr: rFonts(fontLatin, fontKai) + spacing + size(body)},
		{id: styleHeading1, name: "一级标题", basedOn: styleHeading1Builtin, next: styleBody, keep: keep},
		// Half a line of air between a table and the heading below it.
		{id: styleHeading1Table, name: "表后一级标题", basedOn: styleHeading1, next: styleBody, keep: keep,
			pPr: `<w:spacing w:before="` + itoa(g.linePitch/2) + `" w:after="0" w:line="` + itoa(g.linePitch) + `" w:lineRule="exact"/>`},
		{id: styleHeading2, name: "二级标题", basedOn: styleHeading2Builtin, next: styleBody, keep: keep},
		// 署名 and 成文日期 follow 公文正文: restyling the body restyles them too.
		{id: styleSignature, name: "署名", basedOn: styleBody, next: styleDate,
			pPr: `<w:spacing w:before="` + itoa(g.linePitch) + `" w:after="0" w:line="` + itoa(g.linePitch) +
				`" w:lineRule="exact"/>` + right2 + `<w:jc w:val="right"/>`},
		{id: styleDate, name: "成文日期", basedOn: styleBody, next: styleBody,
			pPr: line + right2 + `<w:jc w:val="right"/>`},
		{id: styleTable, name: "表格文字", basedOn: "Normal", next: styleTable,
			pPr: cell + `<w:jc w:val="center"/>`,
			rPr: rFonts(fontLatin, fontSong) + size(tableLooks["t2"].size)},
		{id: styleTableSmall, name: "表格文字（小五）", basedOn: styleTable, next: styleTableSmall,
			rPr: size(tableLooks["t3"].size)},
		{id: styleTableNote, name: "表格注释", basedOn: styleTableSmall, next: styleTableNote,
			pPr: `<w:jc w:val="both"/>`,
			rPr: rFonts(fontLatin, fontKai)},
		{id: styleFooter, name: "页码", basedOn: "Normal", next: styleFooter,
			pPr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="` + itoa(g.pageNumChar) + `" w:lineRule="exact"/>` + noIndent,
			rPr: rFonts(fontSong, fontSong) + size(g.pageNumHalf)},
		{id: styleHeader, name: "草稿标记", basedOn: "Normal", next: styleHeader,
			pPr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>` + noIndent + `<w:jc w:val="right"/>`,
			rPr: rFonts(fontHei, fontHei) + `<w:color w:val="C00000"/>` + size(body)},
	}
	for _, s := range styles {
		s.write(&b)
	}
	b.S(`<w:style w:type="character" w:customStyle="1" w:styleId="`, styleLead, `"><w:name w:val="段首标题"/>`,
		`<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr>`, rFonts(fontLatin, fontKai), `</w:rPr></w:style>`)
	b.S(`</w:styles>`)
	return b.String()
}
