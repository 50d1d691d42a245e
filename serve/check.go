package serve

import (
	"errors"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// Note is one load problem or rule finding as the page shows it: the loader's or the rule's Chinese
// message, and the form field it belongs to.
type Note struct {
	Severity report.Severity `json:"severity"`
	// Rule is the rule id (T3-GOUJI …), or LOAD for a value the loader refuses.
	Rule    string `json:"rule"`
	Message string `json:"message"`
	// Target names the form field: a table cell by its layouts key ("t3.carry.NP", "t2.xzxk.delta"), a
	// table row ("t3.new"), a paragraph ("overview.sections.0.paragraphs.1"), a field ("report.year") or a
	// section ("other"); "" when the note concerns the whole report.
	Target string `json:"target"`
	// Line is the line in the file as it would be saved.
	Line int `json:"line,omitempty"`
}

// CheckResult is the answer of the check endpoint.
type CheckResult struct {
	// Loaded is false when the loader refused the report (Problems says why); the rules ran only if true.
	Loaded   bool   `json:"loaded"`
	Problems []Note `json:"problems"`
	Findings []Note `json:"findings"`
	// Values holds the printed text of every data cell, the computed ones included.
	Values map[string]string `json:"values"`
	// Title is the report's title (the default one when the form leaves it empty).
	Title    string `json:"title"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	// Draft is true when the report breaks a rule of report.Check, so that `render` would refuse it and
	// the downloads carry the 草稿 mark (the cross-year rules do not make a draft, as in `render`).
	Draft bool `json:"draft"`
	// Prev names last year's report the cross-year rules compared with ("" when none).
	Prev string `json:"prev,omitempty"`
}

// checkDoc runs the strict loader and every rule of `nianbao check` on the form state. The report is nil
// when the loader refused it.
func checkDoc(name string, d *Doc) (*CheckResult, *report.Report, *Encoded) {
	return checkDocPrev(name, d, nil)
}

// checkDocPrev is checkDoc plus the cross-year rules against the report prev returns (nil: none), as
// `nianbao check --prev` runs them.
func checkDocPrev(name string, d *Doc, prev func(cur *report.Report) *report.Report) (*CheckResult, *report.Report, *Encoded) {
	enc := Encode(d)
	res := &CheckResult{Problems: []Note{}, Findings: []Note{}, Values: map[string]string{}}
	r, err := report.Parse(name, enc.Text)
	if err != nil {
		var le *report.LoadError
		if errors.As(err, &le) {
			for _, p := range le.Problems {
				res.Problems = append(res.Problems, Note{Severity: report.Error, Rule: "LOAD", Message: p.Msg,
					Line: p.Line, Target: lineTarget(enc.PathAt(p.Line), p.Msg)})
			}
		} else {
			res.Problems = append(res.Problems, Note{Severity: report.Error, Rule: "LOAD", Message: err.Error()})
		}
		res.Errors = len(res.Problems)
		return res, nil, enc
	}
	res.Loaded = true
	res.Title = r.Title
	cells := cellIndex(r)
	findings := report.Check(r)
	res.Draft = report.HasErrors(findings)
	if prev != nil {
		if p := prev(r); p != nil {
			res.Prev = p.File
			findings = append(report.DropCarriedRepeats(findings, p, r), report.CheckPair(p, r)...)
		}
	}
	for _, f := range findings {
		n := Note{Severity: f.Severity, Rule: f.Rule, Message: f.Message, Line: f.Line}
		if f.Table != "" {
			n.Target = cells[f.Table+"|"+f.Row+"|"+f.Column]
		} else {
			n.Target = proseTarget(d, enc.PathAt(f.Line), f.Row)
		}
		res.Findings = append(res.Findings, n)
		if f.Severity == report.Error {
			res.Errors++
		} else {
			res.Warnings++
		}
	}
	for _, t := range tables(r) {
		for _, c := range t.Cells {
			if c.Key != "" {
				res.Values[c.Key] = r.CellText(c.Key)
			}
		}
	}
	return res, r, enc
}

func tables(r *report.Report) []*layouts.Table {
	t2, t3, t4 := r.Tables()
	return []*layouts.Table{t2, t3, t4}
}

// cellIndex maps "表三|row name|column label" (as findings name a cell) to the cell's layouts key.
func cellIndex(r *report.Report) map[string]string {
	m := map[string]string{}
	for _, it := range layouts.T2Items(r.Format) {
		for _, fd := range it.Fields {
			m["表二|"+it.Label+"|"+fd.Label] = "t2." + it.ID + "." + fd.ID
		}
	}
	for _, row := range layouts.T3Rows(r.Format) {
		for _, c := range layouts.T3Columns {
			m["表三|"+row.Name()+"|"+c.Label] = "t3." + row.ID + "." + c.ID
		}
	}
	for _, b := range layouts.T4Blocks {
		for _, k := range layouts.T4Results {
			m["表四|"+b.Label+"|"+k.Label] = "t4." + b.ID + "." + k.ID
		}
	}
	return m
}

// lineTarget turns the field on a refused line into a form target; for a table row it picks the cell the
// loader's message names (表三“…”行“自然人”列, 表四“…”栏“结果维持”).
func lineTarget(path, msg string) string {
	switch {
	case strings.HasPrefix(path, "table3."):
		row := strings.TrimPrefix(path, "table3.")
		for _, c := range layouts.T3Columns {
			if strings.Contains(msg, "行“"+c.Label+"”列") {
				return "t3." + row + "." + c.ID
			}
		}
		return "t3." + row
	case strings.HasPrefix(path, "table4."):
		blk := strings.TrimPrefix(path, "table4.")
		for _, k := range layouts.T4Results {
			if strings.Contains(msg, "栏“"+k.Label+"”") {
				return "t4." + blk + "." + k.ID
			}
		}
		return "t4." + blk
	case strings.HasPrefix(path, "table2."):
		return "t2." + strings.TrimPrefix(path, "table2.")
	}
	return path
}

var nthPara = lazyre.New(`第(\d+)段$`)

// proseTarget finds the paragraph a prose finding is about: the rules name the paragraph list by its line
// and the paragraph by its place ("一、总体情况（主动公开）第2段", counting the paragraphs the loader kept).
func proseTarget(d *Doc, path, where string) string {
	m := nthPara.FindStringSubmatch(where)
	if m == nil || path == "" {
		return path
	}
	n, _ := strconv.Atoi(m[1])
	ps := paragraphsAt(d, path)
	k := 0
	for i, p := range ps {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if k++; k == n {
			return path + "." + strconv.Itoa(i)
		}
	}
	return path
}

// paragraphsAt returns the paragraph list a path such as "overview.sections.1.paragraphs" names.
func paragraphsAt(d *Doc, path string) []string {
	parts := strings.Split(path, ".")
	if path == "report.preamble" {
		return d.Report.Preamble
	}
	var n *Narr
	switch parts[0] {
	case "overview":
		n = &d.Overview
	case "problems":
		n = &d.Problems
	case "other":
		n = &d.Other
	default:
		return nil
	}
	if len(parts) == 2 && parts[1] == "paragraphs" {
		return n.Paragraphs
	}
	if len(parts) == 4 && parts[1] == "sections" && parts[3] == "paragraphs" {
		i, err := strconv.Atoi(parts[2])
		if err == nil && i >= 0 && i < len(n.Sections) {
			return n.Sections[i].Paragraphs
		}
	}
	return nil
}
