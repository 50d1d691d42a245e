package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mustLoad(t *testing.T, path string) *Report {
	t.Helper()
	r, err := Load(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return r
}

// without drops the completeness findings (C-SECTION, C-TABLE, C-SKELETON) of the small fixtures, which
// leave sections and tables out on purpose, unless they are the rule under test.
func without(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "C-") && f.Rule != "C-AGENCY" && f.Rule != rule {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Every broken fixture gives exactly one finding, the one its comment describes.
func TestBrokenFixtures(t *testing.T) {
	cases := []struct {
		file, prev string
		want       Finding
	}{
		{"t3-gouji.toml", "", Finding{Severity: Error, Rule: "T3-GOUJI", Table: "表三", Row: "四、结转下年度继续办理", Column: "自然人", Expected: "1", Actual: "2", Line: 13}},
		{"t3-rowsum.toml", "", Finding{Severity: Error, Rule: "T3-ROWSUM", Table: "表三", Row: "（一）予以公开", Column: "总计", Expected: "3", Actual: "4", Line: 11}},
		{"t3-items.toml", "", Finding{Severity: Error, Rule: "T3-ITEMS", Table: "表三", Row: "（七）总计", Column: "商业企业", Expected: "2", Actual: "1", Line: 13}},
		{"t4-sum.toml", "", Finding{Severity: Error, Rule: "T4-SUM", Table: "表四", Row: "行政复议", Column: "总计", Expected: "4", Actual: "3", Line: 10}},
		{"domain.toml", "", Finding{Severity: Error, Rule: "DOMAIN", Table: "表三", Row: "四、结转下年度继续办理", Column: "自然人", Expected: "≥ 0", Actual: "-1"}},
		{"n-text.toml", "", Finding{Severity: Error, Rule: "N-TEXT", Row: "一、总体情况第1段", Cell: "表三“一、本年新收政府信息公开申请数量”总计", Quote: "全年共受理政府信息公开申请2件", Expected: "3", Actual: "2", Line: 7}},
		{"n-fee.toml", "", Finding{Severity: Warning, Rule: "N-FEE", Row: "六、其他需要报告的事项", Line: 6}},
		{"x-carry.toml", "x-carry-prev.toml", Finding{Severity: Error, Rule: "X-CARRY", Table: "表三", Row: "二、上年结转政府信息公开申请数量", Column: "自然人", Expected: "2", Actual: "1", Line: 10}},
		{"x-stock.toml", "x-stock-prev.toml", Finding{Severity: Error, Rule: "X-STOCK", Table: "表二", Row: "行政许可", Column: "上一年项目数量", Expected: "17", Actual: "16", Line: 6}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("testdata", "broken", c.file)
			r := mustLoad(t, path)
			got := without(Check(r), c.want.Rule)
			if c.prev != "" {
				got = append(got, CheckPair(mustLoad(t, filepath.Join("testdata", "broken", c.prev)), r)...)
			}
			if len(got) != 1 {
				t.Fatalf("got %d findings, want 1: %v", len(got), got)
			}
			f := got[0]
			if f.Message == "" || !strings.Contains(f.Message, c.want.Row) {
				t.Errorf("message %q does not name the row %q", f.Message, c.want.Row)
			}
			if c.want.Column != "" && !strings.Contains(f.Message, "“"+c.want.Column+"”") {
				t.Errorf("message %q does not name the column %q", f.Message, c.want.Column)
			}
			c.want.Message, c.want.File = f.Message, path
			if c.want.Line == 0 {
				c.want.Line = f.Line
			}
			if f != c.want {
				t.Errorf("finding\n got  %+v\n want %+v", f, c.want)
			}
		})
	}
}

func TestDomainMessageExplains(t *testing.T) {
	f := Check(mustLoad(t, "testdata/broken/domain.toml"))[0]
	want := "表三“四、结转下年度继续办理”行“自然人”列算得 -1，为负数：“（七）总计”3 件超过了本年新收与上年结转之和 2 件，请核对办理结果"
	if f.Message != want {
		t.Errorf("message\n got  %s\n want %s", f.Message, want)
	}
}

func TestExamplesPassCheck(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.toml")
	if len(files) < 3 {
		t.Fatalf("expected at least 3 examples, found %d", len(files))
	}
	for _, f := range files {
		r := mustLoad(t, f)
		if fs := Check(r); HasErrors(fs) {
			t.Errorf("%s: %v", f, fs)
		}
	}
}

func TestCheckPairAcrossFormats(t *testing.T) {
	// 2020 (2019 format) → 2021 format: only X-CARRY compares; here the carried row matches.
	prev := mustLoad(t, "testdata/broken/x-stock-prev.toml")
	prev.Year = 2020
	cur := mustLoad(t, "testdata/broken/n-fee.toml")
	cur.Year = 2021
	if got := CheckPair(prev, cur); len(got) != 0 {
		t.Errorf("unexpected findings: %v", got)
	}
}

func TestNTextAcceptsMatchingNumbersAndPlaceholders(t *testing.T) {
	src := `[report]
agency = "测试局"
year = 2023
[overview]
paragraphs = ["全年共收到政府信息公开申请{{收到申请}}件，办结{{办结}}件，结转下年度{{结转}}件。", "收到政府信息公开申请5件。", "本年度被申请行政复议{{复议}}件，行政诉讼{{诉讼}}件。"]
[other]
paragraphs = ["本年度未收取信息处理费。"]
[table3]
new = [4, 1, 0, 0, 0, 0]
r1 = [3, 0, 0, 0, 0, 0]
[table4]
review = [1, 0, 0, 0]
post = [0, 0, 1, 1]
`
	r, err := Parse("inline.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if fs := without(Check(r), ""); len(fs) != 0 {
		t.Errorf("findings: %v", fs)
	}
	if got := r.Overview.Paragraphs[0]; got != "全年共收到政府信息公开申请5件，办结3件，结转下年度2件。" {
		t.Errorf("placeholders: %s", got)
	}
	if got := r.Overview.Paragraphs[2]; got != "本年度被申请行政复议1件，行政诉讼2件。" {
		t.Errorf("placeholders: %s", got)
	}
	r.Overview.Paragraphs = []string{"本年度未发生政府信息公开行政复议案件。"}
	r.T4[0] = [5]int64{2, 0, 0, 0, 2}
	fs := without(Check(r), "")
	if len(fs) != 1 || fs[0].Rule != "N-TEXT" || fs[0].Expected != "0" || fs[0].Actual != "2" {
		t.Errorf("“未发生…行政复议” with 2 cases: %v", fs)
	}
}

// TestCarriedProseRightTableWrong: the table's 上年结转 differs from last year's 结转下年度 and the prose states
// last year's number. One mistake (the table cell), one finding: X-CARRY, naming the sentence as right; the
// N-TEXT finding about that sentence is dropped where the two checks are combined.
func TestCarriedProseRightTableWrong(t *testing.T) {
	prev := mustLoad(t, "testdata/broken/x-carry-prev.toml")
	data, err := os.ReadFile("testdata/broken/x-carry.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "本年度未收到政府信息公开申请，上年结转的申请已全部办结。", "本年度未收到新的政府信息公开申请，上年结转2件，已全部办结。", 1)
	cur, err := Parse("x-carry-prose.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	own := Check(cur)
	if len(own) != 1 || own[0].Rule != "N-TEXT" || own[0].Quote != "上年结转2件" {
		t.Fatalf("Check alone: %v, want the N-TEXT finding on 上年结转2件", own)
	}
	all := append(DropCarriedRepeats(own, prev, cur), CheckPair(prev, cur)...)
	if len(all) != 1 || all[0].Rule != "X-CARRY" || !strings.Contains(all[0].Message, "“上年结转2件”写的 2 件与上年报告一致") {
		t.Fatalf("combined: %v, want one X-CARRY finding that names the sentence as right", all)
	}
	// The twin: the prose repeats this year's wrong number: N-TEXT has nothing to say, X-CARRY names it.
	src = strings.Replace(src, "上年结转2件", "上年结转1件", 1)
	cur, err = Parse("x-carry-prose.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	own = Check(cur)
	all = append(DropCarriedRepeats(own, prev, cur), CheckPair(prev, cur)...)
	if len(all) != 1 || all[0].Rule != "X-CARRY" || !strings.Contains(all[0].Message, "写的也是 1 件") {
		t.Fatalf("twin: %v", all)
	}
}
