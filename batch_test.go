package nianbao

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nianbao/nianbao/internal/batchgen"
)

// TestRenderBatch renders generated reports and one broken file with two workers: done sees every input
// once, in input order; the broken one fails alone; every other report gets its PDF and DOCX, the same
// bytes as a render of that report on its own.
func TestRenderBatch(t *testing.T) {
	in := t.TempDir()
	examples, _ := filepath.Glob("examples/*.toml")
	inputs, err := batchgen.Write(in, examples, 7, 300)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(in, "bad.toml")
	os.WriteFile(bad, []byte("[report\n"), 0o644)
	inputs = append(inputs[:3], append([]string{bad}, inputs[3:]...)...)
	out := t.TempDir()
	var order []int
	RenderBatch(inputs, BatchOptions{RenderOptions: RenderOptions{OutDir: out, PDF: true, DOCX: true, NoSystemFonts: true}, Workers: 2},
		func(i int, res *Result, err error) {
			order = append(order, i)
			if (err != nil) != (inputs[i] == bad) {
				t.Errorf("%s: err = %v", inputs[i], err)
			}
			if err == nil && len(res.Outputs) != 2 {
				t.Errorf("%s: outputs %v", inputs[i], res.Outputs)
			}
		})
	for i, j := range order {
		if i != j {
			t.Fatalf("done order %v", order)
		}
	}
	if len(order) != len(inputs) {
		t.Fatalf("done called %d times for %d inputs", len(order), len(inputs))
	}
	alone := t.TempDir()
	if _, err := Render(inputs[5], RenderOptions{OutDir: alone, PDF: true, DOCX: true, NoSystemFonts: true}); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".pdf", ".docx"} {
		name := "batch-0004" + ext
		a, _ := os.ReadFile(filepath.Join(out, name))
		b, _ := os.ReadFile(filepath.Join(alone, name))
		if len(a) == 0 || string(a) != string(b) {
			t.Errorf("%s differs between the batch and a render on its own", name)
		}
	}
}
