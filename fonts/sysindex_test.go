package fonts

import (
	"hash/crc32"
	"math/rand"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"
)

// Every prefix and many random damages of a valid index decode to an error or to a valid index, never a
// panic; a count larger than the file is refused before anything is allocated.
func TestIndexDecodeDefects(t *testing.T) {
	files := []indexedFile{
		{path: "/usr/share/fonts/a.ttf", size: 6920, mtime: time.Now().UnixNano(), faces: []indexedFace{{index: 0, families: []string{"FangSong", "仿宋"}, style: "Regular", checked: true}}},
		{path: "/usr/share/fonts/b.ttc", size: 1 << 25, mtime: -1, faces: []indexedFace{{index: 0, families: []string{"X"}}, {index: 1, problem: "CFF 轮廓"}}},
		{path: "/usr/share/fonts/c.ttf", problem: "不是 TrueType/OpenType 字体"},
	}
	good := encodeIndex(files)
	back, err := decodeIndex(good)
	if err != nil || !reflect.DeepEqual(back, files) {
		t.Fatalf("round trip: %v\n%+v", err, back)
	}
	for n := range len(good) {
		if _, err := decodeIndex(good[:n]); err == nil {
			t.Errorf("a prefix of %d bytes decodes", n)
		}
	}
	rng := rand.New(rand.NewSource(3))
	for range 2000 {
		b := append([]byte(nil), good...)
		for range 1 + rng.Intn(4) {
			b[len(indexMagic)+rng.Intn(len(b)-len(indexMagic)-4)] = byte(rng.Intn(256))
		}
		// Re-sign the body so that the decoder, not the checksum, meets the damage.
		b = encodeRaw(b[:len(b)-4])
		_, _ = decodeIndex(b)
	}
	huge := encodeRaw(append([]byte(indexMagic), 0xff, 0xff, 0xff, 0xff, 0x0f))
	if _, err := decodeIndex(huge); err == nil {
		t.Error("a count of 4 G files decodes")
	}
	if _, err := decodeIndex(encodeRaw([]byte(indexMagic + "\x00"))); err != nil {
		t.Errorf("the empty index: %v", err)
	}
}

// encodeRaw appends the checksum of an index file to body.
func encodeRaw(body []byte) []byte {
	b := append([]byte(nil), body...)
	return be.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// The index lives in the user cache folder; NIANBAO_FONT_CACHE=off turns it off.
func TestSystemIndexPath(t *testing.T) {
	home := t.TempDir()
	j := filepath.Join
	t.Setenv(CacheDirEnv, "")
	t.Setenv("XDG_CACHE_HOME", j(home, "cache"))
	if p := systemIndexPath(); runtime.GOOS != "windows" && runtime.GOOS != "darwin" && p != j(home, "cache", "nianbao", indexName) {
		t.Errorf("index at %q", p)
	}
	t.Setenv(CacheDirEnv, "off")
	if p := systemIndexPath(); p != "" {
		t.Errorf("index at %q with %s=off", p, CacheDirEnv)
	}
}
