package xlsx

import (
	"reflect"
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
