package sml

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxPartSize bounds a part read into memory (package xlsx checks the whole archive before: 32 MiB).
const maxPartSize = 64 << 20

// partReader streams the elements of one XML part. Elements and attributes are matched by their local
// names, so that transitional and strict namespaces and any prefix (x:c) read alike.
type partReader struct {
	name string
	s    *xmlScanner
}

// openPart reads a part into memory (or takes what the caller inflated already) for scanning.
func (wb *Workbook) openPart(zf *zip.File, name string) (*partReader, error) {
	data, ok := wb.inflated[zf]
	if !ok {
		if zf.UncompressedSize64 > maxPartSize {
			return nil, fmt.Errorf("部件 %s 过大（%d 字节）", name, zf.UncompressedSize64)
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, fmt.Errorf("无法读取部件 %s（%v）", name, err)
		}
		b := bytes.NewBuffer(make([]byte, 0, zf.UncompressedSize64))
		_, err = b.ReadFrom(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("无法读取部件 %s（%v）", name, err)
		}
		data = b.Bytes()
	}
	s, err := newScanner(data)
	if err != nil {
		return nil, (&partReader{name: name}).bad(err)
	}
	return &partReader{name: name, s: s}, nil
}

// next returns the next start tag, end tag or text; io.EOF at the end of the part.
func (p *partReader) next() (*xmlToken, error) {
	t, err := p.s.next()
	if err != nil {
		if err == errScanEOF {
			return nil, io.EOF
		}
		return nil, p.bad(err)
	}
	return t, nil
}

// bad describes a part that is not well-formed XML (an undefined entity, a broken tag, a part cut short).
func (p *partReader) bad(err error) error {
	var se *syntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("部件 %s 不是有效的 XML（%v）", p.name, se)
	}
	return fmt.Errorf("部件 %s 无法读取（%v）", p.name, err)
}

// text reads the character data of the element just started, up to its end, skipping the text of any
// element nested in it.
func (p *partReader) text() (string, error) {
	var b strings.Builder
	depth := 0
	for {
		t, err := p.next()
		if err != nil {
			return "", err
		}
		switch t.kind {
		case xmlStart:
			depth++
		case xmlEnd:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		case xmlText:
			if depth == 0 {
				b.Write(t.text)
			}
		}
	}
}

// skip reads past the end of the element just started.
func (p *partReader) skip() error {
	for depth := len(p.s.open); ; {
		if _, err := p.next(); err != nil {
			return err
		}
		if len(p.s.open) < depth {
			return nil
		}
	}
}

// boolAttr reads an xsd:boolean attribute ("1", "true", "0", "false"); def when missing or malformed.
func boolAttr(t *xmlToken, local string, def bool) bool {
	v, ok := t.attr(local)
	if !ok {
		return def
	}
	b, err := strconv.ParseBool(strings.TrimSpace(v))
	if err != nil {
		return def
	}
	return b
}
