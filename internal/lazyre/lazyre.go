// Package lazyre holds regular expressions that are compiled the first time they are used, not when
// their package is initialised: every nianbao process initialises every linked package, and a command
// uses only some of the patterns.
//
// A lazy regexp is declared at package level like a compiled one,
//
//	var dateRe = lazyre.New(`(\d{4})-(\d{2})-(\d{2})`)
//
// and a bad pattern panics on first use as regexp.MustCompile would. So that a typo cannot hide until a
// user meets it, every regexp made by New or NewLongest is registered, and a test of each package calls
// CompileAll.
package lazyre

import (
	"errors"
	"regexp"
	"strconv"
	"sync"
)

// RE is a regular expression compiled on first use, safely for concurrent use. Its methods are those of
// regexp.Regexp that nianbao calls; Regexp gives the compiled regexp for any other.
type RE struct {
	once    sync.Once
	pattern string
	longest bool
	re      *regexp.Regexp
	err     error
}

// registry lists every RE made by New and NewLongest, for CompileAll.
var registry struct {
	mu  sync.Mutex
	all []*RE
}

// New returns a lazy regexp of pattern (Perl syntax, leftmost-first, as regexp.MustCompile). It does
// not parse the pattern; it registers the regexp for CompileAll, so it is meant for variables that live
// as long as the process (package-level ones, or ones made once).
func New(pattern string) *RE {
	return register(&RE{pattern: pattern})
}

// NewLongest is New for a leftmost-longest regexp (regexp.Regexp.Longest).
func NewLongest(pattern string) *RE {
	return register(&RE{pattern: pattern, longest: true})
}

func register(r *RE) *RE {
	registry.mu.Lock()
	registry.all = append(registry.all, r)
	registry.mu.Unlock()
	return r
}

// CompileAll compiles every lazy regexp registered so far that is not compiled yet, and returns the
// errors of the patterns that do not compile (nil if all do). Tests call it.
func CompileAll() error {
	registry.mu.Lock()
	all := registry.all[:len(registry.all):len(registry.all)]
	registry.mu.Unlock()
	var errs []error
	for _, r := range all {
		r.once.Do(r.compile)
		if r.err != nil {
			errs = append(errs, r.err)
		}
	}
	return errors.Join(errs...)
}

func (r *RE) compile() {
	re, err := regexp.Compile(r.pattern)
	if err != nil {
		// The message of regexp.MustCompile.
		r.err = errors.New("regexp: Compile(" + strconv.Quote(r.pattern) + "): " + err.Error())
		return
	}
	if r.longest {
		re.Longest()
	}
	r.re = re
}

// Regexp returns the compiled regexp, compiling it on the first call; it panics if the pattern does
// not compile.
func (r *RE) Regexp() *regexp.Regexp {
	r.once.Do(r.compile)
	if r.err != nil {
		panic(r.err.Error())
	}
	return r.re
}

// String returns the pattern, without compiling it.
func (r *RE) String() string { return r.pattern }

// MatchString reports whether s contains any match of the regexp.
func (r *RE) MatchString(s string) bool { return r.Regexp().MatchString(s) }

// FindString returns the text of the leftmost match in s ("" if none).
func (r *RE) FindString(s string) string { return r.Regexp().FindString(s) }

// FindStringIndex returns the location of the leftmost match in s (nil if none).
func (r *RE) FindStringIndex(s string) []int { return r.Regexp().FindStringIndex(s) }

// FindStringSubmatch returns the text of the leftmost match in s and of its submatches (nil if none).
func (r *RE) FindStringSubmatch(s string) []string { return r.Regexp().FindStringSubmatch(s) }

// FindStringSubmatchIndex returns the locations of the leftmost match in s and of its submatches (nil
// if none).
func (r *RE) FindStringSubmatchIndex(s string) []int { return r.Regexp().FindStringSubmatchIndex(s) }

// FindAllStringIndex returns the locations of at most n successive matches in s (all if n < 0).
func (r *RE) FindAllStringIndex(s string, n int) [][]int { return r.Regexp().FindAllStringIndex(s, n) }

// FindAllStringSubmatch returns the texts of at most n successive matches in s and of their submatches
// (all if n < 0).
func (r *RE) FindAllStringSubmatch(s string, n int) [][]string {
	return r.Regexp().FindAllStringSubmatch(s, n)
}

// ReplaceAllString returns s with every match replaced by repl, in which $1 or ${name} stand for
// submatches.
func (r *RE) ReplaceAllString(s, repl string) string { return r.Regexp().ReplaceAllString(s, repl) }

// Split slices s into the substrings between matches, at most n of them (all if n < 0).
func (r *RE) Split(s string, n int) []string { return r.Regexp().Split(s, n) }
