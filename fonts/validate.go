package fonts

import (
	"errors"
	"fmt"
	"io/fs"
	"math/bits"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/nianbao/nianbao/internal/osfile"
	"github.com/nianbao/nianbao/internal/sfnt"
)

// This file validates font files before they are used: a pure function over the bytes of a standalone
// sfnt (validateSfnt) and over a table directory and the file size (truncation), independent of how the
// bytes were read. A font that passes can be embedded without printing blank or garbled glyphs.

// MaxFontFile is the largest font file read (64 MiB; the largest common CJK collections are about 30 MiB).
const MaxFontFile = 64 << 20

// readFontFile reads a user or system font file: a regular file of at most MaxFontFile bytes.
func readFontFile(path string) ([]byte, error) {
	return osfile.Read(path, MaxFontFile, "字体文件")
}

// regularFont checks, before a font file is opened, that it is a regular file within MaxFontFile (a FIFO
// would block the open forever); the message says what it is instead.
func regularFont(path string) (fs.FileInfo, error) {
	st, err := osfile.Regular(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxFontFile {
		return nil, fmt.Errorf("文件过大（%d 字节）：字体文件不得超过 %d MiB", st.Size(), MaxFontFile>>20)
	}
	return st, nil
}

// truncation returns a message when a table of the face lies beyond the end of a file of size bytes.
func (fd faceDir) truncation(size int64) string {
	for tag, t := range fd.tables {
		if end := int64(t.off) + int64(t.length); end > size {
			return fmt.Sprintf("文件不完整（被截断）：%s 表应到第 %d 字节，文件只有 %d 字节；请重新下载或复制该字体文件", strings.TrimSpace(tag), end, size)
		}
	}
	return ""
}

// glyphs is what validateSfnt learned about a face: enough to tell, per character, whether its glyph has
// a well-formed outline.
type glyphs struct {
	numGlyphs int
	loca      []uint32 // numGlyphs+1 offsets into glyf
	glyf      []byte
	checked   map[int]bool // glyph id → outline well formed and not empty
}

// validateSfnt checks the tables of a standalone TrueType font: every table inside the file, head, maxp,
// hhea/hmtx and loca consistent with numGlyphs, loca non-decreasing and inside glyf, not every glyph empty.
func validateSfnt(data []byte) (*glyphs, error) {
	if len(data) < 12 {
		return nil, errors.New("文件不完整（被截断）：连文件头都不完整")
	}
	if n := sfnt.DirLen(data); n > len(data) {
		return nil, fmt.Errorf("文件不完整（被截断）：表目录应有 %d 字节，文件只有 %d 字节", n, len(data))
	}
	tables := map[string][]byte{}
	for r := range sfnt.Records(data) {
		t, ok := r.In(data)
		if !ok {
			return nil, fmt.Errorf("文件不完整（被截断）：%s 表应到第 %d 字节，文件只有 %d 字节；请重新下载或复制该字体文件", strings.TrimSpace(r.Tag), r.End(), len(data))
		}
		tables[r.Tag] = t
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 {
		return nil, errors.New("head 表损坏（过短）")
	}
	if len(maxp) < 6 {
		return nil, errors.New("maxp 表损坏（过短）")
	}
	g := &glyphs{numGlyphs: int(be.Uint16(maxp[4:])), glyf: glyf, checked: map[int]bool{}}
	if g.numGlyphs == 0 {
		return nil, errors.New("maxp 表说字体没有字形")
	}
	long := be.Uint16(head[50:])
	if long > 1 {
		return nil, fmt.Errorf("head 表的 indexToLocFormat 是 %d（只能是 0 或 1）", long)
	}
	width := 2 + 2*int(long)
	if len(loca) < (g.numGlyphs+1)*width {
		return nil, fmt.Errorf("loca 表只有 %d 字节，与 maxp 的字形数 %d 不符（应有 %d 字节）", len(loca), g.numGlyphs, (g.numGlyphs+1)*width)
	}
	g.loca = make([]uint32, g.numGlyphs+1)
	for i := range g.loca {
		if long == 1 {
			g.loca[i] = be.Uint32(loca[4*i:])
		} else {
			g.loca[i] = 2 * uint32(be.Uint16(loca[2*i:]))
		}
		if i > 0 && g.loca[i] < g.loca[i-1] {
			return nil, fmt.Errorf("loca 表损坏：第 %d 个字形的位置 %d 小于前一个 %d（应递增）", i, g.loca[i], g.loca[i-1])
		}
	}
	if last := g.loca[g.numGlyphs]; int64(last) > int64(len(glyf)) {
		return nil, fmt.Errorf("loca 表损坏：指向 glyf 表之外（第 %d 字节，glyf 表只有 %d 字节）", last, len(glyf))
	}
	if g.numGlyphs > 1 && g.loca[0] == g.loca[g.numGlyphs] {
		return nil, errors.New("loca 表损坏：所有字形都为空")
	}
	if hhea, hmtx := tables["hhea"], tables["hmtx"]; len(hhea) < 36 {
		return nil, errors.New("hhea 表损坏（过短）")
	} else if nh := int(be.Uint16(hhea[34:])); nh == 0 || nh > g.numGlyphs {
		return nil, fmt.Errorf("hhea 表的宽度数 %d 与字形数 %d 不符", nh, g.numGlyphs)
	} else if need := 4*nh + 2*(g.numGlyphs-nh); len(hmtx) < need {
		return nil, fmt.Errorf("hmtx 表只有 %d 字节，应有 %d 字节", len(hmtx), need)
	}
	return g, nil
}

// blankAllowed reports whether a character may have an empty glyph: anything but letters, digits,
// punctuation and symbols (spaces, marks such as variation selectors, format and control characters,
// unassigned and private-use code points), and the blank symbols (Braille blank, U+FFFC, Hangul fillers).
func blankAllowed(r rune) bool {
	if !unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S) {
		return true
	}
	switch r {
	case 0x115f, 0x1160, 0x3164, 0xffa0, 0x2800, 0xfffc:
		return true
	}
	return false
}

// outlineOK reports whether glyph id has a well-formed outline (an empty one only when blank is true).
func (g *glyphs) outlineOK(id int, blank bool) bool {
	if id <= 0 || id >= g.numGlyphs {
		return false
	}
	start, end := g.loca[id], g.loca[id+1]
	if start == end {
		return blank
	}
	ok, seen := g.checked[id]
	if !seen {
		ok = wellFormedGlyph(g.glyf[start:end], g.numGlyphs)
		g.checked[id] = ok
	}
	return ok
}

// wellFormedGlyph checks one glyf entry: header, contour ends, instructions and point data (simple
// glyphs) or component records with glyph ids in range (composite glyphs) all inside the entry.
func wellFormedGlyph(b []byte, numGlyphs int) bool {
	if len(b) < 10 {
		return false
	}
	nc := int(int16(be.Uint16(b)))
	if int16(be.Uint16(b[2:])) > int16(be.Uint16(b[6:])) || int16(be.Uint16(b[4:])) > int16(be.Uint16(b[8:])) {
		return false // xMin > xMax or yMin > yMax
	}
	if nc < 0 {
		p := 10
		for {
			if p+4 > len(b) {
				return false
			}
			flags, comp := be.Uint16(b[p:]), int(be.Uint16(b[p+2:]))
			if comp >= numGlyphs {
				return false
			}
			p += 4 + 2
			if flags&1 != 0 {
				p += 2
			}
			switch {
			case flags&0x08 != 0:
				p += 2
			case flags&0x40 != 0:
				p += 4
			case flags&0x80 != 0:
				p += 8
			}
			if p > len(b) {
				return false
			}
			if flags&0x20 == 0 {
				return true
			}
		}
	}
	if nc == 0 || 10+2*nc+2 > len(b) {
		return false
	}
	last := -1
	for i := range nc {
		e := int(be.Uint16(b[10+2*i:]))
		if e <= last {
			return false
		}
		last = e
	}
	points := last + 1
	p := 10 + 2*nc
	p += 2 + int(be.Uint16(b[p:]))
	var xs, ys int
	for n := 0; n < points; {
		if p >= len(b) {
			return false
		}
		f := b[p]
		p++
		repeat := 1
		if f&8 != 0 {
			if p >= len(b) {
				return false
			}
			repeat += int(b[p])
			p++
		}
		xl, yl := 0, 0
		switch {
		case f&2 != 0:
			xl = 1
		case f&16 == 0:
			xl = 2
		}
		switch {
		case f&4 != 0:
			yl = 1
		case f&32 == 0:
			yl = 2
		}
		xs += xl * repeat
		ys += yl * repeat
		n += repeat
	}
	return p+xs+ys <= len(b)
}

// glyphIDs calls visit with every character of the format-4 Unicode cmap subtable and its glyph id (the
// table parseCmap4 reads).
func glyphIDs(cmap []byte, visit func(r rune, id int)) {
	if len(cmap) < 4 {
		return
	}
	sub := -1
	for i := range int(be.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return
		}
		plat, enc, off := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:]), int(be.Uint32(cmap[rec+4:]))
		if ((plat == 3 && enc == 1) || plat == 0) && off+2 <= len(cmap) && be.Uint16(cmap[off:]) == 4 {
			sub = off
			break
		}
	}
	if sub < 0 || len(cmap)-sub < 14 {
		return
	}
	s := cmap[sub:]
	segX2 := int(be.Uint16(s[6:]))
	starts := 16 + segX2
	deltas, ranges := starts+segX2, starts+2*segX2
	if ranges+segX2 > len(s) {
		return
	}
	for i := 0; i < segX2; i += 2 {
		end, start := int(be.Uint16(s[14+i:])), int(be.Uint16(s[starts+i:]))
		delta, ro := be.Uint16(s[deltas+i:]), int(be.Uint16(s[ranges+i:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			var id uint16
			if ro == 0 {
				id = uint16(c) + delta
			} else {
				p := ranges + i + ro + 2*(c-start)
				if p+2 > len(s) {
					continue
				}
				if id = be.Uint16(s[p:]); id != 0 {
					id += delta
				}
			}
			if id != 0 {
				visit(rune(c), int(id))
			}
		}
	}
}

// validateFace validates standalone sfnt bytes (validateSfnt), then removes from cov the characters whose
// glyph is damaged and returns them (see prune); more than a few damaged glyphs make the font unusable.
// It costs about 15 ms for a CJK font of 30 000 glyphs.
func validateFace(data []byte, cov *coverage) (*coverage, error) {
	g, err := validateSfnt(data)
	if err != nil {
		return nil, err
	}
	var cmap []byte
	for r := range sfnt.Records(data) {
		if r.Tag == "cmap" {
			cmap, _ = r.In(data) // inside data: validateSfnt checked every table
		}
	}
	broken := g.prune(cmap, cov)
	if n := broken.count(); n > max(10, (n+cov.count())/100) {
		return nil, fmt.Errorf("glyf 表损坏：%d 个字符的字形为空或格式错误；请换用完好的字体文件（重新安装或复制）", n)
	}
	return broken, nil
}

// prune removes from cov every character whose glyph is out of range, malformed, or empty (except spaces),
// and returns those characters as a coverage set of their own.
func (g *glyphs) prune(cmap []byte, cov *coverage) *coverage {
	broken := new(coverage)
	glyphIDs(cmap, func(r rune, id int) {
		if cov.has(r) && !g.outlineOK(id, blankAllowed(r)) {
			cov[r/64] &^= 1 << (uint(r) % 64)
			broken[r/64] |= 1 << (uint(r) % 64)
		}
	})
	g.checked = nil
	return broken
}

// count returns how many characters a coverage set holds.
func (c *coverage) count() int {
	n := 0
	for _, w := range c {
		n += bits.OnesCount64(w)
	}
	return n
}

// Broken reports whether the face maps r to a glyph that is empty or malformed (a damaged font file);
// Has is false for such characters.
func (f *Face) Broken(r rune) bool {
	f.load()
	return f.broken != nil && f.broken.has(r)
}

// Check loads every face of s that is not bundled (bundled fonts are checked when they are built) and
// returns the first that cannot be used, naming its file and what is broken.
func (s *Set) Check() error {
	for _, r := range Roles {
		if f := s.faces[r]; f != nil && f.Source != Bundled {
			if _, err := f.Data(); err != nil {
				return err
			}
		}
	}
	return nil
}

// skipIrregular reports, while a folder of fonts is scanned, a font-named entry that is not a regular
// file (a FIFO would block the scan) and returns its note; "" when it is a regular file.
func skipIrregular(path string, d fs.DirEntry) string {
	if d.Type().IsRegular() {
		if info, err := d.Info(); err == nil && info.Size() > MaxFontFile {
			return fmt.Sprintf("跳过 %s：文件过大（超过 %d MiB）", path, MaxFontFile>>20)
		}
		return ""
	}
	if d.Type()&fs.ModeSymlink != 0 {
		if _, err := regularFont(path); err != nil {
			return fmt.Sprintf("跳过 %s：%v", path, osfile.Explain(err))
		}
		return ""
	}
	return fmt.Sprintf("跳过 %s：是%s，不是字体文件", filepath.Clean(path), osfile.Kind(d.Type()))
}
