package report

import (
	"fmt"
	"strconv"

	"github.com/nianbao/nianbao/layouts"
)

// Severity is the weight of a Finding: errors stop rendering, warnings do not.
type Severity string

const (
	// Error findings make `check` exit 1 and `render` refuse to write (unless --draft).
	Error Severity = "error"
	// Warning findings are printed but do not stop anything.
	Warning Severity = "warning"
)

// Finding is one result of a check rule.
type Finding struct {
	Severity Severity `json:"severity"`
	// Rule is the rule id: LOAD (the file could not be loaded, see LoadFindings), T3-GOUJI, T3-ROWSUM,
	// T3-ITEMS, T4-SUM, DOMAIN, N-TEXT, N-FEE, N-LENGTH, N-DATE, N-YEAR, N-PUNCT, C-AGENCY, C-SKELETON,
	// C-SECTION, C-TABLE; with last year's report X-CARRY, X-STOCK, X-SIMILAR.
	Rule string `json:"rule"`
	// Table is 表二, 表三 or 表四 (empty for prose rules).
	Table string `json:"table,omitempty"`
	// Row and Column are the official labels of the cell, as a person reads them.
	Row    string `json:"row,omitempty"`
	Column string `json:"column,omitempty"`
	// Expected is the value the rule computes, Actual the value the report states.
	Expected string `json:"expected,omitempty"`
	Actual   string `json:"actual,omitempty"`
	// Cell names the table cell a prose finding (N-TEXT) compared the text with; Quote is the fragment of
	// the text that was compared.
	Cell  string `json:"cell,omitempty"`
	Quote string `json:"quote,omitempty"`
	// Message is one line of Chinese naming the cell and the fix.
	Message string `json:"message"`
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
}

func (f Finding) String() string {
	loc := f.File
	if f.Line > 0 {
		loc += ":" + strconv.Itoa(f.Line)
	}
	sev := "错误"
	if f.Severity == Warning {
		sev = "警告"
	}
	return fmt.Sprintf("%s: %s [%s] %s", loc, sev, f.Rule, f.Message)
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Check runs every rule on one report: the arithmetic of tables 三 and 四 (T3-GOUJI, T3-ROWSUM, T3-ITEMS,
// T4-SUM, DOMAIN), the agreement of prose with the tables (N-TEXT, N-FEE, N-LENGTH), the plausibility of
// dates, years and punctuation (N-DATE, N-YEAR, N-PUNCT) and completeness (C-AGENCY, C-SKELETON, C-SECTION,
// C-TABLE). Findings come in a fixed order, so the same report always gives the same output.
func Check(r *Report) []Finding {
	var out []Finding
	out = append(out, checkTable3(r)...)
	out = append(out, checkTable4(r)...)
	out = append(out, checkText(r)...)
	out = append(out, checkComplete(r)...)
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func cellName(table, row, col string) string {
	return fmt.Sprintf("%s“%s”行“%s”列", table, row, col)
}

func checkTable3(r *Report) []Finding {
	var out []Finding
	rows := layouts.T3Rows(r.Format)
	name := map[string]string{}
	for _, row := range rows {
		name[row.ID] = row.Name()
	}
	line := func(id string) int { return r.Lines["table3."+id] }
	add := func(rule, id string, c int, want, got int64, why string) {
		col := layouts.T3Columns[c].Label
		out = append(out, Finding{Severity: Error, Rule: rule, Table: "表三", Row: name[id], Column: col,
			Expected: itoa(want), Actual: itoa(got), File: r.File, Line: line(id),
			Message: fmt.Sprintf("%s应为 %d（%s），实为 %d", cellName("表三", name[id], col), want, why, got)})
	}
	items := layouts.T3Items(r.Format)
	var sums [6]int64 // （一）至（六） per applicant column
	for c := range sums {
		for _, id := range items {
			sums[c] += r.T3[id][c]
		}
	}
	for _, row := range rows {
		a := r.T3[row.ID]
		if s := sum6(a); a[6] != s {
			// A wrong （七）总计 cell also breaks the row sum when its 总计 was right: one mistake, one finding.
			if row.ID == "r7" && a[6] == sums[0]+sums[1]+sums[2]+sums[3]+sums[4]+sums[5] {
				continue
			}
			add("T3-ROWSUM", row.ID, 6, s, a[6], "自然人至其他六列之和")
		}
	}
	// The 总计 column is not checked by the column rules: with every row passing T3-ROWSUM it follows from
	// the six applicant columns, and checking it too would repeat each finding.
	givenCarry := r.Given("t3.carry")
	for c := range layouts.T3Columns[:6] {
		col := layouts.T3Columns[c].Label
		nw, cd := r.T3["new"][c], r.T3["carried"][c]
		in := nw + cd
		out7, carry, sum := r.T3["r7"][c], r.T3["carry"][c], sums[c]
		negative := func(total int64, line int, what string) {
			out = append(out, Finding{Severity: Error, Rule: "DOMAIN", Table: "表三", Row: name["carry"], Column: col,
				Expected: "≥ 0", Actual: itoa(in - total), File: r.File, Line: line,
				Message: fmt.Sprintf("%s算得 %d，为负数：%s%d 件超过了本年新收与上年结转之和 %d 件，请核对办理结果", cellName("表三", name["carry"], col), in-total, what, total, in)})
		}
		if out7 != sum { // only when the file writes （七）总计
			if givenCarry && in == out7+carry {
				// （七）总计 agrees with 勾稽; the result rows are what is wrong.
				how := "多计"
				if sum < out7 {
					how = "少计"
				}
				out = append(out, Finding{Severity: Error, Rule: "T3-ITEMS", Table: "表三", Row: name["r7"], Column: col,
					Expected: itoa(sum), Actual: itoa(out7), File: r.File, Line: itemLine(r, items, c),
					Message: fmt.Sprintf("表三（一）至（六）各项办理结果“%s”列之和为 %d，而“（七）总计”为 %d，且与勾稽关系相符（本年新收 %d + 上年结转 %d = （七）总计 %d + 结转下年度 %d）：办理结果各行%s了 %d 件，请核对（一）至（六）各行，不要改（七）总计", col, sum, out7, nw, cd, out7, carry, how, abs(sum-out7))})
				continue
			}
			add("T3-ITEMS", "r7", c, sum, out7, "（一）至（六）各项办理结果之和")
			switch {
			case in-sum < 0:
				negative(sum, itemLine(r, items, c), "（一）至（六）各项办理结果之和 ")
			case givenCarry && in != sum+carry:
				add("T3-GOUJI", "carry", c, in-sum, carry, fmt.Sprintf("勾稽关系：本年新收 %d + 上年结转 %d − 办理结果之和 %d", nw, cd, sum))
			}
			continue
		}
		if carry < 0 {
			line := line("r7")
			if !r.Given("t3.r7") {
				line = itemLine(r, items, c)
			}
			negative(out7, line, "“（七）总计”")
			continue
		}
		if in != out7+carry {
			add("T3-GOUJI", "carry", c, in-out7, carry, fmt.Sprintf("勾稽关系：本年新收 %d + 上年结转 %d − 办理结果总计 %d", nw, cd, out7))
		}
	}
	return out
}

// itemLine is the line of the result rows behind a column's total: the last result row with a count in
// that column, else the first written, else [table3].
func itemLine(r *Report, items []string, c int) int {
	line := 0
	for _, id := range items {
		if n, ok := r.Lines["table3."+id]; ok && r.T3[id][c] != 0 {
			line = n
		}
	}
	if line == 0 {
		line = r.line("table3")
	}
	return line
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func checkTable4(r *Report) []Finding {
	var out []Finding
	for b, blk := range layouts.T4Blocks {
		a := r.T4[b]
		if s := a[0] + a[1] + a[2] + a[3]; a[4] != s {
			out = append(out, Finding{Severity: Error, Rule: "T4-SUM", Table: "表四", Row: blk.Label, Column: "总计",
				Expected: itoa(s), Actual: itoa(a[4]), File: r.File, Line: r.Lines["table4."+blk.ID],
				Message: fmt.Sprintf("表四“%s”栏“总计”应为 %d（结果维持、结果纠正、其他结果、尚未审结之和），实为 %d", blk.Label, s, a[4])})
		}
	}
	return out
}
