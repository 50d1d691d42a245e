package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/nianbao/nianbao/internal/osfile"
	"github.com/nianbao/nianbao/internal/sfnt"
)

// unpacked holds one bundled font, shared by every Set of the process: its bytes (mapped from the on-disk
// cache, or decompressed) and its coverage, parsed once.
type unpacked struct {
	once sync.Once
	data []byte
	// file is the open cache file data was read from (nil when data was decompressed): data holds every table but
	// glyf (zeros), and glyphs are read from file with pread (Face.GlyphReader).
	file *os.File
	cov  *coverage
	err  error
	// full is data with glyf read in, made on the first call of bundledBytes.
	fullOnce sync.Once
	full     []byte
	fullErr  error
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
		if u.err == nil { // embeddability is checked by the tests (TestBundledEmbeddable): only the cmap is read
			var fds []faceDir
			fds, u.err = readFaces(bytes.NewReader(u.data))
			var cmap []byte
			if u.err == nil {
				cmap, u.err = fds[0].table(bytes.NewReader(u.data), "cmap")
			}
			if u.err == nil {
				u.cov, u.err = parseCmap4(cmap)
			}
		}
	})
	return u
}

// bundledBytes returns the complete bundled font, glyf included, made once per process (Face.Data; a
// render reads only Face.Tables and the glyphs it embeds through Face.GlyphReader).
func bundledBytes(file string) ([]byte, error) {
	u := bundledFont(file)
	if u.err != nil || u.file == nil {
		return u.data, u.err
	}
	u.fullOnce.Do(func() {
		data := append([]byte(nil), u.data...)
		fds, err := readFaces(bytes.NewReader(data))
		if err == nil {
			g := fds[0].tables["glyf"]
			_, err = u.file.ReadAt(data[g.off:g.off+g.length], int64(g.off))
		}
		u.full, u.fullErr = data, err
		if err != nil {
			u.full = nil
		}
	})
	return u.full, u.fullErr
}

// unpackBundled returns the bytes of a bundled font: from the on-disk cache file (the plain .ttf and a
// footer, named by the embedded zstd frame's checksum and content size) when it passes readCached — every
// table but glyf, with the open file for reading glyphs —, else the whole font decompressed from the embedded
// file and saved for the next process. Decompressing costs about 10 ms per font; reading the small tables of a
// cached font well under one.
func unpackBundled(file string) ([]byte, *os.File, error) {
	f, ra, n, err := openBundled(file)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	cached, size, err := cachePath(file, ra, n)
	if err != nil {
		return nil, nil, err
	}
	if cached != "" {
		if data, cf, err := readCached(cached, size); err == nil {
			return data, cf, nil
		}
	}
	data, err := unzstd(io.NewSectionReader(ra, 0, n), size)
	if err != nil {
		return nil, nil, fmt.Errorf("bundled font %s: %v", file, err)
	}
	if cached != "" {
		saveCache(cached, data)
		if _, done := pruned.LoadOrStore(filepath.Dir(cached), true); !done {
			pruneCache(filepath.Dir(cached)) // once per folder and process, not once per font
		}
	}
	return data, nil, nil
}

// pruned holds the cache folders pruneCache has already swept in this process.
var pruned sync.Map

// pruneCache removes, when a font has just been decompressed (a first run, or a new version of nianbao), the
// files of the cache folder that no version reads any more: cache files of the older format (.v2, named by a
// gzip trailer) and temporary files older than an hour (left by a process killed outright). Cache files of
// this format (.v3) stay, even those of other font versions: two installed versions of nianbao would otherwise
// delete each other's files on every run.
func pruneCache(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		name := e.Name()
		old := strings.HasSuffix(name, ".v2") && e.Type().IsRegular()
		if strings.HasPrefix(name, ".font-") && strings.HasSuffix(name, ".tmp") && e.Type().IsRegular() {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
				old = true
			}
		}
		if old {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// openBundled opens the embedded compressed file of a bundled font (data/FILE.zst) and returns it with its
// size.
func openBundled(file string) (fs.File, io.ReaderAt, int64, error) {
	f, err := bundledFS.Open("data/" + file + ".zst")
	if err != nil {
		return nil, nil, 0, err
	}
	ra, ok := f.(io.ReaderAt)
	st, err := f.Stat()
	if !ok || err != nil || st.Size() < 16 {
		f.Close()
		return nil, nil, 0, fmt.Errorf("bundled font %s is truncated", file)
	}
	return f, ra, st.Size(), nil
}

// cachePath returns the on-disk cache file of a bundled font ("" when the cache is off), named by the
// checksum at the end of the embedded zstd frame and the content size in its header (both read without
// copying the embedded file), and that size.
func cachePath(file string, ra io.ReaderAt, n int64) (string, uint32, error) {
	head := make([]byte, min(n, zstd.HeaderMaxSize))
	if _, err := ra.ReadAt(head, 0); err != nil {
		return "", 0, err
	}
	var h zstd.Header
	if err := h.Decode(head); err != nil || !h.HasFCS || !h.HasCheckSum || h.FrameContentSize > math.MaxUint32 {
		return "", 0, fmt.Errorf("bundled font %s: not a zstd frame with its content size and checksum", file)
	}
	var sum [4]byte
	if _, err := ra.ReadAt(sum[:], n-4); err != nil {
		return "", 0, err
	}
	size := uint32(h.FrameContentSize)
	dir := cacheDir()
	if dir == "" {
		return "", size, nil
	}
	return filepath.Join(dir, fmt.Sprintf("%s-%08x-%d.v3", file, binary.LittleEndian.Uint32(sum[:]), size)), size, nil
}

// BundledCached reports whether the default font of every role is already in the on-disk cache (a stat of
// each file, no check of its contents): when one is not, the first render decompresses fonts, work worth
// spreading over the cores (Set.Preload does it concurrently).
func BundledCached() bool {
	for _, role := range Roles {
		if bf, ok := bundled[role]; ok && !bundledCached(bf.file) {
			return false
		}
	}
	return true
}

// bundledCached reports whether the cache file of one bundled font exists with the right size.
func bundledCached(file string) bool {
	f, ra, n, err := openBundled(file)
	if err != nil {
		return false
	}
	defer f.Close()
	path, size, err := cachePath(file, ra, n)
	if err != nil || path == "" {
		return false
	}
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Size() == int64(size)+8
}

// unzstd decompresses the zstd frame of a bundled font of a known size (klauspost's decoder, one goroutine,
// streaming from the embedded file into a buffer of that size, memory bounded by it; the frame's checksum is
// verified).
func unzstd(r io.Reader, size uint32) ([]byte, error) {
	dec, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(size)+1),
		zstd.WithDecoderLowmem(true))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	out := make([]byte, size)
	if _, err := io.ReadFull(dec, out); err != nil {
		return nil, err
	}
	if n, err := dec.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		return nil, errors.New("size differs from the zstd frame header")
	}
	return out, nil
}

// cacheMagic starts the 8-byte footer of a cache file; the CRC-32 of the font's header and table directory
// follows it (little-endian).
const cacheMagic = "nbF2"

// cacheFooter returns the footer saveCache appends to a font (checked by the zstd frame checksum when it was made).
func cacheFooter(font []byte) []byte {
	if len(font) < 12 {
		return nil
	}
	n := int(be.Uint16(font[4:]))
	out := []byte(cacheMagic + "\x00\x00\x00\x00")
	binary.LittleEndian.PutUint32(out[4:], crc32.ChecksumIEEE(font[:min(len(font), 12+16*n)]))
	return out
}

// readCached reads a cache file, verified cheaply instead of checksumming all of it, and returns the font
// with the open file (for reading glyphs with pread). Every table but glyf is read with pread into a buffer of
// the font's size (sparseBuffer); glyf, most of the file, stays zero there and untouched, and is read glyph by
// glyph through Face.GlyphReader. The checks: the file is the font (of the zstd frame's size) and the 8-byte
// footer written with it, the footer holds the CRC-32 of the font's header and table directory, every table
// lies inside the font and every table but glyf matches the checksum the directory records.
//
// The file is not mapped: a mapping costs fewer page faults, but a cache file written a moment earlier sits in
// the page cache in large folios, which a mapping maps whole, so the RSS of the runs after a first run grew by
// 10 MB (30 against 20 MB for the seed, measured) for no gain in CPU time that the runs could show.
func readCached(path string, size uint32) ([]byte, *os.File, error) {
	f, st, err := statRegular(path)
	if err != nil {
		return nil, nil, err
	}
	data, err := readVerified(f, st.Size(), size)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return data, f, nil
}

// errStale is returned by readVerified for a cache file that fails a check.
var errStale = errors.New("cache file damaged or stale")

// readVerified is readCached on an open file of fileSize bytes, read with pread.
func readVerified(f io.ReaderAt, fileSize int64, size uint32) ([]byte, error) {
	if fileSize != int64(size)+8 || size < 12 {
		return nil, errStale
	}
	var footer [8]byte
	if _, err := f.ReadAt(footer[:], int64(size)); err != nil || string(footer[:4]) != cacheMagic {
		return nil, errStale
	}
	var head [12]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return nil, errStale
	}
	n := int(be.Uint16(head[4:]))
	dirLen := 12 + 16*n
	if n == 0 || dirLen > int(size) {
		return nil, errStale
	}
	data := sparseBuffer(int(size))
	if _, err := f.ReadAt(data[:dirLen], 0); err != nil {
		return nil, errStale
	}
	return data, verifyCached(data, footer[:], f)
}

// verifyCached checks a cached font (size bytes, its footer apart) as readCached describes. With read set,
// font holds only the header and table directory, and each table but glyf is read into its place first.
func verifyCached(font, footer []byte, read io.ReaderAt) error {
	if len(footer) != 8 || string(footer[:4]) != cacheMagic || len(font) < 12 {
		return errStale
	}
	dirLen := sfnt.DirLen(font)
	if sfnt.NumTables(font) == 0 || dirLen > len(font) || crc32.ChecksumIEEE(font[:dirLen]) != binary.LittleEndian.Uint32(footer[4:]) {
		return errStale
	}
	for r := range sfnt.Records(font) {
		t, ok := r.In(font)
		if !ok {
			return errStale
		}
		if r.Tag == "glyf" || r.Len == 0 {
			continue
		}
		if read != nil {
			if _, err := read.ReadAt(t, int64(r.Off)); err != nil {
				return errStale
			}
		}
		if sfnt.TableChecksum(r.Tag, t) != r.Sum {
			return errStale
		}
	}
	return nil
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

// cacheTemps tracks the temporary files saveCache is writing, so that StopCaching can remove them.
var cacheTemps osfile.Temps

// StopCaching removes the temporary files of cache files being written and makes later saves do nothing: an
// interrupted first run leaves no half-written file in the cache folder. nianbao.Abort calls it.
func StopCaching() { cacheTemps.Stop() }

// saveCache writes data and its footer (cacheFooter) through a temporary file and a rename; failures only cost
// speed next time. A cache file is never changed in place (a new version gets a new name). The temporary file
// is registered until renamed or removed (StopCaching).
func saveCache(path string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	f, err := cacheTemps.Create(filepath.Dir(path), ".font-*.tmp")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if err == nil {
		_, err = f.Write(cacheFooter(data))
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = cacheTemps.Rename(f.Name(), path)
	}
	if err != nil {
		cacheTemps.Drop(f.Name(), true)
	}
}

// errNotRegular is returned by statRegular for anything but a regular file (or one too large).
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
