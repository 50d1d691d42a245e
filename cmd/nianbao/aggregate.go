package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/aggregate"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

func init() {
	register(command{rank: 35, name: "aggregate",
		synopsis: "nianbao aggregate [--rules 规则.toml] [--roster 名单.txt] [--agency 机关名称] [--year 年份] [--format 2019|2021] [--draft] -o 本级.toml 单位报告.toml... | 文件夹",
		summary:  "把各单位（乡镇、部门）的报告逐格汇总成本级政府报告的数据文件：表格按规则相加（默认全部相加），正文留空待填写。\n给出 --roster 时列出没有报告的单位和不在名单中的单位；有单位未通过检查时不生成（--draft 照样生成）。",
		examples: []string{
			"nianbao aggregate --agency 青山县人民政府 -o 青山县.toml 各单位/        # 汇总文件夹里的全部报告",
			"nianbao aggregate --rules 汇总规则.toml --roster 名单.txt -o 青山县.toml 各单位/",
			"nianbao check --children 各单位/ 青山县.toml                         # 核对本级报告与各单位之和",
		},
		run: cmdAggregate})
}

func cmdAggregate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("aggregate", "", stderr)
	outFile := fs.String("o", "", "汇总结果写到这个`文件`（必填），例如 青山县.toml")
	rulesFile := fs.String("rules", "", "汇总`规则`文件（TOML）：本级机关名称，以及哪些表二的格取自某个单位或由编制单位填写（见 README）")
	rosterFile := fs.String("roster", "", "单位`名单`文件：一行一个机关名称，用来列出没有报告的单位")
	agency := fs.String("agency", "", "本级政府的`机关名称`，例如 青山县人民政府（也可写在规则文件里）")
	year := fs.Int("year", 0, "报告`年份`（默认取各单位报告的年份；不一致时报错）")
	format := fs.String("format", "", "报告`格式` 2019 或 2021（默认取各单位报告的格式；不一致时报错）")
	draft := fs.Bool("draft", false, "有单位未通过检查也汇总：无法读取的不计入，有错误的按原样计入（文件开头注明）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *outFile == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "nianbao aggregate：须用 -o 给出汇总结果的文件名，并给出各单位的报告或所在文件夹，例如 nianbao aggregate -o 青山县.toml 各单位/")
		fs.Usage()
		return 2
	}
	if *format != "" && !layouts.Format(*format).Valid() {
		fmt.Fprintf(stderr, "nianbao aggregate：--format 只能是 2019 或 2021，不能是 %q\n", *format)
		return 2
	}
	o := aggregate.Options{Agency: *agency, Year: *year, Format: layouts.Format(*format), Draft: *draft}
	code := runAggregate(fs.Args(), *outFile, *rulesFile, *rosterFile, o, stdout, stderr)
	return code
}

// runAggregate loads the children, aggregates them and writes the parent; it is shared by aggregate and
// render --aggregate. It returns the exit code.
func runAggregate(paths []string, outFile, rulesFile, rosterFile string, o aggregate.Options, stdout, stderr io.Writer) int {
	if rulesFile != "" {
		rules, err := aggregate.LoadRules(rulesFile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		o.Rules = rules
	}
	if rosterFile != "" {
		roster, err := aggregate.LoadRoster(rosterFile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		o.Roster = roster
	}
	files, err := nianbao.ReportFiles(paths)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	for _, f := range files {
		if nianbao.SameFile(f, outFile) {
			fmt.Fprintf(stderr, "nianbao aggregate：汇总结果 %s 就在要汇总的报告中；请把它写到各单位报告所在文件夹之外\n", outFile)
			return 2
		}
	}
	children := nianbao.LoadChildren(files)
	out, err := aggregate.Aggregate(children, o)
	for _, c := range out.Failed {
		if c.Report == nil {
			fmt.Fprintf(stderr, "%s：无法读取（%v）\n", c.File, c.Err)
			continue
		}
		fmt.Fprintf(stderr, "%s：%s 未通过检查：\n", c.File, c.Name())
		for _, f := range c.Findings {
			if f.Severity == report.Error {
				fmt.Fprintf(stderr, "  %s\n", f)
			}
		}
	}
	for _, m := range out.Missing {
		fmt.Fprintf(stderr, "nianbao aggregate：名单中的“%s”没有报告\n", m)
	}
	for _, e := range out.Extra {
		fmt.Fprintf(stderr, "nianbao aggregate：“%s”有报告，但不在名单 %s 中\n", e, rosterFile)
	}
	if err != nil {
		fmt.Fprintf(stderr, "nianbao aggregate：%v\n", err)
		if errors.Is(err, aggregate.ErrChildren) {
			return 1
		}
		return 2
	}
	if err := nianbao.WriteFileAtomic(outFile, out.TOML); err != nil {
		fmt.Fprintf(stderr, "nianbao aggregate：%v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "%s：已汇总 %d 个单位的报告（%s 版格式，%d 年度）", outFile, len(out.Included), out.Parent.Format, out.Parent.Year)
	if len(out.Clerk) > 0 {
		fmt.Fprintf(stdout, "；%d 格由编制单位填写（标“【待核】”）", len(out.Clerk))
	}
	fmt.Fprintln(stdout, "；正文各节请填写后再检查、生成")
	return 0
}
