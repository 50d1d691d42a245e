package fonts

import (
	"fmt"
	"strconv"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// Missing is a character that cannot be printed: its role's font has no glyph for it, or it lies above
// U+FFFF, which no font is read for (fonts are read through their BMP cmap).
type Missing struct {
	// Rune is the character.
	Rune rune
	// Role is the role the character is set in (after RoleFor).
	Role Role
	// Family is the family of the role's font.
	Family string
	// Where names the place in the report, e.g. "一、总体情况 第2段" or "表三 第4行第2列".
	Where string
	// Broken is true when the font maps the character to a glyph that is empty or malformed (a damaged
	// font file, see validate.go) rather than to no glyph at all.
	Broken bool
}

// Error describes the problem in Chinese, with the place and how to fix it.
func (m Missing) Error() string {
	if m.Rune > 0xFFFF {
		return fmt.Sprintf("字符“%c”(U+%04X)位于 Unicode 基本平面之外，PDF 生成程序无法绘制（与字体无关），位置：%s；请改用基本平面内的字（如常用的异体字），或以文字说明代替", m.Rune, m.Rune, m.Where)
	}
	ch := string(m.Rune)
	if m.Rune < 0x20 || m.Rune == 0x7F {
		ch = "控制字符"
	}
	if m.Broken {
		return fmt.Sprintf("字符“%s”(U+%04X)在 %s 角色的字体 %s 中的字形为空或已损坏（字体文件可能已损坏），位置：%s；请换用完好的字体文件（重新安装或复制），或用 --font %s=FILE 指定另一个字体", ch, m.Rune, m.Role.Official(), m.Family, m.Where, m.Role)
	}
	return fmt.Sprintf("字符“%s”(U+%04X)在 %s 角色的字体 %s 中没有字形，位置：%s；请安装正式字体（%s），或用 --font %s=FILE（或报告的 [fonts] 表）指定含有该字的字体", ch, m.Rune, m.Role.Official(), m.Family, m.Where, m.Role.Official(), m.Role)
}

// Page numbers are set as "— 1 —" in the 宋体 role: the dashes, the spaces and the digits.
const pageNumberText = "— 0123456789 —"

// CheckReport returns every character of the report that cannot be printed with the fonts of s, once per
// character and place, in reading order. It walks render.Blocks(r) with the role of each block (Title →
// Title; Paragraph → Body and its Lead → Kai; Heading1 → Hei; Heading2 → Kai; Signature and Date → Body;
// table labels and values → Song, the table 三 corner note → Kai), then page numbers (Song); each rune
// takes RoleFor(base, rune). Runes above U+FFFF are always reported.
func CheckReport(s *Set, r *report.Report) []Missing {
	c := checker{set: s, seen: map[Missing]bool{}}
	walk(r, c.text)
	return c.out
}

// RunesUsed returns, per role, how many distinct characters the report sets in that role (after RoleFor),
// walking the same text as CheckReport.
func RunesUsed(r *report.Report) map[Role]int {
	used := map[Role]map[rune]bool{}
	walk(r, func(base Role, text, _ string) {
		for _, ch := range text {
			role := RoleFor(base, ch)
			if used[role] == nil {
				used[role] = map[rune]bool{}
			}
			used[role][ch] = true
		}
	})
	out := map[Role]int{}
	for role, set := range used {
		out[role] = len(set)
	}
	return out
}

// walk calls visit for every run of printed text of the report with its base role and place: the blocks
// in reading order, the cells of each table, then the page numbers.
func walk(r *report.Report, visit func(base Role, text, where string)) {
	for _, b := range render.Blocks(r) {
		switch b.Kind {
		case render.Title:
			visit(Title, b.Text, b.Where)
		case render.Paragraph:
			visit(Kai, b.Lead, b.Where)
			visit(Body, b.Text, b.Where)
		case render.Heading1:
			visit(Hei, b.Text, b.Where)
		case render.Heading2:
			visit(Kai, b.Text, b.Where)
		case render.Signature, render.Date:
			visit(Body, b.Text, b.Where)
		case render.Table:
			walkTable(r, b.Table, visit)
		}
	}
	visit(Song, pageNumberText, "页码")
}

// walkTable visits the label or printed value of every cell of a table.
func walkTable(r *report.Report, t *layouts.Table, visit func(base Role, text, where string)) {
	if t == nil {
		return
	}
	for _, cell := range t.Cells {
		where := t.Name + " 第" + strconv.Itoa(cell.Row+1) + "行第" + strconv.Itoa(cell.Col+1) + "列"
		role := Song
		if cell.Kai {
			role = Kai
		}
		if cell.Kind == layouts.Label {
			visit(role, cell.Text, where)
		} else {
			visit(role, r.CellText(cell.Key), where)
		}
	}
}

// CheckText returns the characters of text (set in role base) that cannot be printed with the fonts of s,
// each reported at where. Renderers can use it for text that is not part of a report's blocks.
func CheckText(s *Set, base Role, text, where string) []Missing {
	c := checker{set: s, seen: map[Missing]bool{}}
	c.text(base, text, where)
	return c.out
}

// checker collects Missing values without duplicates.
type checker struct {
	set  *Set
	seen map[Missing]bool
	out  []Missing
}

// text checks every rune of one run of text.
func (c *checker) text(base Role, text, where string) {
	for _, ch := range text {
		if ch == '\t' {
			ch = ' ' // the PDF renderer sets a tab as a space
		}
		role := RoleFor(base, ch)
		f := c.set.Face(role)
		if ch <= 0xFFFF && c.set.FaceFor(role, ch) != nil {
			continue
		}
		m := Missing{Rune: ch, Role: role, Family: f.Family, Where: where, Broken: ch <= 0xFFFF && f.Broken(ch)}
		if !c.seen[m] {
			c.seen[m] = true
			c.out = append(c.out, m)
		}
	}
}
