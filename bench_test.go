package nianbao

import (
	"path/filepath"
	"testing"
)

// BenchmarkRenderFiles renders every example to PDF and DOCX through the library pipeline (load, checks,
// fonts, both renderers, safe writes), bundled fonts only.
func BenchmarkRenderFiles(b *testing.B) {
	files, _ := filepath.Glob("examples/*.toml")
	dir := b.TempDir()
	for b.Loop() {
		for _, f := range files {
			if _, err := Render(f, RenderOptions{OutDir: dir, NoSystemFonts: true}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
