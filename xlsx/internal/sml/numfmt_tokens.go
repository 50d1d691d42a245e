package sml

import (
	"strings"
	"unicode/utf8"
)

// nfKind is the kind of a number format token.
type nfKind uint8

const (
	nfLiteral     nfKind = iota // text printed as is ("件", \-, ¥, a space)
	nfZero                      // 0 (a run: 000)
	nfHash                      // # (a run)
	nfDigit                     // ? (a run)
	nfPoint                     // .
	nfThousands                 // , after a digit placeholder
	nfPercent                   // %
	nfExponent                  // E+
	nfGeneral                   // General
	nfText                      // @
	nfDate                      // y, m, d, h, s, e, a … runs, AM/PM, 上午/下午
	nfElapsed                   // [h], [mm], [ss]
	nfAlign                     // _x: a space the width of x
	nfRepeat                    // *x: fill (not printed)
	nfColor                     // [Red] (not printed)
	nfCondition                 // [>=100] (not applied)
	nfCurrency                  // [$¥-804]: a currency symbol and a language
	nfSwitch                    // [DBNum1] …: digits as Chinese numerals
	nfFraction                  // / after ?
	nfDenominator               // the digits after a fraction's /
	nfUnknown                   // an unknown [bracket]
)

// nfToken is one token of a number format section.
type nfToken struct {
	kind nfKind
	text string
	// currency and lang are the parts of a [$currency-lang] token.
	currency, lang string
	hasLang        bool
}

// Section types of a number format: the format codes separated by semicolons are for positive numbers,
// negative numbers, zero and text, in that order; a section with @ is for text wherever it stands.
const (
	secPositive = iota
	secNegative
	secZero
	secText
)

type nfSection struct {
	typ   int
	items []nfToken
}

// colorNames are the colours a section may start with ([Red]).
var colorNames = [...]string{"black", "blue", "cyan", "green", "magenta", "red", "white", "yellow"}

// switchArguments are the bracketed switches of formats for East Asian numerals ([DBNum1]); excelize
// recognises these names and applies three of them.
var switchArguments = [...]string{"AIUEO", "ALPHABETIC", "Arabic", "ARABICABJAD", "ARABICALPHA", "ArabicDash",
	"BAHTTEXT", "CardText", "CHINESENUM1", "CHINESENUM2", "CHINESENUM3", "CHOSUNG", "CIRCLENUM", "DBCHAR", "DBNUM1",
	"DBNUM2", "DBNUM3", "DBNUM4", "DollarText", "GANADA", "GB1", "GB2", "GB3", "GB4", "HEBREW1", "HEBREW2", "Hex",
	"HINDIARABIC", "HINDICARDTEXT", "HINDILETTER1", "HINDILETTER2", "IROHA", "KANJINUM1", "KANJINUM2", "KANJINUM3",
	"Ordinal", "OrdText", "Roman", "SBCHAR", "THAIARABIC", "THAICARDTEXT", "THAILETTER", "VIETCARDTEXT", "ZODIAC1",
	"ZODIAC2", "ZODIAC3"}

// amPm are the AM/PM markers of time formats.
var amPm = [...]string{"AM/PM", "A/P", "上午/下午"}

// isDateChar reports the letters of date and time codes.
func isDateChar(r rune) bool {
	switch r {
	case 'a', 'A', 'b', 'B', 'd', 'D', 'e', 'E', 'g', 'G', 'h', 'H', 'm', 'M', 'r', 'R', 's', 'S', 'y', 'Y':
		return true
	}
	return false
}

// parseNumFmt splits a format code into its sections of tokens; nil for a code of more than four.
func parseNumFmt(code string) []nfSection {
	code = strings.TrimSpace(code)
	if code == "" {
		return nil
	}
	var secs []nfSection
	cur := nfSection{typ: secPositive}
	add := func(t nfToken) {
		n := len(cur.items)
		// Runs of the same placeholder or date letter are one token, as are adjacent literals.
		if n > 0 {
			last := &cur.items[n-1]
			switch {
			case t.kind == nfLiteral && last.kind == nfLiteral,
				(t.kind == nfZero || t.kind == nfHash || t.kind == nfDigit || t.kind == nfDenominator) && last.kind == t.kind:
				last.text += t.text
				return
			case t.kind == nfDate && last.kind == nfDate && len(t.text) == 1 && strings.Count(last.text, t.text) == len(last.text):
				last.text += t.text
				return
			}
		}
		cur.items = append(cur.items, t)
	}
	lastKind := func() (nfKind, bool) {
		if n := len(cur.items); n > 0 {
			return cur.items[n-1].kind, true
		}
		return 0, false
	}
	for i := 0; i < len(code); {
		r, size := utf8.DecodeRuneInString(code[i:])
		switch {
		case r == ';':
			secs = append(secs, cur)
			if len(secs) > 3 {
				return nil
			}
			cur = nfSection{typ: len(secs)}
			i++
			continue
		case r == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				add(nfToken{kind: nfLiteral, text: code[i+1:]})
				i = len(code)
				continue
			}
			if j > 0 {
				cur.items = append(cur.items, nfToken{kind: nfLiteral, text: code[i+1 : i+1+j]})
			}
			i += j + 2
			continue
		case r == '\\' || r == '_' || r == '*':
			nr, nsize := utf8.DecodeRuneInString(code[i+size:])
			if i+size >= len(code) {
				nr, nsize = 0, 0
			}
			switch r {
			case '\\':
				if nsize > 0 {
					cur.items = append(cur.items, nfToken{kind: nfLiteral, text: string(nr)})
				}
			case '_':
				cur.items = append(cur.items, nfToken{kind: nfAlign, text: " "})
			case '*':
				cur.items = append(cur.items, nfToken{kind: nfRepeat, text: string(nr)})
			}
			i += size + nsize
			continue
		case r == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				add(nfToken{kind: nfLiteral, text: code[i:]})
				i = len(code)
				continue
			}
			cur.items = append(cur.items, bracketToken(code[i:i+j+1]))
			i += j + 1
			continue
		case r == '@':
			cur.typ = secText
			cur.items = append(cur.items, nfToken{kind: nfText, text: "@"})
		case r == '0':
			if k, ok := lastKind(); ok && k == nfDenominator {
				add(nfToken{kind: nfDenominator, text: "0"})
			} else {
				add(nfToken{kind: nfZero, text: "0"})
			}
		case r >= '1' && r <= '9':
			if k, ok := lastKind(); ok && (k == nfZero || k == nfDenominator) {
				add(nfToken{kind: k, text: string(r)})
			} else if ok && k == nfFraction {
				cur.items = append(cur.items, nfToken{kind: nfDenominator, text: string(r)})
			} else {
				add(nfToken{kind: nfLiteral, text: string(r)})
			}
		case r == '#':
			add(nfToken{kind: nfHash, text: "#"})
		case r == '?':
			add(nfToken{kind: nfDigit, text: "?"})
		case r == '.':
			k, ok := lastKind()
			next := byte(0)
			if i+1 < len(code) {
				next = code[i+1]
			}
			if ok && k == nfDate && !(next >= '0' && next <= '9') {
				cur.items = append(cur.items, nfToken{kind: nfLiteral, text: "."})
			} else {
				cur.items = append(cur.items, nfToken{kind: nfPoint, text: "."})
			}
		case r == ',':
			if k, ok := lastKind(); ok && (k == nfZero || k == nfHash || k == nfDigit || k == nfThousands) {
				cur.items = append(cur.items, nfToken{kind: nfThousands, text: ","})
			} else {
				cur.items = append(cur.items, nfToken{kind: nfLiteral, text: ","})
			}
		case r == '%':
			cur.items = append(cur.items, nfToken{kind: nfPercent, text: "%"})
		case r == '/':
			if k, ok := lastKind(); ok && k == nfDigit {
				cur.items = append(cur.items, nfToken{kind: nfFraction, text: "/"})
			} else {
				add(nfToken{kind: nfLiteral, text: "/"})
			}
		case r == '\'':
		case (r == 'E' || r == 'e') && i+1 < len(code) && code[i+1] == '+':
			cur.items = append(cur.items, nfToken{kind: nfExponent, text: code[i : i+2]})
			i += 2
			continue
		default:
			if m := matchAmPm(code[i:]); m != "" {
				cur.items = append(cur.items, nfToken{kind: nfDate, text: m})
				i += len(m)
				continue
			}
			if len(code)-i >= 7 && strings.EqualFold(code[i:i+7], "General") {
				cur.items = append(cur.items, nfToken{kind: nfGeneral, text: code[i : i+7]})
				i += 7
				continue
			}
			if isDateChar(r) {
				add(nfToken{kind: nfDate, text: string(r)})
			} else {
				add(nfToken{kind: nfLiteral, text: string(r)})
			}
		}
		i += size
	}
	return append(secs, cur)
}

func matchAmPm(s string) string {
	for _, p := range amPm {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return s[:len(p)]
		}
	}
	return ""
}

// bracketToken reads a [bracketed] code: a colour, a condition, a currency and language, a switch, an
// elapsed time.
func bracketToken(b string) nfToken {
	in := b[1 : len(b)-1]
	for _, c := range colorNames {
		if strings.EqualFold(in, c) {
			return nfToken{kind: nfColor, text: in}
		}
	}
	for _, s := range switchArguments {
		if strings.EqualFold(in, s) {
			return nfToken{kind: nfSwitch, text: b}
		}
	}
	if strings.HasPrefix(in, "$") {
		t := nfToken{kind: nfCurrency, text: b}
		rest := in[1:]
		if k := strings.IndexByte(rest, '-'); k >= 0 && k+1 < len(rest) {
			t.currency, t.lang, t.hasLang = rest[:k], rest[k+1:], true
		} else {
			t.currency = strings.TrimSuffix(rest, "-")
		}
		return t
	}
	if len(in) > 0 && strings.ContainsRune("<>=", rune(in[0])) {
		return nfToken{kind: nfCondition, text: in}
	}
	elapsed := in != ""
	for _, r := range in {
		if !isDateChar(r) {
			elapsed = false
		}
	}
	if elapsed {
		return nfToken{kind: nfElapsed, text: in}
	}
	return nfToken{kind: nfUnknown, text: in}
}
