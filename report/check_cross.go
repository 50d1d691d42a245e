package report

import (
	"fmt"
	"strconv"

	"github.com/nianbao/nianbao/layouts"
)

// CheckPair runs the cross-year rules on this year's report cur against last year's prev:
// X-CARRY (上年结转 = last year's 结转下年度, an error that also names prose repeating the wrong number), X-SIMILAR (a narrative
// section more than 50 % like last year's, a warning; see Similarity) and X-STOCK (2019 format: 上一年项目数量 = last year's
// 上一年项目数量 + 本年增/减, and 对外公开总数量 does not shrink — errors; 2021 format: 现行有效件数 ≈ last
// year's 现行有效件数 + 本年制发件数 − 本年废止件数 — a warning).
func CheckPair(prev, cur *Report) []Finding {
	var out []Finding
	if prev.Year != cur.Year-1 {
		out = append(out, Finding{Severity: Warning, Rule: "X-CARRY", File: cur.File,
			Message: fmt.Sprintf("--prev 给出的是 %d 年的报告，本报告是 %d 年；跨年核对应使用上一年度（%d 年）的报告", prev.Year, cur.Year, cur.Year-1)})
	}
	for c, col := range layouts.T3Columns[:6] { // 总计 follows from the six (T3-ROWSUM)
		want, got := prev.T3["carry"][c], cur.T3["carried"][c]
		if want != got {
			out = append(out, Finding{Severity: Error, Rule: "X-CARRY", Table: "表三", Row: "二、上年结转政府信息公开申请数量", Column: col.Label,
				Expected: itoa(want), Actual: itoa(got), File: cur.File, Line: cur.Lines["table3.carried"],
				Message: fmt.Sprintf("表三“二、上年结转政府信息公开申请数量”行“%s”列应等于上年报告（%s）的“四、结转下年度继续办理”%d，实为 %d", col.Label, prev.File, want, got)})
		}
	}
	for i := range out {
		if out[i].Rule == "X-CARRY" && out[i].Table == "表三" {
			carriedText(prev, cur, &out[i])
			break
		}
	}
	out = append(out, checkSimilar(prev, cur)...)
	if prev.Format != cur.Format {
		return out // 2020 (2019 format) → 2021: only X-CARRY, X-SIMILAR are comparable.
	}
	t2 := func(r *Report, item, field string) int64 {
		n, _ := strconv.ParseInt(r.T2["t2."+item+"."+field], 10, 64)
		return n
	}
	for _, it := range layouts.T2Items(cur.Format) {
		line := cur.Lines["table2."+it.ID]
		has := map[string]bool{}
		for _, f := range it.Fields {
			has[f.ID] = true
		}
		switch {
		case has["prev_items"]:
			want := t2(prev, it.ID, "prev_items") + t2(prev, it.ID, "delta")
			if got := t2(cur, it.ID, "prev_items"); got != want {
				out = append(out, Finding{Severity: Error, Rule: "X-STOCK", Table: "表二", Row: it.Label, Column: "上一年项目数量",
					Expected: itoa(want), Actual: itoa(got), File: cur.File, Line: line,
					Message: fmt.Sprintf("表二“%s”行“上一年项目数量”应为上年报告的上一年项目数量加本年增/减，即 %d，实为 %d", it.Label, want, got)})
			}
		case has["total_published"]:
			before, now := t2(prev, it.ID, "total_published"), t2(cur, it.ID, "total_published")
			if now < before {
				out = append(out, Finding{Severity: Error, Rule: "X-STOCK", Table: "表二", Row: it.Label, Column: "对外公开总数量",
					Expected: "≥ " + itoa(before), Actual: itoa(now), File: cur.File, Line: line,
					Message: fmt.Sprintf("表二“%s”行“对外公开总数量”是累计数，不应少于上年的 %d，实为 %d", it.Label, before, now)})
			}
		case has["in_force"]:
			want := t2(prev, it.ID, "in_force") + t2(cur, it.ID, "made") - t2(cur, it.ID, "repealed")
			if got := t2(cur, it.ID, "in_force"); got != want {
				out = append(out, Finding{Severity: Warning, Rule: "X-STOCK", Table: "表二", Row: it.Label, Column: "现行有效件数",
					Expected: itoa(want), Actual: itoa(got), File: cur.File, Line: line,
					Message: fmt.Sprintf("表二“%s”行“现行有效件数”为 %d，而上年现行有效件数加本年制发减本年废止为 %d；如因清理失效等原因不同，请在正文说明", it.Label, got, want)})
			}
		}
	}
	return out
}
