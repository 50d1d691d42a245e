package serve

import (
	"errors"
	"reflect"

	"github.com/nianbao/nianbao/report"
)

// saveText is the report file the server saves for the form state d, which loaded as r: report.Write (the
// one writer of report files) with the prose as the clerk typed it, so that placeholders such as
// {{收到申请}} stay placeholders. The text is loaded back and must give the same report; if the typed
// prose would not, the prose is written as loaded (placeholders expanded), and if that fails too nothing is
// written.
func saveText(d *Doc, r *report.Report) ([]byte, error) {
	o := report.WriteOptions{Header: []string{r.Title + " — nianbao 报告文件（格式说明见 docs/format.md）",
		"由 nianbao serve 保存；保存前的版本在同名的 .bak 文件中"}}
	typed := *r
	typed.Preamble = nonEmpty(d.Report.Preamble)
	typed.Overview, typed.Problems, typed.Other = typedNarr(d.Overview), typedNarr(d.Problems), typedNarr(d.Other)
	for _, w := range []*report.Report{&typed, r} {
		out := report.Write(w, o)
		if back, err := report.Parse(r.File, out); err == nil && sameReport(back, r) {
			return out, nil
		}
	}
	return nil, errors.New("无法写出与表单内容一致的报告文件（请把这份报告发给维护人员）")
}

func typedNarr(n Narr) report.Narrative {
	out := report.Narrative{Paragraphs: nonEmpty(n.Paragraphs)}
	for _, s := range n.Sections {
		out.Sections = append(out.Sections, report.SubSection{Title: s.Title, RunIn: s.RunIn, Paragraphs: nonEmpty(s.Paragraphs)})
	}
	return out
}

// sameReport reports whether two loaded reports hold the same report: every exported field except where
// they were loaded from, and the same choice of typed or computed totals.
func sameReport(a, b *report.Report) bool {
	va, vb := reflect.ValueOf(*a), reflect.ValueOf(*b)
	for i := range va.NumField() {
		f := va.Type().Field(i)
		if !f.IsExported() || f.Name == "File" || f.Name == "Lines" {
			continue
		}
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			return false
		}
	}
	keys := []string{"t3.r7", "t3.carry", "t4.review.tot", "t4.direct.tot", "t4.post.tot"}
	for id := range a.T3 {
		keys = append(keys, "t3."+id+".TOT")
	}
	for _, k := range keys {
		if a.Given(k) != b.Given(k) {
			return false
		}
	}
	return true
}
