package sml

import (
	"archive/zip"
	"io"
	"strings"
	"unicode/utf8"
)

// readSharedStrings reads the shared string table: one string per si, plain or rich text.
func (wb *Workbook) readSharedStrings(zf *zip.File, name string) ([]string, error) {
	p, err := wb.openPart(zf, name)
	if err != nil {
		return nil, err
	}
	var out []string
	for {
		tok, err := p.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if tok.kind == xmlStart && tok.is("si") {
			s, err := p.richText()
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
}

// richText reads a string item (si, or the is of an inline string cell) just started: its text, or its
// rich-text runs concatenated. Phonetic runs (rPh) are not part of the text. As in Excel's reading, a
// _xHHHH_ escape stands for the character HHHH.
func (p *partReader) richText() (string, error) {
	var direct string
	var runs strings.Builder
	for {
		t, err := p.next()
		if err != nil {
			return "", err
		}
		switch t.kind {
		case xmlEnd:
			return unescapeBSTR(direct + runs.String()), nil
		case xmlStart:
			switch string(local(t.name)) {
			case "t":
				if direct, err = p.text(); err != nil {
					return "", err
				}
			case "r":
				run, err := p.run()
				if err != nil {
					return "", err
				}
				runs.WriteString(run)
			default:
				if err := p.skip(); err != nil {
					return "", err
				}
			}
		}
	}
}

// run reads a rich-text run just started: the text of its t.
func (p *partReader) run() (string, error) {
	var s string
	for {
		t, err := p.next()
		if err != nil {
			return "", err
		}
		switch t.kind {
		case xmlEnd:
			return s, nil
		case xmlStart:
			if t.is("t") {
				if s, err = p.text(); err != nil {
					return "", err
				}
			} else if err := p.skip(); err != nil {
				return "", err
			}
		}
	}
}

// unescapeBSTR decodes the _xHHHH_ escapes of a string (ST_Xstring): _x000D_ is a carriage return,
// _x005F_ an underscore (so _x005F_x000D_ is the text "_x000D_"). Escapes are read left to right without
// overlapping; one that names a surrogate half stands for nothing.
func unescapeBSTR(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, ok := hex4(s[i+2 : i+6]); ok {
				if v == 0x5f {
					b.WriteByte('_')
				} else if r := rune(v); utf8.ValidRune(r) {
					b.WriteRune(r)
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func hex4(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | int(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | int(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}
