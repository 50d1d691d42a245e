//go:build unix

package fonts

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// FIFOs, sockets and unreadable files in a system folder never block or stop the scan; they are noted only
// under an official font's file name.
func TestSystemIrregularFiles(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, "fangsong.ttf", testFile(t, "fangsong.ttf"))
	for _, n := range []string{"pipe.ttf", "simkai.ttf"} {
		if err := syscall.Mkfifo(filepath.Join(dir, n), 0o644); err != nil {
			t.Skip("no FIFOs:", err)
		}
	}
	// Not readable, or (for root, who reads it anyway) not a font: noted either way for its name.
	locked := put(t, dir, "楷体_GB2312.ttf", []byte("garbage garbage garbage"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	done := make(chan []string, 1)
	c := newCounted(filepath.Join(t.TempDir(), indexName), dir)
	go func() { done <- c.scan(dir) }()
	select {
	case got := <-done:
		if !slices.Equal(got, []string{"fangsong.ttf#0 FangSong/Regular"}) {
			t.Errorf("candidates %q", got)
		}
		notes := strings.Join(c.noted, "\n")
		if len(c.noted) != 2 || !strings.Contains(notes, "楷体_GB2312.ttf：") || !strings.Contains(notes, "simkai.ttf：是命名管道") || strings.Contains(notes, "pipe.ttf") {
			t.Errorf("notes %q", c.noted)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a FIFO in a system font folder blocks")
	}
}
