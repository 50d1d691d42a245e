package xlsx

import (
	"bufio"
	"bytes"
	"io"
)

// maxXMLDepth bounds how deeply the elements of a workbook part may nest. Real parts nest less than ten
// levels (worksheet → sheetData → row → c → is → r → t); the XML decoder's cost grows with the depth, so a
// 50 KB workbook of millions of nested elements took 10 s and 900 MB to read before this limit.
const maxXMLDepth = 64

// xmlDepth returns the deepest element nesting in an XML stream, stopping as soon as it exceeds limit.
// It is a scanner, not a parser: comments, CDATA sections, processing instructions, declarations and
// quoted attribute values are skipped, self-closing tags do not nest.
func xmlDepth(r io.Reader, limit int) (int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	depth, deepest := 0, 0
	skipTo := func(end []byte) error {
		// Read until end has been seen (end is short: "-->", "]]>", "?>", ">").
		matched := 0
		for {
			c, err := br.ReadByte()
			if err != nil {
				return err
			}
			switch {
			case c == end[matched]:
				matched++
				if matched == len(end) {
					return nil
				}
			case c == end[0]:
				matched = 1
			default:
				matched = 0
			}
		}
	}
	for {
		if _, err := br.ReadSlice('<'); err != nil {
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				return deepest, nil
			}
			return deepest, err
		}
		c, err := br.ReadByte()
		if err != nil {
			return deepest, nil
		}
		switch c {
		case '/':
			if err := skipTo([]byte(">")); err != nil {
				return deepest, nil
			}
			if depth > 0 {
				depth--
			}
			continue
		case '?':
			if err := skipTo([]byte("?>")); err != nil {
				return deepest, nil
			}
			continue
		case '!':
			head, _ := br.Peek(7)
			var err error
			switch {
			case bytes.HasPrefix(head, []byte("--")):
				br.Discard(2)
				err = skipTo([]byte("-->"))
			case bytes.HasPrefix(head, []byte("[CDATA[")):
				br.Discard(7)
				err = skipTo([]byte("]]>"))
			default:
				err = skipTo([]byte(">"))
			}
			if err != nil {
				return deepest, nil
			}
			continue
		}
		// An opening tag: read to its '>' outside quotes; "/>" closes it at once.
		var quote, last byte
		for {
			c, err = br.ReadByte()
			if err != nil {
				return deepest, nil
			}
			if quote != 0 {
				if c == quote {
					quote = 0
				}
				continue
			}
			if c == '"' || c == '\'' {
				quote = c
				continue
			}
			if c == '>' {
				break
			}
			last = c
		}
		if last == '/' {
			continue
		}
		depth++
		if depth > deepest {
			deepest = depth
			if deepest > limit {
				return deepest, nil
			}
		}
	}
}

// utf16Part reports an XML part written in UTF-16 (a byte order mark, or "<" as two bytes with a zero),
// which the depth scan would misread as endless nesting.
func utf16Part(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) ||
		bytes.HasPrefix(b, []byte{'<', 0}) || bytes.HasPrefix(b, []byte{0, '<'})
}
