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

// 20 000 empty sub-sections are refused at load, with the line of the first one past the limit (100 000
// are refused before decoding, by MaxItems).
func TestTooManySectionsRefused(t *testing.T) {
	if _, err := Parse("many.toml", []byte(sectionsFile(100000))); err == nil {
		t.Fatal("100 000 sub-sections loaded")
	}
	_, err := Parse("many.toml", []byte(sectionsFile(20000)))
	if err == nil {
		t.Fatal("20 000 sub-sections loaded")
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

// title_lines sets the title's lines; joined they must equal the title.
func TestTitleLines(t *testing.T) {
	base := "[report]\nagency = \"甲局\"\nyear = 2024\n"
	r, err := Parse("a.toml", []byte(base+"title_lines = [\"甲局2024年\", \"政府信息公开工作年度报告\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "甲局2024年政府信息公开工作年度报告" || len(r.TitleLines) != 2 || r.TitleLines[0] != "甲局2024年" {
		t.Fatalf("title %q, lines %q", r.Title, r.TitleLines)
	}
	_, err = Parse("b.toml", []byte(base+"title = \"甲局2024年政府信息公开工作年度报告\"\ntitle_lines = [\"甲局\", \"2024年报告\"]\n"))
	if err == nil || !strings.Contains(err.Error(), "b.toml:5: title_lines（标题分行）连起来是“甲局2024年报告”，与 title") {
		t.Fatalf("mismatch: %v", err)
	}
	_, err = Parse("c.toml", []byte(base+"title_lines = \"甲局\"\n"))
	if err == nil || !strings.Contains(err.Error(), "非空的字符串数组") {
		t.Fatalf("not an array: %v", err)
	}
}

// Write keeps title_lines, so the written file loads back with the same lines.
func TestTitleLinesRoundTrip(t *testing.T) {
	src := "[report]\nagency = \"甲局\"\nyear = 2024\ntitle_lines = [\"甲局2024年\", \"政府信息公开工作年度报告\"]\n"
	r, err := Parse("a.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out := Write(r, WriteOptions{})
	back, err := Parse("b.toml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Join(back.TitleLines, "|") != "甲局2024年|政府信息公开工作年度报告" {
		t.Fatalf("title lines after the round trip: %q", back.TitleLines)
	}
}
