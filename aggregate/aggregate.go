// Package aggregate is the compiling office's stage: it combines the reports of a government's units
// (townships, departments) into the report of the 本级政府, cell by cell under per-cell rules (by default
// every cell sums: the 勾稽 identities of tables 三 and 四 are linear, so the sum of consistent reports is
// consistent), checks the roster, and verifies a hand-made parent report against its children.
package aggregate

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// Child is one unit's report as loaded and checked by the caller.
type Child struct {
	// File is the report's path.
	File string
	// Report is nil when the file could not be read (Err says why).
	Report *report.Report
	// Findings are the child's own check findings.
	Findings []report.Finding
	// Err is the load error of an unreadable file.
	Err error
}

// Failed reports whether the child cannot be summed as it is: unreadable, or with rule errors.
func (c Child) Failed() bool { return c.Report == nil || report.HasErrors(c.Findings) }

// Name is the unit's agency, or the file name when the report is unreadable.
func (c Child) Name() string {
	if c.Report != nil && c.Report.Agency != "" {
		return c.Report.Agency
	}
	return c.File
}

// Options configure Aggregate.
type Options struct {
	// Rules are the per-cell rules and the parent's identity (may be nil).
	Rules *Rules
	// Agency, Year and Format override the rules file; Year and Format default to the children's.
	Agency string
	Year   int
	Format layouts.Format
	// Roster is the list of units expected (one agency per entry); nil skips the completeness check.
	Roster []string
	// Draft writes the parent even when children fail their checks: unreadable children are left out, and
	// children with errors are summed as they are (the header says so).
	Draft bool
}

// Outcome is the result of Aggregate.
type Outcome struct {
	// Parent is the combined report; TOML is it written as a commented report file (nil when refused).
	Parent *report.Report
	TOML   []byte
	// Included are the children summed, in the order given.
	Included []Child
	// Failed are the children that fail their own checks or cannot be read.
	Failed []Child
	// Missing are roster units with no report; Extra are units with a report that are not on the roster.
	Missing, Extra []string
	// Clerk lists the cells left for the compiling office, From the cells taken from one unit.
	Clerk, From []Cell
}

// ErrChildren is returned (wrapped) by Aggregate when a child fails its checks and Draft is off.
var ErrChildren = errors.New("有单位的报告未通过检查或无法读取，未生成汇总报告（改正后再汇总，或用 --draft 先出草稿）")

// Aggregate combines the children into the parent report. Mixed formats or years, a From rule naming a unit
// that has no report, a missing agency and (without Draft) failing children are errors; the Outcome still
// lists the roster differences and the failing children.
func Aggregate(children []Child, o Options) (*Outcome, error) {
	out := &Outcome{}
	if len(children) == 0 {
		return out, errors.New("没有单位的报告可汇总：请给出各单位的报告文件或所在文件夹")
	}
	for _, c := range children {
		if c.Failed() {
			out.Failed = append(out.Failed, c)
		}
		if c.Report != nil && (!c.Failed() || o.Draft) {
			out.Included = append(out.Included, c)
		}
	}
	out.Missing, out.Extra = compareRoster(o.Roster, children)
	if len(out.Failed) > 0 && !o.Draft {
		return out, fmt.Errorf("%w：%s", ErrChildren, names(out.Failed))
	}
	if len(out.Included) == 0 {
		return out, errors.New("没有可以汇总的报告：每个单位的报告都无法读取")
	}
	format, year, err := common(out.Included, o)
	if err != nil {
		return out, err
	}
	agency := o.Agency
	if agency == "" && o.Rules != nil {
		agency = o.Rules.Agency
	}
	if agency == "" {
		return out, errors.New("没有给出本级政府的机关名称：用 --agency 某某县人民政府，或在规则文件中写 agency = \"某某县人民政府\"")
	}
	byUnit := map[string]*report.Report{}
	for _, c := range out.Included {
		byUnit[c.Report.Agency] = c.Report
	}
	parent := skeleton(agency, year, format)
	if o.Rules != nil && o.Rules.Signature != "" {
		parent.Signature = o.Rules.Signature
	}
	comments := map[string]string{}
	for _, cell := range Cells(format) {
		rule := o.Rules.RuleFor(cell.Key)
		if rule.Kind == From && byUnit[rule.Unit] == nil {
			return out, fmt.Errorf("规则文件把 %s（%s）定为取自“%s”，但没有这个单位的报告（或它未通过检查）；已有的单位：%s",
				cell.Name(), cell.Key, rule.Unit, names(out.Included))
		}
		v, err := Expected(cell, rule, out.Included)
		if err != nil {
			return out, err
		}
		if err := set(parent, cell, v); err != nil {
			return out, err
		}
		switch rule.Kind {
		case Clerk:
			out.Clerk = append(out.Clerk, cell)
			comments[cell.Path] = appendNote(comments[cell.Path], cell.Column+"：由编制单位填写（规则文件 clerk），现为 0")
		case From:
			out.From = append(out.From, cell)
			comments[cell.Path] = appendNote(comments[cell.Path], cell.Column+"：取自“"+rule.Unit+"”的报告")
		}
	}
	out.Parent = parent
	out.TOML = report.Write(parent, report.WriteOptions{Header: header(out, format, year), Comments: comments, Totals: true})
	return out, nil
}

func appendNote(old, s string) string {
	if old == "" {
		return s
	}
	return old + "\n" + s
}

// common returns the format and year shared by the children; mixed ones are an error naming the files.
func common(children []Child, o Options) (layouts.Format, int, error) {
	formats := map[layouts.Format][]string{}
	years := map[int][]string{}
	for _, c := range children {
		formats[c.Report.Format] = append(formats[c.Report.Format], c.File)
		years[c.Report.Year] = append(years[c.Report.Year], c.File)
	}
	if len(formats) > 1 {
		var parts []string
		for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
			if files := formats[f]; len(files) > 0 {
				parts = append(parts, fmt.Sprintf("%s 版格式 %d 份（%s）", f, len(files), strings.Join(files, "、")))
			}
		}
		return "", 0, fmt.Errorf("各单位的报告格式不一致，不能汇总：%s。同一年度的报告应采用同一格式（2020 年度及以前用 2019 版，2021 年起用 2021 版），请统一后再汇总", strings.Join(parts, "；"))
	}
	if len(years) > 1 {
		var ys []int
		for y := range years {
			ys = append(ys, y)
		}
		sort.Ints(ys)
		var parts []string
		for _, y := range ys {
			parts = append(parts, fmt.Sprintf("%d 年度 %d 份（%s）", y, len(years[y]), strings.Join(years[y], "、")))
		}
		return "", 0, fmt.Errorf("各单位的报告年度不一致，不能汇总：%s；请只汇总同一年度的报告", strings.Join(parts, "；"))
	}
	format := children[0].Report.Format
	year := children[0].Report.Year
	want := o.Format
	if want == "" && o.Rules != nil {
		want = o.Rules.Format
	}
	if want != "" && want != format {
		return "", 0, fmt.Errorf("要求汇总为 %s 版格式，但各单位的报告是 %s 版格式；两种格式的表格不同，不能换算", want, format)
	}
	wantYear := o.Year
	if wantYear == 0 && o.Rules != nil {
		wantYear = o.Rules.Year
	}
	if wantYear != 0 && wantYear != year {
		return "", 0, fmt.Errorf("要求汇总 %d 年度，但各单位的报告是 %d 年度", wantYear, year)
	}
	return format, year, nil
}

// Expected returns the parent's value of a cell under a rule over the children (integers as decimal text).
// Clerk cells are "0".
func Expected(cell Cell, rule Rule, children []Child) (string, error) {
	switch rule.Kind {
	case Clerk:
		return "0", nil
	case From:
		for _, c := range children {
			if c.Report != nil && c.Report.Agency == rule.Unit {
				return c.Report.CellText(cell.Key), nil
			}
		}
		return "", fmt.Errorf("%s：没有“%s”的报告", cell.Name(), rule.Unit)
	}
	values := make([]string, 0, len(children))
	for _, c := range children {
		values = append(values, c.Report.CellText(cell.Key))
	}
	s, err := sumDecimals(values)
	if err != nil {
		return "", fmt.Errorf("%s：%v", cell.Name(), err)
	}
	if cell.Kind != layouts.Decimal {
		if _, err := strconv.ParseInt(s, 10, 64); err != nil {
			return "", fmt.Errorf("%s：合计 %s 超出整数范围", cell.Name(), s)
		}
	}
	return s, nil
}

// set stores a value in the parent report.
func set(r *report.Report, cell Cell, v string) error {
	parts := strings.Split(cell.Key, ".")
	if parts[0] == "t2" {
		r.T2[cell.Key] = v
		return nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return fmt.Errorf("%s：%q 不是整数", cell.Name(), v)
	}
	switch parts[0] {
	case "t3":
		row := r.T3[parts[1]]
		for i, c := range layouts.T3Columns {
			if c.ID == parts[2] {
				row[i] = n
			}
		}
		r.T3[parts[1]] = row
	case "t4":
		for b, blk := range layouts.T4Blocks {
			for k, res := range layouts.T4Results {
				if blk.ID == parts[1] && res.ID == parts[2] {
					r.T4[b][k] = n
				}
			}
		}
	}
	return nil
}

// skeleton returns an empty parent report: the official sub-headings of 一、总体情况 with no text.
func skeleton(agency string, year int, format layouts.Format) *report.Report {
	r := &report.Report{Agency: agency, Year: year, Format: format, Signature: agency,
		T2: map[string]string{}, T3: map[string][7]int64{}, Lines: map[string]int{}}
	r.Preamble = []string{fmt.Sprintf("本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。", year, year)}
	for _, t := range []string{"主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"} {
		r.Overview.Sections = append(r.Overview.Sections, report.SubSection{Title: t})
	}
	return r
}

// header returns the comment lines at the top of the parent file: what it is, the units included, the
// units left out and the roster differences.
func header(out *Outcome, format layouts.Format, year int) []string {
	h := []string{
		fmt.Sprintf("%s%d年政府信息公开工作年度报告 — nianbao aggregate 由 %d 个单位的报告汇总生成（%s 版格式）。", out.Parent.Agency, year, len(out.Included), format),
		"表格逐格汇总（规则见 README“汇总本级报告”）；正文各节为空，请编制单位填写后再 nianbao check、nianbao render。",
		"核对：nianbao check --children 各单位文件夹 本文件.toml",
		"计入的单位：",
	}
	for i, c := range out.Included {
		h = append(h, fmt.Sprintf("  %d. %s（%s）", i+1, c.Name(), c.File))
	}
	var left []string
	for _, c := range out.Failed {
		if c.Report == nil {
			left = append(left, c.File)
		}
	}
	if len(left) > 0 {
		h = append(h, "草稿：以下报告无法读取，未计入："+strings.Join(left, "、"))
	}
	var bad []string
	for _, c := range out.Failed {
		if c.Report != nil {
			bad = append(bad, c.Name())
		}
	}
	if len(bad) > 0 {
		h = append(h, "草稿：以下单位的报告有错误，已按原样计入："+strings.Join(bad, "、"))
	}
	if len(out.Missing) > 0 {
		h = append(h, "名单中没有报告的单位："+strings.Join(out.Missing, "、"))
	}
	if len(out.Extra) > 0 {
		h = append(h, "有报告但不在名单中的单位："+strings.Join(out.Extra, "、"))
	}
	return h
}

func names(cs []Child) string {
	var s []string
	for _, c := range cs {
		s = append(s, c.Name())
	}
	return strings.Join(s, "、")
}
