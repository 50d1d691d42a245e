package sml

import (
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/nianbao/nianbao/internal/ooxml"
)

// MaxCellChars is the most characters (UTF-16 code units) a cell holds: longer text is cut there, without
// splitting a character, as Excel and excelize do.
const MaxCellChars = 32767

// maxFormulaChars is the longest formula Excel accepts (UTF-16 code units, without the leading =).
const maxFormulaChars = 8192

// isXMLChar reports whether the rune r, n bytes long in its string, may appear in an XML 1.0 document.
func isXMLChar(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1: // invalid UTF-8
		return false
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return true
}

// clipCellText drops the characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage
// return, U+FFFE, U+FFFF, invalid UTF-8) and cuts the text to MaxCellChars.
func clipCellText(s string) string {
	units := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isXMLChar(r, n) {
			return clipCellTextSlow(s)
		}
		if units += utf16.RuneLen(r); units > MaxCellChars {
			return s[:i]
		}
		i += n
	}
	return s
}

// clipCellTextSlow is clipCellText for a string that holds forbidden characters.
func clipCellTextSlow(s string) string {
	out := make([]byte, 0, len(s))
	units := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isXMLChar(r, n) {
			if units += utf16.RuneLen(r); units > MaxCellChars {
				break
			}
			out = append(out, s[i:i+n]...)
		}
		i += n
	}
	return string(out)
}

// utf16Units returns the length of s in UTF-16 code units, the unit of Excel's limits.
func utf16Units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// keepsSpace reports whether text must be marked xml:space="preserve" so that Excel keeps the white space
// (space, tab, line break) it begins or ends with, as excelize marks it. ECMA-376's schema types the t
// element as a simple string, without the attribute; Excel writes and reads it all the same.
func keepsSpace(s string) bool {
	if s == "" {
		return false
	}
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	return space(s[0]) || space(s[len(s)-1])
}

// xstringEscapeAt reports whether s[i:] starts with _xHHHH_, the escape of ST_Xstring that Excel decodes
// (_x000D_ is a carriage return).
func xstringEscapeAt(s string, i int) bool {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return false
	}
	for _, c := range []byte(s[i+2 : i+6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// xmlOut builds the XML text of a part (raw markup with S, escaped text and attributes with text and attr).
type xmlOut struct{ ooxml.Builder }

// text appends s as element text: & < > as entities, a carriage return as &#xD; (a parser would read a
// raw one as a line feed), forbidden characters dropped. With xstring (the text of a cell), every
// underscore that starts an _xHHHH_ sequence is written _x005F_, so that readers decoding the escapes of
// ST_Xstring get the text back as it was.
func (b *xmlOut) text(s string, xstring bool) {
	b.escape(s, xstring, false)
}

// attr appends ` name="value"`, the value escaped as by text and its tabs and line breaks as character
// references (attribute value normalization would turn them into spaces).
func (b *xmlOut) attr(name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	b.escape(value, false, true)
	b.WriteByte('"')
}

func (b *xmlOut) escape(s string, xstring, inAttr bool) {
	b.EscWith(s, func(s string, i int, r rune) (string, bool) {
		switch {
		case r == '"' && !inAttr:
			return `"`, true
		case r == '\r':
			return "&#xD;", true
		case r == '\n' && inAttr:
			return "&#xA;", true
		case r == '\t' && inAttr:
			return "&#x9;", true
		case r == '_' && xstring && xstringEscapeAt(s, i):
			return "_x005F_", true
		}
		return "", false
	})
}

// numberText writes a number as Go's shortest representation that reads back as the same float64, in
// plain decimal notation ('f', as excelize's SetCellFloat(v, -1, 64)).
func numberText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// isFinite reports whether v is neither NaN nor infinite.
func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
