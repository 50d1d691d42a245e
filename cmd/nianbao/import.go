package main

import (
	"fmt"
	"io"
	"os"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/importer"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

func init() {
	register(command{rank: 50, name: "import",
		synopsis: "nianbao import [-o 草稿.toml] [--year 年份] [--format 2019|2021] [--agency 机关名称] 页面.html|正文.txt\n" +
			"       nianbao import --tsv [--table 二|三|四] [--into 报告.toml | --year 年份 [--format 格式] [--agency 机关名称]] [-o 文件] [行.tsv|-]",
		summary: "把已发布的年度报告（网站上的 HTML 页面，或从页面复制的纯文本）读回成报告文件草稿，作为下一年报告的起点。\n" +
			"--tsv 读取从 Excel/WPS 复制的表格行（制表符分隔，可带或不带标签列），填入表二、表三或表四。\n" +
			"草稿写到标准输出（或 -o 指定的文件，原子写入）；不确定的值上方有“【待核】”注释，提示写到标准错误。",
		examples: []string{
			"nianbao import 2024年报.html > 2024.toml                       # 导入去年网站上的年报",
			"nianbao init --year 2025 --from 2024.toml > 2025.toml         # 再由它生成今年的模板（带入上年结转）",
			"nianbao import --tsv --table 三 --into 2025.toml -o 2025.toml 表三.tsv   # 用粘贴的表三替换报告中的表三",
		},
		run: cmdImport})
}

// cmdImport runs `nianbao import`: a page or text (package importer) or pasted rows (--tsv) to a draft.
func cmdImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", synopsisOf("import"), stderr)
	out := fs.String("o", "", "草稿写入此`文件`（默认：标准输出）")
	year := fs.Int("year", 0, "报告`年份`（覆盖页面标题中的年度；--tsv 不带 --into 时必填）")
	format := fs.String("format", "", "报告格式 2019 或 2021（默认：按年度和表格判断）")
	agency := fs.String("agency", "", "`机关名称`（覆盖页面标题中的名称）")
	tsv := fs.Bool("tsv", false, "输入是从 Excel/WPS 复制的表格行（制表符分隔）")
	table := fs.String("table", "", "--tsv：粘贴的是哪张表（二、三、四）；不带标签列且无法判断时必填")
	into := fs.String("into", "", "--tsv：把粘贴的表填入这个`报告.toml`（保留其正文和其他表）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *format != "" && !layouts.Format(*format).Valid() {
		fmt.Fprintf(stderr, "nianbao import：--format 只能是 2019 或 2021，不是 %q\n", *format)
		return 2
	}
	if !*tsv && (*table != "" || *into != "") {
		fmt.Fprintln(stderr, "nianbao import：--table 和 --into 只能与 --tsv 一起使用")
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "nianbao import：一次只能导入一个文件，多出了 %q\n", fs.Arg(1))
		return 2
	}
	name := "-"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
	} else if !*tsv {
		fmt.Fprintln(stderr, "nianbao import：请给出要导入的页面或文本文件，例如 nianbao import 2024年报.html > 2024.toml")
		return 2
	}
	data, err := readInput(name)
	if err != nil {
		fmt.Fprintf(stderr, "nianbao import：%v\n", err)
		return 2
	}
	o := importer.Options{Name: name, Year: *year, Format: layouts.Format(*format), Agency: *agency}
	var res *importer.Result
	if *tsv {
		to := importer.TSVOptions{Options: o, Table: *table}
		if *into != "" {
			to.Into, err = report.Load(*into)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 2
			}
		}
		res, err = importer.TSV(data, to)
	} else {
		res, err = importer.Import(data, o)
	}
	if err != nil {
		fmt.Fprintf(stderr, "nianbao import：%v\n", err)
		return 2
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "%s: 提示：%s\n", name, w.Msg)
	}
	draft := res.TOML()
	if *out != "" {
		if err := nianbao.WriteFileAtomic(*out, draft); err != nil {
			fmt.Fprintf(stderr, "nianbao import：无法写入 %s：%v\n", *out, err)
			return 2
		}
		fmt.Fprintf(stderr, "%s → %s（%d 条提示；请核对【待核】注释后运行 nianbao check）\n", name, *out, len(res.Warnings))
		return 0
	}
	if _, err := stdout.Write(draft); err != nil {
		fmt.Fprintf(stderr, "nianbao import：%v\n", err)
		return 2
	}
	return 0
}

// readInput reads a file, or standard input for "-", at most importer.MaxInput bytes.
func readInput(name string) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = os.Stdin
	} else {
		fi, err := os.Stat(name)
		if err != nil {
			return nil, fmt.Errorf("无法读取 %s：%v", name, plainError(err))
		}
		if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%s 不是普通文件", name)
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("无法读取 %s：%v", name, plainError(err))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, importer.MaxInput+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取 %s：%v", name, err)
	}
	if len(data) > importer.MaxInput {
		return nil, fmt.Errorf("%s 过大：导入最多读取 %d MiB", name, importer.MaxInput>>20)
	}
	return data, nil
}

// plainError drops the operation and path of an *os.PathError (the message names the file already).
func plainError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
