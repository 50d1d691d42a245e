package pdf

import (
	"math"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/report"
)

// "——" is one unbroken two-character rule in every role: in the bundled body font its glyphs fill their
// boxes and sit exactly one grid cell apart; in the title font (Noto, 0.88 em dash) a rule covers both.
// Quotes in the 楷体 role are full-width (drawn from the body face, 1 em), not LXGW's 0.35 em Latin quotes.
func TestDashesAndQuotesFullWidth(t *testing.T) {
	r := handReport()
	r.Title = "测试局——2023年政府信息公开工作年度报告"
	r.Preamble = []string{"全年公开——重点领域信息；“政策”解读……有序推进。"}
	r.Overview.Sections = []report.SubSection{{Title: "“放管服”改革", RunIn: true, Paragraphs: []string{"正文。"}}}
	d, err := Layout(r, Options{Fonts: testFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Pages[0]
	var titleDash, bodyDash bool
	for _, ln := range p.Lines {
		s := ln.String()
		k := strings.Index(s, "——")
		if k < 0 {
			continue
		}
		i := len([]rune(s[:k]))
		x0, x1 := ln.Xs[i], ln.Xs[i+1]
		switch ln.Part {
		case PartBody:
			bodyDash = true
			if math.Abs(x1-x0-charPitch) > 0.01 {
				t.Errorf("body ——: second dash %.2f pt after the first, want one grid cell %.2f", x1-x0, charPitch)
			}
		case PartTitle:
			titleDash = true
			em := ln.Size
			found := false
			for _, rl := range p.Rules {
				if rl.Y1 == rl.Y2 && math.Abs(rl.X1-x0) < 0.01 && math.Abs(rl.X2-(x0+2*em)) < 0.05 && rl.Y1 < ln.Y && rl.Y1 > ln.Y-em {
					found = true
				}
			}
			if !found {
				t.Errorf("title ——: no rule from %.2f over two em (%.2f)", x0, 2*em)
			}
		}
	}
	if !titleDash || !bodyDash {
		t.Fatalf("—— not found in title (%v) or body (%v)", titleDash, bodyDash)
	}
	quotes := 0
	for _, tx := range p.Texts {
		if tx.Part != PartBody || !strings.ContainsAny(tx.Text, "“”") {
			continue
		}
		if tx.Role != fonts.Body {
			t.Errorf("quotes %q drawn in the %s role", tx.Text, tx.Role)
		}
		quotes++
	}
	for _, ln := range p.Lines {
		rs := ln.Runes
		for i := 0; i+1 < len(rs); i++ {
			if rs[i] == '“' && ln.Part == PartBody {
				if w := ln.Xs[i+1] - ln.Xs[i]; w < 0.49*charPitch {
					t.Errorf("“ in %q takes %.2f pt, want a full-width mark (≥ half a cell after compression)", ln.String(), w)
				}
			}
		}
	}
	if quotes == 0 {
		t.Fatal("no quotes laid")
	}
}
