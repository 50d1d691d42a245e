package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"nianbao/layouts"
)

// TestWriteSamplesForInspection writes the sample reports to $NIANBAO_DOCX_KEEP when it is set, for
// looking at them by hand (LibreOffice, Word). It checks only that rendering succeeds.
func TestWriteSamplesForInspection(t *testing.T) {
	dir := os.Getenv("NIANBAO_DOCX_KEEP")
	if dir == "" {
		t.Skip("set NIANBAO_DOCX_KEEP=dir to write the sample DOCX files")
	}
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		for _, grid := range []string{GridLines, GridChars} {
			var buf bytes.Buffer
			if err := Render(sampleReport(f), &buf, Options{Grid: grid, Draft: grid == GridChars, Version: "0.1.0"}); err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, "sample-"+string(f)+"-"+grid+".docx")
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
