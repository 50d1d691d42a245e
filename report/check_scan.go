package report

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"
)

// The phrase scanner of N-TEXT. It finds the phrases of textTerms in a sentence exactly as one
// leftmost-longest regexp of all of them would (the first term whose pattern matches the whole phrase
// names it), but runs a term's own anchored regexp only where the sentence holds a rune the term can
// start with: the union regexp ran its whole machine at every rune of every sentence.

// termScanner is the compiled phrase scanner of one format.
type termScanner struct {
	// anchored[i] matches the longest phrase of terms[i] at the start of a string; it is compiled the
	// first time it is needed (a report meets only some of the terms).
	anchored []lazyRegexp
	// byFirst lists, in term order, the terms that can start with a rune; anyFirst the terms whose first
	// rune is not a short list (none in textTerms today), tried everywhere.
	byFirst  map[rune][]int
	anyFirst []int
}

func newTermScanner(terms []textTerm) *termScanner {
	sc := &termScanner{byFirst: map[rune][]int{}}
	sc.anchored = make([]lazyRegexp, len(terms))
	for i, t := range terms {
		sc.anchored[i].pattern = "^(?:" + t.pattern + ")"
		first, ok := firstRunes(t.pattern)
		if !ok {
			sc.anyFirst = append(sc.anyFirst, i)
			continue
		}
		for _, r := range first {
			sc.byFirst[r] = append(sc.byFirst[r], i)
		}
	}
	return sc
}

// firstRunes lists the runes a non-empty match of pattern can start with; ok is false when the list is
// not short (a wide class, any character) or the pattern can match the empty string.
func firstRunes(pattern string) (runes []rune, ok bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	set := map[rune]bool{}
	nullable, ok := addFirst(re, set)
	if !ok || nullable {
		return nil, false
	}
	for r := range set {
		runes = append(runes, r)
	}
	return runes, true
}

// addFirst adds to set the runes re can start with and reports whether re can match the empty string;
// ok is false for anything but literals, short classes and their concatenations, alternations and
// repetitions (and for case folding).
func addFirst(re *syntax.Regexp, set map[rune]bool) (nullable, ok bool) {
	if re.Flags&syntax.FoldCase != 0 {
		return false, false
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
		return true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, true
		}
		set[re.Rune[0]] = true
		return false, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n == 0 || n > 64 {
			return false, false
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set[r] = true
			}
		}
		return false, true
	case syntax.OpCapture:
		return addFirst(re.Sub[0], set)
	case syntax.OpQuest, syntax.OpStar:
		_, ok := addFirst(re.Sub[0], set)
		return true, ok
	case syntax.OpPlus:
		return addFirst(re.Sub[0], set)
	case syntax.OpRepeat:
		n, ok := addFirst(re.Sub[0], set)
		return n || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			n, ok := addFirst(sub, set)
			if !ok {
				return false, false
			}
			if !n {
				return false, true
			}
		}
		return true, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			n, ok := addFirst(sub, set)
			if !ok {
				return false, false
			}
			nullable = nullable || n
		}
		return nullable, true
	}
	return false, false
}

// scan returns the phrases of s, left to right, as spans naming their term.
func (sc *termScanner) scan(s string, terms []textTerm, out []span) []span {
	for p := 0; p < len(s); {
		r, w := utf8.DecodeRuneInString(s[p:])
		best, bestTerm := 0, -1
		try := func(i int) {
			if loc := sc.anchored[i].get().FindStringIndex(s[p:]); loc != nil && loc[1] > best {
				best, bestTerm = loc[1], i
			}
		}
		cands := sc.byFirst[r]
		if len(sc.anyFirst) == 0 {
			for _, i := range cands {
				try(i)
			}
		} else {
			// both lists are in term order: merge them so that the first term wins a tie
			a, b := 0, 0
			for a < len(cands) || b < len(sc.anyFirst) {
				if b >= len(sc.anyFirst) || (a < len(cands) && cands[a] < sc.anyFirst[b]) {
					try(cands[a])
					a++
				} else {
					try(sc.anyFirst[b])
					b++
				}
			}
		}
		if bestTerm < 0 {
			p += w
			continue
		}
		out = append(out, span{start: p, end: p + best, term: &terms[bestTerm]})
		p += best
	}
	return out
}

// lazyRegexp is a leftmost-longest regexp compiled on first use, safely for concurrent use.
type lazyRegexp struct {
	once    sync.Once
	pattern string
	re      *regexp.Regexp
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() {
		l.re = regexp.MustCompile(l.pattern)
		l.re.Longest()
	})
	return l.re
}

// claimGates[i] holds the runes a match of textClaims[i] starts with ("" = no gate): a sentence without
// any of them cannot hold the claim, and its regexp is not run.
var claimGates struct {
	once  sync.Once
	first []string
}

// claimMayMatch reports whether textClaims[i] may match s (false only when it cannot).
func claimMayMatch(i int, s string) bool {
	claimGates.once.Do(func() {
		for _, cl := range textClaims {
			rs, ok := firstRunes(cl.re.String())
			if !ok {
				rs = nil
			}
			claimGates.first = append(claimGates.first, string(rs))
		}
	})
	g := claimGates.first[i]
	return g == "" || strings.ContainsAny(s, g)
}
