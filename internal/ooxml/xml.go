// Package ooxml holds what the Office Open XML writers (render/docx and xlsx/internal/sml) share: a builder
// of XML text and the zip package writer with fixed timestamps and the pooled compressor of
// internal/deflate, so that the same input gives the same bytes.
package ooxml

import (
	"strings"
	"unicode/utf8"
)

// Builder builds XML text. Element and attribute names are written literally by the callers; only text and
// attribute values pass through the escaper.
type Builder struct {
	strings.Builder
}

// S appends raw markup.
func (b *Builder) S(parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}

// Esc appends s escaped for use in text or in a double-quoted attribute. Characters XML 1.0 forbids
// (C0 controls other than tab and newline, U+FFFE, U+FFFF, invalid UTF-8) are dropped.
func (b *Builder) Esc(s string) { b.EscWith(s, nil) }

// EscWith is Esc where rep, when not nil, chooses first: where rep(s, i, r) returns ok, its string is
// written instead of the character r at s[i] (a part's own escapes: character references for line breaks
// in attributes, SpreadsheetML's _x005F_).
func (b *Builder) EscWith(s string, rep func(s string, i int, r rune) (string, bool)) {
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		out, ok := "", false
		if rep != nil {
			out, ok = rep(s, i, r)
		}
		switch {
		case ok:
		case r == '&':
			out = "&amp;"
		case r == '<':
			out = "&lt;"
		case r == '>':
			out = "&gt;"
		case r == '"':
			out = "&quot;"
		case r == utf8.RuneError && n == 1, r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			out = ""
		default:
			i += n
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(out)
		i += n
		start = i
	}
	b.WriteString(s[start:])
}

// Attr appends ` name="value"` with the value escaped.
func (b *Builder) Attr(name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	b.Esc(value)
	b.WriteByte('"')
}

// XMLHeader is the declaration every part starts with.
const XMLHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
