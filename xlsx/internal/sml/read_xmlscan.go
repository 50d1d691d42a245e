package sml

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlScanner splits an XML part held in memory into start tags, end tags and text. It is a strict,
// non-validating reader of what SpreadsheetML parts use: elements with attributes (names keep their
// prefixes), text with the five predefined entities and character references, CDATA sections;
// comments, processing instructions and the document type declaration are skipped. An entity it does
// not know (one a DOCTYPE declares: entities are never expanded), a tag closed by another, a broken tag,
// an unquoted or unterminated attribute, bytes that are not UTF-8 or characters XML forbids are errors.
// As encoding/xml does, it reads "\r\n" and a lone "\r" in text as "\n".
// maxScanDepth bounds how deeply elements may nest in a part (package xlsx refuses more than 64 before).
const maxScanDepth = 256

type xmlScanner struct {
	data     []byte
	pos      int
	open     [][]byte // names of the elements started and not ended
	rootDone bool
	closing  bool // the last start tag closed itself: its end comes next
	tok      xmlToken
	buf      []byte
}

type xmlTokKind uint8

const (
	xmlStart xmlTokKind = iota + 1
	xmlEnd
	xmlText
)

// xmlToken is the scanner's current token; its slices are valid until the next call of next.
type xmlToken struct {
	kind  xmlTokKind
	name  []byte // the qualified name of a start or end tag
	attrs []xmlAttr
	text  []byte // the text, entities replaced
}

type xmlAttr struct {
	name, value []byte // value as written, between its quotes
}

// errScanEOF is io.EOF for the scanner: the end of the part after its root element.
var errScanEOF = errors.New("EOF")

// syntaxError is a well-formedness error at a byte offset of the part.
type syntaxError struct {
	line int
	msg  string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("第 %d 行：%s", e.line, e.msg) }

func newScanner(data []byte) (*xmlScanner, error) {
	s := &xmlScanner{data: data}
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return nil, errors.New("不支持的字符编码 UTF-16（只读 UTF-8）")
	}
	s.pos = len(data) - len(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if !utf8.Valid(data) {
		return nil, s.fail(bytes.IndexFunc(data, func(r rune) bool { return r == utf8.RuneError }), "invalid UTF-8")
	}
	for i, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return nil, s.fail(i, fmt.Sprintf("illegal character code U+%04X", c))
		}
	}
	if i := bytes.Index(data, []byte("\xef\xbf\xbe")); i >= 0 {
		return nil, s.fail(i, "illegal character code U+FFFE")
	}
	if i := bytes.Index(data, []byte("\xef\xbf\xbf")); i >= 0 {
		return nil, s.fail(i, "illegal character code U+FFFF")
	}
	return s, nil
}

func (s *xmlScanner) fail(at int, msg string) error {
	if at < 0 {
		at = 0
	}
	return &syntaxError{line: 1 + bytes.Count(s.data[:min(at, len(s.data))], []byte("\n")), msg: msg}
}

// next scans the next token.
func (s *xmlScanner) next() (*xmlToken, error) {
	t := &s.tok
	if s.closing {
		s.closing = false
		t.kind, t.name = xmlEnd, s.open[len(s.open)-1]
		s.pop()
		return t, nil
	}
	for {
		if s.pos >= len(s.data) {
			if len(s.open) > 0 {
				return nil, s.fail(s.pos, "unexpected EOF")
			}
			return nil, errScanEOF
		}
		if s.data[s.pos] != '<' {
			end := bytes.IndexByte(s.data[s.pos:], '<')
			if end < 0 {
				end = len(s.data) - s.pos
			}
			if i := bytes.Index(s.data[s.pos:s.pos+end], []byte("]]>")); i >= 0 {
				return nil, s.fail(s.pos+i, "unescaped ]]> not in CDATA section")
			}
			text, err := s.unescape(s.data[s.pos:s.pos+end], s.pos)
			if err != nil {
				return nil, err
			}
			s.pos += end
			t.kind, t.text = xmlText, text
			return t, nil
		}
		rest := s.data[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			if err := s.procInst(); err != nil {
				return nil, err
			}
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("--"))
			if end < 0 {
				return nil, s.fail(s.pos, "unexpected EOF")
			}
			if 4+end+2 >= len(rest) {
				return nil, s.fail(s.pos, "unexpected EOF")
			}
			if rest[4+end+2] != '>' {
				return nil, s.fail(s.pos+4+end, `invalid sequence "--" not allowed in comments`)
			}
			s.pos += 4 + end + 3
		case bytes.HasPrefix(rest, []byte("<!-")):
			return nil, s.fail(s.pos, "invalid sequence <!- not part of <!--")
		case bytes.HasPrefix(rest, []byte("<![")):
			if !bytes.HasPrefix(rest, []byte("<![CDATA[")) {
				return nil, s.fail(s.pos, "invalid <![ sequence")
			}
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				return nil, s.fail(s.pos, "unexpected EOF in CDATA section")
			}
			s.buf = append(s.buf[:0], rest[9:end]...)
			s.pos += end + 3
			t.kind, t.text = xmlText, newlines(s.buf)
			return t, nil
		case bytes.HasPrefix(rest, []byte("<!")):
			if err := s.directive(); err != nil {
				return nil, err
			}
		case bytes.HasPrefix(rest, []byte("</")):
			return s.endTag()
		default:
			return s.startTag()
		}
	}
}

func (s *xmlScanner) pop() {
	s.open = s.open[:len(s.open)-1]
	if len(s.open) == 0 {
		s.rootDone = true
	}
}

// procInst skips a processing instruction; the XML declaration must be of version 1.0 and name UTF-8 (or
// ASCII) if it names an encoding.
func (s *xmlScanner) procInst() error {
	s.pos += 2
	target, err := s.name()
	if err != nil {
		return s.fail(s.pos, "expected target name after <?")
	}
	end := bytes.Index(s.data[s.pos:], []byte("?>"))
	if end < 0 {
		return s.fail(s.pos, "unexpected EOF")
	}
	content := string(s.data[s.pos : s.pos+end])
	s.pos += end + 2
	if string(target) != "xml" {
		return nil
	}
	if v := procInstParam("version", content); v != "" && v != "1.0" {
		return fmt.Errorf("不支持的 XML 版本 %q", v)
	}
	enc := procInstParam("encoding", content)
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return nil
	}
	return fmt.Errorf("不支持的字符编码 %q（只读 UTF-8）", enc)
}

// procInstParam reads param="value" (or '…') from the content of a processing instruction, the way
// encoding/xml reads it.
func procInstParam(param, s string) string {
	param += "="
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], param)
		if k < 0 || i+k+len(param) >= len(s) {
			return ""
		}
		i += k + len(param)
		if q := s[i]; q == '"' || q == '\'' {
			j := strings.IndexByte(s[i+1:], q)
			if j < 0 {
				return ""
			}
			return s[i+1 : i+1+j]
		}
	}
	return ""
}

// directive skips <!DOCTYPE …> and other declarations, as encoding/xml reads them: angle brackets
// outside quotes nest, comments inside are skipped.
func (s *xmlScanner) directive() error {
	i := s.pos + 3 // the character after <! belongs to the directive whatever it is
	depth, quote := 0, byte(0)
	for ; i < len(s.data); i++ {
		c := s.data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			if depth == 0 {
				s.pos = i + 1
				return nil
			}
			depth--
		case c == '<':
			if bytes.HasPrefix(s.data[i:], []byte("<!--")) {
				end := bytes.Index(s.data[i+4:], []byte("-->"))
				if end < 0 {
					return s.fail(i, "unexpected EOF")
				}
				i += 4 + end + 2
				continue
			}
			depth++
		}
	}
	return s.fail(s.pos, "unexpected EOF")
}

// isNameByte reports the characters of names: ASCII only (SpreadsheetML's names are; encoding/xml
// would take other letters too).
func isNameByte(c byte, first bool) bool {
	switch {
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c == '_', c == ':':
		return true
	case first:
		return false
	}
	return c >= '0' && c <= '9' || c == '-' || c == '.'
}

// name reads a name at s.pos.
func (s *xmlScanner) name() ([]byte, error) {
	i := s.pos
	for i < len(s.data) && isNameByte(s.data[i], i == s.pos) {
		i++
	}
	if i == s.pos {
		if s.pos >= len(s.data) {
			return nil, s.fail(s.pos, "unexpected EOF")
		}
		return nil, s.fail(s.pos, "invalid XML name")
	}
	n := s.data[s.pos:i]
	s.pos = i
	return n, nil
}

func (s *xmlScanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *xmlScanner) endTag() (*xmlToken, error) {
	s.pos += 2
	n, err := s.name()
	if err != nil {
		return nil, err
	}
	s.space()
	if s.pos >= len(s.data) || s.data[s.pos] != '>' {
		return nil, s.fail(s.pos, "invalid characters between </"+string(n)+" and >")
	}
	s.pos++
	if len(s.open) == 0 || !bytes.Equal(s.open[len(s.open)-1], n) {
		return nil, s.fail(s.pos, "unexpected end element </"+string(n)+">")
	}
	s.pop()
	t := &s.tok
	t.kind, t.name = xmlEnd, n
	return t, nil
}

func (s *xmlScanner) startTag() (*xmlToken, error) {
	if len(s.open) == 0 && s.rootDone {
		return nil, s.fail(s.pos, "a second root element")
	}
	if len(s.open) >= maxScanDepth {
		return nil, s.fail(s.pos, fmt.Sprintf("elements nested more than %d deep", maxScanDepth))
	}
	s.pos++
	n, err := s.name()
	if err != nil {
		return nil, err
	}
	t := &s.tok
	t.kind, t.name, t.attrs = xmlStart, n, t.attrs[:0]
	for {
		s.space()
		if s.pos >= len(s.data) {
			return nil, s.fail(s.pos, "unexpected EOF")
		}
		switch c := s.data[s.pos]; {
		case c == '>':
			s.pos++
			s.open = append(s.open, n)
			return t, nil
		case c == '/':
			if s.pos+1 >= len(s.data) || s.data[s.pos+1] != '>' {
				return nil, s.fail(s.pos, "expected /> in element")
			}
			s.pos += 2
			s.open = append(s.open, n)
			s.closing = true
			return t, nil
		}
		an, err := s.name()
		if err != nil {
			return nil, err
		}
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] != '=' {
			return nil, s.fail(s.pos, "attribute name without = in element")
		}
		s.pos++
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' && s.data[s.pos] != '\'' {
			return nil, s.fail(s.pos, "unquoted or missing attribute value in element")
		}
		q := s.data[s.pos]
		end := bytes.IndexByte(s.data[s.pos+1:], q)
		if end < 0 {
			return nil, s.fail(s.pos, "unexpected EOF")
		}
		v := s.data[s.pos+1 : s.pos+1+end]
		if i := bytes.IndexByte(v, '<'); i >= 0 {
			return nil, s.fail(s.pos+1+i, "unescaped < inside quoted string")
		}
		if _, err := s.unescape(v, s.pos+1); err != nil { // checked now, decoded when read
			return nil, err
		}
		s.pos += end + 2
		t.attrs = append(t.attrs, xmlAttr{name: an, value: v})
	}
}

// unescape replaces the entities of text (at offset at) and normalises its line ends; the result is
// valid until the next call.
func (s *xmlScanner) unescape(text []byte, at int) ([]byte, error) {
	if bytes.IndexByte(text, '&') < 0 && bytes.IndexByte(text, '\r') < 0 {
		return text, nil
	}
	out := s.buf[:0]
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\r' { // a literal line end; a character reference &#13; stays a carriage return
			out = append(out, '\n')
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			continue
		}
		if c != '&' {
			out = append(out, c)
			continue
		}
		end := bytes.IndexByte(text[i:], ';')
		if end < 0 {
			return nil, s.fail(at+i, "invalid character entity "+string(text[i:min(len(text), i+12)])+" (no semicolon)")
		}
		ent := text[i+1 : i+end]
		switch string(ent) {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "apos":
			out = append(out, '\'')
		case "quot":
			out = append(out, '"')
		default:
			r, ok := charRef(ent)
			if !ok {
				return nil, s.fail(at+i, "invalid character entity &"+string(ent)+";")
			}
			out = utf8.AppendRune(out, r)
		}
		i += end
	}
	s.buf = out
	return out, nil
}

// charRef reads a character reference (#65, #x41) naming a character XML allows.
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' {
		n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
	}
	r := rune(n)
	if err != nil || !(r == 0x09 || r == 0x0a || r == 0x0d || r >= 0x20 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff) {
		return 0, false
	}
	return r, true
}

// newlines turns "\r\n" and a lone "\r" into "\n", in place.
func newlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			out = append(out, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// local returns the name after its prefix.
func local(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// is reports whether a start or end tag's local name is n.
func (t *xmlToken) is(n string) bool { return string(local(t.name)) == n }

// attr returns the value of the attribute of that local name, entities replaced.
func (t *xmlToken) attr(n string) (string, bool) {
	for _, a := range t.attrs {
		if string(local(a.name)) == n {
			return attrValue(a.value), true
		}
	}
	return "", false
}

// prefixedAttr is attr for an attribute with a namespace prefix (r:id), not one without.
func (t *xmlToken) prefixedAttr(n string) (string, bool) {
	for _, a := range t.attrs {
		if bytes.IndexByte(a.name, ':') >= 0 && string(local(a.name)) == n {
			return attrValue(a.value), true
		}
	}
	return "", false
}

// attrValue decodes an attribute value the scanner has checked.
func attrValue(v []byte) string {
	if bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return string(v)
	}
	var s xmlScanner
	out, _ := s.unescape(v, 0)
	return string(out)
}
