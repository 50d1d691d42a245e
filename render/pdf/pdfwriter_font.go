package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/nianbao/nianbao/fonts"
)

// embeddedFont is one font role written into the PDF: a Type0 font over a subset of the face, its text
// encoded as two-byte glyph ids of the subset (Identity-H, CIDToGIDMap /Identity).
type embeddedFont struct {
	res  string          // resource name, e.g. F1
	obj  int             // object number of the Type0 font
	gids map[rune]uint16 // new glyph id of each drawn rune; absent runes draw .notdef
}

// encode appends the hex string of s in the font's glyph ids (runes the subset lacks, or above U+FFFF,
// draw glyph 0).
func (f *embeddedFont) encode(b []byte, s string) []byte {
	const digits = "0123456789ABCDEF"
	b = append(b, '<')
	for _, r := range s {
		g := f.gids[r]
		b = append(b, digits[g>>12], digits[g>>8&15], digits[g>>4&15], digits[g&15])
	}
	return append(b, '>')
}

// fontParts is a font role prepared for embedding: everything but the object numbers and the compression,
// done as it is written.
type fontParts struct {
	base   string // /ABCDEF+PostScriptName
	widths []byte // the /W entry
	desc   []byte // the font descriptor entries after FontName
	file   []byte // the subset
	cmap   []byte // the ToUnicode CMap
	gids   map[rune]uint16
}

// buildFont subsets the face of a role to the runes drawn with it and prepares its objects.
func buildFont(fi *faceInfo, role fonts.Role, runes []rune) (*fontParts, error) {
	sub, gids, err := subsetFontGlyphs(fi.data, fi.m, runes)
	if err != nil {
		return nil, err
	}
	t, err := sfntTables(sub)
	if err != nil {
		return nil, err
	}
	be := binary.BigEndian
	head, hhea, hmtx, maxp := t["head"], t["hhea"], t["hmtx"], t["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("subset lacks head, hhea or maxp")
	}
	upem := float64(be.Uint16(head[18:]))
	if upem == 0 {
		upem = 1000
	}
	scale := func(v float64) float64 { return math.Round(v*1000/upem*100) / 100 }
	n := int(be.Uint16(maxp[4:]))
	if 4*n > len(hmtx) {
		return nil, errors.New("subset hmtx too short")
	}

	// The glyph ids drawn, in order, with the runes they stand for.
	uses := make([]glyphRune, 0, len(gids))
	for r, g := range gids {
		uses = append(uses, glyphRune{g, r})
	}
	slices.SortFunc(uses, func(a, b glyphRune) int {
		if a.g != b.g {
			return int(a.g) - int(b.g)
		}
		return int(a.r) - int(b.r)
	})

	// The subset tag: six capitals from a hash of the role and the glyphs it maps.
	h := sha256.New()
	h.Write([]byte(role))
	var u [6]byte
	for _, x := range uses {
		be.PutUint16(u[:], x.g)
		be.PutUint32(u[2:], uint32(x.r))
		h.Write(u[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	name := postScriptName(t["name"])
	if name == "" {
		name = pdfName(fi.face.Family)
	}
	if name == "" {
		name = "Nianbao-" + pdfName(string(role))
	}
	p := &fontParts{base: "/" + string(tag) + "+" + name, gids: gids}

	w := append(make([]byte, 0, 8*n+16), " /W [0 ["...)
	for g := 0; g < n; g++ {
		if g > 0 {
			w = append(w, ' ')
		}
		w = appendNum(w, scale(float64(be.Uint16(hmtx[4*g:]))), 2)
	}
	p.widths = append(w, "]]"...)

	// Every face declares the same ideographic em box (0.88 / −0.12 em) as its ascent and descent, the box
	// the layout sets text in, so extraction tools keep Latin digits on the line of the CJK characters.
	capHeight := ascent * 1000
	weight := 400.0
	if os2 := t["OS/2"]; len(os2) >= 6 {
		if w := float64(be.Uint16(os2[4:])); w > 0 && w <= 1000 {
			weight = w
		}
		if be.Uint16(os2) >= 2 && len(os2) >= 90 {
			if c := float64(int16(be.Uint16(os2[88:]))); c > 0 {
				capHeight = scale(c)
			}
		}
	}
	b := append([]byte(nil), " /Flags 4 /FontBBox ["...)
	for i, off := range []int{36, 38, 40, 42} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum(b, scale(float64(int16(be.Uint16(head[off:])))), 2)
	}
	b = append(b, "] /ItalicAngle 0 /Ascent "...)
	b = appendNum(b, ascent*1000, 2)
	b = append(b, " /Descent "...)
	b = appendNum(b, -(1-ascent)*1000, 2)
	b = append(b, " /CapHeight "...)
	b = appendNum(b, capHeight, 2)
	b = append(b, " /StemV "...)
	p.desc = strconv.AppendInt(b, int64(50+(weight/65)*(weight/65)), 10)

	p.file, p.cmap = sub, toUnicode(uses)
	return p, nil
}

// writeFont writes a prepared font: the Type0 font, its CIDFontType2 descendant (CIDToGIDMap /Identity,
// the widths of the subset's glyphs), the font descriptor, the font file and the ToUnicode CMap.
func (pw *pdfWriter) writeFont(p *fontParts, res string) (*embeddedFont, error) {
	type0, cid, desc, file, cmap := pw.alloc(), pw.alloc(), pw.alloc(), pw.alloc(), pw.alloc()
	pw.object(type0, "<< /Type /Font /Subtype /Type0 /BaseFont "+p.base+" /Encoding /Identity-H /DescendantFonts ["+
		ref(cid)+"] /ToUnicode "+ref(cmap)+" >>")
	pw.object(cid, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont "+p.base+
		" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "+ref(desc)+
		" /CIDToGIDMap /Identity /DW 1000"+string(p.widths)+" >>")
	pw.object(desc, "<< /Type /FontDescriptor /FontName "+p.base+string(p.desc)+" /FontFile2 "+ref(file)+" >>")
	if err := pw.stream(file, " /Length1 "+strconv.Itoa(len(p.file)), p.file); err != nil {
		return nil, err
	}
	if err := pw.stream(cmap, "", p.cmap); err != nil {
		return nil, err
	}
	return &embeddedFont{res: res, obj: type0, gids: p.gids}, nil
}

// glyphRune is a glyph id of a subset and the character it draws.
type glyphRune struct {
	g uint16
	r rune
}

// toUnicode returns the ToUnicode CMap mapping each glyph id to its character, so text extracts. m is
// sorted by glyph id; of several characters sharing a glyph the first is kept, and .notdef maps to none.
func toUnicode(all []glyphRune) []byte {
	m := make([]glyphRune, 0, len(all))
	for _, x := range all {
		if x.g != 0 && (len(m) == 0 || m[len(m)-1].g != x.g) {
			m = append(m, x)
		}
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	hex4 := func(v uint16) string {
		const digits = "0123456789ABCDEF"
		return string([]byte{'<', digits[v>>12], digits[v>>8&15], digits[v>>4&15], digits[v&15], '>'})
	}
	for len(m) > 0 {
		k := min(len(m), 100)
		b.WriteString(strconv.Itoa(k))
		b.WriteString(" beginbfchar\n")
		for _, x := range m[:k] {
			b.WriteString(hex4(x.g))
			b.WriteByte(' ')
			if x.r > 0xFFFF {
				u := utf16.Encode([]rune{x.r})
				b.WriteString(hex4(u[0])[:5] + hex4(u[1])[1:])
			} else {
				b.WriteString(hex4(uint16(x.r)))
			}
			b.WriteByte('\n')
		}
		b.WriteString("endbfchar\n")
		m = m[k:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}

// postScriptName reads the PostScript name (name id 6) from a name table, as PDF name characters.
func postScriptName(name []byte) string {
	be := binary.BigEndian
	if len(name) < 6 {
		return ""
	}
	count, strOff := int(be.Uint16(name[2:])), int(be.Uint16(name[4:]))
	for i := 0; i < count; i++ {
		rec := 6 + 12*i
		if rec+12 > len(name) {
			break
		}
		pid, nid := be.Uint16(name[rec:]), be.Uint16(name[rec+6:])
		l, off := int(be.Uint16(name[rec+8:])), strOff+int(be.Uint16(name[rec+10:]))
		if nid != 6 || off+l > len(name) {
			continue
		}
		s := name[off : off+l]
		var raw []byte
		switch pid {
		case 1:
			raw = s
		case 0, 3:
			for j := 1; j < len(s); j += 2 {
				if s[j-1] == 0 {
					raw = append(raw, s[j])
				}
			}
		default:
			continue
		}
		if n := pdfName(string(raw)); n != "" {
			return n
		}
	}
	return ""
}
