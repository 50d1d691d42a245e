package pdf

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/fonts"
)

// titleOf returns the title lines of a laid-out document and the roles its digits are drawn in.
func titleOf(d *Document) (lines []string, digitRoles map[fonts.Role]bool) {
	digitRoles = map[fonts.Role]bool{}
	for _, ln := range d.Pages[0].Lines {
		if ln.Part == PartTitle {
			lines = append(lines, ln.String())
		}
	}
	for _, tx := range d.Pages[0].Texts {
		if tx.Part == PartTitle && strings.ContainsAny(tx.Text, "0123456789") {
			digitRoles[tx.Role] = true
		}
	}
	return
}

// A long title breaks at phrase boundaries (the agency's parts, before "（", before the year), never
// inside a word, in a trapezoid or diamond; its digits are bold (the title face's own).
func TestTitlePhraseBreaks(t *testing.T) {
	r := loadExample(t, filepath.Join("testdata", "stress.toml"))
	d, err := Layout(r, Options{Fonts: testFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	lines, roles := titleOf(d)
	want := []string{"江州市滨江新区管理委员会党政综合办公室", "（江州市滨江新区政务服务和数据资源管理局）", "2023年政府信息公开工作年度报告"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("title lines %q, want %q", lines, want)
	}
	if !roles[fonts.Title] || roles[fonts.Latin] {
		t.Errorf("title digits drawn in %v, want the title face only", roles)
	}
	// title_lines: the clerk's break wins, even an unusual one.
	r.Title = "测试局2023年政府信息公开工作年度报告"
	r.TitleLines = []string{"测试局2023年政府", "信息公开工作年度报告"}
	d, err = Layout(r, Options{Fonts: testFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	if lines, _ = titleOf(d); strings.Join(lines, "|") != "测试局2023年政府|信息公开工作年度报告" {
		t.Errorf("title_lines not honoured: %q", lines)
	}
}
