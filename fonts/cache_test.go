package fonts

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// TestCacheVerifiedCheaply damages a cached font in the ways cachedOK must catch without reading glyf: the
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
		{"empty", func([]byte) []byte { return nil }},
	} {
		bad := c.damage(append([]byte(nil), want...))
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := unpackBytes("latin-serif.ttf")
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: damaged cache not ignored: %v", c.name, err)
		}
		if again, _ := os.ReadFile(path); !bytes.Equal(again, want) {
			t.Errorf("%s: damaged cache not rewritten", c.name)
		}
	}
	// A sound cache file is used as it is (mapped): same bytes.
	got, err := unpackBytes("latin-serif.ttf")
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("sound cache: %v", err)
	}
	if !cachedOK(want, uint32(len(want)), bytes.NewReader(gzipOf(t, want))) {
		t.Error("cachedOK refuses the font it was made from")
	}
}

// TestCacheNotRegular: a FIFO or directory in place of a cache file is not opened (it would block or fail);
// the font is gunzipped instead.
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

// gzipOf compresses b (for cachedOK's reference stream).
func gzipOf(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// TestFontFileLoadedOnce: a user font file is read and validated once per process for all Sets, and read
// again once it changes on disk.
func TestFontFileLoadedOnce(t *testing.T) {
	raw, err := bundledBytes(bundled[Latin].file)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "times.ttf")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	a, b := loadedFile(path, 0), loadedFile(path, 0)
	if a != b || a.err != nil || !bytes.Equal(a.data, raw) {
		t.Fatalf("not shared: %p %p %v", a, b, a.err)
	}
	s1, err := Resolve(Options{NoSystem: true, Files: map[Role]string{Latin: path}})
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := Resolve(Options{NoSystem: true, Files: map[Role]string{Latin: path}})
	d1, _ := s1.Face(Latin).Data()
	d2, _ := s2.Face(Latin).Data()
	if len(d1) == 0 || &d1[0] != &d2[0] {
		t.Error("two Sets read the same font file twice")
	}
	if err := os.WriteFile(path, raw[:len(raw)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if c := loadedFile(path, 0); c == a || c.err == nil {
		t.Errorf("changed file not read again (err %v)", c.err)
	}
}

// unpackBytes is unpackBundled without the open cache file.
func unpackBytes(file string) ([]byte, error) {
	data, f, err := unpackBundled(file)
	if f != nil {
		f.Close()
	}
	return data, err
}

// TestGlyphReader: the glyf table read through Face.GlyphReader (pread on the cache file) is the one in Data.
func TestGlyphReader(t *testing.T) {
	for _, cache := range []string{t.TempDir(), "off"} {
		t.Setenv(CacheDirEnv, cache)
		data, f, err := unpackBundled(bundled[Hei].file)
		if err != nil {
			t.Fatal(err)
		}
		if f != nil {
			t.Fatalf("cache %s: a fresh font comes from a file", cache)
		}
		if cache != "off" { // the first call filled the cache; the second maps it
			data, f, err = unpackBundled(bundled[Hei].file)
			if err != nil || f == nil {
				t.Fatalf("cache not mapped: %v", err)
			}
		}
		fds, _ := readFaces(bytes.NewReader(data))
		g := fds[0].tables["glyf"]
		want := data[g.off : g.off+g.length]
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
