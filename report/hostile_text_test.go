package report

import (
	"os"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
)

// withParagraph returns the city example with its first overview paragraph replaced by p.
func withParagraph(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile("../examples/city-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	i := strings.Index(src, `"2023年，市政府办公室坚持`)
	j := strings.Index(src[i:], "\n")
	return []byte(src[:i] + `"` + strings.ReplaceAll(p, `"`, `\"`) + `",` + src[i+j:])
}

// Nested, unterminated or stray placeholder braces are errors with their line (they used to print
// literally); placeholders in the agency or title are refused; the length limit applies after expansion.
func TestPlaceholderErrors(t *testing.T) {
	line := 0 // the line of the paragraphs key holding the paragraph
	for i, l := range strings.Split(string(withParagraph(t, "X")), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "paragraphs") && line >= 0 {
			line = i + 1
		}
		if strings.HasPrefix(strings.TrimSpace(l), `"X"`) {
			line = -line
		}
	}
	line = -line
	for p, want := range map[string]string{
		"收到{{{{收到申请}}}}件":  "不能嵌套",
		"{{表三.{{办结}}.总计}}": "不能嵌套",
		"收到{{收到申请件":        "没有闭合的 }}：{{收到申请件；请补上 }}",
		"收到申请}}件":          "多余的 }}",
	} {
		_, err := Parse("x.toml", withParagraph(t, p))
		le, ok := err.(*LoadError)
		if !ok || le.Problems[0].Line != line || !strings.Contains(le.Problems[0].Msg, want) {
			t.Errorf("%s: got %v, want line %d %q", shorten(p), err, line, want)
		}
	}
	r, err := Parse("x.toml", withParagraph(t, "收到{{ 收到申请 }}件，{单个花括号}照印"))
	if err != nil || !strings.HasPrefix(r.Overview.Sections[0].Paragraphs[0], "收到") || strings.Contains(r.Overview.Sections[0].Paragraphs[0], "{{") {
		t.Fatalf("a good placeholder: %v", err)
	}
	// 3 333 placeholders of 6 characters are within the limit before expansion, not after.
	r.T3["r7"] = [7]int64{0, 0, 0, 0, 0, 0, 123456789}
	l := &loader{name: "x.toml", lines: map[string]int{"p": 7}, r: r}
	if l.expand("p", strings.Repeat("{{办结}}", 3333)); len(l.problems) != 1 || !strings.Contains(l.problems[0].Msg, "代入占位符后段落过长") {
		t.Errorf("expanded past the limit: %v", l.problems)
	}
	skel := Skeleton(SkeletonOptions{Format: layouts.F2021, Year: 2024, Agency: "某局"})
	if _, err := Parse("x.toml", []byte(skel)); err != nil {
		t.Fatal(err)
	}
	for field, src := range map[string]string{
		"agency":    strings.Replace(skel, `agency = "某局"`, `agency = "某局{{收到申请}}"`, 1),
		"title":     strings.Replace(skel, `# title = "`, `title = "{{收到申请}}`, 1),
		"signature": strings.Replace(skel, `signature = "某局"`, `signature = "某局{{收到申请}}"`, 1),
	} {
		if _, err := Parse("x.toml", []byte(src)); err == nil || !strings.Contains(err.Error(), "不能使用占位符") {
			t.Errorf("placeholder in %s: %v", field, err)
		}
	}
}

// init --agency used to write the name raw into a comment line: a newline broke the skeleton, and a
// crafted name wrote live TOML (a [fonts] table). The name is cleaned and quoted.
func TestSkeletonAgencyIsEscaped(t *testing.T) {
	for _, agency := range []string{"x\n[fonts]\nbody = \"/etc/passwd\"\n#", "甲\"乙\\丙\r\n丁", "a\x00b\x7f\u202ec", "\xff\xfe局"} {
		src := Skeleton(SkeletonOptions{Format: layouts.F2021, Year: 2024, Agency: agency})
		r, err := Parse("init.toml", []byte(src))
		if err != nil {
			t.Errorf("%q: the skeleton does not load: %v", agency, err)
			continue
		}
		if len(r.Fonts) != 0 {
			t.Errorf("%q: the agency wrote a [fonts] table: %v", agency, r.Fonts)
		}
		if strings.ContainsAny(r.Agency, "\n\r\x00\x7f\u202e") {
			t.Errorf("%q: agency %q keeps control characters", agency, r.Agency)
		}
	}
}

// Format characters and noncharacters are removed by one rule (bidi controls used to be reported as missing
// glyphs, U+FFFF stopped the PDF).
func TestFormatCharactersRemoved(t *testing.T) {
	in := "甲\u202e乙\u202c丙\u2066丁\u2069\u200e\u200f\u061c\u00ad\ufeff\uffff\ufffe\ufdd0戊\U0010FFFF"
	if got := cleanText(in); got != "甲乙丙丁戊" {
		t.Errorf("cleanText(%q) = %q", in, got)
	}
	r, err := Parse("x.toml", withParagraph(t, in))
	if err != nil || r.Overview.Sections[0].Paragraphs[0] != "甲乙丙丁戊" {
		t.Errorf("loaded %v %q", err, r.Overview.Sections[0].Paragraphs)
	}
}
