package linebreak

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedLines reads real report sentences to seed the fuzzer: the paragraphs
// of a published report kept in testdata/sentences.txt.
func seedLines(t testing.TB) []string {
	files := []string{"testdata/sentences.txt"}
	var out []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); l != "" && utf8.ValidString(l) {
				out = append(out, l)
			}
		}
		fh.Close()
	}
	return out
}

// measurers are the advance models the fuzzer tries: the body grid;
// proportional Latin with narrow (uncompressible) quotes; plain 16 pt with
// some runes measured 0.
var measurers = []Measurer{
	gridMeasure,
	func(r rune, style int) float64 {
		switch {
		case r == '“' || r == '”' || r == '‘' || r == '’':
			return 0.3 * pitch
		case r < 0x2E80:
			return float64(r%7+3) / 10 * pitch
		}
		return pitch * (1 + 0.1*float64(style))
	},
	func(r rune, style int) float64 {
		if r%11 == 0 {
			return 0
		}
		return 16
	},
}

// FuzzBreak breaks arbitrary text (split into a lead run and a body run) at
// arbitrary widths with several measurers and checks the invariants of checkInvariants.
func FuzzBreak(f *testing.F) {
	for _, l := range seedLines(f) {
		f.Add(l, uint8(0), 28.0, true, uint8(2), uint8(0))
	}
	for _, s := range []string{
		"严格遵循“先审查、后发布，谁公开、谁负责”的原则。",
		"较上年增长33％。其中政府网站公开信息80条——占52.6%……",
		"依据GB/T 9704-2012，见https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm。",
		"。。。。。。。。。。。。",
		"（一）《中华人民共和国政府信息公开条例》（国务院令第711号）",
		"a\nb\r\nc\r\r",
		"零\u200b宽\ufeff字符 e\u0301 ￥100 30℃",
	} {
		f.Add(s, uint8(3), 5.5, true, uint8(0), uint8(1))
		f.Add(s, uint8(1), 28.0, false, uint8(2), uint8(0))
		f.Add(s, uint8(0), 3.0, true, uint8(0), uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, split uint8, widthEm float64, justify bool, indentEm, mode uint8) {
		if math.IsNaN(widthEm) || widthEm < 0.25 || widthEm > 200 {
			widthEm = 28
		}
		k := int(split)
		if k > len(s) {
			k = len(s)
		}
		runs := []Run{{Text: s[:k], Style: 1}, {Text: s[k:], Style: 0}}
		o := Options{Width: widthEm * pitch, Indent: float64(indentEm%4) * pitch, Justify: justify}
		if o.Indent > o.Width {
			o.Indent = 0
		}
		m := measurers[int(mode)%len(measurers)]
		lines := Break(runs, m, o)
		checkInvariants(t, runs, m, o, lines)
	})
}
