package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// FuzzProse runs the prose rules on arbitrary text in a report with non-zero tables: they must never panic,
// and every N-TEXT finding must quote text that is in the paragraph.
func FuzzProse(f *testing.F) {
	files, _ := filepath.Glob("testdata/prose/*.toml")
	para := regexp.MustCompile(`(?m)^  "(.*)",$`)
	for _, p := range files {
		data, _ := os.ReadFile(p)
		for _, m := range para.FindAllStringSubmatch(string(data), -1) {
			f.Add(m[1])
		}
	}
	f.Add("收到申请一百零三件，占１２.５%；其中自然人两件、纠正十件，均获维持，未发生行政诉讼。")
	base, err := Load("../examples/city-2021.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := *base
		r.Overview = Narrative{Paragraphs: []string{s}}
		r.Problems = Narrative{Paragraphs: []string{s}}
		for _, fd := range append(Check(&r), CheckPair(&r, &r)...) {
			if fd.Quote != "" && fd.Rule == "N-TEXT" && !strings.Contains(s, fd.Quote) {
				t.Fatalf("quote %q is not in %q", fd.Quote, s)
			}
		}
	})
}
