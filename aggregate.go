package nianbao

import (
	"github.com/nianbao/nianbao/aggregate"
	"github.com/nianbao/nianbao/report"
)

// LoadChildren loads and checks each report file (TOML or .xlsx) for package aggregate: an unreadable file
// becomes a Child with Err set and its LOAD findings, never a failure of the whole set.
func LoadChildren(files []string) []aggregate.Child {
	out := make([]aggregate.Child, len(files))
	for i, f := range files {
		r, notes, locate, err := loadLocated(f)
		if err != nil {
			out[i] = aggregate.Child{File: f, Err: err, Findings: report.LoadFindings(f, err)}
			continue
		}
		out[i] = aggregate.Child{File: f, Report: r, Findings: append(notes, locate(report.Check(r))...)}
	}
	return out
}

// SameFile reports whether two paths name the same file (or would, once created).
func SameFile(a, b string) bool { return samePath(a, b) }
