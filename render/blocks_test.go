package render

import (
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

func TestBlocksOrderAndNumbering(t *testing.T) {
	src := `[report]
agency = "测试局"
year = 2024
preamble = ["前言。"]
signature = "测试局"
date = 2025-01-20
[overview]
paragraphs = ["总述。"]
[[overview.sections]]
title = "主动公开情况"
runin = true
paragraphs = ["第一段。", "第二段。"]
[[overview.sections]]
title = "依申请公开情况："
runin = true
paragraphs = ["正文。"]
[[overview.sections]]
title = "政府信息管理"
paragraphs = ["管理。"]
[other]
paragraphs = ["本年度未收取信息处理费。"]
`
	r, err := report.Parse("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range Blocks(r) {
		s := map[Kind]string{Title: "T", Paragraph: "P", Heading1: "H1", Heading2: "H2", Table: "TB", Signature: "S", Date: "D"}[b.Kind] + ":" + b.Lead + "|" + b.Text
		if b.Kind == Table {
			s += b.Table.ID
		}
		got = append(got, s)
	}
	want := []string{
		"T:|测试局2024年政府信息公开工作年度报告", "P:|前言。", "H1:|一、总体情况", "P:|总述。",
		"P:（一）主动公开情况。|第一段。", "P:|第二段。", "P:（二）依申请公开情况：|正文。", "H2:|（三）政府信息管理", "P:|管理。",
		"H1:|二、主动公开政府信息情况", "TB:|t2", "H1:|三、收到和处理政府信息公开申请情况", "TB:|t3",
		"H1:|四、政府信息公开行政复议、行政诉讼情况", "TB:|t4", "H1:|五、存在的主要问题及改进情况",
		"H1:|六、其他需要报告的事项", "P:|本年度未收取信息处理费。", "S:|测试局", "D:|2025年1月20日",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A run-in heading that ends with a sentence mark, full-width or ASCII, gets no 。 appended.
func TestRunInEndingMarks(t *testing.T) {
	for title, want := range map[string]string{
		"主动公开": "（一）主动公开。", "主动公开：": "（一）主动公开：", "主动公开:": "（一）主动公开:",
		"主动公开;": "（一）主动公开;", "主动公开.": "（一）主动公开.", "主动公开?": "（一）主动公开?",
		"主动公开!": "（一）主动公开!", "主动公开,": "（一）主动公开,", "主动公开？": "（一）主动公开？",
	} {
		r := &report.Report{Agency: "甲", Year: 2024, Format: layouts.F2021}
		r.Overview.Sections = []report.SubSection{{Title: title, RunIn: true, Paragraphs: []string{"正文。"}}}
		found := false
		for _, b := range Blocks(r) {
			if b.Lead != "" {
				found = true
				if b.Lead != want {
					t.Errorf("title %q: lead %q, want %q", title, b.Lead, want)
				}
			}
		}
		if !found {
			t.Errorf("title %q: no run-in lead", title)
		}
	}
}
