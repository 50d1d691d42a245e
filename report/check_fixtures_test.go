package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fixtureWant is the finding a fixture header announces ("# want: …", "# want-cell: …", "# want-quote: …",
// "# want-line: …"), or none.
type fixtureWant struct {
	none                       bool
	severity, rule, exp, act   string
	cell, quote, line, message string
}

func parseWant(header map[string]string, prefix string) fixtureWant {
	w := fixtureWant{cell: header[prefix+"-cell"], quote: header[prefix+"-quote"], line: header[prefix+"-line"], message: header[prefix+"-message"]}
	v := header[prefix]
	if v == "none" {
		w.none = true
		return w
	}
	if m := wantRe.FindStringSubmatch(v); m != nil {
		w.severity, w.rule, w.exp, w.act = m[1], m[2], m[3], m[4]
	}
	return w
}

var wantRe = regexp.MustCompile(`^(\S+) (\S+) expected=(.*) actual=(.*)$`)

// fixtureHeader reads the "# key: value" lines at the top of a fixture.
func fixtureHeader(src string) map[string]string {
	h := map[string]string{}
	for _, l := range strings.Split(src, "\n") {
		if !strings.HasPrefix(l, "# ") {
			break
		}
		if k, v, ok := strings.Cut(l[2:], ": "); ok && !strings.Contains(k, " ") {
			h[k] = v
		}
	}
	return h
}

func checkFixture(t *testing.T, name, src string, prev *Report, w fixtureWant) {
	t.Helper()
	r, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	fs := Check(r)
	if prev != nil {
		fs = append(fs, CheckPair(prev, r)...)
	}
	if w.none {
		if len(fs) != 0 {
			t.Errorf("%s: want no finding, got %v", name, fs)
		}
		return
	}
	if len(fs) != 1 {
		t.Fatalf("%s: want 1 finding, got %d: %v", name, len(fs), fs)
	}
	f := fs[0]
	if string(f.Severity) != w.severity || f.Rule != w.rule || f.Expected != w.exp || f.Actual != w.act {
		t.Errorf("%s: got %s %s expected=%s actual=%s, want %s %s expected=%s actual=%s (%s)", name, f.Severity, f.Rule, f.Expected, f.Actual, w.severity, w.rule, w.exp, w.act, f.Message)
	}
	if f.Cell != w.cell || f.Quote != w.quote {
		t.Errorf("%s: cell %q quote %q, want %q %q", name, f.Cell, f.Quote, w.cell, w.quote)
	}
	if w.quote != "" && !strings.Contains(f.Message, "“"+w.quote+"”") {
		t.Errorf("%s: message %q does not quote %q", name, f.Message, w.quote)
	}
	if w.cell != "" && !strings.Contains(f.Message, w.cell) {
		t.Errorf("%s: message %q does not name the cell %q", name, f.Message, w.cell)
	}
	if w.message != "" && f.Message != w.message {
		t.Errorf("%s: message\n got  %s\n want %s", name, f.Message, w.message)
	}
	if w.line != "" && strconv.Itoa(f.Line) != w.line {
		t.Errorf("%s: line %d, want %s", name, f.Line, w.line)
	}
	if f.File != name || f.Line == 0 {
		t.Errorf("%s: finding located at %s:%d", name, f.File, f.Line)
	}
}

// Every fixture of testdata/prose (prose over the shared tables of base.inc) and testdata/complete (whole
// files) gives exactly the finding its header announces, and its twin — the same file with one
// replacement ("# twin: old => new") — gives the twin's: a broken fixture has a consistent twin with no
// finding, a fixture that must not fire has a twin that does.
func TestFixtures(t *testing.T) {
	base, err := os.ReadFile("testdata/prose/base.inc")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/prose/*.toml")
	more, _ := filepath.Glob("testdata/complete/*.toml")
	files = append(files, more...)
	if len(files) < 40 {
		t.Fatalf("only %d fixtures", len(files))
	}
	for _, file := range files {
		if strings.HasSuffix(file, ".prev.toml") {
			continue
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src := string(data)
			if !strings.Contains(src, "\n[report]") {
				src += string(base)
			}
			h := fixtureHeader(src)
			var prev *Report
			if p := h["prev"]; p != "" {
				prev = mustLoad(t, filepath.Join(filepath.Dir(file), p))
			}
			checkFixture(t, file, src, prev, parseWant(h, "want"))
			// "# twin: old => new && old2 => new2": each old text occurs once after the header.
			body := src[strings.Index(src, "\n[")+1:]
			twin := body
			for _, rep := range strings.Split(strings.ReplaceAll(h["twin"], `\n`, "\n"), " && ") {
				old, repl, ok := strings.Cut(rep, " => ")
				if !ok {
					t.Fatalf("%s: bad twin %q", file, rep)
				}
				if strings.Count(twin, old) != 1 {
					t.Fatalf("%s: twin text %q occurs %d times", file, old, strings.Count(twin, old))
				}
				twin = strings.Replace(twin, old, repl, 1)
			}
			twin = src[:len(src)-len(body)] + twin
			checkFixture(t, file, twin, prev, parseWant(h, "twin-want"))
		})
	}
}
