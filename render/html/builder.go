package html

import "strings"

// builder accumulates markup; text and attr escape what they write.
type builder struct{ strings.Builder }

// s writes markup as is.
func (b *builder) s(parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}

// text writes s as element content: & < > escaped. Every other character, including U+00A0 and the
// full-width space, is written as itself (never as an entity such as &nbsp;).
func (b *builder) text(s string) {
	for _, c := range s {
		switch c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(c)
		}
	}
}

// attr writes s as a double-quoted attribute value: & < > " escaped.
func (b *builder) attr(s string) {
	for _, c := range s {
		switch c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(c)
		}
	}
}
