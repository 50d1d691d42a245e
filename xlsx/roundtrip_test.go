package xlsx

import (
	"reflect"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/report"
)

// sameReport compares what a workbook carries: meta, tables and narrative.
func sameReport(t *testing.T, name string, want, got *report.Report) {
	t.Helper()
	type pair struct {
		what      string
		want, got any
	}
	for _, p := range []pair{
		{"agency", want.Agency, got.Agency}, {"year", want.Year, got.Year}, {"format", want.Format, got.Format},
		{"title", want.Title, got.Title}, {"signature", want.Signature, got.Signature}, {"date", want.Date, got.Date},
		{"issued", want.Issued, got.Issued}, {"amount note", want.AmountNote, got.AmountNote},
		{"preamble", want.Preamble, got.Preamble}, {"overview", want.Overview, got.Overview},
		{"problems", want.Problems, got.Problems}, {"other", want.Other, got.Other},
		{"table 二", want.T2, got.T2}, {"table 三", want.T3, got.T3}, {"table 四", want.T4, got.T4},
	} {
		if !reflect.DeepEqual(p.want, p.got) {
			t.Errorf("%s: %s differs after the round trip:\nwant %v\n got %v", name, p.what, p.want, p.got)
		}
	}
}

// TestRoundTrip exports every example and reads it back: the same tables and narrative exactly, no blank
// cells, and the checks as clean as on the TOML file.
func TestRoundTrip(t *testing.T) {
	for name, r := range examples(t) {
		imp, err := ReadBytes(name+".xlsx", exportBytes(t, r))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameReport(t, name, r, imp.Report)
		if len(imp.Blanks) > 0 {
			t.Errorf("%s: blanks reported: %v", name, imp.Blanks)
		}
		if got, want := len(report.Check(imp.Report)), len(report.Check(r)); got != want {
			t.Errorf("%s: %d findings after the round trip, %d before: %v", name, got, want, report.Check(imp.Report))
		}
	}
}

// TestBrokenRoundTrip: a report whose written totals break the rules is exported with the written numbers
// (not formulas), so after the round trip the check finds exactly the same errors.
func TestBrokenRoundTrip(t *testing.T) {
	for _, name := range []string{"t3-gouji", "t3-items", "t3-rowsum", "t4-sum"} {
		r, err := report.Load("../report/testdata/broken/" + name + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		imp, err := ReadBytes(name+".xlsx", exportBytes(t, r))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameReport(t, name, r, imp.Report)
		rules := func(fs []report.Finding) []string {
			var out []string
			for _, f := range fs {
				if f.Severity == report.Error {
					out = append(out, f.Rule+" "+f.Row+" "+f.Column+" "+f.Expected+" "+f.Actual)
				}
			}
			return out
		}
		want, got := rules(report.Check(r)), rules(report.Check(imp.Report))
		if len(want) == 0 || !reflect.DeepEqual(want, got) {
			t.Errorf("%s: errors before %v, after the round trip %v", name, want, got)
		}
	}
}

// TestNegativeCarry: a 结转下年度 that its formula computes negative is refused at import with the reason.
func TestNegativeCarry(t *testing.T) {
	r, err := report.Load("../report/testdata/broken/domain.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ReadBytes("domain.xlsx", exportBytes(t, r))
	if err == nil || !strings.Contains(err.Error(), "表三!D29 “四、结转下年度继续办理”行“自然人”列为 -1，是负数：“（七）总计”超过了本年新收与上年结转之和") {
		t.Errorf("got %v", err)
	}
}
