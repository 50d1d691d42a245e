package fonts

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/nianbao/nianbao/internal/sfnt"
	"github.com/nianbao/nianbao/report"
)

// Source tells where the font of a role comes from.
type Source string

const (
	// Bundled is a default font embedded in the nianbao binary.
	Bundled Source = "bundled"
	// System is an official font found among the fonts installed on the machine.
	System Source = "system"
	// User is a font given by --fonts DIR, --font role=FILE or the report's [fonts] table.
	User Source = "user"
)

// Face is the font chosen for one role. Its bytes are read (or decompressed) on the first call to Data or
// Has and cached, so a document only pays for the roles it uses.
type Face struct {
	// Role is the role the face serves.
	Role Role
	// Family is the font's family name as the font names itself (with its style when not Regular),
	// e.g. "FangSong" or "Report Serif SC Light".
	Family string
	// File is the font file; for a bundled face the name of the embedded file.
	File string
	// Index is the face index inside a .ttc collection (0 for single fonts).
	Index int
	// Source tells whether the face is bundled, a system font or a user font.
	Source Source

	once   sync.Once
	data   []byte
	glyphs io.ReaderAt
	cov    *coverage
	// broken holds the characters whose glyph is empty or malformed (see validate.go).
	broken *coverage
	err    error
}

// Data returns the face as standalone TrueType (glyf) bytes: a face of a .ttc is extracted, a bundled font
// decompressed (or read whole from the on-disk cache). The bytes are loaded once and shared; do not modify them.
// The PDF writer uses Tables and GlyphReader instead, which read only what a document needs.
func (f *Face) Data() ([]byte, error) {
	f.load()
	if f.err == nil && f.Source == Bundled {
		return bundledBytes(f.File)
	}
	return f.data, f.err
}

// Tables returns the face's bytes like Data, except that the glyf table may be left out (zeros, taking no
// memory): so it is for a bundled font read from the on-disk cache. Read outlines through GlyphReader.
func (f *Face) Tables() ([]byte, error) {
	f.load()
	return f.data, f.err
}

// Has reports whether the face maps r to a glyph (in the format-4 Unicode cmap that the PDF writer uses). It is
// false for every rune above U+FFFF and when the face cannot be loaded (Data returns the reason).
func (f *Face) Has(r rune) bool {
	f.load()
	return f.err == nil && f.cov.has(r)
}

// load reads and checks the face once. Bundled faces and font files are loaded once per process and shared
// by every Set (a batch resolves one Set per report): see bundledFont and loadedFile.
func (f *Face) load() {
	f.once.Do(func() {
		var l *loadedFace
		if f.Source == Bundled {
			u := bundledFont(f.File)
			l = &loadedFace{data: u.data, cov: u.cov, err: u.err}
			f.glyphs = glyfReader(u.data, u.file)
		} else {
			l = loadedFile(f.File, f.Index)
		}
		if l.err != nil {
			f.err = fmt.Errorf("字体 %s（%s 角色，文件 %s）无法使用：%v", f.Family, f.Role.Official(), f.File, l.err)
			if f.Source == System && forgetSystemIndex() {
				// The index chose a file that changed without changing its size and time: the next run scans
				// the font folders again and skips it with a note.
				f.err = fmt.Errorf("%w；系统字体索引已清除，请重新运行（将重新查找本机字体）", f.err)
			}
			return
		}
		f.data, f.cov, f.broken = l.data, l.cov, l.broken
		if f.glyphs == nil {
			f.glyphs = glyfReader(l.data, nil)
		}
	})
}

// GlyphReader returns a reader of the face's glyf table (offset 0 is the table's first byte), nil when the
// face cannot be loaded. The PDF writer reads the outlines it embeds through it: for a bundled font they are
// read from the cache file with pread, so that the glyf table, most of the file, is never mapped into the
// process (its RSS holds only the small tables); for other faces it reads Data.
func (f *Face) GlyphReader() io.ReaderAt {
	f.load()
	return f.glyphs
}

// glyfReader reads the glyf table of standalone sfnt bytes: from file at the same offsets when file is not
// nil (data is mapped from it), else from data.
func glyfReader(data []byte, file *os.File) io.ReaderAt {
	if sfnt.DirLen(data) > len(data) {
		return nil
	}
	for r := range sfnt.Records(data) {
		if r.Tag != "glyf" {
			continue
		}
		if r.End() > int64(len(data)) {
			return nil
		}
		if file != nil {
			return io.NewSectionReader(file, int64(r.Off), int64(r.Len))
		}
		return io.NewSectionReader(bytes.NewReader(data), int64(r.Off), int64(r.Len))
	}
	return nil
}

// loadedFace is one face of a user or system font file, read, extracted and validated (validate.go).
type loadedFace struct {
	once   sync.Once
	data   []byte
	cov    *coverage
	broken *coverage
	err    error
}

// fileKey names one face of a font file as it is on disk: a file replaced or changed (other size or
// modification time) is read again.
type fileKey struct {
	path     string
	index    int
	size     int64
	modified int64
}

var loadedFiles sync.Map // fileKey → *loadedFace

// loadedFile returns a face of a font file, read and validated once per process for each version of the
// file; concurrent callers share one read.
func loadedFile(path string, index int) *loadedFace {
	st, err := os.Stat(path)
	if err != nil {
		if _, rerr := readFontFile(path); rerr != nil {
			err = rerr // the explained message
		}
		return &loadedFace{err: err}
	}
	k := fileKey{path: path, index: index, size: st.Size(), modified: st.ModTime().UnixNano()}
	v, _ := loadedFiles.LoadOrStore(k, &loadedFace{})
	l := v.(*loadedFace)
	l.once.Do(func() {
		data, err := readFontFile(path)
		if err == nil {
			data, err = extractFace(data, index)
		}
		if err == nil {
			l.cov, err = checkFace(data)
		}
		if err == nil {
			l.broken, err = validateFace(data, l.cov)
		}
		if err != nil {
			l.err = err
			l.cov = nil
			return
		}
		l.data = data
	})
	return l
}

// checkFace verifies that standalone sfnt bytes can be embedded in the PDF and returns their coverage.
func checkFace(data []byte) (*coverage, error) {
	r := bytes.NewReader(data)
	fds, err := readFaces(r)
	if err != nil {
		return nil, err
	}
	if p := fds[0].embedProblem(r); p != "" {
		return nil, fmt.Errorf("%s", p)
	}
	cmap, err := fds[0].table(r, "cmap")
	if err != nil {
		return nil, err
	}
	return parseCmap4(cmap)
}

// Preload loads, concurrently, the faces of the roles that report r sets text in (see RunesUsed), so that a
// first run (empty font cache) decompresses those fonts in parallel instead of one after the other as the
// layout meets them (one after the other when the process has one processor, GOMAXPROCS=1); faces of unused
// roles stay unloaded. Errors surface later through Data and Has.
func (s *Set) Preload(r *report.Report) {
	used := RunesUsed(r)
	serial := runtime.GOMAXPROCS(0) == 1 // nothing runs in parallel: goroutines would only add switches
	var wg sync.WaitGroup
	for _, role := range Roles {
		if used[role] == 0 {
			continue
		}
		if f := s.faces[role]; f != nil {
			if serial {
				f.load()
				continue
			}
			wg.Go(f.load)
		}
	}
	wg.Wait()
}
