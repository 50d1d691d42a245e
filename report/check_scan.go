package report

import (
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nianbao/nianbao/internal/lazyre"
)

// The phrase scanner of N-TEXT. It finds the phrases of textTerms in a sentence exactly as one
// leftmost-longest regexp of all of them would (the first term whose pattern matches the whole phrase
// names it), but runs a term's own anchored regexp only where the sentence holds a rune the term can
// start with: the union regexp ran its whole machine at every rune of every sentence.

// termScanner is the compiled phrase scanner of one format.
type termScanner struct {
	// anchored[i] matches the longest phrase of terms[i] at the start of a string; it is compiled the
	// first time it is needed (a report meets only some of the terms).
	anchored []*lazyre.RE
	// byFirst lists, in term order, the terms that can start with a rune; anyFirst the terms whose first
	// rune is not a short list (none in textTerms today), tried everywhere.
	byFirst  map[rune][]int
	anyFirst []int
}

func newTermScanner(terms []textTerm) *termScanner {
	sc := &termScanner{byFirst: map[rune][]int{}}
	sc.anchored = make([]*lazyre.RE, len(terms))
	for i, t := range terms {
		sc.anchored[i] = lazyre.NewLongest("^(?:" + t.pattern + ")")
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
	if q, nullable, ok := quickFirst(pattern); ok {
		if nullable {
			return nil, false
		}
		return q, true
	}
	return syntaxFirstRunes(pattern)
}

// syntaxFirstRunes is firstRunes through regexp/syntax (any pattern; slower).
func syntaxFirstRunes(pattern string) (runes []rune, ok bool) {
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
			if loc := sc.anchored[i].FindStringIndex(s[p:]); loc != nil && loc[1] > best {
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

// claimGates says, for each rune, which claims of textClaims a match can start with it: a sentence
// without any of a claim's first runes cannot hold the claim, and its regexp is not run.
var claimGates struct {
	once   sync.Once
	first  []string        // first runes of each claim ("" = no gate: always run)
	byRune map[rune]uint64 // claims (bits) that can start with the rune
	always uint64          // claims without a gate
}

// claimSet is a set of indexes of textClaims.
type claimSet uint64

// has reports whether claim i is in the set (always true past the 64th claim: those are never gated).
func (c claimSet) has(i int) bool { return i >= 64 || c&(1<<i) != 0 }

// claimsMay returns the claims that may match s: every claim that has a first rune in s, and every
// claim without a gate.
func claimsMay(s string) claimSet {
	g := &claimGates
	g.once.Do(func() {
		g.byRune = map[rune]uint64{}
		for i, cl := range textClaims {
			rs, ok := firstRunes(cl.re.String())
			if !ok || i >= 64 {
				rs = nil
				if i < 64 {
					g.always |= 1 << i
				}
			}
			g.first = append(g.first, string(rs))
			for _, r := range rs {
				g.byRune[r] |= 1 << i
			}
		}
	})
	m := g.always
	for _, r := range s {
		m |= g.byRune[r]
	}
	return claimSet(m)
}

// quickFirst computes the first runes of a pattern and whether it can match the empty string without
// regexp/syntax (whose parse cost more than the scans it saves), for the patterns of the vocabulary:
// literals, (?:…) and (…) groups, |, classes [a-z] of at most 64 runes, and the quantifiers ? * + {n,m}
// (lazy or not). Anything else — escapes, ., ^, $, flags, negated or wide classes where they could start
// a match — gives ok false, and the caller asks regexp/syntax. Runes may repeat.
func quickFirst(pattern string) (runes []rune, nullable, ok bool) {
	q := quickParser{s: pattern}
	first, nullable, wide := q.alt()
	if q.bad || q.pos != len(q.s) || wide {
		return nil, false, false
	}
	return first, nullable, true
}

type quickParser struct {
	s   string
	pos int
	bad bool // a construct quickFirst does not read
}

// alt reads a|b|… up to ")" or the end: the first runes, whether it can match empty, and whether a wide
// atom (a class too large to list) can start a match.
func (q *quickParser) alt() (first []rune, nullable, wide bool) {
	for {
		f, n, w := q.concat()
		first, nullable, wide = append(first, f...), nullable || n, wide || w
		if q.bad || q.pos >= len(q.s) || q.s[q.pos] != '|' {
			return
		}
		q.pos++
	}
}

func (q *quickParser) concat() (first []rune, nullable, wide bool) {
	nullable = true
	for !q.bad && q.pos < len(q.s) && q.s[q.pos] != '|' && q.s[q.pos] != ')' {
		f, n, w := q.atom()
		n = q.quantifier(n)
		if nullable {
			first, wide = append(first, f...), wide || w
			nullable = n
		}
	}
	return
}

// quantifier reads an optional ? * + {n} {n,} {n,m} (and a lazy ?) after an atom; it returns whether
// the quantified atom can match empty.
func (q *quickParser) quantifier(nullable bool) bool {
	if q.pos >= len(q.s) {
		return nullable
	}
	switch q.s[q.pos] {
	case '?', '*':
		q.pos++
		nullable = true
	case '+':
		q.pos++
	case '{':
		end := strings.IndexByte(q.s[q.pos:], '}')
		if end < 0 {
			q.bad = true
			return nullable
		}
		body := q.s[q.pos+1 : q.pos+end]
		lo, _, _ := strings.Cut(body, ",")
		if lo == "" || strings.Trim(body, "0123456789,") != "" || strings.Count(body, ",") > 1 {
			q.bad = true
			return nullable
		}
		q.pos += end + 1
		nullable = nullable || strings.Trim(lo, "0") == ""
	default:
		return nullable
	}
	if q.pos < len(q.s) && q.s[q.pos] == '?' {
		q.pos++ // lazy
	}
	if q.pos < len(q.s) && strings.IndexByte("?*+{", q.s[q.pos]) >= 0 {
		q.bad = true // a repeated quantifier: leave it to regexp/syntax
	}
	return nullable
}

func (q *quickParser) atom() (first []rune, nullable, wide bool) {
	c := q.s[q.pos]
	switch c {
	case '(':
		q.pos++
		if strings.HasPrefix(q.s[q.pos:], "?:") {
			q.pos += 2
		} else if q.pos < len(q.s) && q.s[q.pos] == '?' {
			q.bad = true // flags, named groups
			return
		}
		first, nullable, wide = q.alt()
		if q.pos >= len(q.s) || q.s[q.pos] != ')' {
			q.bad = true
			return
		}
		q.pos++
		return
	case '[':
		return q.class()
	case '\\', '.', '^', '$', '*', '+', '?', '{', '}', ']':
		q.bad = true
		return
	}
	r, w := utf8.DecodeRuneInString(q.s[q.pos:])
	if r == utf8.RuneError {
		q.bad = true
		return
	}
	q.pos += w
	return []rune{r}, false, false
}

// class reads [...]: its runes, or wide for a negated class or one of more than 64 runes.
func (q *quickParser) class() (first []rune, nullable, wide bool) {
	q.pos++
	negated := strings.HasPrefix(q.s[q.pos:], "^")
	if negated {
		q.pos++
	}
	n := 0
	for start := q.pos; ; {
		if q.pos >= len(q.s) {
			q.bad = true
			return
		}
		if q.s[q.pos] == ']' && q.pos > start {
			q.pos++
			break
		}
		if strings.IndexByte("\\[]", q.s[q.pos]) >= 0 {
			q.bad = true // escapes, [:alpha:], a leading ]
			return
		}
		lo, w := utf8.DecodeRuneInString(q.s[q.pos:])
		q.pos += w
		hi := lo
		if q.pos+1 < len(q.s) && q.s[q.pos] == '-' && q.s[q.pos+1] != ']' {
			var w2 int
			hi, w2 = utf8.DecodeRuneInString(q.s[q.pos+1:])
			if hi == '\\' || hi == '[' || hi < lo {
				q.bad = true
				return
			}
			q.pos += 1 + w2
		}
		if lo == utf8.RuneError || hi == utf8.RuneError {
			q.bad = true
			return
		}
		n += int(hi-lo) + 1
		for r := lo; r <= hi && n <= 64; r++ {
			first = append(first, r)
		}
	}
	if negated || n > 64 {
		return nil, false, true
	}
	return first, false, false
}
