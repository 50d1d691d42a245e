package pdf

import (
	"strings"
	"testing"

	"github.com/nianbao/nianbao/fonts"
)

// The bundled body font maps “ ” ‘ ’ — … to full-width (1 em) glyphs, so quotes in body text take a grid cell.
func TestBundledBodyFullWidthPunctuation(t *testing.T) {
	fs := newFaceSet(testFonts(t))
	fi := fs.get(fonts.Body)
	if fi == nil {
		t.Fatal(fs.err)
	}
	if fi.face.Family != "Report Fangsong SC Regular" {
		t.Fatalf("body face %s, want the bundled 朱雀仿宋 subset", fi.face.Family)
	}
	for _, r := range "“”‘’—…、。，中" {
		if !fi.m.has(r) || fi.m.advance(r) != 1 {
			t.Errorf("%c: has %v, advance %.3f em, want 1 em", r, fi.m.has(r), fi.m.advance(r))
		}
	}
}

// Characters 朱雀仿宋 lacks are drawn from the fallback face, one by one, in the written PDF too.
func TestBodyFallbackPerCharacter(t *testing.T) {
	r := handReport()
	r.Preamble = []string{"温度①达到25℃，编号Ⅻ与全角０，其余为仿宋。"}
	d, err := Layout(r, Options{Fonts: testFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	byRole := map[fonts.Role]string{}
	for _, tx := range d.Pages[0].Texts {
		if tx.Part == PartBody {
			byRole[tx.Role] += tx.Text
		}
	}
	fb := fonts.Body + fallbackSuffix
	for _, ch := range "①℃Ⅻ０" {
		if !strings.ContainsRune(byRole[fb], ch) {
			t.Errorf("%c not drawn with the fallback face (fallback drew %q)", ch, byRole[fb])
		}
	}
	if strings.ContainsAny(byRole[fb], "温度达到编号其余为仿宋") || !strings.Contains(byRole[fonts.Body], "温度") {
		t.Errorf("body text drawn with the fallback: body %q, fallback %q", byRole[fonts.Body], byRole[fb])
	}
	var b strings.Builder
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "ReportSerifSC-Light") || !strings.Contains(b.String(), "ReportFangsongSC-Regular") {
		t.Error("the PDF does not embed both the body font and its fallback")
	}
}
