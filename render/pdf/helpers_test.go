package pdf

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

var (
	fontsOnce sync.Once
	fontSet   *fonts.Set
	fontErr   error
)

// testFonts returns the bundled fonts only, so tests do not depend on the machine's fonts.
func testFonts(t testing.TB) *fonts.Set {
	t.Helper()
	fontsOnce.Do(func() { fontSet, fontErr = fonts.Resolve(fonts.Options{NoSystem: true}) })
	if fontErr != nil {
		t.Fatalf("fonts: %v", fontErr)
	}
	return fontSet
}

// exampleFiles returns the example reports of the repository.
func exampleFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	return files
}

func loadExample(t testing.TB, path string) *report.Report {
	t.Helper()
	r, err := report.Load(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

// handReport builds a 2021-format report by hand: long paragraphs with digits and Latin, run-in and
// stand-alone sub-headings, punctuation that tests the 禁则, every table filled with distinct numbers.
func handReport() *report.Report {
	r := &report.Report{
		Agency: "测试市人民政府办公室", Year: 2023, Format: layouts.F2021,
		Title:     "测试市人民政府办公室2023年政府信息公开工作年度报告",
		Preamble:  []string{"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。"},
		Signature: "测试市人民政府办公室", Date: "2024年1月20日",
		Issued: time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC),
		T2:     map[string]string{}, T3: map[string][7]int64{},
	}
	long := strings.Repeat("全年主动公开政府信息1234条，其中通过政府网站公开“重点领域”信息567条（含政策解读89篇）；依托GB/T 9704规范排版，确保信息公开及时、准确、全面。", 4)
	r.Overview.Paragraphs = []string{"2023年，本机关认真贯彻落实《条例》要求，持续推进政务公开标准化规范化建设。", long}
	r.Overview.Sections = []report.SubSection{
		{Title: "主动公开", RunIn: true, Paragraphs: []string{long, "第二段：" + long}},
		{Title: "依申请公开", Paragraphs: []string{long}},
		{Title: "政府信息管理", Paragraphs: []string{"建立健全源头认定机制。", long}},
	}
	r.Problems.Paragraphs = []string{long, "一是……；二是——规范——；三是“引号”（括号）【方括号】。"}
	r.Other.Paragraphs = []string{"无。"}
	t2, t3, _ := r.Tables()
	n := int64(1)
	for _, c := range t2.Cells {
		if c.Key != "" {
			r.T2[c.Key] = "1" + strings.Repeat("0", int(n%4)) + string(rune('0'+n%10))
			n++
		}
	}
	for _, row := range t3.Rows {
		if row.ID == "" {
			continue
		}
		var v [7]int64
		for i := range v {
			v[i] = n
			n++
		}
		r.T3[row.ID] = v
	}
	for b := range r.T4 {
		for k := range r.T4[b] {
			r.T4[b][k] = n
			n++
		}
	}
	return r
}
