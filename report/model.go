// Package report holds the data model of one 政府信息公开工作年度报告, its strict TOML loader, the derived
// totals and the 勾稽 checks. Renderers read a *Report through Blocks and CellText.
package report

import (
	"strconv"
	"time"

	"github.com/nianbao/nianbao/layouts"
)

// Report is one annual report, loaded and completed (omitted totals computed).
type Report struct {
	// File is the path the report was loaded from (for messages).
	File string
	// Agency is 机关名称.
	Agency string
	// Year is the report year (统计年度).
	Year int
	// Format is the national format the report follows.
	Format layouts.Format
	// Title defaults to {Agency}{Year}年政府信息公开工作年度报告.
	Title string
	// TitleLines, when set (title_lines in [report]), are the lines the title is printed in, as the clerk
	// breaks it; joined they equal Title.
	TitleLines []string
	// Preamble holds the paragraphs before 一、总体情况 (编制依据、统计期限、联系方式).
	Preamble []string
	// Signature (署名) and Date (成文日期, printed form such as 2021年1月20日) close the report; both optional.
	Signature string
	Date      string
	// Issued is the 成文日期 as a date (zero when the report gives none); PDF metadata uses it.
	Issued time.Time
	// AmountNote is printed after the 2019 header 采购总金额, e.g. （单位：万元，保留4位小数）.
	AmountNote string

	// Overview (一、总体情况), Problems (五、存在的主要问题及改进情况) and Other (六、其他需要报告的事项).
	Overview, Problems, Other Narrative

	// T2 holds the values of table 二 by data key ("t2.xzxk.decisions"), as written (decimals exact).
	T2 map[string]string
	// T3 holds table 三 by row id; the columns are NP, CE, RI, SW, LS, OT, TOT.
	T3 map[string][7]int64
	// T4 holds table 四: [review, direct, post][keep, fix, other, pending, tot].
	T4 [3][5]int64

	// Fonts maps a font role to a font file given in the report's [fonts] table.
	Fonts map[string]string

	// givenRow records values written in the file that could have been computed (see Given).
	givenRow map[string]bool

	// Lines maps TOML key paths ("table3.r7", "overview.sections.1.title") to their line in File.
	Lines map[string]int
}

// Narrative is a prose section: paragraphs, then numbered sub-sections （一）（二）….
type Narrative struct {
	Paragraphs []string
	Sections   []SubSection
}

// SubSection is a second-level part of a narrative section, numbered automatically （一）（二）….
type SubSection struct {
	// Title is the heading without its number, e.g. 主动公开情况.
	Title string
	// RunIn sets the heading at the start of the first paragraph, in 楷体, ended with 。
	// ("（一）主动公开情况。2020年…"), instead of on a line of its own.
	RunIn      bool
	Paragraphs []string
}

// Tables returns the three tables of the report's format, with its print options.
func (r *Report) Tables() (t2, t3, t4 *layouts.Table) {
	o := layouts.Options{AmountNote: r.AmountNote}
	return layouts.Table2(r.Format, o), layouts.Table3(r.Format), layouts.Table4()
}

// CellText returns the printed text of a data cell by its layouts key: a number, never a blank ("0").
func (r *Report) CellText(key string) string {
	if v, ok := r.T2[key]; ok {
		return v
	}
	if v, ok := r.Value(key); ok {
		return strconv.FormatInt(v, 10)
	}
	return "0"
}

// Narrative returns the narrative section stored under a layouts section key (overview, problems, other).
func (r *Report) Narrative(key string) Narrative {
	switch key {
	case "overview":
		return r.Overview
	case "problems":
		return r.Problems
	case "other":
		return r.Other
	}
	return Narrative{}
}
