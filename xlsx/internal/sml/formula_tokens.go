package sml

import (
	"errors"
	"strconv"
	"strings"
)

// MaxFormulaLen is the longest formula read (Excel's own limit is 8192 characters).
const MaxFormulaLen = 8192

// tokKind is the kind of a formula token.
type tokKind uint8

const (
	tokSpace      tokKind = iota // white space
	tokNumber                    // 12, 1.5, 1E+3
	tokString                    // "text" (text holds the unquoted value)
	tokError                     // #DIV/0!, #N/A …
	tokWord                      // a reference, name, TRUE/FALSE or function name: A1, $B$2:C3, Sheet1!A1, SUM
	tokOp                        // + - * / ^ & = <> < > <= >= %
	tokOpen                      // (
	tokClose                     // )
	tokComma                     // ,
	tokSemicolon                 // ; (inside array constants)
	tokBraceOpen                 // {
	tokBraceClose                // }
)

// token is one lexeme of a formula.
type token struct {
	kind tokKind
	text string
}

// errorLiterals are Excel's error values as formulas write them.
var errorLiterals = [...]string{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#GETTING_DATA"}

var errSyntax = errors.New("公式有语法错误")

// lex splits a formula (without its leading "=") into tokens.
func lex(f string) ([]token, error) {
	if len(f) > MaxFormulaLen {
		return nil, errors.New("公式过长")
	}
	var out []token
	for i := 0; i < len(f); {
		c := f[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			j := i
			for j < len(f) && (f[j] == ' ' || f[j] == '\n' || f[j] == '\r' || f[j] == '\t') {
				j++
			}
			out = append(out, token{tokSpace, f[i:j]})
			i = j
		case c == '"':
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(f) {
					return nil, errSyntax
				}
				if f[j] == '"' {
					if j+1 < len(f) && f[j+1] == '"' {
						b.WriteByte('"')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(f[j])
				j++
			}
			out = append(out, token{tokString, b.String()})
			i = j + 1
		case c == '#':
			matched := ""
			for _, e := range errorLiterals {
				if len(f)-i >= len(e) && strings.EqualFold(f[i:i+len(e)], e) {
					matched = e
					break
				}
			}
			if matched == "" {
				return nil, errSyntax
			}
			out = append(out, token{tokError, matched})
			i += len(matched)
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(f) && f[i+1] >= '0' && f[i+1] <= '9':
			j := scanNumber(f, i)
			if j < len(f) && isWordByte(f[j]) && f[j] != '.' {
				// 1:3 (rows), 2A is not a number: read the whole word.
				k := scanWord(f, i)
				if k < 0 {
					return nil, errSyntax
				}
				out = append(out, token{tokWord, f[i:k]})
				i = k
				continue
			}
			out = append(out, token{tokNumber, f[i:j]})
			i = j
		case c == '<' && i+1 < len(f) && (f[i+1] == '=' || f[i+1] == '>'), c == '>' && i+1 < len(f) && f[i+1] == '=':
			out = append(out, token{tokOp, f[i : i+2]})
			i += 2
		case strings.IndexByte("+-*/^&=<>%", c) >= 0:
			out = append(out, token{tokOp, f[i : i+1]})
			i++
		case c == '(':
			out = append(out, token{tokOpen, "("})
			i++
		case c == ')':
			out = append(out, token{tokClose, ")"})
			i++
		case c == ',':
			out = append(out, token{tokComma, ","})
			i++
		case c == ';':
			out = append(out, token{tokSemicolon, ";"})
			i++
		case c == '{':
			out = append(out, token{tokBraceOpen, "{"})
			i++
		case c == '}':
			out = append(out, token{tokBraceClose, "}"})
			i++
		default:
			j := scanWord(f, i)
			if j <= i {
				return nil, errSyntax
			}
			out = append(out, token{tokWord, f[i:j]})
			i = j
		}
	}
	return out, nil
}

// scanNumber returns the end of the number literal at i: digits, a fraction, an exponent.
func scanNumber(f string, i int) int {
	j := i
	for j < len(f) && f[j] >= '0' && f[j] <= '9' {
		j++
	}
	if j < len(f) && f[j] == '.' {
		j++
		for j < len(f) && f[j] >= '0' && f[j] <= '9' {
			j++
		}
	}
	if j < len(f) && (f[j] == 'e' || f[j] == 'E') {
		k := j + 1
		if k < len(f) && (f[k] == '+' || f[k] == '-') {
			k++
		}
		if k < len(f) && f[k] >= '0' && f[k] <= '9' {
			for k < len(f) && f[k] >= '0' && f[k] <= '9' {
				k++
			}
			j = k
		}
	}
	return j
}

// isWordByte reports the bytes a reference or name is made of (besides quoted and bracketed parts).
func isWordByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '$' ||
		c == ':' || c == '!' || c == '\\' || c == '?' || c >= 0x80
}

// scanWord returns the end of the word at i: word bytes, 'quoted sheet names' and [bracketed] parts;
// -1 for an unterminated quote or bracket.
func scanWord(f string, i int) int {
	j := i
	for j < len(f) {
		switch c := f[j]; {
		case c == '\'':
			j++
			for {
				if j >= len(f) {
					return -1
				}
				if f[j] == '\'' {
					if j+1 < len(f) && f[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			j++
		case c == '[':
			depth := 0
			for ; j < len(f); j++ {
				if f[j] == '[' {
					depth++
				} else if f[j] == ']' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j >= len(f) {
				return -1
			}
			j++
		case isWordByte(c):
			j++
		default:
			return j
		}
	}
	return j
}

// cellPart is one end of a reference: a cell (A1), a whole column (A) or a whole row (1), each part
// absolute ($) or relative.
type cellPart struct {
	col, row       int // 0 when absent (a whole row has no column, a whole column no row)
	absCol, absRow bool
}

// reference is a parsed reference word: an optional sheet prefix (kept as written, "!" included)
// and one or two parts.
type reference struct {
	sheet    string
	from, to cellPart
	area     bool // from:to
}

// parseReference reads a reference word: A1, $A$1, A1:B2, A:B, 1:2, with an optional sheet prefix.
func parseReference(w string) (reference, bool) {
	var ref reference
	if k := strings.LastIndexByte(w, '!'); k >= 0 {
		ref.sheet, w = w[:k+1], w[k+1:]
	}
	a, b, two := strings.Cut(w, ":")
	from, ok := parseCellPart(a)
	if !ok {
		return ref, false
	}
	ref.from, ref.to = from, from
	if two {
		to, ok := parseCellPart(b)
		if !ok || (from.col == 0) != (to.col == 0) || (from.row == 0) != (to.row == 0) {
			return ref, false
		}
		ref.to, ref.area = to, true
	} else if from.col == 0 || from.row == 0 {
		return ref, false // a lone column or row is a name, not a reference
	}
	return ref, true
}

// parseCellPart reads "$A$1", "A1", "$A", "A", "$1" or "1".
func parseCellPart(s string) (cellPart, bool) {
	var p cellPart
	i := 0
	if i < len(s) && s[i] == '$' {
		p.absCol = true
		i++
	}
	j := i
	for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
		j++
	}
	if j > i {
		col, err := ColNumber(s[i:j])
		if err != nil {
			return p, false
		}
		p.col = col
	} else if p.absCol {
		p.absCol, p.absRow = false, true // "$1": the $ belongs to the row
	}
	k := j
	if k < len(s) && s[k] == '$' {
		if p.col == 0 && p.absRow {
			return p, false
		}
		p.absRow = true
		k++
	}
	digits := s[k:]
	if digits == "" {
		if p.col == 0 || p.absRow {
			return p, false
		}
		return p, true
	}
	if len(digits) > 7 || digits[0] == '0' {
		return p, false
	}
	for x := 0; x < len(digits); x++ {
		if digits[x] < '0' || digits[x] > '9' {
			return p, false
		}
	}
	p.row, _ = strconv.Atoi(digits)
	if p.row > MaxRow {
		return p, false
	}
	if p.col == 0 && p.absCol {
		return p, false
	}
	return p, true
}

// shift moves the relative parts of a reference by dc columns and dr rows; false when it leaves the sheet.
func (p cellPart) shift(dc, dr int) (cellPart, bool) {
	if p.col != 0 && !p.absCol {
		p.col += dc
		if p.col < 1 || p.col > MaxCol {
			return p, false
		}
	}
	if p.row != 0 && !p.absRow {
		p.row += dr
		if p.row < 1 || p.row > MaxRow {
			return p, false
		}
	}
	return p, true
}

func (p cellPart) String() string {
	var b strings.Builder
	if p.col != 0 {
		if p.absCol {
			b.WriteByte('$')
		}
		b.WriteString(ColName(p.col))
	}
	if p.row != 0 {
		if p.absRow {
			b.WriteByte('$')
		}
		b.WriteString(strconv.Itoa(p.row))
	}
	return b.String()
}

// shiftFormula returns a shared formula as it reads in a cell dc columns and dr rows away from the
// master: relative references move, absolute ones stay, one moved off the sheet becomes #REF!. The
// text is rendered from its tokens as Excel and excelize write shared formulas out: white space only
// where it is the intersection operator, references in upper case.
func shiftFormula(tokens []token, dc, dr int) string {
	var b strings.Builder
	for i, t := range tokens {
		switch t.kind {
		case tokSpace:
			if i > 0 && i+1 < len(tokens) && endsOperand(tokens[i-1]) && startsOperand(tokens[i+1]) {
				b.WriteByte(' ')
			}
		case tokString:
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(t.text, `"`, `""`))
			b.WriteByte('"')
		case tokWord:
			ref, ok := parseReference(t.text)
			if !ok || i+1 < len(tokens) && tokens[i+1].kind == tokOpen {
				b.WriteString(t.text)
				continue
			}
			from, ok1 := ref.from.shift(dc, dr)
			to, ok2 := ref.to.shift(dc, dr)
			if !ok1 || !ok2 {
				b.WriteString(ref.sheet)
				b.WriteString("#REF!")
				continue
			}
			b.WriteString(ref.sheet)
			b.WriteString(from.String())
			if ref.area {
				b.WriteByte(':')
				b.WriteString(to.String())
			}
		default:
			b.WriteString(t.text)
		}
	}
	return b.String()
}

func endsOperand(t token) bool {
	return t.kind == tokWord || t.kind == tokNumber || t.kind == tokString || t.kind == tokError || t.kind == tokClose
}

func startsOperand(t token) bool {
	return t.kind == tokWord || t.kind == tokNumber || t.kind == tokString || t.kind == tokError || t.kind == tokOpen
}
