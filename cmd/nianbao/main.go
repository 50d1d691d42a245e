// Command nianbao checks and renders 政府信息公开工作年度报告 from TOML files. It only parses flags, prints
// and dispatches; the work is done by package nianbao and the packages below it.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches a command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "-help":
		printUsage(stdout)
		return 0
	case "--version", "-version", "-v":
		args = append([]string{"version"}, args[1:]...)
	}
	c, ok := commands[args[0]]
	if !ok {
		return unknownCommand(args[0], stderr)
	}
	return c.run(args[1:], stdout, stderr)
}

func init() {
	register(command{rank: 10, name: "init", synopsis: "nianbao init [--format 2019|2021] --year 年份 [--agency 机关名称] [--from 上年.toml]",
		summary: "生成一份完整的报告模板（TOML），每个键旁注明官方表格中的名称，打印到标准输出。\n--from 从上年报告带入上年结转、上一年项目数量、机关名称和开头段落。",
		examples: []string{
			"nianbao init --year 2025 --agency 某某县人民政府办公室 > 2025.toml   # 2021 版格式的空白模板",
			"nianbao init --year 2025 --from 2024.toml > 2025.toml             # 带入上年数据",
			"nianbao init --format 2019 --year 2020 > 2020.toml                # 2019 版格式",
		},
		run: cmdInit})
	register(command{rank: 20, name: "check", synopsis: "nianbao check [--json] [--prev 上年.toml] [--children 下级文件夹 [--rules 规则.toml]] 报告.toml...",
		summary: "检查报告：勾稽关系（表三、表四）、正文数字与表格是否一致、与上年报告的衔接。\n每条问题一行：文件:行号: 错误/警告 [规则] 说明。",
		examples: []string{
			"nianbao check 2025.toml                     # 检查一份报告",
			"nianbao check --prev 2024.toml 2025.toml    # 同时核对上年结转等跨年规则",
			"nianbao check --json 各单位/*.toml > 结果.json",
			"nianbao check --children 各单位/ 青山县.toml  # 核对本级报告的表格与各单位之和",
		},
		run: cmdCheck})
	register(command{rank: 30, name: "render", synopsis: "nianbao render [-o 目录] [--pdf] [--docx] [--html] [--html-fragment] [--draft] [--fonts 目录] [--font 角色=文件]... [--no-system] [--docx-grid lines|chars] [--index] [--aggregate 本级.toml [--rules 规则.toml] [--roster 名单.txt] [--agency 机关名称]] 报告.toml...|文件夹",
		summary: "先检查，再生成 PDF（GB/T 9704 公文格式）、DOCX（可在 Word/WPS 中修改）和 HTML（网站“文字版”）。\n有错误时不生成文件（退出码 1），加 --draft 则照样生成并在每页标“草稿”（退出码 0，并提示错误条数）。",
		examples: []string{
			"nianbao render 2025.toml                      # 在报告旁生成 2025.pdf、2025.docx 和 2025.html",
			"nianbao render -o 输出 *.toml                 # 批量生成到“输出”文件夹",
			"nianbao render --pdf --draft 2025.toml        # 有错误也先出一份草稿 PDF",
			"nianbao render -o 发布 各单位/ --aggregate 青山县.toml --agency 青山县人民政府  # 整个县：各单位文件、发布/index.html 和本级汇总",
		},
		run: cmdRender})
	register(command{rank: 40, name: "fonts", synopsis: "nianbao fonts [--fonts 目录] [--font 角色=文件]... [--no-system] [报告.toml]",
		summary: "列出每个角色（标题、正文、黑体、楷体、宋体、西文）实际使用的字体及来源；给出报告时检查每个字是否都有字形。",
		examples: []string{
			"nianbao fonts                               # 看看用的是哪些字体",
			"nianbao fonts 2025.toml                     # 检查报告里的字是否都有字形",
			"nianbao fonts --font body=仿宋_GB2312.ttf 2025.toml",
		},
		run: cmdFonts})
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "", stderr)
	asJSON := fs.Bool("json", false, "以 JSON 数组输出检查结果（字段 severity、rule、table、row、column、expected、actual、message、file、line）")
	prev := fs.String("prev", "", "上年的报告`上年.toml`，用于跨年规则（上年结转、项目数量）")
	children := fs.String("children", "", "下级单位报告所在的`文件夹`：逐格核对本级报告是否等于各单位按汇总规则之和（见 nianbao aggregate）")
	rules := fs.String("rules", "", "与 --children 同用：汇总`规则`文件（默认每格相加）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *children != "" || *rules != "" {
		return checkChildren(*children, *rules, fs.Args(), *asJSON, stdout, stderr) // check_children.go
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "nianbao check：没有给出报告文件，例如 nianbao check 2025.toml")
		fs.Usage()
		return 2
	}
	code := 0
	all := []report.Finding{}
	for _, file := range fs.Args() {
		findings, figures, err := nianbao.CheckFileFigures(file, *prev)
		if err != nil {
			// A file that cannot be loaded is reported as LOAD findings in JSON, never as "no findings".
			fmt.Fprintln(stderr, err)
			all = append(all, findings...)
			all = append(all, report.LoadFindings(file, err)...)
			code = 2
			continue
		}
		all = append(all, findings...)
		if report.HasErrors(findings) && code < 1 {
			code = 1
		}
		if !*asJSON {
			for _, f := range findings {
				fmt.Fprintln(stdout, f)
			}
			for _, g := range figures {
				fmt.Fprintf(stdout, "%s: 信息：%s\n", file, g)
			}
			if !report.HasErrors(findings) {
				fmt.Fprintf(stdout, "%s: 检查通过（%d 条警告）\n", file, len(findings))
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(all); err != nil {
			return 2
		}
	}
	return code
}

func cmdRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", "", stderr)
	var o nianbao.RenderOptions
	fs.StringVar(&o.OutDir, "o", "", "输出文件夹`目录`（默认：每份报告所在的文件夹；不存在时自动创建）")
	fs.BoolVar(&o.PDF, "pdf", false, "只生成 PDF（默认 PDF、DOCX、HTML 都生成）")
	fs.BoolVar(&o.DOCX, "docx", false, "只生成 DOCX（默认 PDF、DOCX、HTML 都生成）")
	fs.BoolVar(&o.HTML, "html", false, "只生成 HTML 网页（文字版，完整网页，可在浏览器中预览）；可与 --pdf、--docx 同用")
	fs.BoolVar(&o.HTMLFragment, "html-fragment", false, "HTML 只写 <article> 片段，供粘贴到网站编辑器的“源代码”模式（代替 --html）")
	fs.BoolVar(&o.Draft, "draft", false, "有错误或缺字也生成，每页标“草稿”")
	fs.StringVar(&o.FontDir, "fonts", "", "先在这个`目录`里找官方字体（仿宋_GB2312、黑体、楷体_GB2312、方正小标宋简体）")
	files := fonts.FileFlags{}
	fs.Var(files, "font", "给某个角色指定字体：`角色=文件`（角色：title 标题、body 正文、hei 黑体、kai 楷体、song 宋体、latin 西文；可重复）")
	fs.BoolVar(&o.NoSystemFonts, "no-system", false, "不用本机安装的字体（只用内置字体和 --font/--fonts 指定的）")
	var batch batchFlags
	batch.register(fs) // render_batch.go
	fs.StringVar(&o.DocxGrid, "docx-grid", "lines", "DOCX 文档`网格`：lines（行网格），或 chars（Word 的每行 28 字网格，LibreOffice 显示不好）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "nianbao render：没有给出报告文件，例如 nianbao render 2025.toml")
		fs.Usage()
		return 2
	}
	if o.DocxGrid != "lines" && o.DocxGrid != "chars" {
		fmt.Fprintf(stderr, "nianbao render：--docx-grid 只能是 lines 或 chars，不能是 %q\n", o.DocxGrid)
		return 2
	}
	o.FontFiles = files
	if batch.wanted(fs.Args()) {
		return renderBatch(fs.Args(), o, batch, stdout, stderr) // render_batch.go
	}
	inputs := nianbao.UniqueInputs(fs.Args())
	coresFor(len(inputs)) // gc.go
	stopOnSignal(stderr)
	written := map[string]string{}
	for _, in := range inputs {
		for _, t := range nianbao.Targets(in, o) {
			abs, _ := filepath.Abs(t)
			if prev, ok := written[abs]; ok && prev != in {
				fmt.Fprintf(stderr, "nianbao render：%s 和 %s 都会写到 %s；请分两次用不同的 -o 文件夹生成\n", prev, in, t)
				return 2
			}
			written[abs] = in
		}
	}
	codes := make([]int, len(inputs))
	nianbao.RenderBatch(inputs, nianbao.BatchOptions{RenderOptions: o}, func(i int, res *nianbao.Result, err error) {
		codes[i] = printRender(res, err, o.Draft, stdout, stderr)
	})
	worst := 0
	for _, c := range codes {
		worst = max(worst, c)
	}
	return worst
}

// printRender prints the outcome of one file: its findings, missing glyphs and one progress line.
func printRender(res *nianbao.Result, err error, draft bool, stdout, stderr io.Writer) int {
	for _, f := range res.Findings {
		fmt.Fprintln(stderr, f)
	}
	for _, m := range res.Missing {
		level := "错误"
		if draft {
			level = "警告"
		}
		fmt.Fprintf(stderr, "%s: %s: %s\n", res.Input, level, m.Error())
	}
	for _, n := range res.Notes {
		fmt.Fprintf(stderr, "%s：说明：%s\n", res.Input, n)
	}
	var le *report.LoadError
	switch {
	case errors.As(err, &le):
		fmt.Fprintln(stderr, le)
		fmt.Fprintf(stdout, "%s：失败（文件无法读取或格式不对）\n", res.Input)
		return 2
	case errors.Is(err, nianbao.ErrRules), errors.Is(err, nianbao.ErrGlyphs):
		fmt.Fprintf(stdout, "%s：失败：%v\n", res.Input, err)
		return 1
	case err != nil:
		fmt.Fprintf(stdout, "%s：失败：%v\n", res.Input, err)
		return 2
	}
	if draft {
		if n := countErrors(res.Findings) + len(res.Missing); n > 0 {
			fmt.Fprintf(stdout, "%s：%d 条错误，已按草稿生成（每页标“草稿”，改正后再正式生成）\n", res.Input, n)
		}
	}
	fmt.Fprintf(stdout, "%s：已生成", res.Input)
	for _, out := range res.Outputs {
		fmt.Fprintf(stdout, " %s", out)
	}
	fmt.Fprintln(stdout)
	return 0
}

func cmdInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "", stderr)
	skeleton := skeletonFlags(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nianbao init：多余的参数 %q（模板打印到标准输出，用 > 文件名.toml 保存）\n", fs.Arg(0))
		return 2
	}
	o, ok := skeleton()
	if !ok {
		return 2
	}
	fmt.Fprint(stdout, report.Skeleton(o))
	return 0
}

// skeletonFlags defines the flags of a blank report (init, xlsx template): --format, --year, --agency and
// --from. After parsing, the returned function checks them, loads last year's report (TOML or workbook) and
// returns the skeleton options; ok is false after it printed what is wrong.
func skeletonFlags(fs *cmdFlags) func() (report.SkeletonOptions, bool) {
	format := fs.String("format", "", "`格式`：2019 或 2021（默认按年份：2020 年及以前 2019，以后 2021）")
	year := fs.Int("year", 0, "报告`年份`（必填），例如 2025")
	agency := fs.String("agency", "", "`机关名称`，例如 某某县人民政府办公室")
	from := fs.String("from", "", "上年的报告`上年.toml`（或 .xlsx）：带入上年结转、上一年项目数量、机关名称和开头段落")
	return func() (report.SkeletonOptions, bool) {
		name := "nianbao " + fs.Name()
		if *year < 2008 || *year > 2100 {
			fmt.Fprintf(fs.stderr, "%s：必须用 --year 给出报告年份，例如 --year 2025\n", name)
			return report.SkeletonOptions{}, false
		}
		o := report.SkeletonOptions{Year: *year, Agency: *agency, Format: layouts.Format(*format)}
		if *format == "" {
			o.Format = layouts.DefaultFormat(*year)
		}
		if !o.Format.Valid() {
			fmt.Fprintf(fs.stderr, "%s：--format 只能是 2019 或 2021，不能是 %q\n", name, *format)
			return o, false
		}
		if *from != "" {
			prev, _, err := nianbao.LoadAny(*from)
			if err != nil {
				fmt.Fprintln(fs.stderr, err)
				return o, false
			}
			o.From = prev
		}
		return o, true
	}
}

// countErrors counts the findings of severity error.
func countErrors(fs []report.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == report.Error {
			n++
		}
	}
	return n
}
