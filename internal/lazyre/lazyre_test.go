package lazyre

import (
	"regexp"
	"strings"
	"sync"
	"testing"
)

func TestLazy(t *testing.T) {
	r := New(`a(b+)`)
	if r.re != nil {
		t.Fatal("compiled before first use")
	}
	if r.String() != `a(b+)` || r.re != nil {
		t.Fatal("String compiles or does not give the pattern")
	}
	if got := r.FindStringSubmatch("xabbb"); len(got) != 2 || got[1] != "bbb" {
		t.Fatalf("FindStringSubmatch = %q", got)
	}
	if r.Regexp() != r.Regexp() {
		t.Fatal("compiled twice")
	}
}

func TestLongest(t *testing.T) {
	if got := New(`a|ab`).FindString("ab"); got != "a" {
		t.Errorf("New: %q, want leftmost-first a", got)
	}
	if got := NewLongest(`a|ab`).FindString("ab"); got != "ab" {
		t.Errorf("NewLongest: %q, want leftmost-longest ab", got)
	}
}

// TestBadPattern: a bad pattern panics on use with regexp.MustCompile's message, and CompileAll reports it.
func TestBadPattern(t *testing.T) {
	const bad = `a(b`
	r := New(bad)
	_, want := regexp.Compile(bad)
	func() {
		defer func() {
			p := recover()
			msg, _ := p.(string)
			if !strings.HasPrefix(msg, "regexp: Compile(") || !strings.Contains(msg, want.Error()) {
				t.Errorf("panic %v, want regexp.MustCompile's", p)
			}
		}()
		r.MatchString("ab")
	}()
	err := CompileAll()
	if err == nil || !strings.Contains(err.Error(), `"a(b"`) {
		t.Errorf("CompileAll = %v, want the error of %q", err, bad)
	}
}

func TestConcurrent(t *testing.T) {
	r := New(`[0-9]+`)
	var wg sync.WaitGroup
	res := make([]*regexp.Regexp, 8)
	for i := range res {
		wg.Go(func() { res[i] = r.Regexp() })
	}
	wg.Wait()
	for _, x := range res {
		if x != res[0] {
			t.Fatal("several compilations")
		}
	}
}

// TestNoAllocs: once compiled, using a lazy regexp costs what using the regexp does.
func TestNoAllocs(t *testing.T) {
	r := New(`^[0-9]+$`)
	r.MatchString("1")
	if n := testing.AllocsPerRun(100, func() { r.MatchString("123") }); n != 0 {
		t.Errorf("MatchString allocates %v times", n)
	}
}
