package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

func renderBytes(t testing.TB, r *report.Report, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(r, &b, o); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	r := handReport()
	o := Options{Fonts: testFonts(t), Version: "1.0", Draft: true}
	a, b := renderBytes(t, r, o), renderBytes(t, r, o)
	if !bytes.Equal(a, b) {
		t.Fatalf("two renders of the same report differ (%d and %d bytes)", len(a), len(b))
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatalf("output does not start with %%PDF-")
	}
	for _, s := range []string{"D:20240120", "/Creator", "/Producer"} {
		if !bytes.Contains(a, []byte(s)) {
			t.Errorf("PDF lacks %s", s)
		}
	}
}

// squeeze removes all white space, so text can be compared across line breaks and justification.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var pageNumber = regexp.MustCompile(`—[0-9]+—`)

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not installed (CI installs poppler-utils)", name)
		}
		t.Skipf("%s not installed (poppler-utils)", name)
	}
	return p
}

// TestPopplerExamples renders every example and checks with poppler that the text extracts (every
// paragraph, every table label and number), that the fonts are embedded and that the metadata is set.
func TestPopplerExamples(t *testing.T) {
	pdftotext, pdffonts, pdfinfo := tool(t, "pdftotext"), tool(t, "pdffonts"), tool(t, "pdfinfo")
	dir := t.TempDir()
	files := exampleFiles(t)
	for _, f := range files {
		r := loadExample(t, f)
		out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".toml")+".pdf")
		if err := os.WriteFile(out, renderBytes(t, r, Options{Fonts: testFonts(t), Version: "test"}), 0o644); err != nil {
			t.Fatal(err)
		}
		raw, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", out, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", out, err)
		}
		// Page numbers "— N —" come between the parts of a paragraph that crosses a page.
		text := pageNumber.ReplaceAllString(squeeze(string(raw)), "")
		for _, b := range render.Blocks(r) {
			if b.Kind == render.Table {
				for _, c := range b.Table.Cells {
					want := c.Text
					if c.Key != "" {
						want = r.CellText(c.Key)
					}
					if !strings.Contains(text, squeeze(want)) {
						t.Errorf("%s: %s cell %q not in the extracted text", filepath.Base(f), b.Table.Name, want)
					}
				}
				// The numbers of each row extract together and in column order.
				rows := map[int]string{}
				for _, c := range b.Table.Cells {
					if c.Key != "" {
						rows[c.Row] += r.CellText(c.Key)
					}
				}
				for row, nums := range rows {
					if !strings.Contains(text, squeeze(nums)) {
						t.Errorf("%s: %s row %d numbers %q not in the extracted text", filepath.Base(f), b.Table.Name, row, nums)
					}
				}
				continue
			}
			if want := squeeze(expectedText(b)); !strings.Contains(text, want) {
				t.Errorf("%s: %s not in the extracted text:\n%s", filepath.Base(f), b.Where, want)
			}
		}
		fo, err := exec.Command(pdffonts, out).Output()
		if err != nil {
			t.Fatalf("pdffonts: %v", err)
		}
		lines := strings.Split(strings.TrimSpace(string(fo)), "\n")
		if len(lines) < 3+4 {
			t.Errorf("%s: pdffonts lists %d fonts, want at least 4:\n%s", filepath.Base(f), len(lines)-2, fo)
		}
		for _, l := range lines[2:] {
			fields := strings.Fields(l)
			if len(fields) < 7 || fields[len(fields)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", filepath.Base(f), l)
			}
		}
		info, err := exec.Command(pdfinfo, out).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		for _, want := range []string{"Title:" + r.Title, "Author:" + r.Agency, "Creator:nianbaotest", "Pagesize:595.28x841.89pts(A4)"} {
			if !strings.Contains(squeeze(string(info)), want) {
				t.Errorf("%s: pdfinfo lacks %q:\n%s", filepath.Base(f), want, info)
			}
		}
	}
}

// TestConcurrentRenders renders in parallel goroutines (the faces and their metrics are shared) and
// expects the same bytes as a render alone.
func TestConcurrentRenders(t *testing.T) {
	r := handReport()
	o := Options{Fonts: testFonts(t), Version: "1.0"}
	want := renderBytes(t, r, o)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var b bytes.Buffer
			if err := Render(handReport(), &b, o); err != nil {
				errs <- err
				return
			}
			if !bytes.Equal(b.Bytes(), want) {
				errs <- fmt.Errorf("a concurrent render differs from the single one")
				return
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
