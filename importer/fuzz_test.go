package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nianbao/nianbao/report"
)

// FuzzImport feeds arbitrary bytes to Import (HTML or text) and TSV: they must never panic, and whatever
// draft they return must load with report.Parse (the draft is a valid report file by construction).
func FuzzImport(f *testing.F) {
	// Small seeds (the full pages are slow to mutate): the seed's tables, a small TRS page, a paste.
	files, _ := filepath.Glob("testdata/fuzz-seeds/*")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<table><tr><td rowspan=99999 colspan=99999>1</td></tr></table>"))
	f.Add([]byte("某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n（一）予以公开 6400204 10\n"))
	f.Add([]byte("行政许可\t1\t2\n\t\t\n（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, run := range []func() (*Result, error){
			func() (*Result, error) { return Import(data, Options{Name: "fuzz"}) },
			func() (*Result, error) { return HTML(data, "text/html; charset=gbk", Options{Name: "fuzz"}) },
			func() (*Result, error) { return TSV(data, TSVOptions{Options: Options{Name: "fuzz", Year: 2023}}) },
		} {
			res, err := run()
			if err != nil {
				continue
			}
			if res.Report == nil {
				t.Fatal("nil report without an error")
			}
			if _, err := report.Parse("draft", res.TOML()); err != nil {
				t.Fatalf("the draft does not load: %v\n%s", err, res.TOML())
			}
		}
	})
}
