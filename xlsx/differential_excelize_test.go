package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDifferentialExcelizeCorpus runs the differential test on the workbooks of excelize's own test folder,
// which the module cache holds once the tests' dependencies are downloaded: files saved by Microsoft Excel
// (Book1.xlsx with its charts, pictures, shared and array formulas, merged cells, dates), which no program
// on this machine can write. Encrypted and deliberately broken ones are skipped.
func TestDifferentialExcelizeCorpus(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/xuri/excelize/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skip("excelize's module folder is not in the module cache")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "test", "*.xlsx"))
	n := 0
	for _, path := range files {
		base := filepath.Base(path)
		if strings.HasPrefix(base, "encrypt") || strings.HasPrefix(base, "Bad") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(base, func(t *testing.T) { compareWorkbook(t, diffCase{name: base, data: data}) })
		n++
	}
	if n == 0 {
		t.Skipf("no workbooks in %s/test", dir)
	}
}
