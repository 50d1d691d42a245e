package pdf

import (
	"fmt"
	"unicode"

	"github.com/nianbao/nianbao/fonts"
)

// faceInfo is one font role as the layout and the writer use it: its bytes and metrics.
type faceInfo struct {
	role fonts.Role
	face *fonts.Face
	data []byte
	m    *metrics
}

// faceSet loads the faces of a fonts.Set lazily, one per role.
type faceSet struct {
	set   *fonts.Set
	faces map[fonts.Role]*faceInfo
	err   error
}

func newFaceSet(s *fonts.Set) *faceSet {
	return &faceSet{set: s, faces: map[fonts.Role]*faceInfo{}}
}

// get returns the face of a role, loading it on first use; nil (and fs.err set) when it cannot be loaded.
func (fs *faceSet) get(role fonts.Role) *faceInfo {
	if fi, ok := fs.faces[role]; ok {
		return fi
	}
	fs.faces[role] = nil
	face := fs.set.Face(role)
	if base, ok := fallbackBase(role); ok {
		face = fs.set.Fallback(base)
	}
	if face == nil {
		fs.fail(fmt.Errorf("PDF：没有%s角色（%s）的字体；请用 --font %s=文件 指定一个 TrueType 字体", role, role.Official(), role))
		return nil
	}
	data, err := face.Tables() // glyf may be absent: outlines are read through face.GlyphReader
	if err != nil {
		fs.fail(fmt.Errorf("PDF：读取%s角色（%s）的字体 %s 失败：%v；请用 --font %s=文件 换一个 TrueType 字体", role, role.Official(), face.Family, err, role))
		return nil
	}
	m, err := metricsFor(data, face.GlyphReader())
	if err != nil {
		fs.fail(fmt.Errorf("PDF：%s角色（%s）的字体 %s 不能使用：%v；请用 --font %s=文件 换一个 TrueType (glyf) 字体", role, role.Official(), face.Family, err, role))
		return nil
	}
	fi := &faceInfo{role: role, face: face, data: data, m: m}
	fs.faces[role] = fi
	return fi
}

func (fs *faceSet) fail(err error) {
	if fs.err == nil {
		fs.err = err
	}
}

// replacement is drawn for a rune no face can draw (above U+FFFF, or missing from the face).
const replacement = '〓'

// pick returns the role and the rune to draw for r in text of the base role. A rune the face lacks is
// drawn as 〓 (or ? when the face lacks that too); nothing outside the BMP ever reaches the writer.
func (fs *faceSet) pick(base fonts.Role, r rune) (fonts.Role, rune) {
	if r == '\t' || r == '\u00a0' || r == '\u3000' && !fs.has(base, r) {
		r = ' '
	}
	role := fonts.RoleFor(base, r)
	if r <= 0xFFFF && r >= 0x20 {
		if isCJKQuote(r) {
			if q, ok := fs.quoteRole(role, r); ok {
				return q, r
			}
		}
		if base == fonts.Title && role == fonts.Latin && fs.has(fonts.Title, r) {
			return fonts.Title, r // digits and Latin of the bold title in the title face's own (bold) glyphs
		}
		if fs.has(role, r) {
			return role, r
		}
		if fb, ok := fs.fallback(role, r); ok {
			return fb, r
		}
		if role != base && fs.has(base, r) {
			return base, r
		}
	}
	if fs.has(base, replacement) {
		return base, replacement
	}
	if fs.has(fonts.Latin, '?') {
		return fonts.Latin, '?'
	}
	return base, '?'
}

func (fs *faceSet) has(role fonts.Role, r rune) bool {
	fi := fs.get(role)
	return fi != nil && fi.m.has(r)
}

// advance returns the natural advance of r in the face of role at size, in pt.
func (fs *faceSet) advance(role fonts.Role, r rune, size float64) float64 {
	fi := fs.get(role)
	if fi == nil {
		return size
	}
	if r == '—' && role != fonts.Latin {
		return dashAdvance * size
	}
	return fi.m.advance(r) * size
}

// invisible reports runes that take no room and are not drawn (zero-width spaces, BOM, joiners).
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || r == '\n' || r == '\r'
}

// fallbackSuffix marks the pseudo-role under which the per-character fallback face of a role (fonts.Set.Fallback:
// the previous bundled body font behind bundled 朱雀仿宋) is loaded and embedded as a font of its own.
const fallbackSuffix = "+fallback"

// fallbackBase returns the role whose fallback the pseudo-role names.
func fallbackBase(role fonts.Role) (fonts.Role, bool) {
	s := string(role)
	if len(s) > len(fallbackSuffix) && s[len(s)-len(fallbackSuffix):] == fallbackSuffix {
		return fonts.Role(s[:len(s)-len(fallbackSuffix)]), true
	}
	return role, false
}

// fallback returns the pseudo-role that draws r when role's own face lacks it, if the role has a fallback
// face that has r.
func (fs *faceSet) fallback(role fonts.Role, r rune) (fonts.Role, bool) {
	if fs.set.Fallback(role) == nil {
		return role, false
	}
	fb := role + fallbackSuffix
	return fb, fs.has(fb, r)
}
