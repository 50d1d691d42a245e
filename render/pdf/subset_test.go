package pdf

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/nianbao/nianbao/fonts"
)

// TestSubsetFont checks that a subset keeps exactly the requested runes with their advances, for every
// bundled face.
func TestSubsetFont(t *testing.T) {
	set := testFonts(t)
	keep := []rune("政府信息公开年度报告（一）、。“”A1 —〓")
	for _, role := range fonts.Roles {
		data, err := set.Face(role).Data()
		if err != nil {
			t.Fatalf("%s: %v", role, err)
		}
		m, err := parseMetrics(data)
		if err != nil {
			t.Fatalf("%s: %v", role, err)
		}
		sub, err := subsetFont(data, m, keep)
		if err != nil {
			t.Fatalf("%s: subset: %v", role, err)
		}
		if len(sub) >= len(data)/10 {
			t.Errorf("%s: subset of %d runes is %d bytes, the face %d", role, len(keep), len(sub), len(data))
		}
		sm, err := parseMetrics(sub)
		if err != nil {
			t.Fatalf("%s: the subset does not parse: %v", role, err)
		}
		for _, r := range keep {
			if m.has(r) != sm.has(r) {
				t.Errorf("%s: %q in face %v, in subset %v", role, r, m.has(r), sm.has(r))
			}
			if m.has(r) && m.advance(r) != sm.advance(r) {
				t.Errorf("%s: advance of %q %.4f in face, %.4f in subset", role, r, m.advance(r), sm.advance(r))
			}
		}
		for _, r := range "镕国家秘密Z9" {
			if sm.has(r) {
				t.Errorf("%s: subset maps %q, which was not asked for", role, r)
			}
		}
	}
}

// TestSubsetOutlinesFromFile: a subset whose outlines are read from the font cache file (Face.Tables with the
// glyf table read through Face.GlyphReader, in runs of nearby outlines) is byte for byte the subset made from the
// whole font in memory, for every bundled face and a rune set with neighbouring and distant glyphs and, in the
// Latin face, composite glyphs (accented letters), whose components are kept.
func TestSubsetOutlinesFromFile(t *testing.T) {
	set := testFonts(t)
	var keep []rune
	for r := rune(0x4E00); r < 0x9FA5; r += 37 { // spread over the CJK block: distant outlines
		keep = append(keep, r)
	}
	keep = append(keep, []rune("一二三四五六七八九十政府信息公开年度报告（）、。“”—〓0123456789ABCabcÅåÉéÇçÑñÜü")...)
	for _, role := range fonts.Roles {
		face := set.Face(role)
		full, err := face.Data()
		if err != nil {
			t.Fatal(err)
		}
		tables, err := face.Tables()
		if err != nil {
			t.Fatal(err)
		}
		mFull, err := parseMetrics(full)
		if err != nil {
			t.Fatal(err)
		}
		want, err := subsetFont(full, mFull, keep)
		if err != nil {
			t.Fatal(err)
		}
		mFile, err := parseMetrics(tables)
		if err != nil {
			t.Fatal(err)
		}
		mFile.glyphs = face.GlyphReader()
		got, err := subsetFont(tables, mFile, keep)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: subset with outlines from the file (%d bytes) differs from the one from memory (%d bytes)", role, len(got), len(want))
		}
		// Every component of a composite glyph of the subset is a glyph of the subset.
		st, err := sfntTables(got)
		if err != nil {
			t.Fatal(err)
		}
		n := int(binary.BigEndian.Uint16(st["maxp"][4:]))
		loca, glyf := st["loca"], st["glyf"]
		composites := 0
		for g := 0; g < n; g++ {
			a, b := binary.BigEndian.Uint32(loca[4*g:]), binary.BigEndian.Uint32(loca[4*g+4:])
			d := glyf[a:b]
			eachComponent(d, func(at int) {
				composites++
				if c := int(binary.BigEndian.Uint16(d[at:])); c <= 0 || c >= n {
					t.Errorf("%s: glyph %d of the subset refers to component %d (of %d glyphs)", role, g, c, n)
				}
			})
		}
		if role == fonts.Latin && composites == 0 {
			t.Errorf("latin: no composite glyph in the subset of accented letters: the test no longer covers components")
		}
	}
}
