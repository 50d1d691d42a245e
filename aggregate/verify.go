package aggregate

import (
	"fmt"
	"strings"

	"github.com/nianbao/nianbao/report"
)

// Verify checks a parent report made by hand against its children: every cell whose rule is Sum or From
// must equal the rule's value over the children. Each difference is an error finding (rule H-SUM or
// H-FROM) naming the cell, the parent's value, the expected value, the children's values and the rule —
// the check that catches two digits transposed on the way from the units' tables to the parent's. Children
// that cannot be read, or a parent of another format or year, are errors too (rule H-CHILD).
func Verify(parent *report.Report, children []Child, rules *Rules) []report.Finding {
	var out []report.Finding
	fail := func(msg string) {
		out = append(out, report.Finding{Severity: report.Error, Rule: "H-CHILD", Message: msg, File: parent.File})
	}
	var ok []Child
	for _, c := range children {
		if c.Report == nil {
			fail(fmt.Sprintf("下级报告 %s 无法读取，不能核对：%v", c.File, c.Err))
			continue
		}
		if c.Report.Format != parent.Format || c.Report.Year != parent.Year {
			fail(fmt.Sprintf("下级报告 %s 是 %d 年度 %s 版格式，本级报告是 %d 年度 %s 版格式，不能核对", c.File, c.Report.Year, c.Report.Format, parent.Year, parent.Format))
			continue
		}
		ok = append(ok, c)
	}
	if len(ok) == 0 {
		fail("没有可以核对的下级报告")
		return out
	}
	for _, cell := range Cells(parent.Format) {
		rule := rules.RuleFor(cell.Key)
		if rule.Kind == Clerk {
			continue
		}
		want, err := Expected(cell, rule, ok)
		if err != nil {
			fail(err.Error())
			continue
		}
		got := parent.CellText(cell.Key)
		if equalDecimals(got, want) {
			continue
		}
		id := "H-SUM"
		if rule.Kind == From {
			id = "H-FROM"
		}
		out = append(out, report.Finding{Severity: report.Error, Rule: id, Table: cell.Table, Row: cell.Row, Column: cell.Column,
			Expected: want, Actual: got, File: parent.File, Line: parent.Lines[cell.Path],
			Message: fmt.Sprintf("%s（%s）：本级报告为 %s，按规则“%s”应为 %s；下级各单位：%s。请核对是否抄错或漏计",
				cell.Name(), cell.Key, got, rule.Describe(), want, childValues(cell, rule, ok))})
	}
	return out
}

// childValues lists the children's values of a cell: the non-zero ones by unit, then how many are zero.
func childValues(cell Cell, rule Rule, children []Child) string {
	var parts []string
	zero := 0
	for _, c := range children {
		v := c.Report.CellText(cell.Key)
		if rule.Kind == From && c.Report.Agency != rule.Unit {
			continue
		}
		if equalDecimals(v, "0") && rule.Kind != From {
			zero++
			continue
		}
		parts = append(parts, c.Report.Agency+" "+v)
	}
	if zero > 0 {
		if len(parts) == 0 {
			return fmt.Sprintf("%d 个单位均为 0", zero)
		}
		parts = append(parts, fmt.Sprintf("其余 %d 个单位为 0", zero))
	}
	return strings.Join(parts, "、")
}
