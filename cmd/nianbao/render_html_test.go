package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderHTMLSelects checks that --html and --html-fragment select the HTML output alone, as a complete
// page and as the bare <article> fragment, and that --pdf --html writes exactly those two.
func TestRenderHTMLSelects(t *testing.T) {
	cases := []struct {
		flags          []string
		files          []string
		prefix, suffix string
	}{
		{[]string{"--html"}, []string{"township-2021.html"}, "<!DOCTYPE html>\n", "</html>\n"},
		{[]string{"--html-fragment"}, []string{"township-2021.html"}, "<article ", "</article>\n"},
		{[]string{"--pdf", "--html"}, []string{"township-2021.html", "township-2021.pdf"}, "<!DOCTYPE html>\n", "</html>\n"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		args := append([]string{"render", "-o", dir}, c.flags...)
		code, out, errOut := runCLI(append(args, "../../examples/township-2021.toml")...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", c.flags, code, out, errOut)
		}
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if strings.Join(names, " ") != strings.Join(c.files, " ") {
			t.Errorf("%v wrote %v, want %v", c.flags, names, c.files)
		}
		data, err := os.ReadFile(filepath.Join(dir, "township-2021.html"))
		if err != nil || !strings.HasPrefix(string(data), c.prefix) || !strings.HasSuffix(string(data), c.suffix) {
			t.Errorf("%v: HTML starts %.40q, want it to start with %q and end with %q (%v)", c.flags, data, c.prefix, c.suffix, err)
		}
	}
}
