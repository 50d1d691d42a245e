package report

import (
	"fmt"
	"strings"
	"testing"
)

// sectionsFile returns a report with n empty sub-sections under [overview].
func sectionsFile(n int) string {
	var b strings.Builder
	b.WriteString("[report]\nagency = \"甲局\"\nyear = 2024\n")
	for i := range n {
		fmt.Fprintf(&b, "[[overview.sections]]\ntitle = \"小节%d\"\n", i)
	}
	return b.String()
}

// 100 000 empty sub-sections are refused at load, with the line of the first one past the limit.
func TestTooManySectionsRefused(t *testing.T) {
	_, err := Parse("many.toml", []byte(sectionsFile(100000)))
	if err == nil {
		t.Fatal("100 000 sub-sections loaded")
	}
	want := fmt.Sprintf("many.toml:%d: 小节过多：全文最多 %d 个小节", 4+2*MaxSections, MaxSections)
	if !strings.Contains(err.Error(), want) || strings.Count(err.Error(), "小节过多") != 1 {
		t.Fatalf("error %q, want one %q", err, want)
	}
	if _, err := Parse("ok.toml", []byte(sectionsFile(MaxSections))); err != nil && strings.Contains(err.Error(), "小节过多") {
		t.Fatalf("%d sub-sections refused: %v", MaxSections, err)
	}
}

// The limit counts sub-sections of every narrative together.
func TestSectionLimitAcrossNarratives(t *testing.T) {
	var b strings.Builder
	b.WriteString("[report]\nagency = \"甲局\"\nyear = 2024\n")
	for i := range MaxSections {
		fmt.Fprintf(&b, "[[overview.sections]]\ntitle = \"小节%d\"\n", i)
	}
	b.WriteString("[[problems.sections]]\ntitle = \"多出的小节\"\n")
	_, err := Parse("x.toml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "problems.sections 的第 1 个起超出") {
		t.Fatalf("error %v, want the first problems sub-section named", err)
	}
}
