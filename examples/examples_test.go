package examples

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// load reads one example and fails the test on any load error or check finding (warnings included).
func load(t *testing.T, name string) *report.Report {
	t.Helper()
	r, err := report.Load(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, f := range report.Check(r) {
		t.Errorf("%s: finding: %s", name, f)
	}
	return r
}

// prose returns every paragraph and sub-section title of the report, preamble first.
func prose(r *report.Report) []string {
	out := append([]string{}, r.Preamble...)
	for _, n := range []report.Narrative{r.Overview, r.Problems, r.Other} {
		out = append(out, n.Paragraphs...)
		for _, s := range n.Sections {
			out = append(out, s.Title)
			out = append(out, s.Paragraphs...)
		}
	}
	return out
}

// TestAllExamplesLoadAndCheck loads every *.toml in this directory and verifies the 勾稽 rules
// independently of report.Check: 总计 = sum of the six applicant columns, （七）总计 = sum of the item
// rows, 新收 + 上年结转 = （七）总计 + 结转 in every column, 表四 总计 = sum of the four results.
func TestAllExamplesLoadAndCheck(t *testing.T) {
	files, err := filepath.Glob("*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("found %d example files, want at least 3", len(files))
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			r := load(t, name)
			for _, row := range layouts.T3Rows(r.Format) {
				a := r.T3[row.ID]
				if a[6] != a[0]+a[1]+a[2]+a[3]+a[4]+a[5] {
					t.Errorf("表三 %s: 总计 %d, columns sum to %d", row.ID, a[6], a[0]+a[1]+a[2]+a[3]+a[4]+a[5])
				}
			}
			for c := 0; c < 7; c++ {
				var items int64
				for _, id := range layouts.T3Items(r.Format) {
					items += r.T3[id][c]
				}
				if items != r.T3["r7"][c] {
					t.Errorf("表三 column %d: items sum to %d, （七）总计 is %d", c, items, r.T3["r7"][c])
				}
				if r.T3["new"][c]+r.T3["carried"][c] != r.T3["r7"][c]+r.T3["carry"][c] {
					t.Errorf("表三 column %d: 新收+上年结转 %d != 总计+结转 %d", c,
						r.T3["new"][c]+r.T3["carried"][c], r.T3["r7"][c]+r.T3["carry"][c])
				}
			}
			for b, v := range r.T4 {
				if v[4] != v[0]+v[1]+v[2]+v[3] {
					t.Errorf("表四 block %d: 总计 %d, results sum to %d", b, v[4], v[0]+v[1]+v[2]+v[3])
				}
			}
			for _, p := range prose(r) {
				if strings.Contains(p, "{{") || strings.Contains(p, "}}") {
					t.Errorf("placeholder left in prose: %s", p)
				}
				for _, bad := range []string{",", ";", "?", "!", "XXX"} {
					if strings.Contains(p, bad) {
						t.Errorf("%q in prose (use full-width Chinese punctuation): %s", bad, p)
					}
				}
			}
		})
	}
}

// TestYichuanSeed pins the numbers of the published 伊川县城市管理局 2020 report.
func TestYichuanSeed(t *testing.T) {
	r := load(t, "yichuan-chengguanju-2020.toml")
	if r.Format != layouts.F2019 || r.Year != 2020 || r.Agency != "伊川县城市管理局" {
		t.Errorf("format/year/agency = %v/%d/%s", r.Format, r.Year, r.Agency)
	}
	want := map[string]string{
		"t2.xzxk.prev_items": "15", "t2.xzxk.delta": "2", "t2.xzxk.decisions": "19",
		"t2.xzcf.prev_items": "64", "t2.xzcf.delta": "0", "t2.xzcf.decisions": "313",
		"t2.xzsyxsf.prev_items": "1", "t2.xzsyxsf.delta": "0",
		"t2.zfjzcg.projects": "1", "t2.zfjzcg.amount": "232.4586",
		"t2.gz.new_made": "0", "t2.qtdwglfw.decisions": "0", "t2.xzqz.decisions": "0",
	}
	for k, v := range want {
		if got := r.CellText(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	for id, a := range r.T3 {
		if a != [7]int64{} {
			t.Errorf("表三 %s = %v, want all zeros", id, a)
		}
	}
	if r.T4 != [3][5]int64{} {
		t.Errorf("表四 = %v, want all zeros", r.T4)
	}
	if len(r.Overview.Sections) != 5 || r.Overview.Sections[0].Title != "政务公开标准化规范化推进情况" {
		t.Errorf("一 has %d sub-sections, want 5 starting with 政务公开标准化规范化推进情况", len(r.Overview.Sections))
	}
	for _, s := range r.Overview.Sections {
		if s.RunIn || strings.HasPrefix(s.Title, "（") {
			t.Errorf("sub-section %q: run-in %v; want own-line titles without their number", s.Title, s.RunIn)
		}
	}
	if r.AmountNote != "（单位：万元，保留4位小数）" {
		t.Errorf("amount note %q", r.AmountNote)
	}
	if len(r.Other.Paragraphs) != 1 || r.Other.Paragraphs[0] != "无。" {
		t.Errorf("六 = %q, want 无。", r.Other.Paragraphs)
	}
}

// TestCityExample checks that the city example exercises what it is for: every result row used, large
// counts, non-zero carry-over, cases in all three 表四 blocks, run-in sub-headings and expanded placeholders.
func TestCityExample(t *testing.T) {
	r := load(t, "city-2021.toml")
	if r.Format != layouts.F2021 {
		t.Fatalf("format %v, want 2021", r.Format)
	}
	for _, id := range layouts.T3Items(r.Format) {
		if r.T3[id][6] == 0 {
			t.Errorf("表三 row %s is all zeros; the city example should use every row", id)
		}
	}
	if r.T3["new"][0] < 2000 || r.T3["new"][1] < 100 || r.T3["carried"][6] == 0 || r.T3["carry"][6] == 0 {
		t.Errorf("表三 new %v carried %v carry %v: want 2000+ 自然人, 100+ 商业企业 and non-zero carry-over",
			r.T3["new"], r.T3["carried"], r.T3["carry"])
	}
	for _, k := range []string{"t3.r7", "t3.carry", "t3.new.TOT"} {
		if !r.Given(k) {
			t.Errorf("%s should be given explicitly in the city example", k)
		}
	}
	for b, v := range r.T4 {
		if v[4] < 10 {
			t.Errorf("表四 block %d total %d, want dozens of cases", b, v[4])
		}
	}
	if len(r.Overview.Sections) != 5 {
		t.Fatalf("一 has %d sub-sections, want 5", len(r.Overview.Sections))
	}
	for _, s := range r.Overview.Sections {
		if !s.RunIn || len(s.Paragraphs) < 2 {
			t.Errorf("sub-section %q: run-in %v, %d paragraphs; want run-in with 2+", s.Title, s.RunIn, len(s.Paragraphs))
		}
	}
	text := strings.Join(prose(r), "")
	for _, s := range []string{
		fmt.Sprintf("收到政府信息公开申请%d件", r.T3["new"][6]),
		fmt.Sprintf("办结%d件", r.T3["r7"][6]),
		fmt.Sprintf("行政复议%d件", r.T4[0][4]),
		fmt.Sprintf("行政诉讼%d件", r.T4[1][4]+r.T4[2][4]),
		"信息处理费",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("prose lacks %q", s)
		}
	}
	if r.Signature == "" || r.Date == "" || len(r.Preamble) < 3 {
		t.Errorf("signature %q, date %q, %d preamble paragraphs", r.Signature, r.Date, len(r.Preamble))
	}
}

// TestTownshipExample checks the small 2021 example: no applications, no cases, fee sentence in 六.
func TestTownshipExample(t *testing.T) {
	r := load(t, "township-2021.toml")
	if r.Format != layouts.F2021 || r.Year != 2024 {
		t.Errorf("format/year = %v/%d", r.Format, r.Year)
	}
	for id, a := range r.T3 {
		if a != [7]int64{} {
			t.Errorf("表三 %s = %v, want all zeros", id, a)
		}
	}
	if r.T4 != [3][5]int64{} {
		t.Errorf("表四 = %v, want all zeros", r.T4)
	}
	if r.Date != "2025年1月20日" {
		t.Errorf("date %q", r.Date)
	}
	if len(r.Other.Paragraphs) != 1 || r.Other.Paragraphs[0] != "本年度未收取信息处理费。" {
		t.Errorf("六 = %q", r.Other.Paragraphs)
	}
}

// TestExamplesAreUTF8WithoutTabs keeps the files plain: UTF-8, no tabs, no trailing blanks.
func TestExamplesAreUTF8WithoutTabs(t *testing.T) {
	files, _ := filepath.Glob("*.toml")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b) {
			t.Errorf("%s is not valid UTF-8", name)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.ContainsRune(line, '\t') || strings.TrimRight(line, " ") != line {
				t.Errorf("%s:%d: tab or trailing blank", name, i+1)
			}
		}
	}
}
