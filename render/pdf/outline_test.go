package pdf

import (
	"bytes"
	"encoding/hex"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/nianbao/nianbao/render"
)

var titleRe = regexp.MustCompile(`/Title <FEFF([0-9A-F]*)> /Parent`)

// outlineTitles decodes the bookmark titles of a written PDF, in file order (depth first).
func outlineTitles(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, m := range titleRe.FindAllSubmatch(pdf, -1) {
		raw, err := hex.DecodeString(string(m[1]))
		if err != nil || len(raw)%2 != 0 {
			t.Fatalf("bad title string %s", m[1])
		}
		u := make([]uint16, len(raw)/2)
		for i := range u {
			u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
		}
		out = append(out, string(utf16.Decode(u)))
	}
	return out
}

// Every heading of every example — 一、 headings, （一） headings on their own line and run-in leads — is a
// bookmark, in reading order, nested under its 一、 heading.
func TestOutline(t *testing.T) {
	for _, f := range exampleFiles(t) {
		r := loadExample(t, f)
		d, err := Layout(r, Options{Fonts: testFonts(t)})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := d.Write(&buf); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, b := range render.Blocks(r) {
			switch {
			case b.Kind == render.Heading1 || b.Kind == render.Heading2:
				want = append(want, b.Text)
			case b.Lead != "":
				want = append(want, strings.TrimRight(b.Lead, "。：:"))
			}
		}
		got := outlineTitles(t, buf.Bytes())
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: outline\n got  %v\n want %v", f, got, want)
		}
		if !bytes.Contains(buf.Bytes(), []byte("/PageMode /UseOutlines")) {
			t.Errorf("%s: the outline is not shown on opening", f)
		}
		if n := bytes.Count(buf.Bytes(), []byte("/Type /Outlines /First")); n != 1 {
			t.Errorf("%s: %d outline roots", f, n)
		}
	}
}
