package docx

// The official font names a 公文 DOCX names in its runs. The DOCX names fonts, it does not carry them:
// Word and WPS on an office PC have these fonts; elsewhere the reader substitutes (see fontTable.xml's
// altName). These follow the fonts package's roles (title, heading, kai, body, table, latin).
const (
	fontTitle = "方正小标宋简体"         // 2号 title
	fontHei   = "黑体"              // level-1 headings 一、
	fontKai   = "楷体_GB2312"       // level-2 headings （一）, run-in leads, the note of table 三
	fontBody  = "仿宋_GB2312"       // body text
	fontSong  = "宋体"              // tables and page numbers
	fontLatin = "Times New Roman" // digits and Latin letters in body text
)

// fontEntry describes one font of fontTable.xml: its fallback name for readers that lack it, its
// Windows charset (86 = GB2312, 00 = ANSI), family and PANOSE class.
type fontEntry struct {
	name, alt, charset, family, pitch, panose string
}

// fontTable lists every font the document names, in a fixed order.
var fontTable = []fontEntry{
	{fontLatin, "", "00", "roman", "variable", "02020603050405020304"},
	{fontBody, "仿宋", "86", "modern", "fixed", "02010609030101010101"},
	{fontHei, "SimHei", "86", "modern", "fixed", "02010609060101010101"},
	{fontKai, "楷体", "86", "modern", "fixed", "02010609030101010101"},
	{fontSong, "SimSun", "86", "auto", "variable", "02010600030101010101"},
	{fontTitle, "宋体", "86", "script", "fixed", "02000000000000000000"},
}
