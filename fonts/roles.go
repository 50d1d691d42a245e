// Package fonts finds one font per typographic role of a 公文 report: the official fonts when the machine
// has them (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体, Times New Roman), else the bundled
// OFL defaults embedded in the binary. It also checks, before rendering, that every character a report uses
// has a glyph in the font of its role, so that no PDF ever shows tofu silently.
package fonts

import (
	"fmt"
	"strings"
)

// Role is the typographic role a font plays in the report.
type Role string

const (
	// Title is the report title (方正小标宋简体).
	Title Role = "title"
	// Body is body text, third-level items, signature and date (仿宋_GB2312).
	Body Role = "body"
	// Hei is the level-1 headings 一、… (黑体).
	Hei Role = "hei"
	// Kai is the level-2 headings （一）…, run-in leads and the corner note of table 三 (楷体_GB2312).
	Kai Role = "kai"
	// Song is table text and page numbers (宋体).
	Song Role = "song"
	// Latin is ASCII digits, letters and punctuation inside Chinese text (Times New Roman).
	Latin Role = "latin"
)

// Roles lists every role in a fixed order (the order of the `nianbao fonts` listing).
var Roles = []Role{Title, Body, Hei, Kai, Song, Latin}

// Official returns the name of the font the national rules prescribe for the role; the DOCX names it.
func (r Role) Official() string {
	switch r {
	case Title:
		return "方正小标宋简体"
	case Body:
		return "仿宋_GB2312"
	case Hei:
		return "黑体"
	case Kai:
		return "楷体_GB2312"
	case Song:
		return "宋体"
	case Latin:
		return "Times New Roman"
	}
	return string(r)
}

// aliases lists, per role, the family names that count as the official font, best first. Matching ignores
// case, spaces, '-' and '_' (see normFamily), against every family name a face carries (English and localized
// name records alike, in system folders and --fonts directories).
var aliases = map[Role][]string{
	Title: {"方正小标宋简体", "FZXiaoBiaoSong-B05S", "FZXBSJW--GB1-0", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"},
	Body:  {"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋"},
	Hei:   {"黑体", "SimHei", "STHeiti", "华文黑体"},
	Kai:   {"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体"},
	Song:  {"宋体", "SimSun", "NSimSun", "新宋体", "STSong", "华文宋体"},
	Latin: {"Times New Roman", "TimesNewRoman", "TimesNewRomanPSMT"},
}

// Aliases returns the family names accepted as the official font of the role, best first.
func (r Role) Aliases() []string { return append([]string(nil), aliases[r]...) }

// roleNames maps every accepted spelling of a role to the role.
var roleNames = map[string]Role{
	"title": Title, "body": Body, "hei": Hei, "kai": Kai, "song": Song, "latin": Latin,
	"标题": Title, "小标宋": Title, "方正小标宋": Title, "方正小标宋简体": Title,
	"正文": Body, "仿宋": Body, "仿宋_gb2312": Body, "fangsong": Body,
	"一级标题": Hei, "黑体": Hei, "simhei": Hei,
	"二级标题": Kai, "楷体": Kai, "楷体_gb2312": Kai, "kaiti": Kai,
	"表格": Song, "宋体": Song, "simsun": Song,
	"西文": Latin, "数字": Latin, "times": Latin, "timesnewroman": Latin,
}

// ParseRole parses a role name: the English role ("body") or a Chinese name ("仿宋", "正文").
func ParseRole(s string) (Role, error) {
	k := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	if r, ok := roleNames[k]; ok {
		return r, nil
	}
	return "", fmt.Errorf("未知的字体角色 %q：可用的角色为 title（标题，方正小标宋简体）、body（正文，仿宋_GB2312）、hei（一级标题，黑体）、kai（二级标题，楷体_GB2312）、song（表格与页码，宋体）、latin（西文与数字，Times New Roman）", s)
}

// RoleFor returns the role that sets rune r inside text of role base: Latin for printable ASCII (letters,
// digits, punctuation and the space, U+0020–U+007E), else base. The PDF renderer and CheckReport both use it.
func RoleFor(base Role, r rune) Role {
	if r >= 0x20 && r <= 0x7E {
		return Latin
	}
	return base
}

// normFamily folds a family name for matching: lower case, without spaces, '-' and '_'.
func normFamily(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '\t', '-', '_':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
