package sml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// scanTokens lists the tokens of the scanner: "<name a=v>", "</name>", text; or the error.
func scanTokens(data []byte) ([]string, error) {
	s, err := newScanner(data)
	if err != nil {
		return nil, err
	}
	var out []string
	for {
		t, err := s.next()
		if err == errScanEOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t.kind {
		case xmlStart:
			tag := "<" + string(t.name)
			for _, a := range t.attrs {
				tag += " " + string(a.name) + "=" + attrValue(a.value)
			}
			out = append(out, tag+">")
		case xmlEnd:
			out = append(out, "</"+string(t.name)+">")
		case xmlText:
			out = append(out, string(t.text))
		}
	}
}

// stdTokens lists the tokens encoding/xml reads, in the same form.
func stdTokens(data []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if l := strings.ToLower(label); l == "us-ascii" || l == "ascii" || l == "utf8" {
			return r, nil
		}
		return nil, fmt.Errorf("charset %q", label)
	}
	var out []string
	var open []string
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(open) > 0 {
				return out, fmt.Errorf("unclosed")
			}
			return out, nil
		}
		if err != nil {
			return out, err
		}
		name := func(n xml.Name) string {
			if n.Space != "" {
				return n.Space + ":" + n.Local
			}
			return n.Local
		}
		switch t := tok.(type) {
		case xml.StartElement:
			tag := "<" + name(t.Name)
			for _, a := range t.Attr {
				tag += " " + name(a.Name) + "=" + a.Value
			}
			out = append(out, tag+">")
			open = append(open, name(t.Name))
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != name(t.Name) {
				return out, fmt.Errorf("mismatch")
			}
			open = open[:len(open)-1]
			out = append(out, "</"+name(t.Name)+">")
		case xml.CharData:
			out = append(out, string(t))
		}
	}
}

// TestScannerMatchesEncodingXML: the scanner reads what encoding/xml reads, token for token.
func TestScannerMatchesEncodingXML(t *testing.T) {
	for _, in := range scannerSeeds {
		checkScanner(t, []byte(in))
	}
	for in, want := range map[string]string{
		`<a>&lol;</a>`: "invalid character entity &lol;",
		`<a><b></a>`:   "unexpected end element </a>",
		`<a b="<"/>`:   "unescaped < inside quoted string",
		`<a b=c/>`:     "unquoted or missing attribute value",
		"<a>\x01</a>":  "illegal character code U+0001",
		"<a>\xff</a>":  "invalid UTF-8",
		`<a>`:          "unexpected EOF",
		`<a/><b/>`:     "a second root element",
		`<a>&#0;</a>`:  "invalid character entity &#0;",
		`<?xml version="1.0" encoding="GB2312"?><a/>`: `不支持的字符编码 "GB2312"`,
	} {
		if _, err := scanTokens([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
}

var scannerSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<x:a xmlns:x="u" r:id='1'><b c="&amp;&lt;&#x41;&#66;"/>t&gt;<![CDATA[<&>]]><!-- c --><?pi x?></x:a>`,
	"<a>\r\nline\rnext&#13;&#xD;\n</a>",
	`<!DOCTYPE a [<!ENTITY e "x">]><a>text</a>`,
	"\xef\xbb\xbf<a/>",
	`<a b = "1" c='2'  >  </a  >`,
	`<sst><si><t xml:space="preserve"> x </t></si></sst>`,
}

// checkScanner compares the scanner with encoding/xml on one input: where encoding/xml accepts, the
// scanner gives the same tokens, or refuses what encoding/xml lets pass and the scanner does not read
// (a second root element, a control character in a comment, a character reference to a character XML
// forbids).
func checkScanner(t *testing.T, data []byte) {
	got, err := scanTokens(data)
	want, werr := stdTokens(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) // encoding/xml reads a BOM as text
	if err == nil && werr != nil {
		t.Fatalf("%q: scanner accepts %q, encoding/xml refuses: %v", data, got, werr)
	}
	if err == nil && strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Fatalf("%q:\n scanner      %q\n encoding/xml %q", data, got, want)
	}
}

func FuzzScanner(f *testing.F) {
	for _, s := range scannerSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		checkScanner(t, data)
	})
}
