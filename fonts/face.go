package fonts

import (
	"bytes"
	"fmt"
	"sync"
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

// Face is the font chosen for one role. Its bytes are read (or gunzipped) on the first call to Data or
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

	once sync.Once
	data []byte
	cov  *coverage
	// broken holds the characters whose glyph is empty or malformed (see validate.go).
	broken *coverage
	err    error
}

// Data returns the face as standalone TrueType (glyf) bytes, ready for the PDF writer: a face
// of a .ttc is extracted, a bundled font gunzipped. The bytes are loaded once and shared; do not modify them.
func (f *Face) Data() ([]byte, error) {
	f.load()
	return f.data, f.err
}

// Has reports whether the face maps r to a glyph (in the format-4 Unicode cmap that the PDF writer uses). It is
// false for every rune above U+FFFF and when the face cannot be loaded (Data returns the reason).
func (f *Face) Has(r rune) bool {
	f.load()
	return f.err == nil && f.cov.has(r)
}

// load reads and checks the face once.
func (f *Face) load() {
	f.once.Do(func() {
		data, err := f.read()
		if err == nil {
			data, err = extractFace(data, f.Index)
		}
		if err == nil {
			f.cov, err = checkFace(data)
		}
		if err == nil && f.Source != Bundled { // bundled fonts are validated by the tests
			f.broken, err = validateFace(data, f.cov)
		}
		if err != nil {
			f.err = fmt.Errorf("字体 %s（%s 角色，文件 %s）无法使用：%v", f.Family, f.Role.Official(), f.File, err)
			return
		}
		f.data = data
	})
}

// read returns the raw file bytes (gunzipped for bundled faces).
func (f *Face) read() ([]byte, error) {
	if f.Source != Bundled {
		return readFontFile(f.File)
	}
	return bundledBytes(f.File)
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
