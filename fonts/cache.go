package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/klauspost/compress/gzip"
)

// unpacked holds one bundled font, shared by every Set of the process: its bytes (mapped from the on-disk
// cache, or decompressed) and its coverage, parsed once.
type unpacked struct {
	once sync.Once
	data []byte
	// file is the open cache file data is mapped from (nil when data was gunzipped): glyphs are read from
	// it with pread, so that only the pages of small tables are ever mapped into the process.
	file *os.File
	cov  *coverage
	err  error
}

var unpackedFonts sync.Map // bundled file name → *unpacked

// CacheDirEnv names the environment variable that overrides the folder of decompressed bundled fonts;
// the value "off" disables the on-disk cache.
const CacheDirEnv = "NIANBAO_FONT_CACHE"

// bundledFont returns the bundled font of that file name, loaded once per process (see unpackBundled).
func bundledFont(file string) *unpacked {
	v, _ := unpackedFonts.LoadOrStore(file, &unpacked{})
	u := v.(*unpacked)
	u.once.Do(func() {
		u.data, u.file, u.err = unpackBundled(file)
		if u.err == nil {
			u.cov, u.err = checkFace(u.data)
		}
	})
	return u
}

// bundledBytes returns the decompressed bundled font (see unpackBundled), loaded once per process.
func bundledBytes(file string) ([]byte, error) {
	u := bundledFont(file)
	return u.data, u.err
}

// unpackBundled returns the bytes of a bundled font: the on-disk cache file (a plain .ttf named by the
// embedded gzip trailer's CRC-32 and size) mapped into memory when it passes cachedOK, else the embedded file
// gunzipped and saved for the next process. Only the pages of the tables and glyphs a document uses are
// ever read from a mapped file; gunzipping costs tens of milliseconds per font.
func unpackBundled(file string) ([]byte, *os.File, error) {
	f, err := bundledFS.Open("data/" + file + ".gz")
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	ra, ok := f.(io.ReaderAt)
	st, err := f.Stat()
	if !ok || err != nil || st.Size() < 18 {
		return nil, nil, fmt.Errorf("bundled font %s is truncated", file)
	}
	var trailer [8]byte // CRC-32 and size of the decompressed font, read without copying the embedded file
	if _, err := ra.ReadAt(trailer[:], st.Size()-8); err != nil {
		return nil, nil, err
	}
	sum, size := binary.LittleEndian.Uint32(trailer[:]), binary.LittleEndian.Uint32(trailer[4:])
	gz := io.NewSectionReader(ra, 0, st.Size())
	cached := ""
	if dir := cacheDir(); dir != "" {
		cached = filepath.Join(dir, fmt.Sprintf("%s-%08x-%d", file, sum, size))
		if data, cf, err := mapFile(cached); err == nil {
			if cachedOK(data, size, gz) {
				return data, cf, nil
			}
			cf.Close()
			unmapFile(data)
		}
	}
	data, err := gunzip(io.NewSectionReader(ra, 0, st.Size()), size)
	if err != nil {
		return nil, nil, fmt.Errorf("bundled font %s: %v", file, err)
	}
	if cached != "" {
		saveCache(cached, data)
	}
	return data, nil, nil
}

// gunzip decompresses a gzip stream of a known size (klauspost's gzip, about twice as fast as the standard
// library's; the CRC-32 is checked at the end of the stream).
func gunzip(r io.Reader, size uint32) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	out := bytes.NewBuffer(make([]byte, 0, int(size)+bytes.MinRead))
	if _, err := io.Copy(out, zr); err != nil {
		return nil, err
	}
	if uint32(out.Len()) != size {
		return nil, errors.New("size differs from the gzip trailer")
	}
	return out.Bytes(), nil
}

// cachedOK verifies a cached font cheaply instead of checksumming all of it: its size is the gzip
// trailer's, its header and table directory are byte for byte the first bytes of the embedded stream (only
// those are decompressed), every table lies inside the file, and every table but glyf matches the checksum
// the directory records (glyf, most of the file, is read only glyph by glyph as documents use it).
func cachedOK(data []byte, size uint32, gz io.Reader) bool {
	if uint32(len(data)) != size || len(data) < 12 {
		return false
	}
	n := int(be.Uint16(data[4:]))
	dirLen := 12 + 16*n
	if n == 0 || dirLen > len(data) {
		return false
	}
	zr, err := gzip.NewReader(gz)
	if err != nil {
		return false
	}
	want := make([]byte, dirLen)
	if _, err := io.ReadFull(zr, want); err != nil || !bytes.Equal(want, data[:dirLen]) {
		return false
	}
	for i := range n {
		rec := data[12+16*i:]
		tag, sum := string(rec[:4]), be.Uint32(rec[4:])
		off, length := int64(be.Uint32(rec[8:])), int64(be.Uint32(rec[12:]))
		if off+length > int64(len(data)) {
			return false
		}
		if tag == "glyf" {
			continue
		}
		if tableChecksum(tag, data[off:off+length]) != sum {
			return false
		}
	}
	return true
}

// tableChecksum is the sfnt table checksum (the sum of big-endian 32-bit words, the last one padded with
// zeros); for head, checkSumAdjustment (bytes 8–11) counts as zero.
func tableChecksum(tag string, d []byte) uint32 {
	var sum uint32
	i := 0
	for ; i+4 <= len(d); i += 4 {
		sum += be.Uint32(d[i:])
	}
	if i < len(d) {
		var w [4]byte
		copy(w[:], d[i:])
		sum += be.Uint32(w[:])
	}
	if tag == "head" && len(d) >= 12 {
		sum -= be.Uint32(d[8:])
	}
	return sum
}

// cacheDir returns the folder for decompressed bundled fonts, or "" when there is none.
func cacheDir() string {
	dir := os.Getenv(CacheDirEnv)
	if dir == "off" {
		return ""
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "nianbao", "fonts")
	}
	return dir
}

// saveCache writes data through a temporary file and a rename; failures only cost speed next time. A cache
// file is never changed in place (a new version gets a new name), so mapping it is safe.
func saveCache(path string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".font-*.tmp")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// errNotRegular is returned by mapFile for anything but a regular file.
var errNotRegular = errors.New("not a regular file")

// statRegular opens path and checks it is a regular file of at most MaxFontFile bytes.
func statRegular(path string) (*os.File, fs.FileInfo, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > MaxFontFile {
		return nil, nil, errNotRegular
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, st, nil
}
