package importer

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

func read(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sameTables fails when the tables of got and want differ in any cell.
func sameTables(t *testing.T, got, want *report.Report) {
	t.Helper()
	if got.Format != want.Format {
		t.Fatalf("format %s, want %s", got.Format, want.Format)
	}
	for _, tb := range []*layouts.Table{layouts.Table2(want.Format, layouts.Options{}), layouts.Table3(want.Format), layouts.Table4()} {
		for _, c := range tb.Cells {
			if c.Key == "" {
				continue
			}
			if g, w := got.CellText(c.Key), want.CellText(c.Key); g != w {
				t.Errorf("%s %s: got %s, want %s", tb.Name, c.Key, g, w)
			}
		}
	}
}

// errorsOf returns the error findings of the checks.
func errorsOf(r *report.Report) []report.Finding {
	var out []report.Finding
	for _, f := range report.Check(r) {
		if f.Severity == report.Error {
			out = append(out, f)
		}
	}
	return out
}

func TestSeedTextGivesTheExampleTables(t *testing.T) {
	res, err := Import(read(t, "testdata/seed-yichuan-2020.txt"), Options{Name: "seed.txt"})
	if err != nil {
		t.Fatal(err)
	}
	want, err := report.Load("../examples/yichuan-chengguanju-2020.toml")
	if err != nil {
		t.Fatal(err)
	}
	got := res.Report
	sameTables(t, got, want)
	if got.Agency != want.Agency || got.Year != want.Year || got.AmountNote != want.AmountNote {
		t.Errorf("meta: %q %d %q, want %q %d %q", got.Agency, got.Year, got.AmountNote, want.Agency, want.Year, want.AmountNote)
	}
	if len(got.Overview.Sections) != len(want.Overview.Sections) {
		t.Fatalf("%d sub-sections, want %d", len(got.Overview.Sections), len(want.Overview.Sections))
	}
	for i, s := range want.Overview.Sections {
		g := got.Overview.Sections[i]
		if g.Title != s.Title || !reflect.DeepEqual(g.Paragraphs, s.Paragraphs) {
			t.Errorf("sub-section %d: %q %q, want %q %q", i+1, g.Title, g.Paragraphs, s.Title, s.Paragraphs)
		}
	}
	if !reflect.DeepEqual(got.Overview.Paragraphs, want.Overview.Paragraphs) {
		t.Errorf("overview: %q", got.Overview.Paragraphs)
	}
	// Section 五 is the same text; the half-width ",:;" of the page became full-width, as in the example.
	if !reflect.DeepEqual(got.Problems, want.Problems) || !reflect.DeepEqual(got.Other, want.Other) {
		t.Errorf("problems/other:\n%+v\n%+v", got.Problems, got.Other)
	}
	if f := errorsOf(got); len(f) > 0 {
		t.Errorf("check: %v", f)
	}
	draft := string(res.TOML())
	for _, s := range []string{"原文标签“2.其他法律法规禁止公开”，按“2.其他法律行政法规禁止公开”读入", "原文标签“4.无正当理由由大量反复申请”", "表格错位"} {
		if !strings.Contains(draft, s) {
			t.Errorf("draft lacks the note %q", s)
		}
	}
	// The draft file is the report: loading it gives the same tables.
	back, err := report.Parse("draft", []byte(draft))
	if err != nil {
		t.Fatal(err)
	}
	sameTables(t, back, want)
}

func TestSeedFeedsNextYearsSkeleton(t *testing.T) {
	res, err := Import(read(t, "testdata/seed-yichuan-2020.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	sk := report.Skeleton(report.SkeletonOptions{Format: layouts.F2019, Year: 2021, From: res.Report})
	next, err := report.Parse("skeleton", []byte(sk))
	if err != nil {
		t.Fatal(err)
	}
	if next.Agency != "伊川县城市管理局" {
		t.Errorf("agency %q", next.Agency)
	}
	// 上一年项目数量 = last year's 上一年项目数量 + 本年增/减.
	for key, want := range map[string]string{"t2.xzxk.prev_items": "17", "t2.xzcf.prev_items": "64", "t2.xzsyxsf.prev_items": "1"} {
		if got := next.T2[key]; got != want {
			t.Errorf("%s = %s, want %s", key, got, want)
		}
	}
}

func TestCMSPage(t *testing.T) {
	res, err := Import(read(t, "testdata/cms-trs-gbk.html"), Options{Name: "cms.html"})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.Agency != "江州市市场监督管理局" || r.Year != 2023 || r.Format != layouts.F2021 {
		t.Fatalf("meta: %q %d %s", r.Agency, r.Year, r.Format)
	}
	if !strings.Contains(res.Source, "TRS_Editor") {
		t.Errorf("source %q: the TRS content block was not used", res.Source)
	}
	t3 := map[string][7]int64{
		"new": {20, 0, 0, 0, 0, 2, 22}, "carried": {1, 0, 0, 0, 0, 0, 1}, "r1": {10, 0, 0, 0, 0, 1, 11},
		"r2": {2, 0, 0, 0, 0, 0, 2}, "r3_4": {1, 0, 0, 0, 0, 0, 1}, "r4_1": {5, 0, 0, 0, 0, 1, 6},
		"r5_2": {1, 0, 0, 0, 0, 0, 1}, "r7": {19, 0, 0, 0, 0, 2, 21}, "carry": {2, 0, 0, 0, 0, 0, 2},
	}
	for _, row := range layouts.T3Rows(r.Format) {
		if got := r.T3[row.ID]; got != t3[row.ID] {
			t.Errorf("表三 %s = %v, want %v", row.ID, got, t3[row.ID])
		}
	}
	t2 := map[string]string{"t2.xzgfxwj.made": "3", "t2.xzgfxwj.repealed": "1", "t2.xzgfxwj.in_force": "12",
		"t2.xzxk.decisions": "120", "t2.xzcf.decisions": "56", "t2.xzqz.decisions": "7", "t2.xzsyxsf.amount": "12.5", "t2.gz.made": "0"}
	for k, v := range t2 {
		if r.T2[k] != v {
			t.Errorf("表二 %s = %q, want %q", k, r.T2[k], v)
		}
	}
	if r.T4 != [3][5]int64{{1, 0, 0, 0, 1}, {0, 1, 0, 0, 1}, {}} {
		t.Errorf("表四 = %v", r.T4)
	}
	// The local rows are dropped, with a warning naming them.
	var warned []string
	for _, w := range res.Warnings {
		warned = append(warned, w.Msg)
	}
	all := strings.Join(warned, "\n")
	for _, s := range []string{"行政确认", "（八）其他情形"} {
		if !strings.Contains(all, s) {
			t.Errorf("no warning about the dropped local row %s; warnings:\n%s", s, all)
		}
	}
	if len(res.Warnings) != 2 {
		t.Errorf("%d warnings, want 2:\n%s", len(res.Warnings), all)
	}
	// Narrative: preamble, run-in leads, a titled sub-section, signature and date; no page chrome.
	if len(r.Preamble) != 2 || !strings.HasPrefix(r.Preamble[1], "本报告中所列数据的统计期限") {
		t.Errorf("preamble %q", r.Preamble)
	}
	subs := r.Overview.Sections
	if len(subs) != 3 || !subs[0].RunIn || subs[0].Title != "主动公开情况" || subs[0].Paragraphs[0] != "全年主动公开政府信息356条，其中政策文件12件。" ||
		subs[2].RunIn || subs[2].Title != "政府信息管理" || subs[2].Paragraphs[0] != "严格落实公开属性源头认定机制。" {
		t.Errorf("sub-sections %+v", subs)
	}
	if r.Signature != "江州市市场监督管理局" || r.Date != "2024年1月25日" {
		t.Errorf("signature %q date %q", r.Signature, r.Date)
	}
	if !reflect.DeepEqual(r.Other.Paragraphs, []string{"本年度未收取信息处理费。"}) {
		t.Errorf("六 = %q", r.Other.Paragraphs)
	}
	if f := report.Check(r); len(f) > 0 {
		t.Errorf("check: %v", f)
	}
}

// page wraps report text lines into a minimal plain-text report.
func page(table3 ...string) []byte {
	lines := []string{"某某局2023年政府信息公开工作年度报告", "一、总体情况", "全年新收申请若干件。",
		"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"}
	lines = append(lines, table3...)
	lines = append(lines, "四、政府信息公开行政复议、行政诉讼情况", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
		"五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "本年度未收取信息处理费。")
	return []byte(strings.Join(lines, "\n"))
}

func TestGluedDigits(t *testing.T) {
	res, err := Import(page(
		"一、本年新收政府信息公开申请数量20 0 0 0 02", // 2 0 0 0 0 0 2: the only split with 总计 = Σ
		"二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
		"（一）予以公开 1 0 0 0 0 0 1",
		"（二）部分公开 11 0 0 0 0 0 11", // 7 numbers: taken as they are
		"（七）总计 111 0 0 0 0 12",    // ambiguous: 1 11 … 12 and 11 1 … 12
	), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if got := r.T3["new"]; got != [7]int64{2, 0, 0, 0, 0, 0, 2} {
		t.Errorf("new = %v", got)
	}
	if got := r.T3["r2"]; got != [7]int64{11, 0, 0, 0, 0, 0, 11} {
		t.Errorf("r2 = %v", got)
	}
	if got := r.T3["r7"]; got != [7]int64{} {
		t.Errorf("ambiguous r7 = %v, want zeros (no guess)", got)
	}
	draft := string(res.TOML())
	if !strings.Contains(draft, "# 【待核】一、本年新收政府信息公开申请数量") && !strings.Contains(draft, "唯一拆为 2 0 0 0 0 0 2") {
		t.Errorf("no note on the split row:\n%s", draft)
	}
	if !strings.Contains(draft, "拆法不止一种") {
		t.Errorf("no note on the ambiguous row:\n%s", draft)
	}
	found := false
	for _, w := range res.Warnings {
		if w.Key == "table3.r7" && strings.Contains(w.Msg, "拆法不止一种") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning for the ambiguous row: %v", res.Warnings)
	}
}

func TestSplitGlued(t *testing.T) {
	cases := []struct {
		toks []string
		n    int
		ok   func([]int64) bool
		want []int64
		cand int
	}{
		{[]string{"20", "0", "0", "0", "02"}, 7, rowSumOK, []int64{2, 0, 0, 0, 0, 0, 2}, 1},
		{[]string{"640020470"}, 7, rowSumOK, []int64{64, 0, 0, 2, 0, 4, 70}, 1}, // the example
		{[]string{"6400204", "10"}, 7, rowSumOK, []int64{6, 4, 0, 0, 2, 0, 12}, 0},
		{[]string{"000"}, 3, nil, []int64{0, 0, 0}, 1},
		{[]string{"100"}, 3, nil, []int64{1, 0, 0}, 1},
		{[]string{"111"}, 2, nil, nil, 2},
		{[]string{"1", "2", "3"}, 3, rowSumOK, []int64{1, 2, 3}, 1}, // n tokens: taken as given
		{[]string{"1234567890"}, 1, nil, nil, 0},                    // ten digits: too large
	}
	for _, c := range cases {
		s := splitGlued(c.toks, c.n, c.ok)
		if c.want != nil && c.cand == 0 {
			continue // documented below
		}
		if !reflect.DeepEqual(s.Values, c.want) || (c.cand > 0 && s.Candidates != c.cand) {
			t.Errorf("splitGlued(%v, %d) = %v (%d candidates), want %v (%d)", c.toks, c.n, s.Values, s.Candidates, c.want, c.cand)
		}
	}
	// 6400204|10 → 6 4 0 0 2 0|4? No: 10 cannot be 总计 of 6 4 0 0 20 4 (34); the sum rule rejects every split.
	if s := splitGlued([]string{"6400204", "10"}, 7, rowSumOK); s.Values != nil {
		t.Errorf("6400204 10 split as %v", s.Values)
	}
	if s := splitGlued([]string{"640020", "12"}, 7, rowSumOK); !reflect.DeepEqual(s.Values, []int64{6, 4, 0, 0, 2, 0, 12}) {
		t.Errorf("640020 12 split as %v (%d candidates)", s.Values, s.Candidates)
	}
	// A hostile row does not take long: the search is bounded.
	long := []string{strings.Repeat("1", 60)}
	if s := splitGlued(long, 7, rowSumOK); s.Values != nil {
		t.Errorf("60 ones split as %v", s.Values)
	}
}

func TestLabelVariants(t *testing.T) {
	cases := []struct {
		got, official string
		want          labelMatch
	}{
		{"(一) 予以公开", "（一）予以公开", exactMatch},
		{"1、本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息", exactMatch},
		{"（二）部分公开（区分处理的、只计这一情形、不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", exactMatch},
		{"2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开", variantMatch},
		{"4.无正当理由由大量反复申请", "4.无正当理由大量反复申请", variantMatch},
		{"5.要求机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息", variantMatch},
		{"（二）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", fuzzyMatch},
		{"3.危及三安全一稳定", "3.危及“三安全一稳定”", exactMatch},
		{"3.危及“三安全一稳走”", "3.危及“三安全一稳定”", fuzzyMatch},
		{"2.重复申请", "1.重复申请", noMatch},
		{"行政确认", "行政许可", noMatch},
		{"（八）其他情形", "（六）其他处理", noMatch},
	}
	for _, c := range cases {
		if got := matchLabel(c.got, c.official); got != c.want {
			t.Errorf("matchLabel(%q, %q) = %d, want %d", c.got, c.official, got, c.want)
		}
	}
}
