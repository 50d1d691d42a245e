package pdf

import (
	"encoding/binary"
	"errors"
	"io"
	"sync"
)

// metrics reads what the layout needs from a TrueType face: which runes it maps (cmap format 4, the
// table the PDF writer reads) and their advance widths (hmtx), in units of the em.
type metrics struct {
	upem float64
	hmtx []byte // longHorMetric records (advance, lsb) by glyph id; glyphs past the end use the last
	nh   int    // number of records
	// cmap is the format 4 subtable, read in place: seg segments, their endCode array at offset 14, then
	// startCode, idDelta and idRangeOffset (at rangeBase) arrays, then the glyphIdArray.
	cmap      []byte
	seg       int
	rangeBase int
	// glyf and loca locate glyph outlines (for the ink box of a glyph); longLoca is head.indexToLocFormat.
	glyf, loca []byte
	longLoca   bool
	// glyphs, when set, reads the glyf table instead of glyf (fonts.Face.GlyphReader: pread on the font
	// cache file, so the outlines never count in the process's RSS); glyf still gives the table's length.
	glyphs io.ReaderAt
}

// outline returns the bytes a:b of the glyf table (through glyphs when set); nil when they cannot be read.
func (m *metrics) outline(a, b int) []byte {
	if a < 0 || a > b || b > len(m.glyf) {
		return nil
	}
	if m.glyphs == nil {
		return m.glyf[a:b]
	}
	d := make([]byte, b-a)
	if _, err := m.glyphs.ReadAt(d, int64(a)); err != nil {
		return nil
	}
	return d
}

var errNoFace = errors.New("not a TrueType (glyf) face")

// parseMetrics parses the cmap, head, hhea and hmtx tables of a TrueType face.
func parseMetrics(data []byte) (*metrics, error) {
	be := binary.BigEndian
	if len(data) < 12 {
		return nil, errNoFace
	}
	if v := be.Uint32(data); v != 0x00010000 && v != 0x74727565 {
		return nil, errNoFace
	}
	tables, err := sfntTables(data)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || cmap == nil {
		return nil, errors.New("font lacks head, hhea or cmap")
	}
	m := &metrics{upem: float64(be.Uint16(head[18:])),
		glyf: tables["glyf"], loca: tables["loca"], longLoca: be.Uint16(head[50:]) == 1}
	if m.upem == 0 {
		m.upem = 1000
	}
	nh := int(be.Uint16(hhea[34:]))
	if 4*nh > len(hmtx) || nh == 0 {
		return nil, errors.New("font hmtx table too short")
	}
	m.hmtx, m.nh = hmtx, nh
	if len(cmap) < 4 {
		return nil, errors.New("font cmap too short")
	}
	// Pick the Unicode BMP subtable (3,1) or (0,x) in format 4.
	nt := int(be.Uint16(cmap[2:]))
	var sub []byte
	for i := 0; i < nt && 4+8*i+8 <= len(cmap); i++ {
		pid, eid := be.Uint16(cmap[4+8*i:]), be.Uint16(cmap[6+8*i:])
		off := int(be.Uint32(cmap[8+8*i:]))
		if off+4 > len(cmap) || be.Uint16(cmap[off:]) != 4 {
			continue
		}
		if (pid == 3 && eid == 1) || pid == 0 {
			sub = cmap[off:]
			break
		}
	}
	if sub == nil || len(sub) < 14 {
		return nil, errors.New("font has no Unicode cmap (format 4)")
	}
	seg := int(be.Uint16(sub[6:])) / 2
	if 16+8*seg > len(sub) {
		return nil, errors.New("font cmap format 4 too short")
	}
	m.seg = seg
	m.rangeBase = 16 + 6*seg
	m.cmap = sub
	return m, nil
}

// glyph returns the glyph id of r, 0 when the face does not map it.
func (m *metrics) glyph(r rune) int {
	if r < 0 || r > 0xFFFF {
		return 0
	}
	c := uint16(r)
	be := binary.BigEndian
	lo, hi := 0, m.seg
	for lo < hi {
		mid := (lo + hi) / 2
		if be.Uint16(m.cmap[14+2*mid:]) < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo >= m.seg || be.Uint16(m.cmap[16+2*m.seg+2*lo:]) > c {
		return 0
	}
	delta := be.Uint16(m.cmap[16+4*m.seg+2*lo:])
	ro := be.Uint16(m.cmap[m.rangeBase+2*lo:])
	if ro == 0 {
		return int((c + delta) & 0xFFFF)
	}
	p := m.rangeBase + 2*lo + int(ro) + 2*int(c-be.Uint16(m.cmap[16+2*m.seg+2*lo:]))
	if p+2 > len(m.cmap) {
		return 0
	}
	g := be.Uint16(m.cmap[p:])
	if g == 0 {
		return 0
	}
	return int((g + delta) & 0xFFFF)
}

// has reports whether the face maps r to a glyph.
func (m *metrics) has(r rune) bool { return m.glyph(r) != 0 }

// advance returns the advance width of r in em (the .notdef width when r is not mapped).
func (m *metrics) advance(r rune) float64 {
	g := m.glyph(r)
	if g >= m.nh {
		g = m.nh - 1
	}
	return float64(binary.BigEndian.Uint16(m.hmtx[4*g:])) / m.upem
}

// metricsCache keeps parsed metrics per font file so repeated renders in one process parse each face once.
var metricsCache sync.Map // key: *byte (first byte of the data) + len → *metrics

type metricsKey struct {
	p *byte
	n int
}

// metricsFor returns the (cached) metrics of a face's bytes; glyphs (may be nil) reads its glyf table.
// Metrics are not changed once parsed, so concurrent renders share them.
func metricsFor(data []byte, glyphs io.ReaderAt) (*metrics, error) {
	if len(data) == 0 {
		return nil, errNoFace
	}
	k := metricsKey{&data[0], len(data)}
	if m, ok := metricsCache.Load(k); ok {
		return m.(*metrics), nil
	}
	m, err := parseMetrics(data)
	if err != nil {
		return nil, err
	}
	m.glyphs = glyphs
	v, _ := metricsCache.LoadOrStore(k, m)
	return v.(*metrics), nil
}

// inkBox returns the bounding box of r's outline (from the glyph header), in em; ok is false when r has no
// glyph or an empty one.
func (m *metrics) inkBox(r rune) (x0, y0, x1, y1 float64, ok bool) {
	g := m.glyph(r)
	if g == 0 {
		return 0, 0, 0, 0, false
	}
	be := binary.BigEndian
	var start, end int
	if m.longLoca {
		if 4*g+8 > len(m.loca) {
			return 0, 0, 0, 0, false
		}
		start, end = int(be.Uint32(m.loca[4*g:])), int(be.Uint32(m.loca[4*g+4:]))
	} else {
		if 2*g+4 > len(m.loca) {
			return 0, 0, 0, 0, false
		}
		start, end = 2*int(be.Uint16(m.loca[2*g:])), 2*int(be.Uint16(m.loca[2*g+2:]))
	}
	if end-start < 10 || end > len(m.glyf) || start < 0 {
		return 0, 0, 0, 0, false
	}
	h := m.outline(start, start+10)
	if h == nil {
		return 0, 0, 0, 0, false
	}
	v := func(o int) float64 { return float64(int16(be.Uint16(h[o:]))) / m.upem }
	return v(2), v(4), v(6), v(8), true
}
