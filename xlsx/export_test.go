package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// examples loads every example report in examples/*.toml by name.
func examples(t *testing.T) map[string]*report.Report {
	t.Helper()
	files, err := filepath.Glob("../examples/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	out := map[string]*report.Report{}
	for _, f := range files {
		r, err := report.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".toml")] = r
	}
	return out
}

func exportBytes(t *testing.T, r *report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Export(r, &b, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestExportDeterministic(t *testing.T) {
	for name, r := range examples(t) {
		a, b := exportBytes(t, r), exportBytes(t, r)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two exports differ", name)
		}
		if dir := os.Getenv("NIANBAO_XLSX_KEEP"); dir != "" {
			os.WriteFile(filepath.Join(dir, name+".xlsx"), a, 0o644)
		}
	}
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		var b bytes.Buffer
		if err := Template(report.SkeletonOptions{Format: f, Year: map[layouts.Format]int{layouts.F2019: 2020, layouts.F2021: 2024}[f]}, &b); err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("NIANBAO_XLSX_KEEP"); dir != "" {
			os.WriteFile(filepath.Join(dir, "template-"+string(f)+".xlsx"), b.Bytes(), 0o644)
		}
	}
}
