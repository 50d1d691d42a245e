// Package publish renders a whole county at once: the status of each unit's report, the index page
// OUT/index.html that the compiling office reads (and can post), OUT/summary.json for other tools, and the
// progress line of a batch.
package publish

import (
	"errors"
	"path/filepath"
	"strconv"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/report"
)

// Status values of a unit.
const (
	// Passed: rendered with no finding.
	Passed = "通过"
	// Warned: rendered, with warnings only.
	Warned = "警告"
	// Errored: rule errors or missing glyphs (not rendered, or rendered as a draft).
	Errored = "错误"
	// Unreadable: the file cannot be read or is not a valid report.
	Unreadable = "无法读取"
	// Failed: checked but not written for another reason (an output folder in the way, a font file …).
	Failed = "失败"
)

// Unit is one report of a batch, as the index and summary.json show it.
type Unit struct {
	// Input is the report file as given; Agency and Format come from the report (empty when unreadable).
	Input  string `json:"input"`
	Agency string `json:"agency"`
	Format string `json:"format"`
	// Status is one of Passed, Warned, Errored, Unreadable, Failed; Label is its Chinese text for people
	// (通过 / 3 条警告 / 2 条错误 / 无法读取 / 失败).
	Status string `json:"status"`
	Label  string `json:"label"`
	// Errors and Warnings count the findings (missing glyphs count as errors).
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// Outputs are the files written, relative to the output folder, with forward slashes.
	Outputs []string `json:"outputs"`
	// Findings are the findings of the report's checks; Problem is the load error or failure, if any.
	Findings []report.Finding `json:"findings"`
	Problem  string           `json:"problem,omitempty"`
}

// NewUnit makes the Unit of one rendered input; outDir is the batch's output folder.
func NewUnit(res *nianbao.Result, err error, outDir string) Unit {
	u := Unit{Input: res.Input, Agency: res.Agency, Format: res.Format, Findings: res.Findings, Outputs: []string{}}
	if u.Findings == nil {
		u.Findings = []report.Finding{}
	}
	for _, f := range res.Findings {
		if f.Severity == report.Error {
			u.Errors++
		} else {
			u.Warnings++
		}
	}
	u.Errors += len(res.Missing)
	for _, o := range res.Outputs {
		rel, e := filepath.Rel(outDir, o)
		if e != nil {
			rel = o
		}
		u.Outputs = append(u.Outputs, filepath.ToSlash(rel))
	}
	var le *report.LoadError
	switch {
	case errors.As(err, &le):
		u.Status, u.Problem = Unreadable, le.Error()
	case u.Errors > 0:
		u.Status = Errored
		if err != nil && !errors.Is(err, nianbao.ErrRules) && !errors.Is(err, nianbao.ErrGlyphs) {
			u.Problem = err.Error()
		}
	case err != nil:
		u.Status, u.Problem = Failed, err.Error()
	case u.Warnings > 0:
		u.Status = Warned
	default:
		u.Status = Passed
	}
	switch u.Status {
	case Warned:
		u.Label = strconv.Itoa(u.Warnings) + " 条警告"
	case Errored:
		u.Label = strconv.Itoa(u.Errors) + " 条错误"
	default:
		u.Label = u.Status
	}
	return u
}

// Summary is the whole batch: counts by status and the units in input order.
type Summary struct {
	Total      int    `json:"total"`
	Passed     int    `json:"passed"`
	Warned     int    `json:"warned"`
	Errored    int    `json:"errored"`
	Unreadable int    `json:"unreadable"`
	Failed     int    `json:"failed"`
	Units      []Unit `json:"units"`
	// Aggregate is the parent report written by --aggregate in the same run (relative path), if any.
	Aggregate string `json:"aggregate,omitempty"`
}

// NewSummary counts the units.
func NewSummary(units []Unit) *Summary {
	s := &Summary{Total: len(units), Units: units}
	for _, u := range units {
		switch u.Status {
		case Passed:
			s.Passed++
		case Warned:
			s.Warned++
		case Errored:
			s.Errored++
		case Unreadable:
			s.Unreadable++
		default:
			s.Failed++
		}
	}
	return s
}
