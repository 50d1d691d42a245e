package serve

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFIFOInFolderRefused: a named pipe called like a report in the served folder is refused by what it
// is; opening it would block the request (and the folder listing) forever.
func TestFIFOInFolderRefused(t *testing.T) {
	_, _, dir := testServer(t, "")
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	w, err := newWorkspace(dir)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, err := w.read("fifo.toml")
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "命名管道") {
			t.Errorf("read of a FIFO: %v, want a refusal naming the FIFO", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("reading a FIFO blocked")
	}
	list, err := w.list()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range list {
		if f.Name == "fifo.toml" {
			t.Errorf("the FIFO is listed as a report: %+v", f)
		}
	}
}
