package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/nianbao/nianbao/fonts"
)

// parsedPDF is what the tests read back from a written file: its objects by number and the trailer.
type parsedPDF struct {
	objects map[int][]byte // the text between "N 0 obj" and "endobj", streams included
	trailer string
}

var (
	xrefEntry  = regexp.MustCompile(`(?m)^(\d{10}) (\d{5}) ([nf]) $`)
	lengthKey  = regexp.MustCompile(`/Length (\d+)`)
	objectHead = regexp.MustCompile(`^(\d+) 0 obj\n`)
)

// parsePDF checks the file structure (header, xref offsets pointing at their objects, startxref, EOF)
// and returns the objects.
func parsePDF(t *testing.T, b []byte) *parsedPDF {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-1.7\n")) || !bytes.HasSuffix(b, []byte("%%EOF\n")) {
		t.Fatalf("no PDF header or EOF marker")
	}
	i := bytes.LastIndex(b, []byte("startxref\n"))
	if i < 0 {
		t.Fatalf("no startxref")
	}
	rest := strings.Fields(string(b[i+len("startxref\n"):]))
	xref, err := strconv.Atoi(rest[0])
	if err != nil || xref >= len(b) || !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %q does not point at the xref table", rest[0])
	}
	tr := bytes.Index(b[xref:], []byte("trailer\n"))
	if tr < 0 {
		t.Fatalf("no trailer")
	}
	p := &parsedPDF{objects: map[int][]byte{}, trailer: string(b[xref+tr : i])}
	entries := xrefEntry.FindAllSubmatch(b[xref:xref+tr], -1)
	size, _ := strconv.Atoi(strings.Fields(string(b[xref+5:]))[1])
	if len(entries) != size || !strings.Contains(p.trailer, "/Size "+strconv.Itoa(size)+" ") {
		t.Fatalf("xref has %d entries, header says %d; trailer %s", len(entries), size, p.trailer)
	}
	for n, e := range entries[1:] {
		if string(e[3]) != "n" {
			continue
		}
		off, _ := strconv.Atoi(string(e[1]))
		m := objectHead.FindSubmatch(b[off:])
		if m == nil || string(m[1]) != strconv.Itoa(n+1) {
			t.Fatalf("xref entry %d (offset %d) does not point at its object", n+1, off)
		}
		body := b[off+len(m[0]):]
		if s := bytes.Index(body, []byte(">>\nstream\n")); s >= 0 && s < bytes.Index(body, []byte("endobj")) {
			l := lengthKey.FindSubmatch(body[:s])
			ln, _ := strconv.Atoi(string(l[1]))
			end := s + len(">>\nstream\n") + ln
			if !bytes.HasPrefix(body[end:], []byte("\nendstream\nendobj\n")) {
				t.Fatalf("object %d: stream /Length %d does not end at endstream", n+1, ln)
			}
			p.objects[n+1] = body[:end]
			continue
		}
		e := bytes.Index(body, []byte("\nendobj\n"))
		if e < 0 {
			t.Fatalf("object %d has no endobj", n+1)
		}
		p.objects[n+1] = body[:e]
	}
	return p
}

// stream returns the decompressed data of a stream object.
func (p *parsedPDF) stream(t *testing.T, n int) []byte {
	t.Helper()
	o := p.objects[n]
	s := bytes.Index(o, []byte(">>\nstream\n"))
	if s < 0 || !bytes.Contains(o[:s], []byte("/Filter /FlateDecode")) {
		t.Fatalf("object %d is not a Flate stream", n)
	}
	z, err := zlib.NewReader(bytes.NewReader(o[s+len(">>\nstream\n"):]))
	if err != nil {
		t.Fatalf("object %d: %v", n, err)
	}
	d, err := io.ReadAll(z)
	if err != nil {
		t.Fatalf("object %d: %v", n, err)
	}
	return d
}

var refTo = func(key string) *regexp.Regexp { return regexp.MustCompile(key + ` ?(\d+) 0 R`) }

func (p *parsedPDF) ref(t *testing.T, n int, key string) int {
	t.Helper()
	m := refTo(key).FindSubmatch(p.objects[n])
	if m == nil {
		t.Fatalf("object %d has no %s: %s", n, key, p.objects[n])
	}
	v, _ := strconv.Atoi(string(m[1]))
	return v
}

var (
	fontEntry = regexp.MustCompile(`/(F\d+) (\d+) 0 R`)
	bfchar    = regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]+)>`)
	showText  = regexp.MustCompile(`(?:/(F\d+) [0-9.]+ Tf )?(?:-?[0-9.]+ Tc )?(?:-?[0-9.]+ ){2,6}T[dm] <([0-9A-F]*)> Tj ET`)
	subsetTag = regexp.MustCompile(`^/[A-Z]{6}\+[A-Za-z0-9-]+$`)
)

// TestWriteRoundTrip writes a report and reads it back: the file structure holds, every font is an
// embedded, tagged subset with /Identity glyph mapping, and the text of every run, decoded through
// the ToUnicode maps, is the text of the display list, in order.
func TestWriteRoundTrip(t *testing.T) {
	d, err := Layout(handReport(), Options{Fonts: testFonts(t), Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := checkRoundTrip(t, d); n != len(fonts.Roles) {
		t.Errorf("%d fonts embedded, want one per role (%d)", n, len(fonts.Roles))
	}
}

// FuzzWrite writes a one-page display list whose text runs (in two roles, split where a rune falls back
// to another role, as Layout does), metadata and draft flag come from the fuzzer, and reads the file back.
// It exercises the writer alone (FuzzLayout covers the layout), so that it runs hundreds of times a second.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"2023年，本机关认真贯彻落实《条例》要求。", "𠮷\x00\t\n\uE000\uFFFF", "A<>()\\/%", "①℃※○●Ⅻ０Ａ┌─┐", "\u202e\u200b\ufeff"} {
		f.Add(s)
	}
	fs := newFaceSet(testFonts(f))
	f.Fuzz(func(t *testing.T, s string) {
		if fs.err != nil {
			t.Fatal(fs.err)
		}
		d := &Document{Width: 595.28, Height: 841.89, Title: s, Author: s, Subject: s, Creator: s, Draft: len(s)%2 == 0, faces: fs.faces}
		var texts []Text
		y := 100.0
		roles := []fonts.Role{fonts.Title, fonts.Body, fonts.Hei, fonts.Kai, fonts.Song, fonts.Latin}
		// Two base roles per input (chosen by its length), each with the Latin and fallback runs pick gives:
		// every role is reached, and a font subset costs most of the time of one execution.
		for _, base := range []fonts.Role{roles[len(s)%6], roles[(len(s)/6)%6]} {
			var run []rune
			var role fonts.Role
			flush := func() {
				if len(run) > 0 {
					texts = append(texts, Text{X: 80, Y: y, Role: role, Size: 16, Text: string(run), Part: PartBody})
					run = run[:0]
				}
			}
			for _, r := range s {
				if invisible(r) {
					continue
				}
				rr, r2 := fs.pick(base, r)
				if rr != role {
					flush()
					role = rr
				}
				run = append(run, r2)
			}
			flush()
			y += 30
		}
		d.Pages = []Page{{Number: 1, Texts: texts, Rules: []Rule{{X1: 80, Y1: 90, X2: 500, Y2: 90, Width: 1}}}}
		checkRoundTrip(t, d)
	})
}

// checkRoundTrip writes d and reads the file back (see TestWriteRoundTrip); it returns the number of
// fonts embedded.
func checkRoundTrip(t *testing.T, d *Document) int {
	t.Helper()
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	p := parsePDF(t, buf.Bytes())
	rootM, info := refTo("/Root").FindStringSubmatch(p.trailer), refTo("/Info").FindStringSubmatch(p.trailer)
	if rootM == nil || info == nil || !regexp.MustCompile(`/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]`).MatchString(p.trailer) {
		t.Fatalf("trailer lacks /Info or /ID: %s", p.trailer)
	}
	root, _ := strconv.Atoi(rootM[1])
	in, _ := strconv.Atoi(info[1])
	if want := "/Title " + textString(d.Title); d.Title != "" && !bytes.Contains(p.objects[in], []byte(want)) {
		t.Errorf("Info lacks %s: %s", want, p.objects[in])
	}

	// The fonts of the shared resources, by resource name: glyph id → text.
	pagesObj := p.ref(t, root, "/Pages")
	kids := regexp.MustCompile(`(\d+) 0 R`).FindAllStringSubmatch(string(p.objects[pagesObj]), -1)
	if len(kids) != len(d.Pages) {
		t.Fatalf("%d pages written, %d in the display list", len(kids), len(d.Pages))
	}
	first, _ := strconv.Atoi(kids[0][1])
	res := p.ref(t, first, "/Resources")
	uni := map[string]map[string]string{}
	for _, m := range fontEntry.FindAllStringSubmatch(string(p.objects[res]), -1) {
		n, _ := strconv.Atoi(m[2])
		o := string(p.objects[n])
		base := regexp.MustCompile(`/BaseFont (\S+)`).FindStringSubmatch(o)
		if base == nil || !subsetTag.MatchString(base[1]) || !strings.Contains(o, "/Encoding /Identity-H") {
			t.Errorf("font %s: not a tagged Identity-H Type0 font: %s", m[1], o)
		}
		cid := p.objects[p.ref(t, n, "/DescendantFonts \\[")]
		if !bytes.Contains(cid, []byte("/CIDToGIDMap /Identity")) || !bytes.Contains(cid, []byte("/W [0 [")) {
			t.Errorf("font %s: descendant lacks /CIDToGIDMap /Identity or /W: %.200s", m[1], cid)
		}
		desc := p.ref(t, p.ref(t, n, "/DescendantFonts \\["), "/FontDescriptor")
		if !bytes.Contains(p.objects[desc], []byte("/FontName "+base[1]+" ")) ||
			!bytes.Contains(p.objects[desc], []byte("/Ascent 880 /Descent -120")) {
			t.Errorf("font %s: descriptor %s", m[1], p.objects[desc])
		}
		file := p.stream(t, p.ref(t, desc, "/FontFile2"))
		if _, err := parseMetrics(file); err != nil {
			t.Errorf("font %s: embedded file does not parse: %v", m[1], err)
		}
		uni[m[1]] = map[string]string{}
		for _, bf := range bfchar.FindAllStringSubmatch(string(p.stream(t, p.ref(t, n, "/ToUnicode"))), -1) {
			u, _ := hex.DecodeString(bf[2])
			var units []uint16
			for i := 0; i+1 < len(u); i += 2 {
				units = append(units, uint16(u[i])<<8|uint16(u[i+1]))
			}
			uni[m[1]][bf[1]] = string(utf16.Decode(units))
		}
	}

	for i, k := range kids {
		n, _ := strconv.Atoi(k[1])
		content := string(p.stream(t, p.ref(t, n, "/Contents")))
		var got []string
		font := ""
		for _, m := range showText.FindAllStringSubmatch(content, -1) {
			if m[1] != "" {
				font = m[1]
			}
			var s strings.Builder
			for j := 0; j+4 <= len(m[2]); j += 4 {
				s.WriteString(uni[font][m[2][j:j+4]])
			}
			got = append(got, s.String())
		}
		var want []string
		for _, tx := range d.Pages[i].Texts {
			if tx.Text != "" {
				want = append(want, tx.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("page %d: the text read back differs:\n got %q\nwant %q", i+1, got, want)
		}
		if want := len(d.Pages[i].Rules); strings.Count(content, " l S\n") != want {
			t.Errorf("page %d: %d rules drawn, want %d", i+1, strings.Count(content, " l S\n"), want)
		}
	}
	return len(uni)
}

// TestWriteOddDocuments writes display lists layout never makes (no pages, runes outside the BMP or
// missing from the face, NaN positions, a role without a face, a nil document): no panic, a
// well-formed file or the writer's error.
func TestWriteOddDocuments(t *testing.T) {
	base, err := Layout(handReport(), Options{Fonts: testFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	var nilDoc *Document
	if err := nilDoc.Write(io.Discard); err == nil || !strings.Contains(err.Error(), "没有可写出的文档") {
		t.Errorf("nil document: %v", err)
	}

	empty := &Document{Width: base.Width, Height: base.Height, faces: base.faces}
	var b bytes.Buffer
	if err := empty.Write(&b); err != nil {
		t.Fatalf("empty document: %v", err)
	}
	parsePDF(t, b.Bytes())
	if !bytes.Contains(b.Bytes(), []byte("/Count 1 ")) {
		t.Errorf("an empty document should still have one page")
	}

	odd := *base
	odd.Pages = []Page{{Number: 1,
		Texts: []Text{
			{X: 10, Y: 20, Role: fonts.Body, Size: 16, Text: "𠮷\x00\uE000\uFFFF正文"},
			{X: math.NaN(), Y: math.Inf(1), Role: fonts.Latin, Size: math.NaN(), Text: "A", Spacing: math.NaN(), Gray: math.NaN(), Angle: 30},
			{X: 1, Y: 1, Role: fonts.Hei, Size: 12, Text: ""},
		},
		Rules: []Rule{{X1: math.NaN(), Y1: 1, X2: 2, Y2: 3, Width: math.Inf(-1)}},
	}}
	b.Reset()
	if err := odd.Write(&b); err != nil {
		t.Fatalf("odd document: %v", err)
	}
	p := parsePDF(t, b.Bytes())
	pages := p.ref(t, p.ref(t, 1, "/Pages"), "/Kids \\[")
	content := p.stream(t, p.ref(t, pages, "/Contents"))
	if bytes.Contains(content, []byte("NaN")) || bytes.Contains(content, []byte("Inf")) {
		t.Errorf("the content stream holds NaN or Inf: %s", content)
	}
	if !bytes.Contains(content, []byte("<0000")) {
		t.Errorf("runes the face lacks should draw glyph 0: %s", content)
	}

	missing := *base
	missing.faces = nil
	if err := missing.Write(io.Discard); err == nil || !strings.Contains(err.Error(), "字体没有载入") {
		t.Errorf("document without faces: %v", err)
	}
}

// TestAppendNum checks the number format of the content streams.
func TestAppendNum(t *testing.T) {
	for _, c := range []struct {
		v    float64
		prec int
		want string
	}{{1, 2, "1"}, {1.5, 2, "1.5"}, {-0.001, 2, "0"}, {595.2756, 2, "595.28"}, {0.10894, 4, "0.1089"},
		{-12.5, 3, "-12.5"}, {math.NaN(), 2, "0"}, {100, 0, "100"}} {
		if got := string(appendNum(nil, c.v, c.prec)); got != c.want {
			t.Errorf("appendNum(%v, %d) = %q, want %q", c.v, c.prec, got, c.want)
		}
	}
}
