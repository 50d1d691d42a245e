package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/nianbao/nianbao/internal/sfnt"
)

// This file reads just enough of the sfnt (TrueType/OpenType) format with the standard library: the faces
// of a file or collection, their names, whether the PDF writer can embed them, their cmap, and one face of a .ttc as
// a standalone font. It reads through io.ReaderAt so that scanning a font directory does not load whole
// collections into memory.

var be = binary.BigEndian

// tableRec locates one table of a face inside its file.
type tableRec struct{ off, length uint32 }

// faceDir is the table directory of one face of a font file.
type faceDir struct {
	index   int
	version uint32
	tables  map[string]tableRec
}

// readAt reads n bytes at off, failing cleanly on short files.
func readAt(r io.ReaderAt, off int64, n int) ([]byte, error) {
	if n < 0 || n > 1<<28 {
		return nil, errors.New("表长度异常")
	}
	b := make([]byte, n)
	if _, err := r.ReadAt(b, off); err != nil {
		return nil, fmt.Errorf("文件不完整（被截断）或已损坏（偏移 %d 处读取 %d 字节失败）；请重新下载或复制该字体文件", off, n)
	}
	return b, nil
}

// readFaces returns the table directory of every face in a font file (one for .ttf/.otf, n for .ttc).
func readFaces(r io.ReaderAt) ([]faceDir, error) {
	head, err := readAt(r, 0, 12)
	if err != nil {
		return nil, err
	}
	if string(head[:4]) != "ttcf" {
		fd, err := readFaceDir(r, 0, 0)
		if err != nil {
			return nil, err
		}
		return []faceDir{fd}, nil
	}
	n := int(be.Uint32(head[8:]))
	if n < 1 || n > 1000 {
		return nil, fmt.Errorf("字体集（ttc）中的字体数 %d 异常", n)
	}
	offs, err := readAt(r, 12, 4*n)
	if err != nil {
		return nil, err
	}
	out := make([]faceDir, 0, n)
	for i := range n {
		fd, err := readFaceDir(r, int64(be.Uint32(offs[4*i:])), i)
		if err != nil {
			return nil, fmt.Errorf("字体集第 %d 个字体：%v", i, err)
		}
		out = append(out, fd)
	}
	return out, nil
}

// readFaceDir reads the offset table and table records at off.
func readFaceDir(r io.ReaderAt, off int64, index int) (faceDir, error) {
	h, err := readAt(r, off, 12)
	if err != nil {
		return faceDir{}, err
	}
	v := be.Uint32(h)
	switch v {
	case 0x00010000, 0x74727565 /* true */, 0x4F54544F /* OTTO */ :
	default:
		return faceDir{}, fmt.Errorf("不是 TrueType/OpenType 字体（文件头 %q）", h[:4])
	}
	n := int(be.Uint16(h[4:]))
	recs, err := readAt(r, off+12, 16*n)
	if err != nil {
		return faceDir{}, err
	}
	fd := faceDir{index: index, version: v, tables: make(map[string]tableRec, n)}
	for r := range sfnt.Records(append(h, recs...)) {
		fd.tables[r.Tag] = tableRec{off: r.Off, length: r.Len}
	}
	return fd, nil
}

// table reads one table of the face.
func (fd faceDir) table(r io.ReaderAt, tag string) ([]byte, error) {
	t, ok := fd.tables[tag]
	if !ok {
		return nil, fmt.Errorf("缺少 %s 表", strings.TrimSpace(tag))
	}
	return readAt(r, int64(t.off), int(t.length))
}

// faceInfo is what discovery needs to know about one face.
type faceInfo struct {
	index    int
	families []string // name IDs 1 and 16, every language, in table order
	full     string   // name ID 4 in English (or the first one found)
	style    string   // name ID 17 or 2 in English
	problem  string   // why the PDF writer cannot embed the face; "" when it can
}

// describe reads the names of a face and checks that fpdf can embed it.
func (fd faceDir) describe(r io.ReaderAt) faceInfo {
	fi := faceInfo{index: fd.index}
	if name, err := fd.table(r, "name"); err == nil {
		fi.families, fi.full, fi.style = parseNames(name)
	}
	fi.problem = fd.embedProblem(r)
	return fi
}

// embedProblem mirrors what fpdf's AddUTF8Font needs: TrueType glyf outlines, the usual tables, a name
// table of format 0, a Unicode cmap of format 4 and no embedding restriction (OS/2 fsType).
func (fd faceDir) embedProblem(r io.ReaderAt) string {
	_, cff := fd.tables["CFF "]
	_, cff2 := fd.tables["CFF2"]
	if fd.version == 0x4F54544F || cff || cff2 {
		return "CFF 轮廓（OpenType/CFF），PDF 生成库只能嵌入 TrueType（glyf）轮廓的字体"
	}
	for _, t := range []string{"glyf", "loca", "head", "hhea", "maxp", "hmtx", "cmap", "name", "OS/2", "post"} {
		if _, ok := fd.tables[t]; !ok {
			return "缺少 " + t + " 表，PDF 生成库无法嵌入"
		}
	}
	if name, err := fd.table(r, "name"); err != nil || len(name) < 6 || be.Uint16(name) != 0 {
		return "name 表格式不受支持（需要格式 0）"
	}
	if os2, err := fd.table(r, "OS/2"); err != nil || len(os2) < 10 {
		return "OS/2 表损坏"
	} else if fs := be.Uint16(os2[8:]); fs == 0x0002 || fs&0x0300 != 0 {
		return fmt.Sprintf("字体授权禁止嵌入（OS/2 fsType=0x%04x）", fs)
	}
	cmap, err := fd.table(r, "cmap")
	if err != nil {
		return "cmap 表无法读取"
	}
	if _, err := parseCmap4(cmap); err != nil {
		return err.Error()
	}
	return ""
}

// parseNames returns the family names (IDs 1 and 16, all languages), the English full name and style.
func parseNames(t []byte) (families []string, full, style string) {
	if len(t) < 6 {
		return nil, "", ""
	}
	count := int(be.Uint16(t[2:]))
	strOff := int(be.Uint16(t[4:]))
	seen := map[string]bool{}
	var style2, style17 string
	for i := range count {
		rec := 6 + 12*i
		if rec+12 > len(t) {
			break
		}
		plat, enc, lang := be.Uint16(t[rec:]), be.Uint16(t[rec+2:]), be.Uint16(t[rec+4:])
		id, n, o := be.Uint16(t[rec+6:]), int(be.Uint16(t[rec+8:])), int(be.Uint16(t[rec+10:]))
		if strOff+o+n > len(t) {
			continue
		}
		s := decodeName(plat, enc, t[strOff+o:strOff+o+n])
		if s == "" {
			continue
		}
		english := plat == 1 || (plat == 3 && lang == 0x409) || plat == 0
		switch id {
		case 1, 16:
			if !seen[s] {
				seen[s] = true
				families = append(families, s)
			}
		case 4:
			if full == "" || (english && lang == 0x409) {
				full = s
			}
		case 2:
			if english && style2 == "" {
				style2 = s
			}
		case 17:
			if english && style17 == "" {
				style17 = s
			}
		}
	}
	style = style17
	if style == "" {
		style = style2
	}
	return families, full, style
}

// decodeName decodes one name record: UTF-16BE for Unicode and Windows Unicode, GBK for Windows PRC,
// Latin-1 for Macintosh Roman (names of interest are ASCII there).
func decodeName(plat, enc uint16, b []byte) string {
	switch {
	case plat == 0 || (plat == 3 && (enc == 0 || enc == 1 || enc == 10)):
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = be.Uint16(b[2*i:])
		}
		return strings.TrimSpace(string(utf16.Decode(u)))
	case plat == 3 && enc == 3: // PRC: GBK bytes stored in 16-bit units
		var raw []byte
		for i := 0; i+1 < len(b); i += 2 {
			if b[i] != 0 {
				raw = append(raw, b[i])
			}
			raw = append(raw, b[i+1])
		}
		s, err := simplifiedchinese.GBK.NewDecoder().Bytes(raw)
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(s))
	case plat == 1 && enc == 0:
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return strings.TrimSpace(string(r))
	}
	return ""
}

// coverage is the set of BMP runes a face maps to a glyph other than .notdef.
type coverage [65536 / 64]uint64

// has reports whether r is covered.
func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 65536 && c[r/64]&(1<<(uint(r)%64)) != 0
}

// setRange covers the codes lo through hi (none when lo > hi).
func (c *coverage) setRange(lo, hi int) {
	for lo <= hi {
		if lo%64 == 0 && hi-lo >= 63 {
			c[lo/64] = ^uint64(0)
			lo += 64
			continue
		}
		c[lo/64] |= 1 << (uint(lo) % 64)
		lo++
	}
}

// parseCmap4 reads the first Unicode cmap subtable of format 4 (platform 3 encoding 1, or platform 0),
// the one fpdf uses, into a coverage set.
func parseCmap4(t []byte) (*coverage, error) {
	bad := errors.New("cmap 表损坏")
	if len(t) < 4 {
		return nil, bad
	}
	n := int(be.Uint16(t[2:]))
	sub := -1
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(t) {
			return nil, bad
		}
		plat, enc, off := be.Uint16(t[rec:]), be.Uint16(t[rec+2:]), int(be.Uint32(t[rec+4:]))
		if (plat == 3 && enc == 1) || plat == 0 {
			if off+2 <= len(t) && be.Uint16(t[off:]) == 4 {
				sub = off
				break
			}
		}
	}
	if sub < 0 {
		return nil, errors.New("没有格式 4 的 Unicode cmap 子表，PDF 生成库无法使用")
	}
	s := t[sub:]
	if len(s) < 14 {
		return nil, bad
	}
	segX2 := int(be.Uint16(s[6:]))
	ends, starts := 14, 16+segX2
	deltas, ranges := starts+segX2, starts+2*segX2
	if ranges+segX2 > len(s) {
		return nil, bad
	}
	cov := new(coverage)
	for i := 0; i < segX2; i += 2 {
		end, start := int(be.Uint16(s[ends+i:])), int(be.Uint16(s[starts+i:]))
		delta, ro := be.Uint16(s[deltas+i:]), int(be.Uint16(s[ranges+i:]))
		if ro == 0 && start <= end {
			// Every code of the segment maps to code+delta: all are covered but the one that lands on 0.
			hi := min(end, 0xFFFE)
			cov.setRange(start, hi)
			if z := int(-delta); z >= start && z <= hi {
				cov[z/64] &^= 1 << (uint(z) % 64)
			}
			continue
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			var g uint16
			if ro == 0 {
				g = uint16(c) + delta
			} else {
				p := ranges + i + ro + 2*(c-start)
				if p+2 > len(s) {
					continue
				}
				if g = be.Uint16(s[p:]); g != 0 {
					g += delta
				}
			}
			if g != 0 {
				cov[c/64] |= 1 << (uint(c) % 64)
			}
		}
	}
	return cov, nil
}

// extractFace returns face idx of a .ttc as a standalone sfnt; other files are returned as they are.
// Table checksums stay valid because each table is copied unchanged (4-byte aligned).
func extractFace(data []byte, idx int) ([]byte, error) {
	if len(data) < 12 || string(data[:4]) != "ttcf" {
		return data, nil
	}
	if n := int(be.Uint32(data[8:])); idx < 0 || idx >= n || 12+4*n > len(data) {
		return nil, fmt.Errorf("字体集中没有第 %d 个字体", idx)
	}
	off := int(be.Uint32(data[12+4*idx:]))
	if off+12 > len(data) {
		return nil, errors.New("字体集已损坏")
	}
	n := sfnt.NumTables(data[off:])
	if off+sfnt.DirLen(data[off:]) > len(data) {
		return nil, errors.New("字体集已损坏")
	}
	out := append([]byte(nil), data[off:off+12]...)
	dir := make([]byte, 16*n)
	var body []byte
	base := 12 + 16*n
	i := 0
	for r := range sfnt.Records(data[off:]) {
		t, ok := r.In(data)
		if !ok {
			return nil, errors.New("字体集中的表越界")
		}
		copy(dir[16*i:], data[off+12+16*i:off+20+16*i])
		be.PutUint32(dir[16*i+8:], uint32(base+len(body)))
		be.PutUint32(dir[16*i+12:], r.Len)
		body = append(body, t...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
		i++
	}
	return append(append(out, dir...), body...), nil
}
