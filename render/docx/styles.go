package docx

import "strings"

// Style ids. The ids are ASCII for robustness; the names users see in Word and WPS are Chinese.
const (
	styleBody      = "GwBody"
	styleTitle     = "GwTitle"
	styleHeading1  = "GwHeading1"
	styleHeading2  = "GwHeading2"
	styleLead      = "GwLead"
	styleTable     = "GwTableText"
	styleSignature = "GwSignature"
	styleDate      = "GwDate"
	styleFooter    = "GwPageNumber"
	styleHeader    = "GwDraft"
)

// rFonts returns a w:rFonts element naming latin for Latin letters and digits and eastAsia for Chinese.
// The eastAsia hint makes Word set shared punctuation (“ ” — …) in the Chinese font.
func rFonts(latin, eastAsia string) string {
	return `<w:rFonts w:ascii="` + latin + `" w:hAnsi="` + latin + `" w:eastAsia="` + eastAsia + `" w:cs="` + latin + `" w:hint="eastAsia"/>`
}

// stylesXML returns word/styles.xml: document defaults (仿宋_GB2312 3号, kinsoku on, explicit
// overflowPunct, no automatic CJK/Latin spacing) and the named styles, with outline levels on the headings
// so that Word's navigation pane and table of contents see them.
func stylesXML(g geometry) string {
	var b xb
	body := itoa(g.bodyHalf)
	line := `<w:spacing w:before="0" w:after="0" w:line="` + itoa(g.linePitch) + `" w:lineRule="exact"/>`
	indent := `<w:ind w:firstLineChars="200" w:firstLine="` + itoa(2*g.bodyChar) + `"/>`
	noIndent := `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
	right4 := `<w:ind w:rightChars="400" w:right="` + itoa(4*g.bodyChar) + `" w:firstLineChars="0" w:firstLine="0"/>`
	// No widow control: 公文 pages are filled to 22 lines (撑满版心). Kinsoku (禁则) on and no automatic space between Chinese and Latin text or digits (公文 sets 2021年
	// solid; Word honours it, LibreOffice ignores autoSpaceDE/DN). overflowPunct is set explicitly to 1,
	// Word's and WPS's own default (line-end punctuation may hang in the margin): LibreOffice imports
	// the flag inverted, and with 0 LibreOffice 7.4 hangs the mark and then drops it from the page.
	const asian = `<w:kinsoku w:val="1"/><w:wordWrap w:val="1"/><w:overflowPunct w:val="1"/>` +
		`<w:topLinePunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`
	b.s(xmlHeader, `<w:styles `, nsW, `>`)
	b.s(`<w:docDefaults><w:rPrDefault><w:rPr>`, rFonts(fontLatin, fontBody),
		`<w:kern w:val="2"/><w:sz w:val="`, body, `"/><w:szCs w:val="`, body, `"/>`,
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`,
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>`, asian, `<w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>`)

	b.s(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>`,
		`<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>`)
	b.s(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">`,
		`<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	b.s(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>`,
		`<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>`,
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>`,
		`<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)

	// Every paragraph style repeats the Asian typography switches: LibreOffice does not read them from
	// the document defaults. pPr must start with the elements that precede w:kinsoku in CT_PPrBase.
	para := func(id, name, next, pPr, rPr string) {
		keep := ""
		for _, k := range []string{`<w:keepNext/>`, `<w:keepLines/>`} {
			if strings.HasPrefix(pPr, k) {
				keep += k
				pPr = pPr[len(k):]
			}
		}
		b.s(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="`, id, `"><w:name w:val="`, name,
			`"/><w:basedOn w:val="Normal"/><w:next w:val="`, next, `"/><w:qFormat/><w:pPr>`, keep, asian, pPr,
			`</w:pPr><w:rPr>`, rPr, `</w:rPr></w:style>`)
	}
	para(styleBody, "公文正文", styleBody, line+indent+`<w:jc w:val="both"/>`,
		rFonts(fontLatin, fontBody)+`<w:sz w:val="`+body+`"/><w:szCs w:val="`+body+`"/>`)
	title := itoa(g.titleHalf)
	para(styleTitle, "公文标题", styleBody,
		`<w:keepNext/><w:keepLines/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="`+itoa(g.linePitch)+`" w:line="`+itoa(g.linePitch)+
			`" w:lineRule="exact"/>`+noIndent+`<w:jc w:val="center"/>`,
		rFonts(fontTitle, fontTitle)+`<w:sz w:val="`+title+`"/><w:szCs w:val="`+title+`"/>`)
	para(styleHeading1, "一级标题", styleBody,
		`<w:keepNext/><w:keepLines/>`+line+indent+`<w:jc w:val="both"/><w:outlineLvl w:val="0"/>`,
		rFonts(fontHei, fontHei)+`<w:sz w:val="`+body+`"/><w:szCs w:val="`+body+`"/>`)
	para(styleHeading2, "二级标题", styleBody,
		`<w:keepNext/><w:keepLines/>`+line+indent+`<w:jc w:val="both"/><w:outlineLvl w:val="1"/>`,
		rFonts(fontLatin, fontKai)+`<w:sz w:val="`+body+`"/><w:szCs w:val="`+body+`"/>`)
	b.s(`<w:style w:type="character" w:customStyle="1" w:styleId="`, styleLead, `"><w:name w:val="段首标题"/>`,
		`<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr>`, rFonts(fontLatin, fontKai), `</w:rPr></w:style>`)
	para(styleTable, "表格文字", styleTable,
		`<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`+noIndent+`<w:jc w:val="center"/>`,
		rFonts(fontLatin, fontSong)+`<w:sz w:val="24"/><w:szCs w:val="24"/>`)
	para(styleSignature, "署名", styleDate, `<w:spacing w:before="`+itoa(g.linePitch)+`" w:after="0" w:line="`+itoa(g.linePitch)+
		`" w:lineRule="exact"/>`+right4+`<w:jc w:val="right"/>`,
		rFonts(fontLatin, fontBody)+`<w:sz w:val="`+body+`"/><w:szCs w:val="`+body+`"/>`)
	para(styleDate, "成文日期", styleBody, line+right4+`<w:jc w:val="right"/>`,
		rFonts(fontLatin, fontBody)+`<w:sz w:val="`+body+`"/><w:szCs w:val="`+body+`"/>`)
	pn := itoa(g.pageNumHalf)
	para(styleFooter, "页码", styleFooter,
		`<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="`+itoa(g.pageNumChar)+`" w:lineRule="exact"/>`+noIndent,
		rFonts(fontSong, fontSong)+`<w:sz w:val="`+pn+`"/><w:szCs w:val="`+pn+`"/>`)
	para(styleHeader, "草稿标记", styleHeader,
		`<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`+noIndent+`<w:jc w:val="right"/>`,
		rFonts(fontHei, fontHei)+`<w:color w:val="C00000"/><w:sz w:val="`+body+`"/><w:szCs w:val="`+body+`"/>`)
	b.s(`</w:styles>`)
	return b.String()
}
