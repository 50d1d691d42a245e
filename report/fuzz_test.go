package report

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nianbao/nianbao/layouts"
)

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic; a report it accepts must pass through
// the checks and print every table cell.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("../examples/*.toml")
	more, _ := filepath.Glob("testdata/*/*.toml")
	for _, p := range append(files, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.toml", data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		_ = Check(r)
		_ = CheckPair(r, r)
		t2, t3, t4 := r.Tables()
		for _, tb := range []*layouts.Table{t2, t3, t4} {
			for _, c := range tb.Cells {
				if c.Key != "" && r.CellText(c.Key) == "" {
					t.Fatalf("cell %s prints empty", c.Key)
				}
			}
		}
	})
}
