package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/xlsx"
)

func init() {
	register(command{rank: 50, name: "xlsx",
		synopsis: "nianbao xlsx template [--format 2019|2021] --year 年份 [--agency 机关名称] [--from 上年.toml] [-o 模板.xlsx]\n" +
			"       nianbao xlsx export 报告.toml [-o 报告.xlsx]\n" +
			"       nianbao xlsx import 填好的.xlsx [--into 报告.toml] [-o 报告.toml]",
		summary: "Excel 工作簿：生成表二、表三、表四的填报模板（标签锁定、公式自动合计、勾稽检查变红），导出报告，读回填好的工作簿。\n" +
			"读回按表格标签定位，插入的空行、文本格式的数字、全角数字都能识别；出错时指出“工作表!单元格”和官方标签。\n" +
			"render 和 check 也可以直接读 .xlsx 文件。",
		examples: []string{
			"nianbao xlsx template --year 2025 --agency 某某县人民政府办公室 -o 2025模板.xlsx   # 发给各单位填写",
			"nianbao xlsx template --year 2025 --from 2024.toml -o 2025模板.xlsx             # 带入上年结转",
			"nianbao xlsx import 某某局.xlsx > 某某局.toml                                   # 读回填好的工作簿",
			"nianbao xlsx import 汇总.xlsx --into 2025.toml                                  # 只替换 2025.toml 的表格，正文不动",
			"nianbao xlsx export 2025.toml -o 2025.xlsx                                      # 把报告导出为工作簿",
			"nianbao check 某某局.xlsx                                                       # 直接检查工作簿",
		},
		run: cmdXlsx})
}

func cmdXlsx(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "nianbao xlsx：缺少子命令 template、export 或 import")
		fmt.Fprintf(stderr, "用法：%s\n运行 nianbao xlsx -h 查看示例。\n", synopsisOf("xlsx"))
		return 2
	}
	switch args[0] {
	case "template":
		return cmdXlsxTemplate(args[1:], stdout, stderr)
	case "export":
		return cmdXlsxExport(args[1:], stdout, stderr)
	case "import":
		return cmdXlsxImport(args[1:], stdout, stderr)
	case "-h", "--help", "-help", "help":
		fs := newFlags("xlsx", "", stderr)
		fs.String("format", "", "template：`格式` 2019 或 2021（默认按年份）")
		fs.Int("year", 0, "template：报告`年份`（必填）")
		fs.String("agency", "", "template：`机关名称`")
		fs.String("from", "", "template：上年的报告`上年.toml`（或 .xlsx），带入上年结转和上一年项目数量")
		fs.String("into", "", "import：只替换这份`报告.toml`的表格，正文不动（直接改写该文件，除非给出 -o）")
		fs.String("o", "", "输出`文件`（template、import 默认写到标准输出；export 默认写到报告旁的同名 .xlsx）")
		printCommandHelp(stderr, "xlsx", synopsisOf("xlsx"), fs.FlagSet)
		return 0
	}
	fmt.Fprintf(stderr, "nianbao xlsx：未知的子命令 %q；可用 template、export、import\n", args[0])
	return 2
}

// writeOut writes data to the file out (atomically) or, when out is empty, to stdout.
func writeOut(out string, data []byte, stdout, stderr io.Writer, cmd string) int {
	if out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "nianbao %s：写出失败：%v\n", cmd, err)
			return 2
		}
		return 0
	}
	if err := nianbao.WriteFileAtomic(out, data); err != nil {
		fmt.Fprintf(stderr, "nianbao %s：%v\n", cmd, err)
		return 2
	}
	fmt.Fprintf(stderr, "nianbao %s：已写出 %s\n", cmd, out)
	return 0
}

func cmdXlsxTemplate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("xlsx template", "nianbao xlsx template [--format 2019|2021] --year 年份 [--agency 机关名称] [--from 上年.toml] [-o 模板.xlsx]", stderr)
	skeleton := skeletonFlags(fs)
	out := fs.String("o", "", "写到这个`文件`（默认写到标准输出，用 > 模板.xlsx 保存）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nianbao xlsx template：多余的参数 %q（用 -o 文件.xlsx 指定输出）\n", fs.Arg(0))
		return 2
	}
	o, ok := skeleton()
	if !ok {
		return 2
	}
	var b bytes.Buffer
	if err := xlsx.Template(o, &b); err != nil {
		fmt.Fprintf(stderr, "nianbao xlsx template：%v\n", err)
		return 2
	}
	return writeOut(*out, b.Bytes(), stdout, stderr, "xlsx template")
}

func cmdXlsxExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("xlsx export", "nianbao xlsx export 报告.toml [-o 报告.xlsx]", stderr)
	out := fs.String("o", "", "写到这个`文件`（默认：报告旁边的同名 .xlsx；- 表示标准输出）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "nianbao xlsx export：请给出一份报告文件，例如 nianbao xlsx export 2025.toml -o 2025.xlsx")
		return 2
	}
	in := fs.Arg(0)
	r, _, err := nianbao.LoadAny(in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	target := *out
	switch target {
	case "":
		target = strings.TrimSuffix(in, filepath.Ext(in)) + ".xlsx"
	case "-":
		target = ""
	}
	if target != "" && sameFile(target, in) {
		fmt.Fprintf(stderr, "nianbao xlsx export：输出 %s 会覆盖输入文件；请用 -o 指定另一个文件\n", target)
		return 2
	}
	var b bytes.Buffer
	if err := xlsx.Export(r, &b, xlsx.Options{}); err != nil {
		fmt.Fprintf(stderr, "nianbao xlsx export：%v\n", err)
		return 2
	}
	return writeOut(target, b.Bytes(), stdout, stderr, "xlsx export")
}

func sameFile(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

func cmdXlsxImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("xlsx import", "nianbao xlsx import 填好的.xlsx [--into 报告.toml] [-o 报告.toml]", stderr)
	into := fs.String("into", "", "只替换这份`报告.toml`的表二、表三、表四，正文、注释和占位符不动（直接改写该文件，除非给出 -o）")
	out := fs.String("o", "", "写到这个`文件`（默认写到标准输出；有 --into 时默认改写 --into 的文件）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "nianbao xlsx import：请给出一个工作簿，例如 nianbao xlsx import 某某局.xlsx > 某某局.toml")
		return 2
	}
	imp, err := xlsx.Read(fs.Arg(0))
	var le *report.LoadError
	if errors.As(err, &le) {
		fmt.Fprintln(stderr, le)
		return 2
	} else if err != nil {
		fmt.Fprintf(stderr, "nianbao xlsx import：%v\n", err)
		return 2
	}
	for _, b := range imp.Blanks {
		fmt.Fprintf(stderr, "%s: 警告 [XLSX-BLANK] %s\n", fs.Arg(0), b)
	}
	data := imp.TOML
	target := *out
	if *into != "" {
		if data, err = xlsx.Into(*into, imp); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		if target == "" {
			target = *into
		}
	}
	if target != "" && sameFile(target, fs.Arg(0)) {
		fmt.Fprintf(stderr, "nianbao xlsx import：输出 %s 会覆盖工作簿；请用 -o 指定 .toml 文件\n", target)
		return 2
	}
	return writeOut(target, data, stdout, stderr, "xlsx import")
}
