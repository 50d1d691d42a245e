package osfile

import (
	"errors"
	"os"
	"sync"
)

// ErrStopped is returned by Temps.Create and Temps.Rename once Temps.Stop has been called.
var ErrStopped = errors.New("stopped")

// Temps is the set of temporary files a process is writing, so that a process stopping on a signal can remove
// them all and write no more: every visible file is then old or complete. The zero value is ready to use; it
// is safe for concurrent use.
type Temps struct {
	mu      sync.Mutex
	files   map[string]bool
	stopped bool
}

// Create creates a temporary file in dir (os.CreateTemp with pattern) and registers it.
func (t *Temps) Create(dir, pattern string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return nil, ErrStopped
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if t.files == nil {
		t.files = map[string]bool{}
	}
	t.files[f.Name()] = true
	return f, nil
}

// Drop forgets a registered file, removing it first when remove is true.
func (t *Temps) Drop(name string, remove bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if remove {
		os.Remove(name)
	}
	delete(t.files, name)
}

// Rename renames a registered file onto target and forgets it; after Stop it removes the file instead and
// returns ErrStopped. A failed rename leaves the file registered (Drop it).
func (t *Temps) Rename(name, target string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		os.Remove(name)
		delete(t.files, name)
		return ErrStopped
	}
	if err := os.Rename(name, target); err != nil {
		return err
	}
	delete(t.files, name)
	return nil
}

// Stop removes every registered file and makes Create and Rename fail from then on.
func (t *Temps) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	for name := range t.files {
		os.Remove(name)
		delete(t.files, name)
	}
}
