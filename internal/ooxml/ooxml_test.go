package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestEsc(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`a & b < c > d "e"`, `a &amp; b &lt; c &gt; d &quot;e&quot;`},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"nul\x00bell\x07\x1f.", "nulbell."},
		{"bad\xffutf8\xc3", "badutf8"},
		{"\uFFFE\uFFFF\uFFFD", "\uFFFD"},
		{"中文😀", "中文😀"},
	} {
		var b Builder
		b.Esc(c.in)
		if b.String() != c.want {
			t.Errorf("Esc(%q) = %q, want %q", c.in, b.String(), c.want)
		}
	}
	var b Builder
	b.S("<a")
	b.Attr("v", "x\"<&\x01")
	b.S("/>")
	var v struct {
		V string `xml:"v,attr"`
	}
	if err := xml.Unmarshal([]byte(b.String()), &v); err != nil || v.V != `x"<&` {
		t.Errorf("%s: %q %v", b.String(), v.V, err)
	}
}

func TestWriteZip(t *testing.T) {
	parts := []Part{{Name: "[Content_Types].xml", Body: "<a/>"}, {Name: "b/c.xml", Body: strings.Repeat("x", 10000)}}
	var one, two bytes.Buffer
	if err := WriteZip(&one, parts); err != nil {
		t.Fatal(err)
	}
	if err := WriteZip(&two, parts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("two writes differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(one.Bytes()), int64(one.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(parts) {
		t.Fatalf("%d entries", len(zr.File))
	}
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name != parts[i].Name || string(body) != parts[i].Body || !f.Modified.Equal(ZipTime) || f.Method != zip.Deflate {
			t.Errorf("entry %d: %s %v %d, %d bytes", i, f.Name, f.Modified, f.Method, len(body))
		}
	}
}

type failAfter struct{ n int }

var errFull = errors.New("disk full")

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n < len(p) {
		return 0, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

func TestWriteZipError(t *testing.T) {
	err := WriteZip(&failAfter{0}, []Part{{Name: "a.xml", Body: strings.Repeat("<a/>", 1<<16)}})
	var pe *PartError
	if !errors.As(err, &pe) || !errors.Is(err, errFull) {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), "disk full") {
		t.Errorf("message %q", err.Error())
	}
}
