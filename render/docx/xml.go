package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// xb builds XML text. Element and attribute names are written literally by the callers; only text and
// attribute values pass through the escaper.
type xb struct {
	strings.Builder
}

// s appends raw markup.
func (b *xb) s(parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}

// esc appends s escaped for use in text or in a double-quoted attribute. Characters XML 1.0 forbids
// (C0 controls other than tab and newline, U+FFFE, U+FFFF, invalid UTF-8) are dropped.
func (b *xb) esc(s string) {
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		var rep string
		switch {
		case r == '&':
			rep = "&amp;"
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '"':
			rep = "&quot;"
		case r == utf8.RuneError && n == 1, r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			rep = ""
		default:
			i += n
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(rep)
		i += n
		start = i
	}
	b.WriteString(s[start:])
}

// attr appends ` name="value"` with the value escaped.
func (b *xb) attr(name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	b.esc(value)
	b.WriteByte('"')
}

// itoa formats an integer attribute value.
func itoa(n int) string { return strconv.Itoa(n) }

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Namespaces used by the WordprocessingML parts.
const (
	nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)
