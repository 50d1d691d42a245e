package docx

import "github.com/nianbao/nianbao/fonts"

// The official font names a 公文 DOCX names in its runs, from the fonts package's roles. The DOCX names
// fonts, it does not carry them: Word and WPS on an office PC have these fonts; elsewhere the reader
// substitutes (fontTable.xml gives each an altName).
var (
	fontTitle = fonts.Title.Official() // 方正小标宋简体: the 2号 title
	fontHei   = fonts.Hei.Official()   // 黑体: level-1 headings 一、
	fontKai   = fonts.Kai.Official()   // 楷体_GB2312: level-2 headings （一）, run-in leads, the note of table 三
	fontBody  = fonts.Body.Official()  // 仿宋_GB2312: body text
	fontSong  = fonts.Song.Official()  // 宋体: tables and page numbers
	fontLatin = fonts.Latin.Official() // Times New Roman: digits and Latin letters in body text
)

// fontEntry describes one font of fontTable.xml: its fallback name for readers that lack it, its
// Windows charset (86 = GB2312, 00 = ANSI), family, pitch and PANOSE class.
type fontEntry struct {
	name, alt, charset, family, pitch, panose string
}

// fontTableEntries lists every font the document names, in a fixed order.
func fontTableEntries() []fontEntry {
	return []fontEntry{
		{fontLatin, "", "00", "roman", "variable", "02020603050405020304"},
		{fontBody, "仿宋", "86", "modern", "fixed", "02010609030101010101"},
		{fontHei, "SimHei", "86", "modern", "fixed", "02010609060101010101"},
		{fontKai, "楷体", "86", "modern", "fixed", "02010609030101010101"},
		{fontSong, "SimSun", "86", "auto", "variable", "02010600030101010101"},
		{fontTitle, "宋体", "86", "script", "fixed", "02000000000000000000"},
	}
}
