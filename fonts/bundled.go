package fonts

import "embed"

// bundledFS holds the default fonts built by tools/fonts/build-fonts.sh (see fonts/README.md) and their
// licences. Each .ttf.zst (packed by tools/fonts/pack) is decompressed only when a document uses its role.
//
//go:embed data/*.ttf.zst data/LICENSE-*.txt
var bundledFS embed.FS

// bundledFace describes one embedded default font.
type bundledFace struct {
	file   string // name under data/, without .zst
	family string // full name (name ID 4) as set by tools/fonts/rename.py
	from   string // the upstream font it is made from
}

// bundled maps each role to its default font.
var bundled = map[Role]bundledFace{
	Title: {"title-serif-bold.ttf", "Report Serif SC Bold", "Noto Serif CJK SC Bold"},
	Body:  {"body-fangsong.ttf", "Report Fangsong SC Regular", "Zhuque Fangsong 0.211 (朱雀仿宋, technical preview)"},
	Hei:   {"heading-sans.ttf", "Report Sans SC Regular", "Noto Sans CJK SC Regular"},
	Kai:   {"heading-kai.ttf", "Report Kai SC Regular", "LXGW WenKai Regular"},
	Song:  {"table-serif.ttf", "Report Serif SC Regular", "Noto Serif CJK SC Regular"},
	Latin: {"latin-serif.ttf", "Report Serif Latin Regular", "Liberation Serif Regular"},
}

// Licenses returns the names and texts of the licences of the bundled fonts (SIL OFL 1.1).
func Licenses() map[string]string {
	out := map[string]string{}
	ents, _ := bundledFS.ReadDir("data")
	for _, e := range ents {
		if len(e.Name()) > 8 && e.Name()[:8] == "LICENSE-" {
			b, err := bundledFS.ReadFile("data/" + e.Name())
			if err == nil {
				out[e.Name()] = string(b)
			}
		}
	}
	return out
}
