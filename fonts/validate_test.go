package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// latinBytes returns a copy of the bundled Latin font and the offset and length of one of its tables.
func latinBytes(t *testing.T, tag string) (data []byte, off, length int) {
	t.Helper()
	raw, err := bundledBytes(bundled[Latin].file)
	if err != nil {
		t.Fatal(err)
	}
	data = append([]byte(nil), raw...)
	for i := range int(be.Uint16(data[4:])) {
		rec := data[12+16*i:]
		if string(rec[:4]) == tag {
			return data, int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		}
	}
	t.Fatalf("no %s table", tag)
	return
}

func writeFont(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "broken.ttf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// resolveLatin resolves a set whose Latin role is file and returns the first problem: Resolve, Check, or a
// missing glyph among "0123456789 Abc".
func resolveLatin(file string) string {
	s, err := Resolve(Options{Files: map[Role]string{Latin: file}, NoSystem: true})
	if err == nil {
		err = s.Check()
	}
	if err != nil {
		return err.Error()
	}
	if m := CheckText(s, Body, "0123456789 Abc", "测试"); len(m) > 0 {
		return m[0].Error()
	}
	return ""
}

// Damaged fonts used to pass as fine ("字形：齐全") and print blank digits: every structural problem is an
// error naming the file, and a glyph that is empty or malformed is reported as such.
func TestDamagedFontsAreRefused(t *testing.T) {
	if p := resolveLatin(writeFont(t, func() []byte { d, _, _ := latinBytes(t, "loca"); return d }())); p != "" {
		t.Fatalf("the intact font is refused: %s", p)
	}
	cases := map[string]struct {
		mutate func(d []byte, off, n int) []byte
		tag    string
		want   string
	}{
		"loca all 0xFF": {func(d []byte, off, n int) []byte {
			for i := off; i < off+n; i++ {
				d[i] = 0xff
			}
			return d
		}, "loca", "loca 表损坏"},
		"loca decreasing": {func(d []byte, off, n int) []byte {
			d[off+n/2], d[off+n/2+1] = 0, 0
			return d
		}, "loca", "应递增"},
		"glyf zeroed": {func(d []byte, off, n int) []byte {
			for i := off; i < off+n; i++ {
				d[i] = 0
			}
			return d
		}, "glyf", "glyf 表损坏"},
		"one glyph emptied": {func(d []byte, off, n int) []byte {
			_, loff, _ := latinBytes(t, "loca")
			// glyph 19 (a digit) ends where it starts: an empty outline (short loca offsets)
			copy(d[loff+2*20:loff+2*20+2], d[loff+2*19:loff+2*19+2])
			return d
		}, "head", "字形为空或已损坏"},
		"glyf garbage": {func(d []byte, off, n int) []byte {
			x := uint32(12345)
			for i := off; i < off+n; i++ {
				x = x*1103515245 + 12345
				d[i] = byte(x >> 16)
			}
			return d
		}, "glyf", "glyf 表损坏"},
		"numGlyphs too large": {func(d []byte, off, n int) []byte {
			d[off+4], d[off+5] = 0xff, 0xf0
			return d
		}, "maxp", "与 maxp 的字形数"},
		"truncated":        {func(d []byte, off, n int) []byte { return d[:len(d)*2/3] }, "glyf", "被截断"},
		"truncated header": {func(d []byte, off, n int) []byte { return d[:40] }, "glyf", "被截断"},
	}
	for name, c := range cases {
		d, off, n := latinBytes(t, c.tag)
		file := writeFont(t, c.mutate(d, off, n))
		p := resolveLatin(file)
		if !strings.Contains(p, c.want) || !strings.Contains(p, "Latin") && !strings.Contains(p, file) && !strings.Contains(p, "Times") {
			t.Errorf("%s: got %q, want %q", name, p, c.want)
		}
	}
}

// A folder, a FIFO or a device given as a font is refused at once with what it is; a FIFO among the
// fonts of --fonts DIR is skipped with a note instead of blocking.
func TestFontFileMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.ttf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs:", err)
	}
	for file, want := range map[string]string{dir: "是目录", fifo: "是命名管道", "/dev/zero": "是字符设备"} {
		done := make(chan string, 1)
		go func() { done <- resolveLatin(file) }()
		select {
		case p := <-done:
			if !strings.Contains(p, want) || !strings.Contains(p, file) {
				t.Errorf("%s: got %q, want %q", file, p, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s blocks", file)
		}
	}
	done := make(chan *Set, 1)
	go func() { s, _ := Resolve(Options{Dir: dir, NoSystem: true}); done <- s }()
	select {
	case s := <-done:
		if s == nil || !strings.Contains(strings.Join(s.Notes(), "\n"), "pipe.ttf：是命名管道") {
			t.Errorf("FIFO in --fonts: notes %v", s.Notes())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a FIFO under --fonts DIR blocks")
	}
}

// Validation never refuses a sound font: no bundled face and no installed TrueType font has a damaged
// glyph for a letter, digit, punctuation mark or symbol (DejaVu Sans Mono Oblique lacks one outline).
func TestValidationHasNoFalseAlarms(t *testing.T) {
	var files []string
	for _, r := range Roles {
		files = append(files, "bundled:"+bundled[r].file)
	}
	sys, _ := filepath.Glob("/usr/share/fonts/truetype/*/*.ttf")
	files = append(files, append(sys, "testdata/fangsong.ttf", "testdata/pair.ttc")...)
	for _, file := range files {
		var raw []byte
		var err error
		if name, ok := strings.CutPrefix(file, "bundled:"); ok {
			raw, err = bundledBytes(name)
		} else {
			raw, err = readFontFile(file)
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := extractFace(raw, 0)
		if err != nil {
			t.Fatal(err)
		}
		cov, err := checkFace(data)
		if err != nil {
			continue // not embeddable, for other reasons
		}
		broken, err := validateFace(data, cov)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		for c := rune(0); c < 0x10000; c++ {
			if broken.has(c) && !(strings.HasSuffix(file, "DejaVuSansMono-Oblique.ttf") && c == 'ᴽ') {
				t.Errorf("%s: U+%04X reported damaged", file, c)
			}
		}
	}
}

func BenchmarkValidateFace(b *testing.B) {
	raw, err := bundledBytes(bundled[Body].file)
	if err != nil {
		b.Fatal(err)
	}
	cov0, _ := checkFace(raw)
	for b.Loop() {
		cov := *cov0
		if _, err := validateFace(raw, &cov); err != nil {
			b.Fatal(err)
		}
	}
}
