package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/report"
)

func sameReportT(t *testing.T, a, b *report.Report) {
	t.Helper()
	if !sameReport(a, b) {
		t.Errorf("reports differ:\n%+v\n%+v", a, b)
	}
}

func exampleFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../examples/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	return files
}

// Every example read into the form and written back loads to the same report, and writing that file
// again gives the same bytes (stable, deterministic).
func TestDocRoundTripExamples(t *testing.T) {
	for _, f := range exampleFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		orig, err := report.Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		d, err := DocFromTOML(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		enc := Encode(d)
		back, err := report.Parse(f, enc.Text)
		if err != nil {
			t.Fatalf("%s: written file does not load: %v\n%s", f, err, enc.Text)
		}
		sameReportT(t, orig, back)
		d2, err := DocFromTOML(enc.Text)
		if err != nil {
			t.Fatal(err)
		}
		if again := Encode(d2); string(again.Text) != string(enc.Text) {
			t.Errorf("%s: second write differs", f)
		}
		if len(enc.Paths) != strings.Count(string(enc.Text), "\n") {
			t.Errorf("%s: %d paths for %d lines", f, len(enc.Paths), strings.Count(string(enc.Text), "\n"))
		}
	}
}

// Typed totals, placeholders, run-in sub-sections, dates, GB18030 and odd strings survive the round trip.
func TestDocRoundTripDetails(t *testing.T) {
	src := `[report]
agency = "测试局"
year = 2023
title_lines = ["测试局2023年", "政府信息公开工作年度报告"]
date = "2024年1月5日"
preamble = "只有一段\"引号\"和\\反斜杠"
[overview]
paragraphs = ["共收到申请{{收到申请}}件。"]
[[overview.sections]]
title = "（一）主动公开"
runin = true
paragraphs = ["甲", "乙"]
[table2.xzxk]
decisions = "１５"
[table2.xzsyxsf]
amount = "1.2500"
[table3]
new = [3, 0, 0, 0, 0, 0, 3]
r1 = [3, 0, 0, 0, 0, 0]
r7 = [3, 0, 0, 0, 0, 0]
carry = [0, 0, 0, 0, 0, 0]
[table4]
review = [1, 0, 0, 0, 1]
[other]
paragraphs = ["本年度未收取信息处理费。"]
`
	orig, err := report.Parse("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := DocFromTOML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if d.Table3["new"][6] != "3" || len(d.Table3["r1"]) != 6 || d.Table4["review"][4] != "1" {
		t.Errorf("typed totals not kept: %v %v", d.Table3, d.Table4)
	}
	enc := Encode(d)
	back, err := report.Parse("x.toml", enc.Text)
	if err != nil {
		t.Fatalf("%v\n%s", err, enc.Text)
	}
	sameReportT(t, orig, back)
	for _, k := range []string{"t3.new.TOT", "t3.r7", "t3.carry", "t4.review.tot"} {
		if !back.Given(k) {
			t.Errorf("%s is no longer given", k)
		}
	}
	if !strings.Contains(string(enc.Text), "{{收到申请}}") {
		t.Error("placeholder expanded in the written file")
	}
}

// Values the loader refuses are written so that the loader names them, at the form field they came from.
func TestEncodeBadValues(t *testing.T) {
	d, err := DocFromTOML([]byte("[report]\nagency = \"甲\"\nyear = 2023\n"))
	if err != nil {
		t.Fatal(err)
	}
	d.Table3["new"] = []string{"1", "abc", "", "", "", ""}
	d.Table4["post"] = []string{"", "", "-1", ""}
	d.Table2["xzxk"] = map[string]string{"decisions": "1.5"}
	res, r, _ := checkDoc("x.toml", d)
	if r != nil || res.Loaded {
		t.Fatal("loaded a report with bad values")
	}
	want := map[string]bool{"t3.new.CE": false, "t4.post.other": false, "t2.xzxk.decisions": false}
	for _, p := range res.Problems {
		if _, ok := want[p.Target]; ok {
			want[p.Target] = true
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("no problem targeted at %s: %+v", k, res.Problems)
		}
	}
}

// A year the loader refuses is reported at the year field.
func TestEncodeBadYear(t *testing.T) {
	d := &Doc{Report: Meta{Agency: "甲", Year: "二〇二三"}}
	res, r, _ := checkDoc("x.toml", d)
	if r != nil || len(res.Problems) != 1 || res.Problems[0].Target != "report.year" {
		t.Fatalf("problems: %+v", res.Problems)
	}
}

// A file the form cannot hold (unknown key) is refused with the key named, not silently dropped.
func TestDocFromTOMLRefusesUnknown(t *testing.T) {
	_, err := DocFromTOML([]byte("[report]\nagency = \"甲\"\nyear = 2023\nfoo = 1\n"))
	if err == nil || !strings.Contains(err.Error(), "report.foo") {
		t.Fatalf("err = %v", err)
	}
}

// Findings point at the cell or paragraph they are about.
func TestCheckTargets(t *testing.T) {
	src := `[report]
agency = "测试局"
year = 2023
[overview]
paragraphs = ["", "本年共收到政府信息公开申请5件。"]
[table3]
new = [4, 0, 0, 0, 0, 0]
r1 = [3, 0, 0, 0, 0, 0]
carry = [0, 0, 0, 0, 0, 0]
[table4]
review = [1, 0, 0, 0, 2]
[other]
paragraphs = ["本年度未收取信息处理费。"]
`
	d, err := DocFromTOML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d.Overview.Paragraphs = []string{"", "本年共收到政府信息公开申请5件。"}
	res, r, _ := checkDoc("x.toml", d)
	if r == nil {
		t.Fatalf("not loaded: %+v", res.Problems)
	}
	got := map[string]string{}
	for _, f := range res.Findings {
		got[f.Rule] = f.Target
	}
	if got["T3-GOUJI"] != "t3.carry.NP" || got["T4-SUM"] != "t4.review.tot" || got["N-TEXT"] != "overview.paragraphs.1" {
		t.Errorf("targets: %v (%+v)", got, res.Findings)
	}
	if res.Values["t3.r7.NP"] != "3" || res.Values["t3.new.TOT"] != "4" {
		t.Errorf("computed values: r7.NP=%q new.TOT=%q", res.Values["t3.r7.NP"], res.Values["t3.new.TOT"])
	}
}

// A file nested deep enough to exhaust a recursive decoder is refused by the loader's guard first.
func TestDocFromTOMLGuards(t *testing.T) {
	deep := "[report]\nagency = \"甲\"\nyear = 2023\n[table3]\nnew = " + strings.Repeat("[", 3_000_000) + "\n"
	if _, err := DocFromTOML([]byte(deep)); err == nil || !strings.Contains(err.Error(), "嵌套") {
		t.Fatalf("deep nesting: %v", err)
	}
	dotted := "[report]\nagency = \"甲\"\nyear = 2023\n" + strings.Repeat("a.", 100_000) + "b = 1\n"
	if _, err := DocFromTOML([]byte(dotted)); err == nil {
		t.Fatal("deep dotted key accepted")
	}
}
