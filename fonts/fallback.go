package fonts

import "github.com/nianbao/nianbao/report"

// Per-character fallback of the bundled fonts.
//
// The bundled body font, 朱雀仿宋 (Zhuque Fangsong), covers all of GB 2312's hanzi and the 通用规范汉字表,
// but lacks a few symbols a report may use: ①–⑩, ℃, ※, ○●, Ⅰ–Ⅻ, full-width ０–９/Ａ–Ｚ, box drawing. Those
// characters, one by one, are set in the previous bundled body font (Noto Serif CJK SC Light), which is kept in
// the binary for that purpose. The fallback applies only while the role uses its bundled default: a font the
// user chose (or an official font found on the machine) is used as it is, and a glyph it lacks is reported.

// bundledFallback maps a role to the bundled font that sets the characters its bundled default lacks.
var bundledFallback = map[Role]bundledFace{
	Body: {"body-serif-light.ttf", "Report Serif SC Light", "Noto Serif CJK SC Light"},
}

// setFallbacks gives every role that uses its bundled default the bundled fallback face, if it has one.
func (s *Set) setFallbacks() {
	for _, r := range Roles {
		f := s.faces[r]
		b, ok := bundledFallback[r]
		if !ok || f == nil || f.Source != Bundled {
			continue
		}
		if s.fallbacks == nil {
			s.fallbacks = map[Role]*Face{}
		}
		s.fallbacks[r] = &Face{Role: r, Family: b.family, File: b.file, Source: Bundled}
	}
}

// Fallback returns the face that sets, character by character, what the role's face lacks: the previous
// bundled body font while the body role uses bundled 朱雀仿宋; nil for every other role and for fonts the
// user or the system supplied.
func (s *Set) Fallback(r Role) *Face { return s.fallbacks[r] }

// FaceFor returns the face that draws rune ch in role r: the role's face when it has the glyph, else the
// role's fallback when that has it; nil when neither can draw ch.
func (s *Set) FaceFor(r Role, ch rune) *Face {
	if f := s.faces[r]; f != nil && f.Has(ch) {
		return f
	}
	if fb := s.fallbacks[r]; fb != nil && fb.Has(ch) {
		return fb
	}
	return nil
}

// FallbackRunes returns, per role, the distinct characters of the report (in first-use order) that the
// role's face lacks and its fallback face sets (for `nianbao fonts`).
func FallbackRunes(s *Set, r *report.Report) map[Role][]rune {
	out := map[Role][]rune{}
	seen := map[Role]map[rune]bool{}
	walk(r, func(base Role, text, _ string) {
		for _, ch := range text {
			role := RoleFor(base, ch)
			fb := s.fallbacks[role]
			if fb == nil || seen[role][ch] {
				continue
			}
			if f := s.faces[role]; ch <= 0xFFFF && !f.Has(ch) && fb.Has(ch) {
				if seen[role] == nil {
					seen[role] = map[rune]bool{}
				}
				seen[role][ch] = true
				out[role] = append(out[role], ch)
			}
		}
	})
	return out
}
