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
func (b *builder) text(s string) { b.escape(s, false) }

// attr writes s as a double-quoted attribute value: & < > " escaped.
func (b *builder) attr(s string) { b.escape(s, true) }

// escape writes s with & < > (and " when quote is set) as entities, every other character as itself.
func (b *builder) escape(s string, quote bool) {
	for _, c := range s {
		switch {
		case c == '&':
			b.WriteString("&amp;")
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '"' && quote:
			b.WriteString("&quot;")
		default:
			b.WriteRune(c)
		}
	}
}
