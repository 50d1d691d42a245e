package fonts

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/nianbao/nianbao/internal/osfile"
	"time"
)

// TestCacheVerifiedCheaply damages a cached font in the ways readCached must catch without reading glyf: the
// table directory, a small table (checksum) and the size; each damaged file is ignored and rewritten.
func TestCacheVerifiedCheaply(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(CacheDirEnv, dir)
	want, err := unpackBytes("latin-serif.ttf")
	if err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Fatalf("cache holds %d files, want 1", len(ents))
	}
	path := filepath.Join(dir, ents[0].Name())
	tables, err := readFaces(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	hmtx := tables[0].tables["hmtx"]
	for _, c := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"table directory", func(b []byte) []byte { b[12+16+9] ^= 0xff; return b }},
		{"hmtx checksum", func(b []byte) []byte { b[hmtx.off+1] ^= 0x01; return b }},
		{"size", func(b []byte) []byte { return append(b, 0, 0, 0, 0) }},
		{"no footer", func(b []byte) []byte { return b[:len(want)] }},
		{"footer", func(b []byte) []byte { b[len(b)-1] ^= 0x01; return b }},
		{"empty", func([]byte) []byte { return nil }},
	} {
		bad := c.damage(append(append([]byte(nil), want...), cacheFooter(want)...))
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := unpackBytes("latin-serif.ttf")
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: damaged cache not ignored: %v", c.name, err)
		}
		if again, _ := os.ReadFile(path); !bytes.Equal(again, append(append([]byte(nil), want...), cacheFooter(want)...)) {
			t.Errorf("%s: damaged cache not rewritten", c.name)
		}
	}
	// A sound cache file is used as it is (mapped): same bytes.
	got, err := unpackBytes("latin-serif.ttf")
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("sound cache: %v", err)
	}
	file := append(append([]byte(nil), want...), cacheFooter(want)...)
	if _, err := readVerified(bytes.NewReader(file), int64(len(file)), uint32(len(want))); err != nil {
		t.Error("readVerified refuses the font it was made from")
	}
}

// TestCacheNotRegular: a FIFO or directory in place of a cache file is not opened (it would block or fail);
// the font is decompressed instead.
func TestCacheNotRegular(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(CacheDirEnv, dir)
	want, err := unpackBytes("latin-serif.ttf")
	if err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	path := filepath.Join(dir, ents[0].Name())
	os.Remove(path)
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := unpackBytes("latin-serif.ttf")
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("directory in place of the cache: %v", err)
	}
}

// unpackBytes is unpackBundled with the glyf table read in (from the cache file when it comes from one).
func unpackBytes(file string) ([]byte, error) {
	data, f, err := unpackBundled(file)
	if f == nil || err != nil {
		return data, err
	}
	defer f.Close()
	data = append([]byte(nil), data...)
	fds, err := readFaces(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	g := fds[0].tables["glyf"]
	_, err = f.ReadAt(data[g.off:g.off+g.length], int64(g.off))
	return data, err
}

// TestGlyphReader: the glyf table read through Face.GlyphReader (pread on the cache file) is the one in Data.
func TestGlyphReader(t *testing.T) {
	for _, cache := range []string{t.TempDir(), "off"} {
		t.Setenv(CacheDirEnv, cache)
		full, f, err := unpackBundled(bundled[Hei].file)
		if err != nil {
			t.Fatal(err)
		}
		if f != nil {
			t.Fatalf("cache %s: a fresh font comes from a file", cache)
		}
		data := full
		if cache != "off" { // the first call filled the cache; the second maps it
			data, f, err = unpackBundled(bundled[Hei].file)
			if err != nil || f == nil {
				t.Fatalf("cache not mapped: %v", err)
			}
		}
		fds, _ := readFaces(bytes.NewReader(data))
		g := fds[0].tables["glyf"]
		want := full[g.off : g.off+g.length]
		if cache != "off" && !bytes.Equal(data[:g.off], full[:g.off]) {
			t.Error("the tables before glyf read from the cache differ")
		}
		got := make([]byte, g.length)
		if _, err := glyfReader(data, f).ReadAt(got, 0); err != nil || !bytes.Equal(got, want) {
			t.Errorf("cache %s: glyf through the file differs (%v)", cache, err)
		}
		if _, err := glyfReader(data, nil).ReadAt(got[:100], int64(g.length)-50); err == nil {
			t.Error("read past the end of glyf")
		}
		if f != nil {
			f.Close()
		}
	}
}

// TestBundledEmbeddable: every bundled font passes the checks that a process skips for them (it reads only
// their cmap): the PDF writer can embed it (checkFace) and its glyphs are sound (validateFace).
func TestBundledEmbeddable(t *testing.T) {
	files := []string{}
	for _, b := range bundled {
		files = append(files, b.file)
	}
	for _, b := range bundledFallback {
		files = append(files, b.file)
	}
	for _, file := range files {
		data, err := bundledBytes(file)
		if err != nil {
			t.Fatal(err)
		}
		cov, err := checkFace(data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if *cov != *bundledFont(file).cov {
			t.Errorf("%s: coverage differs from checkFace's", file)
		}
		if broken, err := validateFace(data, cov); err != nil || broken.count() != 0 {
			t.Errorf("%s: %v, %d broken glyphs", file, err, broken.count())
		}
	}
}

// TestBundledCached: false with an empty cache, after all but one role's font is cached, for a cache file
// of the wrong size and with the cache off; true once every role's default font is cached.
func TestBundledCached(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(CacheDirEnv, dir)
	if BundledCached() {
		t.Fatal("BundledCached is true with an empty cache")
	}
	var last string
	for _, role := range Roles {
		if bf, ok := bundled[role]; ok {
			if last != "" {
				if _, f, err := unpackBundled(last); err != nil {
					t.Fatal(err)
				} else if f != nil {
					f.Close()
				}
			}
			last = bf.file
		}
	}
	if BundledCached() {
		t.Fatalf("BundledCached is true while %s is not cached", last)
	}
	if _, f, err := unpackBundled(last); err != nil {
		t.Fatal(err)
	} else if f != nil {
		f.Close()
	}
	if !BundledCached() {
		t.Fatal("BundledCached is false with every role's font cached")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) == 0 {
		t.Fatal("nothing in the cache folder")
	}
	if err := os.Truncate(filepath.Join(dir, ents[0].Name()), 100); err != nil {
		t.Fatal(err)
	}
	if BundledCached() {
		t.Fatal("BundledCached is true with a truncated cache file")
	}
	t.Setenv(CacheDirEnv, "off")
	if BundledCached() {
		t.Fatal("BundledCached is true with the cache off")
	}
}

// TestCoverageMatchesCmap: the coverage parseCmap4 builds (whole segments at once where idRangeOffset is 0)
// equals a code-by-code reading of the cmap, for every bundled font.
func TestCoverageMatchesCmap(t *testing.T) {
	for _, bf := range bundled {
		data, err := unpackBytes(bf.file)
		if err != nil {
			t.Fatal(err)
		}
		fds, err := readFaces(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		cmap, err := fds[0].table(bytes.NewReader(data), "cmap")
		if err != nil {
			t.Fatal(err)
		}
		cov, err := parseCmap4(cmap)
		if err != nil {
			t.Fatal(err)
		}
		want := cmap4Coverage(cmap)
		n := 0
		for c := rune(0); c < 0xFFFF; c++ {
			if cov.has(c) != want.has(c) {
				t.Fatalf("%s: U+%04X covered %v, the cmap says %v", bf.file, c, cov.has(c), want.has(c))
			}
			if want.has(c) {
				n++
			}
		}
		if n < 100 {
			t.Fatalf("%s: only %d codes covered", bf.file, n)
		}
	}
}

// cmap4Coverage reads the first Unicode format 4 subtable code by code (the test's reference).
func cmap4Coverage(t []byte) *coverage {
	cov := new(coverage)
	n := int(be.Uint16(t[2:]))
	for i := range n {
		rec := 4 + 8*i
		plat, enc, off := be.Uint16(t[rec:]), be.Uint16(t[rec+2:]), int(be.Uint32(t[rec+4:]))
		if !((plat == 3 && enc == 1) || plat == 0) || be.Uint16(t[off:]) != 4 {
			continue
		}
		s := t[off:]
		segX2 := int(be.Uint16(s[6:]))
		for j := 0; j < segX2; j += 2 {
			end, start := int(be.Uint16(s[14+j:])), int(be.Uint16(s[16+segX2+j:]))
			delta, ro := be.Uint16(s[16+2*segX2+j:]), int(be.Uint16(s[16+3*segX2+j:]))
			for c := start; c <= end && c < 0xFFFF; c++ {
				g := uint16(c) + delta
				if ro != 0 {
					p := 16 + 3*segX2 + j + ro + 2*(c-start)
					g = 0
					if p+2 <= len(s) {
						if g = be.Uint16(s[p:]); g != 0 {
							g += delta
						}
					}
				}
				if g != 0 {
					cov[c/64] |= 1 << (uint(c) % 64)
				}
			}
		}
		break
	}
	return cov
}

// TestStopCaching: an interrupted first run (nianbao.Abort on SIGINT) leaves no temporary file of a cache file
// being written, and saves nothing after.
func TestStopCaching(t *testing.T) {
	defer func() { cacheTemps = osfile.Temps{} }()
	dir := t.TempDir()
	// A save in progress: its temporary file is registered while it is written.
	f, err := cacheTemps.Create(dir, ".font-*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	StopCaching()
	if _, err := os.Lstat(f.Name()); !os.IsNotExist(err) {
		t.Errorf("temporary cache file left after StopCaching: %v", err)
	}
	saveCache(filepath.Join(dir, "x.v3"), make([]byte, 64))
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("cache folder holds %v after StopCaching, want nothing", ents)
	}
}

// TestPruneCache: decompressing a font removes the older format's cache files and temporary files older than
// an hour, and keeps this format's files (other versions' too), fresh temporary files and anything else.
func TestPruneCache(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(CacheDirEnv, dir)
	files := map[string]bool{ // name → kept
		"latin-serif.ttf-5c4d716c-30332.v2":     false,
		"body-fangsong.ttf-2a057c8f-5989636.v2": false,
		".font-111.tmp":                         false, // old
		".font-222.tmp":                         true,  // fresh
		"body-fangsong.ttf-00000000-5989636.v3": true,
		"notes.txt":                             true,
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(filepath.Join(dir, ".font-111.tmp"), old, old); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "sub.v2"), 0o755) // a folder is left alone
	files["sub.v2"] = true
	if _, f, err := unpackBundled("latin-serif.ttf"); err != nil {
		t.Fatal(err)
	} else if f != nil {
		f.Close()
	}
	for name, kept := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if kept && err != nil {
			t.Errorf("%s was removed", name)
		}
		if !kept && err == nil {
			t.Errorf("%s was kept", name)
		}
	}
}
