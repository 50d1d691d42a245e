package docx

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
)

// pyDoc is what testdata/pydocx_read.py prints: python-docx's reading of a DOCX.
type pyDoc struct {
	Paragraphs []struct {
		Style []string // the paragraph's style and the styles it is based on
		Text  string
		Runs  []struct {
			Text  string
			Size  *float64 // direct size, pt
			East  *string  // direct East Asian font
			Style *string  // character style
		}
	}
	Styles map[string]struct {
		Base  []string
		Size  *float64
		East  *string
		ASCII *string
	}
	Tables [][][]string
}

// readPyDocx runs python-docx on a DOCX.
func readPyDocx(t *testing.T, py string, data []byte) pyDoc {
	t.Helper()
	f := filepath.Join(t.TempDir(), "r.docx")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "testdata/pydocx_read.py", f).Output()
	if err != nil {
		t.Fatalf("python-docx cannot read the DOCX: %v", err)
	}
	var d pyDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("pydocx_read.py output: %v", err)
	}
	return d
}

// styleValue returns the first size (or East Asian font) along a style chain as python-docx reads it.
func (d pyDoc) styleSize(chain []string) float64 {
	for _, s := range chain {
		if v := d.Styles[s].Size; v != nil {
			return *v
		}
	}
	return 0
}

func (d pyDoc) styleEast(chain []string) string {
	for _, s := range chain {
		if v := d.Styles[s].East; v != nil {
			return *v
		}
	}
	return ""
}

// TestPythonDocxReads reads the DOCX, and the same DOCX after editLikeWord, with python-docx (a second
// reader, Debian python3-docx): headings are based on Heading 1/Heading 2, no body run carries a direct
// font or size, the fonts and sizes come from the styles, the vertical label is one cell text, and the
// edits show: the new row, and 公文正文 in its new font.
func TestPythonDocxReads(t *testing.T) {
	py := needPython(t, "docx", "python3-docx")
	for _, f := range formats {
		r := sampleReport(f)
		_, data := renderDOCX(t, r, Options{})
		for _, edited := range []bool{false, true} {
			if edited {
				data = editLikeWord(t, data)
			}
			d := readPyDocx(t, py, data)
			name := string(f)
			if edited {
				name += " edited"
			}
			bodyFont := fontBody
			if edited {
				bodyFont = editBodyFont
			}
			heads := map[string]render.Kind{}
			for _, bl := range render.Blocks(r) {
				if bl.Kind == render.Heading1 || bl.Kind == render.Heading2 {
					heads[bl.Text] = bl.Kind
				}
			}
			seen := 0
			for _, p := range d.Paragraphs {
				chain := strings.Join(p.Style, " ← ")
				if k, ok := heads[p.Text]; ok {
					seen++
					want := map[render.Kind]string{render.Heading1: "Heading 1", render.Heading2: "Heading 2"}[k]
					if !strings.Contains(chain, want) {
						t.Errorf("%s: heading %s in %s, not based on %s", name, p.Text, chain, want)
					}
				}
				for _, run := range p.Runs {
					if run.Size != nil || run.East != nil {
						t.Errorf("%s: run %q carries a direct size or font", name, run.Text)
					}
				}
				if p.Style[0] == "公文正文" && d.styleEast(p.Style) != bodyFont {
					t.Errorf("%s: body paragraph in %s, want %s", name, d.styleEast(p.Style), bodyFont)
				}
				if p.Style[0] == "公文正文" && d.styleSize(p.Style) != 16 {
					t.Errorf("%s: body paragraph %.1f pt, want 16", name, d.styleSize(p.Style))
				}
			}
			if seen != len(heads) {
				t.Errorf("%s: python-docx found %d of %d headings", name, seen, len(heads))
			}
			if len(d.Tables) != 3 {
				t.Fatalf("%s: python-docx reads %d tables", name, len(d.Tables))
			}
			_, lt3, _ := r.Tables()
			rows := len(lt3.Rows)
			if edited {
				rows++
			}
			if len(d.Tables[1]) != rows {
				t.Errorf("%s: table 三 has %d rows in python-docx, want %d", name, len(d.Tables[1]), rows)
			}
			label := 0
			for _, row := range d.Tables[1] {
				if len(row) > 0 && row[0] == "三、本年度办理结果" {
					label++
				}
			}
			if want := map[layouts.Format]int{layouts.F2019: 20, layouts.F2021: 22}[f]; label != want+btoi(edited) {
				t.Errorf("%s: the vertical label covers %d rows in python-docx, want %d", name, label, want+btoi(edited))
			}
			for style, want := range map[string]float64{"表格文字": 12, "表格文字（小五）": 9, "表格注释": 9} {
				if got := d.styleSize(append([]string{style}, d.Styles[style].Base...)); got != want {
					t.Errorf("%s: style %s is %.1f pt, want %.1f", name, style, got, want)
				}
			}
		}
	}
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
