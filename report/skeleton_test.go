package report

import (
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
)

func TestSkeletonLoadsAndPasses(t *testing.T) {
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		year := 2020
		if f == layouts.F2021 {
			year = 2024
		}
		src := Skeleton(SkeletonOptions{Format: f, Year: year, Agency: "青石镇人民政府"})
		r, err := Parse("skeleton.toml", []byte(src))
		if err != nil {
			t.Fatalf("%s skeleton does not load: %v\n%s", f, err, src)
		}
		if r.Format != f || r.Agency != "青石镇人民政府" || r.Year != year {
			t.Errorf("%s: loaded %s %s %d", f, r.Format, r.Agency, r.Year)
		}
		if HasErrors(Check(r)) {
			t.Errorf("%s skeleton fails check: %v", f, Check(r))
		}
		// Every row and item of the format is present with its official label beside it.
		for _, row := range layouts.T3Rows(f) {
			if row.ID != "r7" && row.ID != "carry" && !strings.Contains(src, row.ID+" ") {
				t.Errorf("%s skeleton lacks table3 row %s", f, row.ID)
			}
			if row.ID != "r7" && row.ID != "carry" && !strings.Contains(src, "# "+row.Name()) {
				t.Errorf("%s skeleton lacks the label %s", f, row.Name())
			}
		}
		for _, it := range layouts.T2Items(f) {
			if !strings.Contains(src, "[table2."+it.ID+"]") {
				t.Errorf("%s skeleton lacks table2.%s", f, it.ID)
			}
		}
	}
}

// init → edit → check, and init --from carries last year's numbers over.
func TestSkeletonEditAndFrom(t *testing.T) {
	src := Skeleton(SkeletonOptions{Format: layouts.F2019, Year: 2019, Agency: "测试局"})
	src = strings.Replace(src, "new     = [0, 0, 0, 0, 0, 0]", "new     = [3, 1, 0, 0, 0, 0]", 1)
	src = strings.Replace(src, "r1      = [0, 0, 0, 0, 0, 0]", "r1      = [2, 0, 0, 0, 0, 0]", 1)
	src = strings.Replace(src, "[table2.xzxk]  # 第二十条第（五）项 行政许可\nprev_items = 0", "[table2.xzxk]  # 第二十条第（五）项 行政许可\nprev_items = 15", 1)
	src = strings.Replace(src, "delta = 0  # 本年增/减\ndecisions = 0  # 处理决定数量\n[table2.qtdwglfw]", "delta = -2  # 本年增/减\ndecisions = 0  # 处理决定数量\n[table2.qtdwglfw]", 1)
	prev, err := Parse("2019.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if fs := Check(prev); HasErrors(fs) {
		t.Fatalf("edited skeleton: %v", fs)
	}
	if got := prev.T3["carry"]; got != [7]int64{1, 1, 0, 0, 0, 0, 2} {
		t.Fatalf("computed carry %v", got)
	}
	next := Skeleton(SkeletonOptions{Format: layouts.F2019, Year: 2020, From: prev})
	cur, err := Parse("2020.toml", []byte(next))
	if err != nil {
		t.Fatal(err)
	}
	if cur.Agency != "测试局" {
		t.Errorf("agency not carried over: %q", cur.Agency)
	}
	if got := cur.T3["carried"]; got != [7]int64{1, 1, 0, 0, 0, 0, 2} {
		t.Errorf("上年结转 %v, want last year's 结转下年度", got)
	}
	if got := cur.T2["t2.xzxk.prev_items"]; got != "13" {
		t.Errorf("上一年项目数量 %s, want 15 + (-2) = 13", got)
	}
	if fs := CheckPair(prev, cur); len(fs) != 0 {
		t.Errorf("cross-year findings after init --from: %v", fs)
	}
	if !strings.Contains(strings.Join(cur.Preamble, ""), "2020年1月1日") {
		t.Errorf("preamble year not advanced: %v", cur.Preamble)
	}
}
