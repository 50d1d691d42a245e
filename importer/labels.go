package importer

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// norm1 folds the harmless differences of a pasted label: full-width letters, digits and brackets,
// white space, quotes, the separators of enumerations ("1、" for "1.", "，" or "、" inside a label) and
// brackets of any kind. Two labels with the same norm1 are the same label.
func norm1(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	rs := []rune(s)
	for i, c := range rs {
		switch {
		case unicode.IsSpace(c) || c == '\u00a0' || c == '\u3000' || c == '\u200b' || c == '\ufeff':
		case c == '“' || c == '”' || c == '"' || c == '\'' || c == '‘' || c == '’' || c == '「' || c == '」':
		case c == ',' || c == '，' || c == ';' || c == '；' || c == ':' || c == '：':
		case c == '、' || c == '.' || c == '．' || c == '。':
			// "1、" and "1." number an item; elsewhere the mark is noise.
			if i > 0 && unicode.IsDigit(rs[i-1]) {
				b.WriteByte('.')
			}
		case c == '(' || c == '（' || c == '[' || c == '【' || c == '〔':
			b.WriteByte('(')
		case c == ')' || c == '）' || c == ']' || c == '】' || c == '〕':
			b.WriteByte(')')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// norm2 is norm1 that also forgives the label variants of local templates: a missing or extra "行政",
// a doubled character ("由由"), 法规/法律法规 wording kept.
func norm2(s string) string {
	s = strings.ReplaceAll(norm1(s), "行政", "")
	var b strings.Builder
	var last rune
	for _, c := range s {
		if c == last && !unicode.IsDigit(c) {
			continue
		}
		b.WriteRune(c)
		last = c
	}
	return b.String()
}

// labelMatch tells how well a pasted label names an official one.
type labelMatch int

const (
	noMatch labelMatch = iota
	// fuzzyMatch: near enough by edit distance or containment; the draft notes the reading.
	fuzzyMatch
	// variantMatch: equal up to the tolerated local variants (norm2); the draft notes the reading.
	variantMatch
	// exactMatch: equal up to punctuation and width (norm1).
	exactMatch
)

// maxLabelRunes: a pasted label longer than this names no official label (the longest has 38 characters).
const maxLabelRunes = 120

// normLabel is a label with its normal forms, computed once.
type normLabel struct {
	n1, n2 string
	r2     []rune
	lead   string
}

func normalize(s string) normLabel {
	n := normLabel{n1: norm1(s), n2: norm2(s)}
	n.r2 = []rune(n.n2)
	n.lead = leadNumber(n.n2)
	return n
}

var (
	officialMu    sync.Mutex
	officialCache = map[string]normLabel{}
)

// official returns the normal forms of an official label (cached: the same few labels are compared often).
func official(s string) normLabel {
	officialMu.Lock()
	defer officialMu.Unlock()
	n, ok := officialCache[s]
	if !ok {
		n = normalize(s)
		officialCache[s] = n
	}
	return n
}

// matchLabel compares a pasted label with an official one.
func matchLabel(got, off string) labelMatch {
	if utf8.RuneCountInString(got) > maxLabelRunes {
		return noMatch
	}
	return matchNorm(normalize(got), official(off))
}

func matchNorm(g, o normLabel) labelMatch {
	if g.n1 == "" {
		return noMatch
	}
	if g.n1 == o.n1 {
		return exactMatch
	}
	if g.n2 == o.n2 {
		return variantMatch
	}
	rg, ro := g.r2, o.r2
	if len(rg) > 64 || len(ro) > 64 {
		return noMatch
	}
	// A label cut short (the parenthetical note of （二）部分公开 dropped) or carrying a short addition.
	short, long := rg, ro
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) >= 4 && strings.HasPrefix(string(long), string(short)) &&
		(len(long)-len(short) <= 2*len(short) || long[len(short)] == '(') {
		// Both must agree on the leading item number, if any.
		if g.lead == o.lead {
			return fuzzyMatch
		}
	}
	n := max(len(rg), len(ro))
	if n < 4 || g.lead != o.lead || abs(len(rg)-len(ro))*5 > n {
		return noMatch
	}
	if d := editDistance(rg, ro); d*5 <= n {
		return fuzzyMatch
	}
	return noMatch
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// leadNumber returns the item number a label starts with ("1." → "1", "(三)" → "(三)"), or "".
func leadNumber(s string) string {
	rs := []rune(s)
	i := 0
	for i < len(rs) && unicode.IsDigit(rs[i]) {
		i++
	}
	if i > 0 {
		return string(rs[:i])
	}
	if len(rs) > 0 && rs[0] == '(' {
		for j := 1; j < len(rs) && j < 5; j++ {
			if rs[j] == ')' {
				return string(rs[:j+1])
			}
		}
	}
	if len(rs) > 1 && strings.ContainsRune("一二三四五六七八九十", rs[0]) && rs[1] == '.' {
		return string(rs[:1])
	}
	return ""
}

// editDistance is the Levenshtein distance of two rune slices.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
