package report

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
)

// refScan is the phrase scan as one leftmost-longest regexp of every term, the first term matching the
// whole phrase naming it: the definition termScanner must follow.
type refScan struct {
	re    *regexp.Regexp
	exact []*regexp.Regexp
}

func newRefScan(terms []textTerm) *refScan {
	r := &refScan{}
	var parts []string
	for _, t := range terms {
		r.exact = append(r.exact, regexp.MustCompile("^(?:"+t.pattern+")$"))
		parts = append(parts, "(?:"+t.pattern+")")
	}
	r.re = regexp.MustCompile(strings.Join(parts, "|"))
	r.re.Longest()
	return r
}

func (r *refScan) scan(s string) [][3]int {
	var out [][3]int
	for _, m := range r.re.FindAllStringIndex(s, -1) {
		for i, x := range r.exact {
			if x.MatchString(s[m[0]:m[1]]) {
				out = append(out, [3]int{m[0], m[1], i})
				break
			}
		}
	}
	return out
}

// proseCorpus is every sentence of the prose of the examples and the check fixtures.
func proseCorpus(t *testing.T) []string {
	t.Helper()
	base, err := os.ReadFile("testdata/prose/base.inc")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, g := range []string{"../examples/*.toml", "testdata/*/*.toml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		if strings.Contains(f, "prose") && !strings.Contains(src, "\n[report]") {
			src += string(base)
		}
		r, err := Parse(f, []byte(src))
		if err != nil {
			continue // testdata/broken, testdata/load
		}
		for _, p := range r.allProse() {
			out = append(out, splitSentences(p.text)...)
		}
	}
	if len(out) < 300 {
		t.Fatalf("only %d sentences", len(out))
	}
	return out
}

// The phrase scanner finds exactly the phrases, and names exactly the terms, that the single
// leftmost-longest regexp of all terms does: on every sentence of the examples and fixtures, on
// sentences glued together, and on random cuts of them (a cut may split a rune).
func TestTermScannerMatchesRegexp(t *testing.T) {
	corpus := proseCorpus(t)
	rng := rand.New(rand.NewPCG(17, 17))
	var inputs []string
	inputs = append(inputs, corpus...)
	for range 2000 {
		a, b := corpus[rng.IntN(len(corpus))], corpus[rng.IntN(len(corpus))]
		s := a + b
		i, j := rng.IntN(len(s)+1), rng.IntN(len(s)+1)
		inputs = append(inputs, s, s[min(i, j):max(i, j)])
	}
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		v := vocabFor(f)
		ref := newRefScan(v.terms)
		if len(v.scan.anyFirst) != 0 {
			t.Errorf("%s: %d terms without a short list of first runes (slow path)", f, len(v.scan.anyFirst))
		}
		for _, s := range inputs {
			var got [][3]int
			for _, sp := range v.scan.scan(s, v.terms, nil) {
				i := -1
				for k := range v.terms {
					if &v.terms[k] == sp.term {
						i = k
					}
				}
				got = append(got, [3]int{sp.start, sp.end, i})
			}
			if want := ref.scan(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %q:\n got  %v\n want %v", f, s, got, want)
			}
		}
	}
}

// No term matches the empty string (the scanner skips empty matches; the union regexp would report them).
func TestTermsNotEmpty(t *testing.T) {
	for _, tm := range textTerms {
		if regexp.MustCompile("^(?:" + tm.pattern + ")$").MatchString("") {
			t.Errorf("term %q matches the empty string", tm.pattern)
		}
	}
}

// Every claim has a gate of first runes, and the gate never hides a match: on every sentence of the
// corpus a claim that matches passes its gate.
func TestClaimGates(t *testing.T) {
	corpus := proseCorpus(t)
	matched := 0
	for i, cl := range textClaims {
		if claimsMay("").has(i) {
			t.Errorf("claim %d %q has no gate", i, cl.re)
		}
		for _, s := range corpus {
			if cl.re.MatchString(s) {
				matched++
				if !claimsMay(s).has(i) {
					t.Errorf("claim %d %q matches %q but its gate %q says it cannot", i, cl.re, s, claimGates.first[i])
				}
			}
		}
	}
	if matched == 0 {
		t.Error("no claim in the corpus")
	}
}

// splitSentences cuts after every 。！？；!?; exactly as the regexp of those characters would, and loses
// nothing.
func TestSplitSentences(t *testing.T) {
	end := regexp.MustCompile(`[。！？；!?;]`)
	ref := func(p string) []string {
		var out []string
		last := 0
		for _, m := range end.FindAllStringIndex(p, -1) {
			out = append(out, p[last:m[1]])
			last = m[1]
		}
		if last < len(p) {
			out = append(out, p[last:])
		}
		return out
	}
	corpus := proseCorpus(t)
	inputs := []string{"", "。", "a;b!c?", "无结尾", "\xff。\xe3\x80", "一。二！三？四；五"}
	for i := 0; i+3 < len(corpus); i += 3 {
		inputs = append(inputs, corpus[i]+corpus[i+1]+corpus[i+2])
	}
	for _, p := range inputs {
		got, want := splitSentences(p), ref(p)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %q, want %q", p, got, want)
		}
		if strings.Join(got, "") != p {
			t.Fatalf("%q: pieces %q lose text", p, got)
		}
	}
}

// quickFirst reads every pattern of the vocabulary and of the claims, and agrees with regexp/syntax on
// each (and on a few patterns it must leave to regexp/syntax).
func TestQuickFirst(t *testing.T) {
	var pats []string
	for _, tm := range textTerms {
		pats = append(pats, tm.pattern)
	}
	for _, cl := range textClaims {
		pats = append(pats, cl.re.String())
	}
	var extra = []string{`a|b`, `(?:a|)b`, `a?b?`, `[ab]{0,2}c`, `[ab]{1,2}c`, `x{2}`, `x{,2}`, `[^a]b`, `\sa`, `a*?b`,
		`(a)b`, `(?i)a`, `.a`, `^a`, `[a-z]`, `[0-9０-９]{4}`, `[]a]`, `a{1}{2}`, `a**`, `[z-a]`, `(?:a`, `a)`}
	for _, p := range append(pats, extra...) {
		want, wantOK := syntaxFirstRunes(p)
		q, nullable, ok := quickFirst(p)
		if !ok {
			if slices.Contains(pats, p) {
				t.Errorf("%q: quickFirst cannot read a pattern of the vocabulary", p)
			}
			continue
		}
		got, gotOK := q, !nullable
		if nullable {
			got = nil
		}
		slices.Sort(got)
		got = slices.Compact(got)
		slices.Sort(want)
		if gotOK != wantOK || !slices.Equal(got, want) {
			t.Errorf("%q: quickFirst %q %v, regexp/syntax %q %v", p, string(got), gotOK, string(want), wantOK)
		}
	}
}

// FuzzTermScanner compares the phrase scanner with the single regexp on arbitrary text, in both formats.
func FuzzTermScanner(f *testing.F) {
	f.Add("收到政府信息公开申请12件，其中自然人10件；予以公开及部分公开8件，结转下年度继续办理2件。")
	f.Add("被申请行政复议1件，结果维持；制发规章3件、行政规范性文件5件，废止2件。")
	f.Add("\xff收到\xe3申请")
	refs := map[layouts.Format]*refScan{}
	for _, fm := range []layouts.Format{layouts.F2019, layouts.F2021} {
		refs[fm] = newRefScan(vocabFor(fm).terms)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for fm, ref := range refs {
			v := vocabFor(fm)
			var got [][3]int
			for _, sp := range v.scan.scan(s, v.terms, nil) {
				i := -1
				for k := range v.terms {
					if &v.terms[k] == sp.term {
						i = k
					}
				}
				got = append(got, [3]int{sp.start, sp.end, i})
			}
			if want := ref.scan(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %q:\n got  %v\n want %v", fm, s, got, want)
			}
		}
	})
}
