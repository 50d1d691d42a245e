package pdf

import (
	"strings"
	"testing"
)

// FuzzLayout lays out a report whose preamble, title and a table label come from the fuzzer and checks
// that nothing panics, every character is printed once and in order, and the 禁则 hold.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		"2023年，本机关认真贯彻落实《条例》要求。", "“引号”（括号）——破折号……省略号", "𠮷\x00\t\n", strings.Repeat("A", 300),
		"一、二、三。。。。。。", "（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := handReport()
		r.Preamble = []string{s, s + s}
		r.Title = s
		r.T2["t2.xzxk.decisions"] = s
		d, err := Layout(r, Options{Fonts: testFonts(t)})
		if err != nil {
			t.Fatal(err)
		}
		checkDocument(t, "fuzz", r, d)
	})
}
