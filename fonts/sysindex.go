package fonts

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
)

// The system font index (system-fonts.v1 in the user cache folder) remembers, for every font file found in
// the platform's font folders, its size and modification time and what was read from it, so that a run reads
// no font file that has not changed since the last. The format is ours and is cheap to decode:
//
//	"nianbao system-fonts v1\n"
//	uvarint file count, then per file:
//	    str path, varint size, varint mtime (Unix ns), byte flags (1: could not be opened), str problem (why
//	    the file cannot be read; "" when it can), uvarint face count, then per face:
//	        uvarint index, str style, byte flags (1: problem checked), str problem,
//	        uvarint family count, str family…
//	4 bytes: CRC-32 (IEEE, big-endian) of everything before
//
// where str is a uvarint length and that many bytes. Anything else (another version, a short or damaged
// file) is ignored as a whole and the next save replaces it: the index only saves time. Change indexMagic
// (and the file name) when what is stored, or how a font file is read into it, changes.

// indexMagic starts every index file; it carries the version of the format.
const indexMagic = "nianbao system-fonts v1\n"

// maxIndexFile is the largest index file read (a machine with 1 000 font files has an index of about 200 KB).
const maxIndexFile = 16 << 20

// indexName is the file name of the index in the cache folder.
const indexName = "system-fonts.v1"

// indexedFile is what the index knows about one font file.
type indexedFile struct {
	path  string
	size  int64
	mtime int64 // modification time, Unix nanoseconds
	// unopened is set when the file could not be opened (permissions): it is tried again on every run, since
	// chmod does not change the modification time.
	unopened bool
	problem  string // why the file cannot be read; "" when it can
	faces    []indexedFace
}

// indexedFace is one face of an indexed file.
type indexedFace struct {
	index    int
	families []string
	style    string
	// checked is set when problem was worked out (only for faces with an official family name: the others are
	// never used, and telling whether a face can be embedded reads its cmap).
	checked bool
	problem string
}

// systemIndexPath returns the index file, or "" when there is none: no user cache folder, or
// NIANBAO_FONT_CACHE=off (no cache is written at all then).
func systemIndexPath() string {
	if os.Getenv(CacheDirEnv) == "off" {
		return ""
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "nianbao", indexName)
}

// forgetSystemIndex removes the system font index (when a face it chose cannot be loaded) and reports whether
// there was one.
func forgetSystemIndex() bool {
	path := systemIndexPath()
	return path != "" && os.Remove(path) == nil
}

// encodeIndex returns the index file's bytes for files.
func encodeIndex(files []indexedFile) []byte {
	b := append(make([]byte, 0, 64*len(files)+64), indexMagic...)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(files)))
	for _, f := range files {
		str(f.path)
		b = binary.AppendVarint(b, f.size)
		b = binary.AppendVarint(b, f.mtime)
		if f.unopened {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		str(f.problem)
		b = binary.AppendUvarint(b, uint64(len(f.faces)))
		for _, fc := range f.faces {
			b = binary.AppendUvarint(b, uint64(fc.index))
			str(fc.style)
			var flags byte
			if fc.checked {
				flags = 1
			}
			b = append(b, flags)
			str(fc.problem)
			b = binary.AppendUvarint(b, uint64(len(fc.families)))
			for _, fam := range fc.families {
				str(fam)
			}
		}
	}
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// errIndex is returned for an index file that is not one this version wrote whole.
var errIndex = errors.New("字体索引已损坏或版本不符")

// indexDecoder reads the fields of an index. Strings are cut from one string holding the whole file, so
// decoding allocates the slices only.
type indexDecoder struct {
	s   string
	err bool
}

// uvarint reads an unsigned varint.
func (d *indexDecoder) uvarint() uint64 {
	var x uint64
	for i, shift := 0, uint(0); i < len(d.s) && i < binary.MaxVarintLen64; i, shift = i+1, shift+7 {
		c := d.s[i]
		if c < 0x80 {
			d.s = d.s[i+1:]
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7f) << shift
	}
	d.err = true
	d.s = ""
	return 0
}

// varint reads a signed (zig-zag) varint.
func (d *indexDecoder) varint() int64 {
	u := d.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a number of elements that each take at least min more bytes, so that a damaged count cannot
// make the decoder allocate much more than the file holds.
func (d *indexDecoder) count(min int) int {
	n := d.uvarint()
	if n > uint64(len(d.s)/min) {
		d.err = true
		d.s = ""
		return 0
	}
	return int(n)
}

// str reads a length-prefixed string.
func (d *indexDecoder) str() string {
	n := d.count(1)
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

// byte1 reads one byte.
func (d *indexDecoder) byte1() byte {
	if d.s == "" {
		d.err = true
		return 0
	}
	c := d.s[0]
	d.s = d.s[1:]
	return c
}

// decodeIndex parses an index file's bytes; any defect is errIndex.
func decodeIndex(data []byte) ([]indexedFile, error) {
	if len(data) < len(indexMagic)+4 || string(data[:len(indexMagic)]) != indexMagic {
		return nil, errIndex
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.BigEndian.Uint32(data[len(body):]) {
		return nil, errIndex
	}
	d := &indexDecoder{s: string(body[len(indexMagic):])}
	files := makeN[indexedFile](d.count(6))
	for i := range files {
		f := &files[i]
		f.path = d.str()
		f.size = d.varint()
		f.mtime = d.varint()
		f.unopened = d.byte1()&1 != 0
		f.problem = d.str()
		f.faces = makeN[indexedFace](d.count(5))
		for j := range f.faces {
			fc := &f.faces[j]
			fc.index = int(d.uvarint())
			fc.style = d.str()
			fc.checked = d.byte1()&1 != 0
			fc.problem = d.str()
			fc.families = makeN[string](d.count(1))
			for k := range fc.families {
				fc.families[k] = d.str()
			}
			if fc.index < 0 || fc.index >= 1000 { // readFaces reads at most 1 000 faces
				d.err = true
			}
		}
		if d.err {
			return nil, errIndex
		}
	}
	if d.err || d.s != "" {
		return nil, errIndex
	}
	return files, nil
}

// makeN returns a slice of n elements, nil for none (as the reader that made the index left it).
func makeN[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, n)
}

// loadIndex reads the index file; a missing, unreadable or damaged one is an error, and the caller scans
// every file instead.
func loadIndex(path string) ([]indexedFile, error) {
	if path == "" {
		return nil, os.ErrNotExist
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > maxIndexFile {
		return nil, errIndex
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return decodeIndex(data)
}

// saveIndex writes the index through a temporary file and a rename, so that a reader never sees half of
// one; a failure only costs the next run a full scan.
func saveIndex(path string, files []indexedFile) error {
	if path == "" {
		return nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".system-fonts-*.tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(encodeIndex(files))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}
