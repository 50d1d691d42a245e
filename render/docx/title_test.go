package docx

import (
	"reflect"
	"testing"

	"github.com/nianbao/nianbao/layouts"
)

func TestTitleLines(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  []string
	}{
		{"青石镇人民政府2024年政府信息公开工作年度报告", []string{"青石镇人民政府2024年", "政府信息公开工作年度报告"}},
		{"江州市人民政府办公室2023年政府信息公开工作年度报告", []string{"江州市人民政府办公室2023年", "政府信息公开工作年度报告"}},
		{"某局2024年政府信息公开工作年度报告", []string{"某局2024年政府信息公开工作年度报告"}},                                       // fits on one line
		{"某某某某某某某某某某某某某某某某某某某某某某某某关于二〇二四年度工作的报告", []string{"某某某某某某某某某某某某某某某某某某某某某某某某关于二〇二四年度工作的报告"}},   // no usual ending
		{"某某某某某某某某某某某某某某某某某某某某某2024年政府信息公开工作年度报告", []string{"某某某某某某某某某某某某某某某某某某某某某2024年政府信息公开工作年度报告"}}, // head too long
	} {
		if got := titleLines(tc.title, 20.1); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("titleLines(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

// TestTitleLinesFromReport: title_lines in [report] (the clerk's breaks) decide the DOCX title's lines
// too; lines that do not join to the title are ignored.
func TestTitleLinesFromReport(t *testing.T) {
	r := sampleReport(layouts.F2021)
	r.TitleLines = []string{"伊川县城市管理局", "2022年政府信息公开工作年度报告"}
	p, _ := renderDOCX(t, r, Options{})
	title := p.parse(t, "word/document.xml").first("p")
	var got []string
	for _, tn := range title.all("t") {
		got = append(got, tn.Text)
	}
	if !reflect.DeepEqual(got, r.TitleLines) || len(title.all("br")) != 1 {
		t.Errorf("title lines %q, want %q", got, r.TitleLines)
	}
	r.TitleLines = []string{"别的", "标题"}
	p, _ = renderDOCX(t, r, Options{})
	if got := p.parse(t, "word/document.xml").first("p").text(); got != r.Title {
		t.Errorf("title %q with mismatched title_lines, want %q", got, r.Title)
	}
}
