package fonts

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nianbao/nianbao/internal/osfile"
)

// Options says where to look for fonts. The zero value looks at the system fonts, then the bundled ones.
type Options struct {
	// Dir is searched first for official fonts (--fonts DIR), recursively.
	Dir string
	// Files gives the exact font file of a role (--font role=FILE, the report's [fonts] table).
	Files map[Role]string
	// NoSystem skips the fonts installed on the machine.
	NoSystem bool
	// SystemDirs replaces the platform's font folders (nil: the platform's, see platformFontDirs, with
	// their index in the user cache folder; given folders are read whole on every call, without an index).
	// Tests point it at a temporary directory.
	SystemDirs []string
}

// Set is the face chosen for every role.
type Set struct {
	faces map[Role]*Face
	// fallbacks holds the per-character fallback of roles on their bundled default (fallback.go).
	fallbacks map[Role]*Face
	notes     []string
}

// Face returns the face of a role; every role of Roles has one (at worst the bundled default).
func (s *Set) Face(r Role) *Face { return s.faces[r] }

// Notes returns one line per font that matched an official name but was skipped, with the reason (e.g. a
// CFF-outline font, which PDF output cannot embed), and problems met while scanning the system fonts.
func (s *Set) Notes() []string { return append([]string(nil), s.notes...) }

// Resolve chooses a face for every role: the role's file from Options.Files, else an official font from
// Options.Dir, else one installed on the system, else the bundled default. It reads only font headers;
// no font is loaded or decompressed until Face.Data or Face.Has is called. An unusable file given in
// Options.Files or a missing Options.Dir is an error; unusable fonts found by searching become Notes.
func Resolve(o Options) (*Set, error) {
	s := &Set{faces: map[Role]*Face{}}
	files := map[Role]string{}
	keys := make([]string, 0, len(o.Files))
	for r := range o.Files {
		keys = append(keys, string(r))
	}
	sort.Strings(keys)       // deterministic when two spellings name one role
	for _, k := range keys { // keys may be any spelling ParseRole accepts ("仿宋")
		file := o.Files[Role(k)]
		role, err := ParseRole(k)
		if err != nil {
			return nil, err
		}
		if file != "" {
			files[role] = file
		}
	}
	for _, r := range Roles {
		if file, ok := files[r]; ok {
			f, err := openUserFile(r, file)
			if err != nil {
				return nil, err
			}
			s.faces[r] = f
		}
	}
	if o.Dir != "" {
		if st, err := os.Stat(o.Dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("--fonts %s：不是可读取的目录，请给出存放字体文件的文件夹", o.Dir)
		}
		s.pick(scanDirs([]string{o.Dir}, &s.notes), User)
	}
	if !o.NoSystem {
		s.pick(systemCandidates(o.SystemDirs, &s.notes), System)
	}
	for _, r := range Roles {
		if s.faces[r] == nil {
			b := bundled[r]
			s.faces[r] = &Face{Role: r, Family: b.family, File: b.file, Source: Bundled}
		}
	}
	s.setFallbacks()
	return s, nil
}

// candidate is one face found by searching a directory or the system index.
type candidate struct {
	file     string
	index    int
	families []string
	style    string
	problem  string // "" when usable; read lazily for system candidates
	checked  bool
}

// pick fills every role still empty with the best usable candidate matching one of its aliases.
func (s *Set) pick(cands []candidate, src Source) {
	for _, r := range Roles {
		if s.faces[r] != nil {
			continue
		}
		for _, alias := range aliases[r] {
			want := normFamily(alias)
			var match []*candidate
			for i := range cands {
				for _, fam := range cands[i].families {
					if normFamily(fam) == want {
						match = append(match, &cands[i])
						break
					}
				}
			}
			sort.SliceStable(match, func(i, j int) bool {
				si, sj := styleRank(match[i].style), styleRank(match[j].style)
				if si != sj {
					return si < sj
				}
				if match[i].file != match[j].file {
					return match[i].file < match[j].file
				}
				return match[i].index < match[j].index
			})
			for _, c := range match {
				c.check()
				if c.problem != "" {
					note := fmt.Sprintf("跳过 %s（%s）：%s", c.label(), alias, c.problem)
					if !contains(s.notes, note) {
						s.notes = append(s.notes, note)
					}
					continue
				}
				s.faces[r] = &Face{Role: r, Family: displayFamily(c.families, alias, c.style), File: c.file, Index: c.index, Source: src}
				break
			}
			if s.faces[r] != nil {
				break
			}
		}
	}
}

// check reads the face's tables (once) to see whether the PDF writer can embed it.
func (c *candidate) check() {
	if c.checked {
		return
	}
	c.checked = true
	st, err := regularFont(c.file)
	var f *os.File
	if err == nil {
		f, err = os.Open(c.file)
	}
	if err != nil {
		c.problem = "无法读取：" + errText(err)
		return
	}
	defer f.Close()
	fds, err := readFaces(f)
	if err != nil {
		c.problem = err.Error()
		return
	}
	if c.index < len(fds) {
		if p := fds[c.index].truncation(st.Size()); p != "" {
			c.problem = p
			return
		}
	}
	if c.index >= len(fds) {
		c.problem = fmt.Sprintf("字体集中没有第 %d 个字体", c.index)
		return
	}
	fi := fds[c.index].describe(f)
	c.problem = fi.problem
	if len(fi.families) > 0 {
		c.families = fi.families
	}
	if fi.style != "" {
		c.style = fi.style
	}
}

// label names a candidate in notes: the file, with the face index for collections.
func (c *candidate) label() string {
	if strings.HasSuffix(strings.ToLower(c.file), ".ttc") || strings.HasSuffix(strings.ToLower(c.file), ".otc") {
		return fmt.Sprintf("%s 第 %d 个字体", c.file, c.index)
	}
	return c.file
}

// displayFamily returns the spelling of the matched family as the font writes it, with a non-regular style.
func displayFamily(families []string, alias, style string) string {
	fam := alias
	for _, f := range families {
		if normFamily(f) == normFamily(alias) {
			fam = f
			break
		}
	}
	if styleRank(style) != 0 && !strings.Contains(strings.ToLower(fam), strings.ToLower(style)) {
		fam += " " + style
	}
	return fam
}

// styleRank prefers the upright regular face of a family: 0 regular, 1 other, 2 bold/italic and the like.
func styleRank(style string) int {
	s := strings.ToLower(strings.TrimSpace(style))
	switch s {
	case "", "regular", "normal", "book", "roman", "standard", "常规", "标准", "w3", "w4", "w5":
		return 0
	}
	for _, w := range []string{"bold", "italic", "oblique", "light", "thin", "black", "heavy", "medium", "semi", "demi", "粗", "斜", "细"} {
		if strings.Contains(s, w) {
			return 2
		}
	}
	return 1
}

// fontExt reports whether a file name looks like a font file worth reading.
func fontExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ttf", ".ttc", ".otf", ".otc":
		return true
	}
	return false
}

// scanDirs reads the names of every face of every font file under dirs (recursively, in lexical order).
// Unreadable entries are skipped; missing directories are ignored.
func scanDirs(dirs []string, notes *[]string) []candidate {
	var out []candidate
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && path != dir {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !fontExt(path) {
				return nil
			}
			if note := skipIrregular(path, d); note != "" {
				*notes = append(*notes, note)
				return nil
			}
			f, err := os.Open(path)
			if err != nil {
				return nil
			}
			defer f.Close()
			fds, err := readFaces(f)
			if err != nil {
				*notes = append(*notes, fmt.Sprintf("跳过 %s：%v", path, err))
				return nil
			}
			st, err := f.Stat()
			if err != nil {
				return nil
			}
			for _, fd := range fds {
				fi := fd.describe(f)
				if p := fd.truncation(st.Size()); p != "" {
					fi.problem = p
				}
				out = append(out, candidate{file: path, index: fd.index, families: fi.families, style: fi.style, problem: fi.problem, checked: true})
			}
			return nil
		})
	}
	return out
}

// openUserFile opens the font file given for a role: the face matching one of the role's official names
// in a collection, else its first face that PDF output can embed.
func openUserFile(r Role, file string) (*Face, error) {
	st, err := regularFont(file)
	var f *os.File
	if err == nil {
		f, err = os.Open(file)
	}
	if err != nil {
		return nil, fmt.Errorf("%s 角色（%s）的字体文件 %s 无法打开：%v；请检查 --font %s=FILE 或报告 [fonts] 表中的路径", r, r.Official(), file, errText(err), r)
	}
	defer f.Close()
	fds, err := readFaces(f)
	if err != nil {
		return nil, fmt.Errorf("%s 角色（%s）的字体文件 %s 不是可用的字体：%v", r, r.Official(), file, err)
	}
	for _, fd := range fds {
		if p := fd.truncation(st.Size()); p != "" {
			return nil, fmt.Errorf("%s 角色（%s）的字体文件 %s 不是可用的字体：%s", r, r.Official(), file, p)
		}
	}
	var infos []faceInfo
	for _, fd := range fds {
		infos = append(infos, fd.describe(f))
	}
	best := -1
	for _, alias := range aliases[r] {
		for i, fi := range infos {
			if fi.problem != "" {
				continue
			}
			for _, fam := range fi.families {
				if normFamily(fam) == normFamily(alias) {
					best = i
					break
				}
			}
			if best >= 0 {
				break
			}
		}
		if best >= 0 {
			break
		}
	}
	if best < 0 {
		for i, fi := range infos {
			if fi.problem == "" {
				best = i
				break
			}
		}
	}
	if best < 0 {
		return nil, fmt.Errorf("%s 角色（%s）的字体文件 %s 无法嵌入 PDF：%s；请改用 TrueType（.ttf）格式的字体", r, r.Official(), file, infos[0].problem)
	}
	fi := infos[best]
	fam := fi.full
	if fam == "" && len(fi.families) > 0 {
		fam = fi.families[0]
	}
	if fam == "" {
		fam = filepath.Base(file)
	}
	return &Face{Role: r, Family: fam, File: file, Index: fi.index, Source: User}, nil
}

// errText explains an error on a font file in Chinese (see osfile.Explain).
func errText(err error) string { return osfile.Explain(err) }

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
