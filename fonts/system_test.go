package fonts

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/nianbao/nianbao/internal/sfnt"
)

// nameRec is one record of a name table built by withNames.
type nameRec struct {
	lang uint16 // Windows language (0x409 English, 0x804 Chinese PRC)
	id   uint16
	s    string
}

// withNames returns the single-face font data with its name table replaced by one holding recs (Windows
// Unicode, UTF-16BE), appended at the end of the file.
func withNames(t *testing.T, data []byte, recs ...nameRec) []byte {
	t.Helper()
	var strs []byte
	name := []byte{0, 0, byte(len(recs) >> 8), byte(len(recs)), 0, 0}
	be.PutUint16(name[4:], uint16(6+12*len(recs)))
	for _, r := range recs {
		u := utf16.Encode([]rune(r.s))
		rec := make([]byte, 12)
		be.PutUint16(rec[0:], 3)
		be.PutUint16(rec[2:], 1)
		be.PutUint16(rec[4:], r.lang)
		be.PutUint16(rec[6:], r.id)
		be.PutUint16(rec[8:], uint16(2*len(u)))
		be.PutUint16(rec[10:], uint16(len(strs)))
		name = append(name, rec...)
		for _, c := range u {
			strs = append(strs, byte(c>>8), byte(c))
		}
	}
	name = append(name, strs...)
	out := append([]byte(nil), data...)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	off := len(out)
	out = append(out, name...)
	for i := range int(be.Uint16(out[4:])) {
		rec := out[12+16*i:]
		if string(rec[:4]) == "name" {
			be.PutUint32(rec[4:], sfnt.TableChecksum("name", name))
			be.PutUint32(rec[8:], uint32(off))
			be.PutUint32(rec[12:], uint32(len(name)))
			return out
		}
	}
	t.Fatal("no name table")
	return nil
}

// testFile reads a file of testdata.
func testFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// put writes data at root/rel, making the folders.
func put(t *testing.T, root, rel string, data []byte) string {
	t.Helper()
	p := filepath.Join(root, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fontTree builds a font folder for the index tests and returns its root:
//
//	a/fangsong.ttf           FangSong (testdata)
//	a/pair.ttc               SimHei #0, KaiTi_GB2312 #1 (testdata)
//	b/仿宋.ttf               a font whose only official family name is the Chinese 仿宋_GB2312 (in English
//	                         "Fangsong Std": fontscan, which kept one name per face, never found it)
//	b/times.ttf              the bundled Latin font renamed Times New Roman
//	b/loop → ..  b/self → .  symbolic links to folders already walked
//	c/cut.ttf                FangSong cut inside its post table: named, but truncated
//	c/simhei.ttf             random bytes under an official font's file name (noted)
//	c/readme.ttf             text under a font extension (not noted)
//	c/link.ttf → ../a/fangsong.ttf, c/dangling.ttf → nowhere
//	d/ → b                   a symbolic link to a folder (walked once, through whichever path comes first)
func fontTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	fs := testFile(t, "fangsong.ttf")
	put(t, root, "a/fangsong.ttf", fs)
	put(t, root, "a/pair.ttc", testFile(t, "pair.ttc"))
	put(t, root, "b/仿宋.ttf", withNames(t, fs, nameRec{0x409, 1, "Fangsong Std"}, nameRec{0x804, 1, "仿宋_GB2312"}, nameRec{0x409, 2, "Regular"}))
	latin, err := bundledBytes(bundled[Latin].file)
	if err != nil {
		t.Fatal(err)
	}
	put(t, root, "b/times.ttf", withNames(t, latin, nameRec{0x409, 1, "Times New Roman"}, nameRec{0x409, 2, "Regular"}))
	put(t, root, "c/cut.ttf", fs[:6900])
	rnd := make([]byte, 3000)
	rand.New(rand.NewSource(1)).Read(rnd)
	put(t, root, "c/simhei.ttf", rnd)
	put(t, root, "c/readme.ttf", []byte("这不是字体文件\n"))
	for link, target := range map[string]string{"b/loop": "..", "b/self": ".", "c/link.ttf": "../a/fangsong.ttf", "c/dangling.ttf": "nowhere.ttf", "d": "b"} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	return root
}

// counted is a systemScan of dirs with its index in a temporary folder, counting the font files opened and
// the index saves.
type counted struct {
	systemScan
	opened []string
	saves  int
	noted  []string
}

func newCounted(index string, dirs ...string) *counted {
	c := &counted{}
	c.systemScan = systemScan{dirs: dirs, index: index, notes: &c.noted,
		open:  func(p string) (*os.File, error) { c.opened = append(c.opened, p); return os.Open(p) },
		saved: func([]indexedFile) { c.saves++ }}
	return c
}

// scan runs one discovery and returns "file#index family/style problem" per candidate, relative to root.
func (c *counted) scan(root string) []string {
	c.opened, c.saves, c.noted = nil, 0, nil
	var out []string
	for _, cand := range c.candidates() {
		rel, _ := filepath.Rel(root, cand.file)
		line := rel + "#" + string(rune('0'+cand.index)) + " " + strings.Join(cand.families, ",") + "/" + cand.style
		if !cand.checked {
			line += " unchecked"
		}
		if cand.problem != "" {
			head, _, _ := strings.Cut(cand.problem, "：")
			line += " ! " + head
		}
		out = append(out, line)
	}
	return out
}

func TestSystemIndex(t *testing.T) {
	root := fontTree(t)
	index := filepath.Join(t.TempDir(), "cache", indexName)
	c := newCounted(index, root, filepath.Join(root, "d"), filepath.Join(root, "missing"))
	want := []string{
		"a/fangsong.ttf#0 FangSong/Regular",
		"a/pair.ttc#0 SimHei/Regular",
		"a/pair.ttc#1 KaiTi_GB2312/Regular",
		"b/times.ttf#0 Times New Roman/Regular",
		"b/仿宋.ttf#0 Fangsong Std,仿宋_GB2312/Regular",
		"c/cut.ttf#0 FangSong/Regular ! 文件不完整（被截断）",
		"c/link.ttf#0 FangSong/Regular",
	}
	got := c.scan(root)
	if !slices.Equal(got, want) {
		t.Fatalf("first scan:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(c.opened) != 8 || c.saves != 1 {
		t.Errorf("first scan opened %d files (%v), saved %d times; want 8 and 1", len(c.opened), c.opened, c.saves)
	}
	if len(c.noted) != 1 || !strings.Contains(c.noted[0], "simhei.ttf") || !strings.Contains(c.noted[0], "不是 TrueType/OpenType 字体") {
		t.Errorf("notes %q: want one, for c/simhei.ttf only", c.noted)
	}
	st, err := os.Stat(index)
	if err != nil {
		t.Fatal(err)
	}

	// Nothing changed: no font file is read and the index is not rewritten.
	time.Sleep(10 * time.Millisecond)
	if got := c.scan(root); !slices.Equal(got, want) || len(c.opened) != 0 || c.saves != 0 || len(c.noted) != 1 {
		t.Errorf("second scan: %q, opened %v, %d saves, notes %q", got, c.opened, c.saves, c.noted)
	}
	if st2, err := os.Stat(index); err != nil || !st2.ModTime().Equal(st.ModTime()) {
		t.Errorf("the index was rewritten by a scan that found no change")
	}

	// A touched file is read again, alone.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(root, "a/pair.ttc"), later, later); err != nil {
		t.Fatal(err)
	}
	if got := c.scan(root); !slices.Equal(got, want) || !slices.Equal(c.opened, []string{filepath.Join(root, "a/pair.ttc")}) || c.saves != 1 {
		t.Errorf("after touching pair.ttc: %q, opened %v, %d saves", got, c.opened, c.saves)
	}
	// A file that changes under the same name is read again too.
	put(t, root, "c/cut.ttf", testFile(t, "fangsong.ttf"))
	want[5] = "c/cut.ttf#0 FangSong/Regular"
	if got := c.scan(root); !slices.Equal(got, want) || len(c.opened) != 1 || c.saves != 1 {
		t.Errorf("after repairing cut.ttf: %q, opened %v, %d saves", got, c.opened, c.saves)
	}
	// A removed file disappears without any file being read.
	if err := os.Remove(filepath.Join(root, "a/pair.ttc")); err != nil {
		t.Fatal(err)
	}
	want = slices.Delete(want, 1, 3)
	if got := c.scan(root); !slices.Equal(got, want) || len(c.opened) != 0 || c.saves != 1 {
		t.Errorf("after removing pair.ttc: %q, opened %v, %d saves", got, c.opened, c.saves)
	}
	// A new file is read.
	put(t, root, "e/new.ttc", testFile(t, "pair.ttc"))
	want = append(want, "e/new.ttc#0 SimHei/Regular", "e/new.ttc#1 KaiTi_GB2312/Regular")
	if got := c.scan(root); !slices.Equal(got, want) || len(c.opened) != 1 || c.saves != 1 {
		t.Errorf("after adding new.ttc: %q, opened %v, %d saves", got, c.opened, c.saves)
	}
	// A damaged, truncated, foreign or future index is ignored: every file is read and the index rewritten.
	good, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	rnd := make([]byte, len(good))
	rand.New(rand.NewSource(2)).Read(rnd)
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 0x10
	v2 := bytes.Replace(good, []byte("v1\n"), []byte("v2\n"), 1)
	for name, bad := range map[string][]byte{
		"random": rnd, "truncated": good[:len(good)-7], "half": good[:len(good)/2], "one bit": flipped,
		"other version": v2, "empty": nil, "fontscan's": []byte("\x1f\x8b\x08\x00"),
	} {
		if err := os.WriteFile(index, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := c.scan(root); !slices.Equal(got, want) || c.saves != 1 {
			t.Errorf("%s index: %q, %d saves", name, got, c.saves)
		}
		if len(c.opened) != 8 { // pair.ttc removed, new.ttc added
			t.Errorf("%s index: opened %d files, want every one", name, len(c.opened))
		}
		if b, _ := os.ReadFile(index); !bytes.Equal(b, good) {
			t.Errorf("%s index: not rewritten as before", name)
		}
	}
	// A folder in place of the index is no index, and nothing breaks.
	os.Remove(index)
	if err := os.Mkdir(index, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := c.scan(root); !slices.Equal(got, want) {
		t.Errorf("index is a folder: %q", got)
	}
}

// Through Resolve, the Chinese-only 仿宋_GB2312 wins the body role, Times New Roman the Latin one, the
// .ttc gives 黑体 and 楷体, and the truncated FangSong is never chosen.
func TestSystemFontsThroughResolve(t *testing.T) {
	root := fontTree(t)
	s, err := Resolve(Options{SystemDirs: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	for role, want := range map[Role]string{Body: "b/仿宋.ttf", Latin: "b/times.ttf", Hei: "a/pair.ttc", Kai: "a/pair.ttc"} {
		f := s.Face(role)
		if f.Source != System || f.File != filepath.Join(root, want) {
			t.Errorf("%s: %s %s, want the system %s", role, f.Source, f.File, want)
		}
	}
	if f := s.Face(Body); f.Family != "仿宋_GB2312" || !f.Has('仿') {
		t.Errorf("body: %q, has 仿 %v", f.Family, f.Has('仿'))
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	// Alone, the truncated FangSong is skipped with one note naming it.
	dir := t.TempDir()
	put(t, dir, "cut.ttf", testFile(t, "fangsong.ttf")[:6900])
	s, err = Resolve(Options{SystemDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Face(Body).Source != Bundled || len(s.Notes()) != 1 || !strings.Contains(s.Notes()[0], "cut.ttf（FangSong）：文件不完整") {
		t.Errorf("truncated FangSong: body from %s, notes %q", s.Face(Body).Source, s.Notes())
	}
}

// The default discovery (platform folders, index in the user cache) runs twice on this machine without
// error, the second time reading no font file.
func TestSystemDefaultTwice(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv(CacheDirEnv, "")
	var notes []string
	first := systemCandidates(nil, &notes)
	c := newCounted(systemIndexPath(), systemFontDirs()...)
	second := c.candidates()
	if len(c.opened) != 0 || c.saves != 0 || !reflect.DeepEqual(first, second) {
		t.Errorf("second run opened %d files, %d saves; %d vs %d candidates", len(c.opened), c.saves, len(first), len(second))
	}
}

// A file that could not be opened (permissions) is tried again on every run, since chmod does not change
// its modification time; the index is rewritten only when the outcome changes.
func TestSystemUnopenedRetried(t *testing.T) {
	dir := copyTestdata(t, "fangsong.ttf")
	c := newCounted(filepath.Join(t.TempDir(), indexName), dir)
	open := c.open
	denied := true
	c.open = func(p string) (*os.File, error) {
		if denied {
			c.opened = append(c.opened, p)
			return nil, &os.PathError{Op: "open", Path: p, Err: os.ErrPermission}
		}
		return open(p)
	}
	for run := range 2 {
		if got := c.scan(dir); len(got) != 0 || len(c.opened) != 1 || c.saves != 1-run {
			t.Errorf("denied, run %d: %q, opened %d, %d saves", run, got, len(c.opened), c.saves)
		}
		if len(c.noted) != 1 || !strings.Contains(c.noted[0], "fangsong.ttf：无法读取：") {
			t.Errorf("denied, run %d: notes %q", run, c.noted)
		}
	}
	denied = false
	if got := c.scan(dir); !slices.Equal(got, []string{"fangsong.ttf#0 FangSong/Regular"}) || len(c.opened) != 1 || c.saves != 1 || len(c.noted) != 0 {
		t.Errorf("allowed: %q, opened %d, %d saves, notes %q", got, len(c.opened), c.saves, c.noted)
	}
	if got := c.scan(dir); len(got) != 1 || len(c.opened) != 0 || c.saves != 0 {
		t.Errorf("allowed, again: %q, opened %d, %d saves", got, len(c.opened), c.saves)
	}
}

// A system face the index chose that no longer loads (replaced by another file of the same size and time)
// clears the index, so that the next run scans the folders again, and says so.
func TestSystemStaleIndexCleared(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv(CacheDirEnv, "")
	index := systemIndexPath()
	if err := os.MkdirAll(filepath.Dir(index), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(index, []byte(indexMagic), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "simfang.ttf")
	if err := os.WriteFile(bad, []byte("not a font at all, but the size the index remembered"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := &Face{Role: Body, Family: "仿宋_GB2312", File: bad, Source: System}
	_, err := f.Data()
	if err == nil || !strings.Contains(err.Error(), "系统字体索引已清除") {
		t.Fatalf("load of a changed system font: %v", err)
	}
	if _, err := os.Stat(index); !os.IsNotExist(err) {
		t.Errorf("the index is still there: %v", err)
	}
	// Bundled faces and font files given by the user do not touch the index.
	os.WriteFile(index, []byte(indexMagic), 0o644)
	g := &Face{Role: Body, Family: "x", File: bad, Source: User}
	if _, err := g.Data(); err == nil || strings.Contains(err.Error(), "索引") {
		t.Errorf("a user's font file: %v", err)
	}
	if _, err := os.Stat(index); err != nil {
		t.Errorf("a user's bad font file removed the index: %v", err)
	}
}
