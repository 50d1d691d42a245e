package pdf

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// typocheckResult holds the typocheck.py measures the tests assert.
type typocheckResult struct {
	BodySize     float64  `json:"body_size"`
	CharPitch    *float64 `json:"char_pitch"`
	FullLineCJK  *float64 `json:"full_line_cjk"`
	LinePitch    *float64 `json:"line_pitch"`
	BadStarts    int      `json:"bad_starts"`
	BadEnds      int      `json:"bad_ends"`
	SplitNumbers int      `json:"split_numbers"`
	Examples     any      `json:"examples"`
}

// Every example and the stress input (nine-digit counts, phones, URLs, dashes, long names and title),
// measured from the written PDF by tools/typocheck/typocheck.py: no line starts with a 避头 mark or ends
// with a 避尾 mark, no number is split, full lines hold 28 characters at the 15.79 pt pitch in the bundled
// 朱雀仿宋. Needs Debian's python3-pdfminer (skipped without it, a failure under CI).
func TestTypocheckExamplesAndStress(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import pdfminer").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s cannot import pdfminer (CI installs Debian python3-pdfminer): %v", py, err)
		}
		t.Skipf("%s cannot import pdfminer (Debian python3-pdfminer)", py)
	}
	dir := t.TempDir()
	for _, f := range append(exampleFiles(t), filepath.Join("testdata", "stress.toml")) {
		name := filepath.Base(f)
		r := loadExample(t, f)
		d, err := Layout(r, Options{Fonts: testFonts(t)})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := d.Write(&b); err != nil {
			t.Fatal(err)
		}
		pdf := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(pdf, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, "../../tools/typocheck/typocheck.py", pdf, "--json").Output()
		if err != nil {
			t.Fatalf("%s: typocheck: %v", name, err)
		}
		var m typocheckResult
		if err := json.Unmarshal(out, &m); err != nil {
			t.Fatalf("%s: typocheck output %q: %v", name, out, err)
		}
		if m.BadStarts != 0 || m.BadEnds != 0 || m.SplitNumbers != 0 {
			t.Errorf("%s: bad_starts %d, bad_ends %d, split_numbers %d: %v", name, m.BadStarts, m.BadEnds, m.SplitNumbers, m.Examples)
		}
		if m.BodySize != 16 {
			t.Errorf("%s: body size %v, want 16", name, m.BodySize)
		}
		if m.CharPitch == nil || *m.CharPitch != 15.79 {
			t.Errorf("%s: char_pitch %v, want 15.79", name, deref(m.CharPitch))
		}
		if m.FullLineCJK == nil || *m.FullLineCJK != 28 {
			t.Errorf("%s: full_line_cjk %v, want 28", name, deref(m.FullLineCJK))
		}
		if m.LinePitch == nil || *m.LinePitch < 28.94 || *m.LinePitch > 29.04 {
			t.Errorf("%s: line_pitch %v, want 28.99", name, deref(m.LinePitch))
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
