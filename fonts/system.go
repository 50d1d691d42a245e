package fonts

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nianbao/nianbao/internal/osfile"
)

// System font discovery: the platform's font folders (sysdirs.go) are walked on every run, which costs one
// ReadDir per folder and the entries' information, and a font file is read only when the index of the last
// run (sysindex.go) does not know it at that size and modification time. Only the name table of each face is
// read, plus, for a face with an official family name, what tells whether the PDF writer can embed it.

// Limits of the walk, against a hostile or mistaken tree (a symlink to /, a deep generated folder).
const (
	// maxFontDirDepth is the deepest subfolder walked below a font folder.
	maxFontDirDepth = 16
	// maxSystemFontFiles is the most font files listed; the rest are ignored.
	maxSystemFontFiles = 20000
)

// systemScan is one discovery of the installed fonts.
type systemScan struct {
	dirs  []string                       // folders walked, in this order
	index string                         // the index file; "" for none (every font file is read)
	open  func(string) (*os.File, error) // opens a font file: os.Open (tests count the calls)
	notes *[]string                      // Set.Notes
	saved func([]indexedFile)            // called after the index is rewritten (tests)
}

// systemCandidates lists the faces installed on the machine whose family name, in any language of the
// name table, is an official alias, ordered by file and face index. dirs replaces the platform's font
// folders (Options.SystemDirs, for tests; no index is kept then); nil means the platform's, indexed in the
// user cache folder.
func systemCandidates(dirs []string, notes *[]string) []candidate {
	sc := systemScan{dirs: dirs, open: os.Open, notes: notes}
	if dirs == nil {
		sc.dirs, sc.index = systemFontDirs(), systemIndexPath()
	}
	return sc.candidates()
}

// fontFile is a font file found by the walk, with the size and modification time it had then.
type fontFile struct {
	path  string
	size  int64
	mtime int64
}

// candidates walks the folders, brings the index up to date (reading new and changed files, forgetting
// removed ones; rewritten only when something changed) and returns the faces with an official family name.
func (sc *systemScan) candidates() []candidate {
	old := map[string]*indexedFile{}
	if files, err := loadIndex(sc.index); err == nil {
		for i := range files {
			old[files[i].path] = &files[i]
		}
	}
	found := sc.walk()
	files := make([]indexedFile, 0, len(found))
	changed := len(found) != len(old)
	for _, ff := range found {
		o := old[ff.path]
		if o != nil && o.size == ff.size && o.mtime == ff.mtime && !o.unopened {
			files = append(files, *o)
			continue
		}
		f := sc.readFile(ff)
		if o == nil || !f.unopened || f.size != o.size || f.mtime != o.mtime || f.problem != o.problem {
			changed = true
		}
		files = append(files, f)
	}
	if changed && sc.index != "" && saveIndex(sc.index, files) == nil {
		// fontscan's index, which earlier versions kept beside ours and rewrote on every run.
		_ = os.Remove(filepath.Join(filepath.Dir(sc.index), "font_index_v6.cache"))
		if sc.saved != nil {
			sc.saved(files)
		}
	}
	want := officialFamilies()
	var out []candidate
	for _, f := range files {
		if f.problem != "" {
			sc.note(f.path, f.problem)
			continue
		}
		for _, fc := range f.faces {
			if hasFamily(fc.families, want) {
				out = append(out, candidate{file: f.path, index: fc.index, families: fc.families, style: fc.style, problem: fc.problem, checked: fc.checked})
			}
		}
	}
	return out
}

// walk lists the font files (by extension, see fontExt) under the folders, sorted by path. Symbolic links
// are followed, to files and to folders; every folder is walked once, by its real path, so a link to a parent
// folder is no loop. Missing and unreadable folders are skipped.
func (sc *systemScan) walk() []fontFile {
	var out []fontFile
	visited := map[string]bool{}
	var walkDir func(dir, real string, depth int)
	walkDir = func(dir, real string, depth int) {
		if visited[real] || depth > maxFontDirDepth {
			return
		}
		visited[real] = true
		entries, _ := os.ReadDir(dir) // the entries read before an error are still walked
		for _, e := range entries {
			if len(out) >= maxSystemFontFiles {
				return
			}
			path := filepath.Join(dir, e.Name())
			var info fs.FileInfo
			switch t := e.Type(); {
			case t.IsDir():
				walkDir(path, filepath.Join(real, e.Name()), depth+1)
				continue
			case t.IsRegular():
				if !fontExt(path) {
					continue
				}
				var err error
				if info, err = e.Info(); err != nil {
					continue // removed meanwhile
				}
			default: // a symbolic link (or a Windows reparse point): what it leads to
				st, err := os.Stat(path)
				switch {
				case err == nil && st.IsDir():
					if r, err := filepath.EvalSymlinks(path); err == nil {
						walkDir(path, r, depth+1)
					}
					continue
				case !fontExt(path):
					continue
				case err != nil:
					sc.note(path, osfile.Explain(err))
					continue
				case !st.Mode().IsRegular():
					sc.note(path, "是"+osfile.Kind(st.Mode())+"，不是字体文件")
					continue
				}
				info = st
			}
			if info.Size() > MaxFontFile {
				sc.note(path, fmt.Sprintf("文件过大（超过 %d MiB）", MaxFontFile>>20))
				continue
			}
			out = append(out, fontFile{path: path, size: info.Size(), mtime: info.ModTime().UnixNano()})
		}
	}
	for _, d := range sc.dirs {
		if real, err := filepath.EvalSymlinks(d); err == nil {
			walkDir(d, real, 0)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// readFile reads what the index keeps of one font file: every face's family names and style and, for a
// face with an official family name, whether the PDF writer can embed it. A table is read only when it lies
// inside the file, so a damaged header cannot make it allocate more than the file's size (at most
// MaxFontFile).
func (sc *systemScan) readFile(ff fontFile) indexedFile {
	out := indexedFile{path: ff.path, size: ff.size, mtime: ff.mtime}
	f, err := sc.open(ff.path)
	if err != nil {
		out.unopened, out.problem = true, "无法读取："+errText(err)
		return out
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil { // what was read, should the file have changed since the walk
		out.size, out.mtime = st.Size(), st.ModTime().UnixNano()
	}
	fds, err := readFaces(f)
	if err != nil {
		out.problem = err.Error()
		return out
	}
	want := officialFamilies()
	for _, fd := range fds {
		fc := indexedFace{index: fd.index}
		if t, ok := fd.tables["name"]; ok && int64(t.off)+int64(t.length) <= out.size {
			if name, err := fd.table(f, "name"); err == nil {
				fc.families, _, fc.style = parseNames(name)
			}
		}
		if hasFamily(fc.families, want) {
			fc.checked = true
			if fc.problem = fd.truncation(out.size); fc.problem == "" {
				fc.problem = fd.embedProblem(f)
			}
		}
		out.faces = append(out.faces, fc)
	}
	return out
}

// note records that a system font file was skipped, when its file name suggests one of the official fonts
// (simfang.ttf, 仿宋_GB2312.ttf, FZXBSJW.TTF …): a broken font the user installed for nianbao is worth saying,
// the many other files of a system font folder are not the user's concern. A face that has an official
// family name but cannot be used is noted by Set.pick, whatever its file is called.
func (sc *systemScan) note(path, why string) {
	if sc.notes == nil || !officialFileName(path) {
		return
	}
	n := fmt.Sprintf("跳过 %s：%s", path, why)
	if !contains(*sc.notes, n) {
		*sc.notes = append(*sc.notes, n)
	}
}

// officialFileNames are the usual file names of the official fonts (Windows's and 方正's), folded by normFamily.
var officialFileNames = []string{"simfang", "simkai", "simhei", "simsun", "fzxbs", "times"}

// officialFileName reports whether a font file's name (without extension, folded by normFamily) contains
// an official alias or a usual file name of an official font.
func officialFileName(path string) bool {
	base := filepath.Base(path)
	base = normFamily(strings.TrimSuffix(base, filepath.Ext(base)))
	for _, n := range officialFileNames {
		if strings.Contains(base, n) {
			return true
		}
	}
	for _, list := range aliases {
		for _, a := range list {
			if strings.Contains(base, normFamily(a)) {
				return true
			}
		}
	}
	return false
}

// officialFamilies returns every official alias folded by normFamily.
func officialFamilies() map[string]bool {
	want := map[string]bool{}
	for _, list := range aliases {
		for _, a := range list {
			want[normFamily(a)] = true
		}
	}
	return want
}

// hasFamily reports whether one of families, folded by normFamily, is in want.
func hasFamily(families []string, want map[string]bool) bool {
	for _, f := range families {
		if want[normFamily(f)] {
			return true
		}
	}
	return false
}
