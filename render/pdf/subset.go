package pdf

import (
	"encoding/binary"
	"errors"
	"sort"

	"github.com/nianbao/nianbao/internal/sfnt"
)

// sfntTables returns the tables of a TrueType face by tag.
func sfntTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 || sfnt.DirLen(data) > len(data) {
		return nil, errNoFace
	}
	tables := make(map[string][]byte, sfnt.NumTables(data))
	for r := range sfnt.Records(data) {
		t, ok := r.In(data)
		if !ok {
			return nil, errors.New("table outside the font file")
		}
		tables[r.Tag] = t
	}
	return tables, nil
}

// subsetFont returns a copy of a TrueType face that keeps only the outlines of the given runes (and the
// components of composite glyphs), renumbered densely, with a cmap that maps only them.
func subsetFont(data []byte, m *metrics, runes []rune) ([]byte, error) {
	sub, _, err := subsetFontGlyphs(data, m, runes)
	return sub, err
}

// subsetFontGlyphs is subsetFont that also returns the new glyph id of every kept rune (glyph 0 stays
// .notdef; runes the face lacks are absent from the map). The PDF writer encodes text with these ids.
func subsetFontGlyphs(data []byte, m *metrics, runes []rune) ([]byte, map[rune]uint16, error) {
	be := binary.BigEndian
	t, err := sfntTables(data)
	if err != nil {
		return nil, nil, err
	}
	head, maxp, loca, glyf := t["head"], t["maxp"], t["loca"], t["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, nil, errors.New("font lacks head, maxp, loca or glyf")
	}
	numGlyphs := int(be.Uint16(maxp[4:]))
	long := be.Uint16(head[50:]) == 1
	offset := func(g int) (int, bool) {
		if long {
			if 4*g+4 > len(loca) {
				return 0, false
			}
			return int(be.Uint32(loca[4*g:])), true
		}
		if 2*g+2 > len(loca) {
			return 0, false
		}
		return 2 * int(be.Uint16(loca[2*g:])), true
	}
	// The glyphs to keep: .notdef, those of the runes, then the components of composite glyphs (breadth
	// first, at most 8 levels deep). Their outlines are read a level at a time (readOutlines).
	read := map[int][]byte{}
	keep := map[int]bool{0: true}
	pending := []int{0}
	type pair struct {
		r rune
		g int
	}
	var cmap []pair
	seen := map[rune]bool{}
	for _, r := range runes {
		if r > 0xFFFE || seen[r] {
			continue
		}
		seen[r] = true
		if g := m.glyph(r); g != 0 && g < numGlyphs {
			cmap = append(cmap, pair{r, g})
			if !keep[g] {
				keep[g] = true
				pending = append(pending, g)
			}
		}
	}
	for depth := 0; len(pending) > 0; depth++ {
		readOutlines(m, glyf, offset, pending, read)
		if depth == 8 {
			break
		}
		var next []int
		for _, g := range pending {
			d := read[g]
			eachComponent(d, func(at int) {
				if c := int(be.Uint16(d[at:])); c < numGlyphs && !keep[c] {
					keep[c] = true
					next = append(next, c)
				}
			})
		}
		pending = next
	}
	sort.Slice(cmap, func(i, j int) bool { return cmap[i].r < cmap[j].r })

	// Renumber the kept glyphs densely (0 stays .notdef) and write glyf, loca (long format) and hmtx.
	hhea, hmtx := t["hhea"], t["hmtx"]
	if len(hhea) < 36 {
		return nil, nil, errors.New("font lacks hhea")
	}
	nh := int(be.Uint16(hhea[34:]))
	if nh == 0 || 4*nh > len(hmtx) {
		return nil, nil, errors.New("font hmtx too short")
	}
	ids := make([]int, 0, len(keep))
	for g := range keep {
		ids = append(ids, g)
	}
	sort.Ints(ids)
	newID := make(map[int]int, len(ids))
	for i, g := range ids {
		newID[g] = i
	}
	size := 0
	for _, g := range ids {
		size += (len(read[g]) + 3) &^ 3
	}
	newGlyf := make([]byte, 0, size)
	newLoca := make([]byte, 4*(len(ids)+1))
	newHmtx := make([]byte, 4*len(ids))
	for i, g := range ids {
		be.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		if g < nh {
			copy(newHmtx[4*i:], hmtx[4*g:4*g+4])
		} else {
			copy(newHmtx[4*i:], hmtx[4*(nh-1):4*(nh-1)+2])
			if lsb := 4*nh + 2*(g-nh); lsb+2 <= len(hmtx) {
				copy(newHmtx[4*i+2:], hmtx[lsb:lsb+2])
			}
		}
		start := len(newGlyf)
		newGlyf = append(newGlyf, read[g]...)
		d := newGlyf[start:]
		eachComponent(d, func(at int) { be.PutUint16(d[at:], uint16(newID[int(be.Uint16(d[at:]))])) })
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	be.PutUint32(newLoca[4*len(ids):], uint32(len(newGlyf)))
	newHhea := append([]byte(nil), hhea...)
	be.PutUint16(newHhea[34:], uint16(len(ids)))
	// Every embedded face declares the ideographic em box (0.88 / −0.12 em) as its ascent and descent, the
	// box the layout sets text in, so the glyph boxes of Latin digits and CJK characters on one line
	// coincide and extraction tools (pdfminer, text selection) keep mixed lines together.
	upem := float64(be.Uint16(head[18:]))
	be.PutUint16(newHhea[4:], uint16(int16(ascent*upem)))
	be.PutUint16(newHhea[6:], uint16(int16(-(1-ascent)*upem)))
	newMaxp := append([]byte(nil), maxp...)
	be.PutUint16(newMaxp[4:], uint16(len(ids)))
	gids := make(map[rune]uint16, len(cmap))
	for i := range cmap {
		cmap[i].g = newID[cmap[i].g]
		gids[cmap[i].r] = uint16(cmap[i].g)
	}

	// cmap format 4: one segment per rune, then the closing 0xFFFF segment.
	seg := len(cmap) + 1
	sub := make([]byte, 16+8*seg)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*seg))
	sr := 1
	es := 0
	for sr*2 <= seg {
		sr *= 2
		es++
	}
	be.PutUint16(sub[8:], uint16(2*sr))
	be.PutUint16(sub[10:], uint16(es))
	be.PutUint16(sub[12:], uint16(2*seg-2*sr))
	ends, starts, deltas := 14, 16+2*seg, 16+4*seg
	for i, p := range cmap {
		be.PutUint16(sub[ends+2*i:], uint16(p.r))
		be.PutUint16(sub[starts+2*i:], uint16(p.r))
		be.PutUint16(sub[deltas+2*i:], uint16(p.g-int(p.r)))
	}
	be.PutUint16(sub[ends+2*(seg-1):], 0xFFFF)
	be.PutUint16(sub[starts+2*(seg-1):], 0xFFFF)
	be.PutUint16(sub[deltas+2*(seg-1):], 1)
	newCmap := append([]byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}, sub...)

	newHead := append([]byte(nil), head...)
	be.PutUint32(newHead[8:], 0) // checkSumAdjustment
	be.PutUint16(newHead[50:], 1)

	out := map[string][]byte{"head": newHead, "glyf": newGlyf, "loca": newLoca, "cmap": newCmap,
		"hhea": newHhea, "hmtx": newHmtx, "maxp": newMaxp}
	if post := t["post"]; len(post) >= 32 {
		p := append([]byte(nil), post[:32]...)
		be.PutUint32(p, 0x00030000)
		out["post"] = p
	}
	for _, tag := range []string{"OS/2", "name", "cvt ", "fpgm", "prep", "gasp"} {
		if d, ok := t[tag]; ok {
			out[tag] = d
		}
	}
	return assembleFont(out), gids, nil
}

// assembleFont writes an sfnt file from its tables, in tag order with 4-byte alignment and checksums.
func assembleFont(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	hdr := make([]byte, 12+16*n)
	be.PutUint32(hdr, 0x00010000)
	be.PutUint16(hdr[4:], uint16(n))
	be.PutUint16(hdr[6:], uint16(16*sr))
	be.PutUint16(hdr[8:], uint16(es))
	be.PutUint16(hdr[10:], uint16(16*n-16*sr))
	size := len(hdr)
	for _, tag := range tags {
		size += (len(tables[tag]) + 3) &^ 3
	}
	out := append(make([]byte, 0, size), hdr...)
	for i, tag := range tags {
		d := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], sfnt.Checksum(d))
		be.PutUint32(out[12+16*i+8:], uint32(len(out)))
		be.PutUint32(out[12+16*i+12:], uint32(len(d)))
		out = append(out, d...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// outlineGap is the largest gap between two outlines that readOutlines reads with them in one call: reading
// a few kilobytes more costs less than another pread.
const outlineGap = 2048

// readOutlines reads the outlines of glyphs gs (absent from read) into read: slices of glyf when the table is
// in memory, else of one buffer filled through m.glyphs (the font cache file), with one read for every run
// of outlines that lie within outlineGap bytes of each other. A glyph whose loca entries are out of range,
// or that cannot be read, gets no outline (nil).
func readOutlines(m *metrics, glyf []byte, offset func(int) (int, bool), gs []int, read map[int][]byte) {
	type span struct{ g, a, b int }
	spans := make([]span, 0, len(gs))
	for _, g := range gs {
		a, ok1 := offset(g)
		b, ok2 := offset(g + 1)
		if !ok1 || !ok2 || a > b || b > len(glyf) {
			read[g] = nil
			continue
		}
		spans = append(spans, span{g, a, b})
	}
	fromFile := m != nil && m.glyphs != nil && len(glyf) > 0 && len(m.glyf) == len(glyf) && &m.glyf[0] == &glyf[0]
	if !fromFile {
		for _, s := range spans {
			read[s.g] = glyf[s.a:s.b]
		}
		return
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].a < spans[j].a })
	// Runs of spans read together, and the size of the buffer for all of them.
	type run struct{ a, b, first, last int }
	var runs []run
	total := 0
	for i, s := range spans {
		if n := len(runs); n > 0 && s.a <= runs[n-1].b+outlineGap {
			if s.b > runs[n-1].b {
				total += s.b - runs[n-1].b
				runs[n-1].b = s.b
			}
			runs[n-1].last = i
			continue
		}
		runs = append(runs, run{s.a, s.b, i, i})
		total += s.b - s.a
	}
	buf := make([]byte, total)
	for _, r := range runs {
		d := buf[: r.b-r.a : r.b-r.a]
		buf = buf[r.b-r.a:]
		_, err := m.glyphs.ReadAt(d, int64(r.a))
		for _, s := range spans[r.first : r.last+1] {
			if err != nil {
				read[s.g] = nil
			} else {
				read[s.g] = d[s.a-r.a : s.b-r.a : s.b-r.a]
			}
		}
	}
}

// eachComponent calls fn with the offset of the glyph index of every component of a composite glyph d (a
// simple or empty glyph has none).
func eachComponent(d []byte, fn func(at int)) {
	be := binary.BigEndian
	if len(d) < 10 || int16(be.Uint16(d)) >= 0 {
		return
	}
	for p := 10; p+4 <= len(d); {
		flags := be.Uint16(d[p:])
		fn(p + 2)
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			return
		}
	}
}
