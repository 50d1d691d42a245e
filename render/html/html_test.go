package html

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// exampleReports loads every example report in examples/*.toml, by file name without extension.
func exampleReports(t testing.TB) map[string]*report.Report {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no examples found in examples/*.toml")
	}
	out := map[string]*report.Report{}
	for _, f := range files {
		r, err := report.Load(f)
		if err != nil {
			t.Fatalf("loading example %s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".toml")] = r
	}
	return out
}

// renderHTML returns the HTML of r with the options.
func renderHTML(t testing.TB, r *report.Report, o Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(r, &buf, o); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// blockTexts lists the blocks of r as the article should show them: element name and text.
func blockTexts(r *report.Report) []string {
	var out []string
	for _, b := range render.Blocks(r) {
		switch b.Kind {
		case render.Title:
			out = append(out, "h1 "+b.Text)
		case render.Heading1:
			out = append(out, "h2 "+b.Text)
		case render.Heading2:
			out = append(out, "h3 "+b.Text)
		case render.Table:
			out = append(out, "[table]")
		default:
			out = append(out, "p "+b.Lead+b.Text)
		}
	}
	return out
}

// sampleReport builds a report of the format by hand with a distinct value in every data cell of the
// three tables, so that a cell written in the wrong place cannot match by chance, and markup characters
// in the text.
func sampleReport(t testing.TB, f layouts.Format) *report.Report {
	t.Helper()
	year := 2020
	if f == layouts.F2021 {
		year = 2022
	}
	y := strconv.Itoa(year)
	r := &report.Report{
		Agency: "样例局", Year: year, Format: f, Title: "样例局" + y + "年政府信息公开工作年度报告",
		Preamble:  []string{"前言 <b>&amp;</b> \"引号\" 'x' <script>alert(1)</script>。"},
		Signature: "样例局", Date: strconv.Itoa(year+1) + "年1月20日",
		Overview: report.Narrative{
			// A long URL must wrap on a phone instead of widening the page (TestBrowserLayout measures it).
			Paragraphs: []string{"总述。", "本报告电子版可在www.example.gov.cn/art/2025/1/20/art_1229012345_59876543.html?from=zfxxgknb下载。"},
			Sections: []report.SubSection{
				{Title: "主动公开", RunIn: true, Paragraphs: []string{"第一段。", "第二段。"}},
				{Title: "政府信息管理", Paragraphs: []string{"管理。"}},
			},
		},
		Problems: report.Narrative{Paragraphs: []string{"问题。"}},
		Other:    report.Narrative{Paragraphs: []string{"无。"}},
		T2:       map[string]string{},
		T3:       map[string][7]int64{},
	}
	if f == layouts.F2019 {
		r.AmountNote = "（单位：万元，保留4位小数）"
	}
	n := 11
	for _, it := range layouts.T2Items(f) {
		for _, fd := range it.Fields {
			key := "t2." + it.ID + "." + fd.ID
			switch fd.Kind {
			case layouts.Decimal:
				r.T2[key] = strconv.Itoa(n) + ".4586"
			case layouts.SignedInt:
				r.T2[key] = "-" + strconv.Itoa(n)
			default:
				r.T2[key] = strconv.Itoa(n)
			}
			n++
		}
	}
	for i, row := range layouts.T3Rows(f) {
		var v [7]int64
		for j := range v {
			v[j] = int64(100 + 7*i + j)
		}
		r.T3[row.ID] = v
	}
	for b := range r.T4 {
		for k := range r.T4[b] {
			r.T4[b][k] = int64(700 + 5*b + k)
		}
	}
	return r
}
