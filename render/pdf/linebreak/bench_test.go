package linebreak

import (
	"strings"
	"testing"
)

// benchParagraph is a 1000-character report paragraph.
func benchParagraph() string {
	const s = "2020年我局严格按照《中华人民共和国政府信息公开条例》规定，紧紧围绕县委、县政府中心工作部署，" +
		"积极采取措施，加大推进力度。严格遵循“先审查、后发布，谁公开、谁负责”的原则，较上年增长33％；" +
		"依据GB/T 9704—2012排版……"
	var b strings.Builder
	for n := 0; n < 1000; {
		for _, r := range s {
			if n == 1000 {
				break
			}
			b.WriteRune(r)
			n++
		}
	}
	return b.String()
}

// BenchmarkBreak breaks a 1000-character justified body paragraph.
func BenchmarkBreak(b *testing.B) {
	runs := []Run{{Text: "一、", Style: 1}, {Text: benchParagraph()}}
	o := Options{Width: lineWidth, Indent: 2 * pitch, Justify: true}
	b.ReportAllocs()
	for b.Loop() {
		Break(runs, gridMeasure, o)
	}
}

// BenchmarkBreakLongUnit breaks a 20 000-digit number in a 3-em table cell:
// an unbreakable unit that needs thousands of emergency breaks (must stay
// linear in its length).
func BenchmarkBreakLongUnit(b *testing.B) {
	runs := []Run{{Text: strings.Repeat("1234567890", 2000)}}
	o := Options{Width: 3 * pitch}
	b.ReportAllocs()
	for b.Loop() {
		Break(runs, gridMeasure, o)
	}
}

// BenchmarkBreakMarks breaks 4 000 full stops in a 3-em cell: every line
// after the first starts with a 避头 mark (emergency), which must stay
// linear too.
func BenchmarkBreakMarks(b *testing.B) {
	runs := []Run{{Text: strings.Repeat("。", 4000)}}
	o := Options{Width: 3 * pitch}
	b.ReportAllocs()
	for b.Loop() {
		Break(runs, gridMeasure, o)
	}
}
