package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// TestPackDeterministic packs a bundled font twice (same bytes), checks the frame carries the content size and
// checksum fonts/cache.go names the cache by, and that -d gives the font back.
func TestPackDeterministic(t *testing.T) {
	dir := t.TempDir()
	ttf := filepath.Join(dir, "latin.ttf")
	if err := unpackFile("../../../fonts/data/latin-serif.ttf.zst", ttf); err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "a.zst"), filepath.Join(dir, "b.zst")
	if err := pack(ttf, a); err != nil {
		t.Fatal(err)
	}
	if err := pack(ttf, b); err != nil {
		t.Fatal(err)
	}
	za, _ := os.ReadFile(a)
	zb, _ := os.ReadFile(b)
	if !bytes.Equal(za, zb) {
		t.Fatal("two packs of the same font differ")
	}
	if committed, _ := os.ReadFile("../../../fonts/data/latin-serif.ttf.zst"); !bytes.Equal(za, committed) {
		t.Error("packing the committed font's .ttf does not give the committed .zst (options or module version changed?)")
	}
	raw, _ := os.ReadFile(ttf)
	var h zstd.Header
	if err := h.Decode(za); err != nil || !h.HasFCS || h.FrameContentSize != uint64(len(raw)) || !h.HasCheckSum {
		t.Fatalf("frame header: %+v, %v", h, err)
	}
	back := filepath.Join(dir, "back.ttf")
	if err := unpackFile(a, back); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(back); !bytes.Equal(got, raw) {
		t.Fatal("-d does not give the font back")
	}
}
