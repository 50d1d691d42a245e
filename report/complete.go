package report

import (
	"github.com/nianbao/nianbao/layouts"
)

// complete computes what the file may omit: the 总计 column of every table 三 row, the （七）总计 row, the
// 四、结转下年度继续办理 row and the 总计 of table 四. Values the file gives are kept as written; the checks
// compare them with the computed ones.
func (l *loader) complete() {
	r := l.r
	r.givenRow = map[string]bool{}
	for k, v := range l.given {
		r.givenRow[k] = v
	}
	// （七）总计 and 结转下年度 per applicant column, unless the file wrote the row …
	if !l.given["t3.r7"] {
		var a [7]int64
		for _, id := range layouts.T3Items(r.Format) {
			for c := range 6 {
				a[c] += r.T3[id][c]
			}
		}
		r.T3["r7"] = a
	}
	if !l.given["t3.carry"] {
		var a [7]int64
		for c := range 6 {
			a[c] = r.T3["new"][c] + r.T3["carried"][c] - r.T3["r7"][c]
		}
		r.T3["carry"] = a
	}
	// … then the 总计 column of every row, unless the file wrote it.
	for _, row := range layouts.T3Rows(r.Format) {
		if !l.given["t3."+row.ID+".TOT"] {
			a := r.T3[row.ID]
			a[6] = sum6(a)
			r.T3[row.ID] = a
		}
	}
	for b := range r.T4 {
		if !l.given["t4."+layouts.T4Blocks[b].ID+".tot"] {
			r.T4[b][4] = r.T4[b][0] + r.T4[b][1] + r.T4[b][2] + r.T4[b][3]
		}
	}
}

func sum6(a [7]int64) int64 { return a[0] + a[1] + a[2] + a[3] + a[4] + a[5] }

// Given reports whether the file wrote a value that the loader could have computed: "t3.r7" and "t3.carry"
// (whole rows), "t3.<row>.TOT" (a 总计 cell) or "t4.<block>.tot"; and "table2", "table3", "table4" for a
// table the file writes at all.
func (r *Report) Given(key string) bool { return r.givenRow[key] }
