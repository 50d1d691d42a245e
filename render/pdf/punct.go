package pdf

import (
	"github.com/nianbao/nianbao/fonts"
)

// Punctuation that GB/T 15834 sets full width in every role.

// isCJKQuote reports the quotation marks “ ” ‘ ’.
func isCJKQuote(r rune) bool { return r == '“' || r == '”' || r == '‘' || r == '’' }

// quoteRole returns the role whose face draws quotation mark r in text of role: the role itself when its
// glyph is full width, else the body face when that one's is (LXGW WenKai, the bundled 楷体, has
// proportional Latin-style quotes of 0.35 em).
func (fs *faceSet) quoteRole(role fonts.Role, r rune) (fonts.Role, bool) {
	if role == fonts.Latin || role == fonts.Body || !fs.has(role, r) || fs.advance(role, r, 1) >= 0.7 {
		return role, false
	}
	if fs.has(fonts.Body, r) && fs.advance(fonts.Body, r, 1) >= 0.99 {
		return fonts.Body, true
	}
	return role, false
}

// dashAdvance returns the advance, in em, the layout gives U+2014 in a CJK role: a full em, so that "——"
// takes exactly two characters (GB/T 15834 破折号) whatever the face's own advance (0.88 em in Noto CJK).
// The pair is drawn as one unbroken rule (dashRules).
const dashAdvance = 1.0

// dashRules adds, for every run of two or more U+2014 on a placed line whose face's dash does not fill
// its em box, one rule over the whole run at the height and thickness of the face's dash, so that "——"
// prints as one unbroken line.
func (l *layouter) dashRules(p *Page, info Line, glyphs []placedGlyph) {
	for i := 0; i < len(glyphs); {
		if glyphs[i].r != '—' {
			i++
			continue
		}
		j := i
		for j < len(glyphs) && glyphs[j].r == '—' && glyphs[j].role == glyphs[i].role {
			j++
		}
		if j-i >= 2 {
			g := glyphs[i]
			fi := l.fs.get(g.role)
			if fi != nil {
				// A face whose dash fills its em box (朱雀仿宋) already joins; others (Noto CJK, 0.88 em
				// with side bearings) get the rule.
				if x0, lo, x1, hi, ok := fi.m.inkBox('—'); ok && (x0 > 0.02 || x1 < 0.98) {
					y := info.Y - (lo+hi)/2*g.size
					last := glyphs[j-1]
					p.Rules = append(p.Rules, Rule{X1: g.x, Y1: y, X2: last.x + last.adv, Y2: y, Width: (hi - lo) * g.size})
				}
			}
		}
		i = j
	}
}

// placedGlyph is a drawn glyph of a line as dashRules needs it.
type placedGlyph struct {
	r      rune
	role   fonts.Role
	x, adv float64
	size   float64
}
