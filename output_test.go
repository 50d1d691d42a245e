package nianbao

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// englishOS matches the English texts of operating-system errors that used to reach the user.
var englishOS = regexp.MustCompile(`not a directory|no such file|permission denied|file name too long|is a directory|cannot|would overwrite`)

// noTemps fails when a temporary file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// All or nothing per input: when one target cannot be written (out/r.docx is a folder), no other target
// of that input is written either, and the message is Chinese with the path.
func TestRenderIsAllOrNothing(t *testing.T) {
	ex := "examples/township-2021.toml"
	dir := t.TempDir()
	blocked := filepath.Join(dir, "township-2021.docx")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Render(ex, RenderOptions{OutDir: dir, NoSystemFonts: true})
	if err == nil || !strings.Contains(err.Error(), "无法写入 "+blocked+"：已有同名的目录") || englishOS.MatchString(err.Error()) {
		t.Fatalf("got %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("written although one target failed: %v", entries)
	}
	// A failure at rename time (the folder appears after the check) leaves no temporary file either.
	if err := writeGroup([]string{filepath.Join(dir, "a.pdf"), blocked}, [][]byte{[]byte("a"), []byte("b")}); err == nil {
		t.Fatal("no error")
	}
	noTemps(t, dir)
}

// Temporary names fit whenever the output name fits: an input named with 80 Chinese characters (240
// bytes) used to fail with "file name too long".
func TestLongNamesFit(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("examples/township-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	name := strings.Repeat("报", 83) + ".toml" // 249 + 5 bytes; name.html is 254 bytes
	in := filepath.Join(dir, name)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Render(in, RenderOptions{NoSystemFonts: true})
	if err != nil || len(res.Outputs) != 3 {
		t.Fatalf("%v %v", err, res)
	}
	noTemps(t, dir)
	// An output name that does not fit is explained in Chinese.
	long := filepath.Join(dir, strings.Repeat("长", 90)+".toml")
	if err := os.WriteFile(long, data, 0o644); err == nil {
		t.Fatal("the file system takes 275-byte names; the test needs another limit")
	}
	in2 := filepath.Join(dir, strings.Repeat("报", 84)+".toml") // 252 + 5: the .docx name is 257 bytes
	os.WriteFile(in2, data, 0o644)
	_, err = Render(in2, RenderOptions{NoSystemFonts: true, OutDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "文件名或路径过长") {
		t.Fatalf("got %v", err)
	}
}

// The same file given twice is one input.
func TestUniqueInputs(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "x.toml")
	os.WriteFile(a, []byte("x"), 0o644)
	link := filepath.Join(dir, "y.toml")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	got := UniqueInputs([]string{a, a, filepath.Join(dir, ".", "x.toml"), link, "examples/city-2021.toml", "./examples/city-2021.toml"})
	if len(got) != 2 || got[0] != a || got[1] != "examples/city-2021.toml" {
		t.Errorf("UniqueInputs = %v", got)
	}
}
