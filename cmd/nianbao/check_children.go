package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/aggregate"
	"github.com/nianbao/nianbao/report"
)

// checkChildren is check --children DIR PARENT.toml...: each parent's own checks plus the hierarchy check
// of package aggregate (every aggregated cell equals the rule's value over the children).
func checkChildren(dir, rulesFile string, parents []string, asJSON bool, stdout, stderr io.Writer) int {
	if dir == "" {
		fmt.Fprintln(stderr, "nianbao check：--rules 要和 --children 同用，例如 nianbao check --children 各单位/ --rules 规则.toml 青山县.toml")
		return 2
	}
	if len(parents) == 0 {
		fmt.Fprintln(stderr, "nianbao check：没有给出本级报告，例如 nianbao check --children 各单位/ 青山县.toml")
		return 2
	}
	var rules *aggregate.Rules
	if rulesFile != "" {
		r, err := aggregate.LoadRules(rulesFile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		rules = r
	}
	files, err := nianbao.ReportFiles([]string{dir})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	var kids []string
	for _, f := range files {
		skip := false
		for _, p := range parents {
			skip = skip || nianbao.SameFile(f, p)
		}
		if !skip {
			kids = append(kids, f)
		}
	}
	if len(kids) == 0 {
		fmt.Fprintf(stderr, "nianbao check：文件夹 %s 里没有下级单位的报告（*.toml、*.xlsx）\n", dir)
		return 2
	}
	children := nianbao.LoadChildren(kids)
	code := 0
	all := []report.Finding{}
	for _, p := range parents {
		parent, notes, err := nianbao.LoadAny(p)
		if err != nil {
			fmt.Fprintln(stderr, err)
			all = append(all, report.LoadFindings(p, err)...)
			code = 2
			continue
		}
		fs := append(notes, report.Check(parent)...)
		fs = append(fs, aggregate.Verify(parent, children, rules)...)
		all = append(all, fs...)
		if report.HasErrors(fs) {
			code = max(code, 1)
		}
		if !asJSON {
			for _, f := range fs {
				fmt.Fprintln(stdout, f)
			}
			if !report.HasErrors(fs) {
				fmt.Fprintf(stdout, "%s: 检查通过，表格与 %d 个下级单位的汇总一致（%d 条警告）\n", p, len(children), len(fs))
			}
		}
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(all); err != nil {
			return 2
		}
	}
	return code
}
