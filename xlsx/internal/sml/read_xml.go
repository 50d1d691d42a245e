package sml

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// partReader streams the elements of one XML part. Elements and attributes are matched by their local
// names, so that transitional and strict namespaces and any prefix (x:c) read alike.
type partReader struct {
	name string
	rc   io.ReadCloser
	d    *xml.Decoder
}

func openPart(zf *zip.File, name string) (*partReader, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("无法读取部件 %s（%v）", name, err)
	}
	d := xml.NewDecoder(rc)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(strings.TrimSpace(label)) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return input, nil
		}
		return nil, fmt.Errorf("不支持的字符编码 %q（只读 UTF-8）", label)
	}
	return &partReader{name: name, rc: rc, d: d}, nil
}

func (p *partReader) close() { p.rc.Close() }

// next returns the next start element, end element or character data; io.EOF at the end of the part.
func (p *partReader) next() (xml.Token, error) {
	for {
		tok, err := p.d.Token()
		if err != nil {
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, p.bad(err)
		}
		switch tok.(type) {
		case xml.StartElement, xml.EndElement, xml.CharData:
			return tok, nil
		}
	}
}

// bad describes a part that is not well-formed XML (an undefined entity, a broken tag, a part cut short).
func (p *partReader) bad(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("部件 %s 不是有效的 XML（第 %d 行：%s）", p.name, se.Line, se.Msg)
	}
	return fmt.Errorf("部件 %s 无法读取（%v）", p.name, err)
}

// text reads the character data of the element just started, up to its end, skipping the text of any
// element nested in it.
func (p *partReader) text() (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := p.next()
		if err != nil {
			if err == io.EOF {
				return "", p.bad(io.ErrUnexpectedEOF)
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		case xml.CharData:
			if depth == 0 {
				b.Write(t)
			}
		}
	}
}

// skip reads past the end of the element just started.
func (p *partReader) skip() error {
	if err := p.d.Skip(); err != nil {
		return p.bad(err)
	}
	return nil
}

// attr returns the value of the attribute of that local name.
func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// boolAttr reads an xsd:boolean attribute ("1", "true", "0", "false"); def when missing or malformed.
func boolAttr(se xml.StartElement, local string, def bool) bool {
	v, ok := attr(se, local)
	if !ok {
		return def
	}
	b, err := strconv.ParseBool(strings.TrimSpace(v))
	if err != nil {
		return def
	}
	return b
}
