package sml

import (
	"archive/zip"
	"bytes"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// hostileTexts are texts a report may carry into a cell: markup, CDATA ends, entities, controls, the escapes
// of ST_Xstring written literally, emoji, white space at the ends and inside.
var hostileTexts = []struct{ in, want string }{
	{"a & b < c > d \"e\" 'f'", "a & b < c > d \"e\" 'f'"},
	{"]]><![CDATA[x]]>", "]]><![CDATA[x]]>"},
	{"&amp; &#x41; &lt;", "&amp; &#x41; &lt;"},
	{"nul\x00bell\x07esc\x1b.", "nulbellesc."},
	{"bad\xffutf8\xc3(", "badutf8("},
	{"\uFFFE\uFFFF\uFFFD", "\uFFFD"},
	{"emoji 😀👨‍👩‍👧 中文", "emoji 😀👨‍👩‍👧 中文"},
	{"  two leading, one trailing ", "  two leading, one trailing "},
	{"\ttab\tinside\t", "\ttab\tinside\t"},
	{"line\nbreak\r\nand cr\r", "line\nbreak\r\nand cr\r"},
	{"\n", "\n"},
	{"_x0041_ _x000D_ _x005F_ _x005F_x0041_ _xD800_ _xabcd_ _x12_ __x0041__", "_x0041_ _x000D_ _x005F_ _x005F_x0041_ _xD800_ _xabcd_ _x12_ __x0041__"},
	{"   ", "   "},
	{"=SUM(A1:A3)", "=SUM(A1:A3)"},
}

// TestWriteHostileText: excelize reads every hostileTexts text back as written, less the characters XML forbids.
func TestWriteHostileText(t *testing.T) {
	b := NewBook()
	b.Title = "标题\x01 & ]]> 😀"
	s, err := b.AddSheet("文本")
	bookMust(t, err)
	for i, h := range hostileTexts {
		bookMust(t, s.SetString(CellName(1, i+1, false), h.in))
		bookMust(t, s.SetString(CellName(2, i+1, false), h.in)) // the same text twice: one shared string
	}
	bookMust(t, s.AddValidation(Validation{Ranges: "C1", Type: "whole", Operator: "between", Formula1: "0", Formula2: "1",
		ErrorStyle: "stop", ErrorTitle: "a&b<c>\"d\"", Error: "line\nbreak\ttab & \"quote\" <x> ]]>"}))
	bookMust(t, s.SetString("D1", "相符 & <x>"))
	bookMust(t, s.SetFormula("D1", `IF(A1="<&>","相符 & <x>","不符")`))
	f, data := bookWritten(t, b)
	for i, h := range hostileTexts {
		for col := 1; col <= 2; col++ {
			got, err := f.GetCellValue("文本", CellName(col, i+1, false))
			bookMust(t, err)
			if got != h.want {
				t.Errorf("%q read back as %q, want %q", h.in, got, h.want)
			}
		}
	}
	dvs, err := f.GetDataValidations("文本")
	bookMust(t, err)
	if len(dvs) != 1 || *dvs[0].ErrorTitle != "a&b<c>\"d\"" || *dvs[0].Error != "line\nbreak\ttab & \"quote\" <x> ]]>" {
		t.Errorf("validation texts %q %q", *dvs[0].ErrorTitle, *dvs[0].Error)
	}
	if v, _ := f.GetCellValue("文本", "D1"); v != "相符 & <x>" {
		t.Errorf("cached result %q", v)
	}
	if fo, _ := f.GetCellFormula("文本", "D1"); fo != `IF(A1="<&>","相符 & <x>","不符")` {
		t.Errorf("formula %q", fo)
	}
	if dp, _ := f.GetDocProps(); dp.Title != "标题 & ]]> 😀" {
		t.Errorf("title %q", dp.Title)
	}
	sst := bookPart(t, data, "xl/sharedStrings.xml")
	if n := strings.Count(sst, "<si>"); n != len(hostileTexts) {
		t.Errorf("%d shared strings for %d texts", n, len(hostileTexts))
	}
	for _, want := range []string{`<t xml:space="preserve">  two leading`, `<t xml:space="preserve">line`, `<t>emoji`, `&#xD;`,
		`_x005F_x0041_`, `_x005F_x005F_x005F_x0041_`, `__x005F_x0041__`, `_x005F_xD800_`, `_x12_`} {
		if !strings.Contains(sst, want) {
			t.Errorf("shared strings lack %s", want)
		}
	}
}

// TestWriteRandomText: random texts built from the troublesome pieces read back through excelize as written
// (less forbidden characters).
func TestWriteRandomText(t *testing.T) {
	pieces := []string{"_", "x", "0", "5", "F", "A", "_x", "_x005F_", "_x0041_", "_x000D_", "\r", "\n", "\t", " ", "&", "<",
		">", "\"", "'", "]]>", "\x00", "\x01", "\uFFFE", "😀", "中", "\xff", "&#x41;"}
	rng := rand.New(rand.NewSource(17))
	b := NewBook()
	s, err := b.AddSheet("随机")
	bookMust(t, err)
	var want []string
	for i := range 400 {
		var sb strings.Builder
		for range 1 + rng.Intn(12) {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		bookMust(t, s.SetString(CellName(1, i+1, false), sb.String()))
		want = append(want, clipCellText(sb.String()))
	}
	f, _ := bookWritten(t, b)
	for i, w := range want {
		got, err := f.GetCellValue("随机", CellName(1, i+1, false))
		bookMust(t, err)
		if got != w {
			t.Errorf("row %d: read back %q, want %q", i+1, got, w)
		}
	}
}

// TestWriteLongText: text past 32767 UTF-16 units is cut there, never inside a character, as excelize cuts it.
func TestWriteLongText(t *testing.T) {
	long := strings.Repeat("中", 40000)
	emoji := strings.Repeat("a", MaxCellChars-1) + "😀tail" // the emoji would straddle the limit
	exact := strings.Repeat("b", MaxCellChars)
	b := NewBook()
	s, err := b.AddSheet("长文本")
	bookMust(t, err)
	for i, v := range []string{long, emoji, exact} {
		bookMust(t, s.SetString(CellName(1, i+1, false), v))
	}
	f, _ := bookWritten(t, b)
	for i, want := range []string{strings.Repeat("中", MaxCellChars), strings.Repeat("a", MaxCellChars-1), exact} {
		got, err := f.GetCellValue("长文本", CellName(1, i+1, false))
		bookMust(t, err)
		if got != want {
			t.Errorf("row %d: %d characters read back, want %d", i+1, len([]rune(got)), len([]rune(want)))
		}
		if n := len(utf16.Encode([]rune(got))); n > MaxCellChars {
			t.Errorf("row %d: %d UTF-16 units", i+1, n)
		}
	}
	// excelize, writing the same texts, cuts them at the same places.
	x := excelize.NewFile()
	defer x.Close()
	for i, v := range []string{long, emoji, exact} {
		bookMust(t, x.SetCellStr("Sheet1", CellName(1, i+1, false), v))
		ours, _ := f.GetCellValue("长文本", CellName(1, i+1, false))
		theirs, _ := x.GetCellValue("Sheet1", CellName(1, i+1, false))
		if ours != theirs {
			t.Errorf("row %d: we keep %d characters, excelize %d", i+1, len([]rune(ours)), len([]rune(theirs)))
		}
	}
}

// TestWriteHostileSchemaValid validates the SpreadsheetML parts of a workbook full of hostileTexts text against the
// vendored ECMA-376 schemas.
func TestWriteHostileSchemaValid(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is not installed (CI installs libxml2-utils)")
		}
		t.Skip("xmllint is not installed")
	}
	b := bookSample(t)
	s, err := b.AddSheet("文本")
	bookMust(t, err)
	for i, h := range hostileTexts {
		bookMust(t, s.SetString(CellName(1, i+1, false), h.in))
	}
	bookMust(t, s.SetString("B1", "x"))
	bookMust(t, s.SetFormula("B1", `"<&>"&"]]>"`))
	_, data := bookWritten(t, b)
	xsd, err := filepath.Abs("../../testdata/ooxml-xsd")
	bookMust(t, err)
	dir := t.TempDir()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	bookMust(t, err)
	for _, zf := range zr.File {
		schema := ""
		switch {
		case strings.HasSuffix(zf.Name, ".rels"):
			schema = "opc-xsd/opc-relationships.xsd"
		case zf.Name == "[Content_Types].xml":
			schema = "opc-xsd/opc-contentTypes.xsd"
		case strings.HasPrefix(zf.Name, "xl/theme/"):
			schema = "dml-main.xsd"
		case strings.HasPrefix(zf.Name, "xl/"):
			schema = "sml.xsd"
		default:
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(zf.Name))
		bookMust(t, os.MkdirAll(filepath.Dir(p), 0o755))
		// ECMA-376's schema does not declare xml:space on t (a simple ST_Xstring); Excel writes it.
		body := strings.ReplaceAll(bookPart(t, data, zf.Name), `<t xml:space="preserve">`, `<t>`)
		bookMust(t, os.WriteFile(p, []byte(body), 0o644))
		if out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join(xsd, schema), p).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", zf.Name, err, out)
		}
	}
}

// bookPart returns the text of one part of a package.
func bookPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	bookMust(t, err)
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			bookMust(t, err)
			defer rc.Close()
			body, err := io.ReadAll(rc)
			bookMust(t, err)
			return string(body)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}
