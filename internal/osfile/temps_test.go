package osfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestTemps: a registered file is renamed into place or dropped; Stop removes what is still registered and
// makes later creates and renames fail, removing the file a rename was given.
func TestTemps(t *testing.T) {
	dir := t.TempDir()
	var ts Temps
	a, err := ts.Create(dir, ".a-*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	if err := ts.Rename(a.Name(), filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	b, _ := ts.Create(dir, ".b-*.tmp")
	b.Close()
	ts.Drop(b.Name(), true)
	c, _ := ts.Create(dir, ".c-*.tmp") // in progress when the process stops
	c.Close()
	d, _ := ts.Create(dir, ".d-*.tmp") // written, not yet renamed
	d.Close()
	ts.Stop()
	if err := ts.Rename(d.Name(), filepath.Join(dir, "d")); !errors.Is(err, ErrStopped) {
		t.Errorf("Rename after Stop: %v", err)
	}
	if _, err := ts.Create(dir, ".e-*.tmp"); !errors.Is(err, ErrStopped) {
		t.Errorf("Create after Stop: %v", err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 || ents[0].Name() != "a" {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %q, want only the renamed a", names)
	}
}
