package importer

import (
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

func TestTSVTable3IntoReport(t *testing.T) {
	city, err := report.Load("../examples/city-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	township, err := report.Load("../examples/township-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, labels := range []bool{true, false} {
		var b strings.Builder
		for _, row := range layouts.T3Rows(city.Format) {
			if labels {
				b.WriteString(row.Name() + "\t")
			}
			for i, x := range city.T3[row.ID] {
				if i > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(strings.TrimSpace(formatInt(x)))
			}
			b.WriteString("\r\n")
		}
		res, err := TSV([]byte(b.String()), TSVOptions{Options: Options{Name: "paste"}, Into: township})
		if err != nil {
			t.Fatalf("labels=%v: %v", labels, err)
		}
		got := res.Report
		for _, row := range layouts.T3Rows(city.Format) {
			if got.T3[row.ID] != city.T3[row.ID] {
				t.Errorf("labels=%v: 表三 %s = %v, want %v", labels, row.ID, got.T3[row.ID], city.T3[row.ID])
			}
		}
		// Only table 三 was replaced: the narrative and table 二 are the township's.
		if got.Agency != township.Agency || got.T2["t2.xzxk.decisions"] != township.T2["t2.xzxk.decisions"] ||
			len(got.Overview.Sections) != len(township.Overview.Sections) {
			t.Errorf("labels=%v: the rest of the report was not kept", labels)
		}
		if len(res.Warnings) > 0 {
			t.Errorf("labels=%v: warnings %v", labels, res.Warnings)
		}
	}
}

func formatInt(x int64) string {
	return strings.TrimSpace(strings.TrimLeft(padInt(x), " "))
}

func padInt(x int64) string {
	if x == 0 {
		return "0"
	}
	var d []byte
	for x > 0 {
		d = append([]byte{byte('0' + x%10)}, d...)
		x /= 10
	}
	return string(d)
}

func TestTSVExcelCopyWithGroupColumns(t *testing.T) {
	// As copied from a sheet laid out like the official table: the merged label cells give their text once,
	// the other rows of the merge are empty cells.
	paste := "三、本年度办理结果\t（一）予以公开\t\t5\t1\t0\t0\t0\t0\t6\n" +
		"\t（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n" +
		"\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n" +
		"\t（四）无法提供\t1.本机关不掌握相关政府信息\t2\t0\t0\t0\t0\t0\t2\n"
	res, err := TSV([]byte(paste), TSVOptions{Options: Options{Name: "paste", Year: 2024, Agency: "某局"}})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.T3["r1"] != [7]int64{5, 1, 0, 0, 0, 0, 6} || r.T3["r3_1"] != [7]int64{1, 0, 0, 0, 0, 0, 1} || r.T3["r4_1"] != [7]int64{2, 0, 0, 0, 0, 0, 2} {
		t.Errorf("表三 %v", r.T3)
	}
	if r.T3["r7"] != [7]int64{8, 1, 0, 0, 0, 0, 9} {
		t.Errorf("r7 computed = %v", r.T3["r7"])
	}
	if r.Agency != "某局" || r.Format != layouts.F2021 {
		t.Errorf("meta %q %s", r.Agency, r.Format)
	}
}

func TestTSVTables2And4WithoutLabels(t *testing.T) {
	res, err := TSV([]byte("1\t0\t3\n0\t0\t0\n"), TSVOptions{Options: Options{Year: 2024}, Table: "二"})
	if err == nil || !strings.Contains(err.Error(), "表二（2021 格式）应粘贴 6 行") {
		t.Errorf("short table 二: %v", err)
	}
	res, err = TSV([]byte("1\t0\t3\n0\t0\t0\n12\n3\n4\n5.5\n"), TSVOptions{Options: Options{Year: 2024}})
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Report.T2; v["t2.gz.made"] != "1" || v["t2.gz.in_force"] != "3" || v["t2.xzxk.decisions"] != "12" || v["t2.xzsyxsf.amount"] != "5.5" {
		t.Errorf("表二 %v", v)
	}
	res, err = TSV([]byte("1\t0\t0\t0\t1\t0\t0\t0\t2\t2\t0\t0\t0\t0\t0\n"), TSVOptions{Options: Options{Year: 2024}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.T4 != [3][5]int64{{1, 0, 0, 0, 1}, {0, 0, 0, 2, 2}, {}} {
		t.Errorf("表四 %v", res.Report.T4)
	}
	if _, err := TSV([]byte("1\t2\t3\t4\t5\t6\t7\t8\t9\t10\n"), TSVOptions{Options: Options{Year: 2024}}); err == nil || !strings.Contains(err.Error(), "--table") {
		t.Errorf("undecidable paste: %v", err)
	}
	if _, err := TSV([]byte("1\t2\n"), TSVOptions{}); err == nil || !strings.Contains(err.Error(), "--year") {
		t.Errorf("no year: %v", err)
	}
}
