package main

import (
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/report"
)

// command is one subcommand of nianbao: its name, its help and the function that runs it. Every command
// registers itself from the file that implements it (func init() { register(command{...}) }), so adding a
// command touches no other file.
type command struct {
	// rank orders the commands in `nianbao help` (smaller first).
	rank int
	// name is what the user types: nianbao NAME.
	name string
	// synopsis is the one-line usage, with every flag: "nianbao check [--json] ... FILE.toml...".
	synopsis string
	// summary is one or two lines of Chinese saying what the command does.
	summary string
	// examples are complete command lines, each with a short Chinese comment after "#".
	examples []string
	// run runs the command with the arguments after its name and returns the exit code.
	run func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// register adds a command; it is called from init functions.
func register(c command) { commands[c.name] = c }

// commandList returns the commands in help order.
func commandList() []command {
	list := make([]command, 0, len(commands))
	for _, c := range commands {
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].rank != list[j].rank {
			return list[i].rank < list[j].rank
		}
		return list[i].name < list[j].name
	})
	return list
}

// synopsisOf returns the registered synopsis of a command.
func synopsisOf(name string) string {
	if c, ok := commands[name]; ok {
		return c.synopsis
	}
	return "nianbao " + name
}

func init() {
	register(command{rank: 90, name: "version", synopsis: "nianbao version（或 nianbao --version）",
		summary:  "显示版本号：模块版本和构建时的代码版本（VCS 修订号）。",
		examples: []string{"nianbao version"},
		run: func(args []string, stdout, stderr io.Writer) int {
			fs := newFlags("version", synopsisOf("version"), stderr)
			if code, ok := parse(fs, args); !ok {
				return code
			}
			if fs.NArg() > 0 {
				fmt.Fprintf(stderr, "nianbao version：多余的参数 %q；直接运行 nianbao version\n", fs.Arg(0))
				return 2
			}
			fmt.Fprintln(stdout, versionLine())
			return 0
		}})
	register(command{rank: 91, name: "help", synopsis: "nianbao help [命令]",
		summary:  "显示全部命令，或某个命令的用法、选项和示例（与 nianbao 命令 -h 相同）。",
		examples: []string{"nianbao help", "nianbao help render"},
		run: func(args []string, stdout, stderr io.Writer) int {
			if len(args) == 0 {
				printUsage(stdout)
				return 0
			}
			if c, ok := commands[args[0]]; ok {
				return c.run([]string{"-h"}, stdout, stdout)
			}
			return unknownCommand(args[0], stderr)
		}})
}

// printUsage prints the overview of all commands.
func printUsage(w io.Writer) {
	fmt.Fprintln(w, "nianbao —— 政府信息公开工作年度报告：填报（网页或 Excel）、检查勾稽关系，生成 PDF（GB/T 9704 公文格式）、DOCX 和网站用的 HTML。")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "用法：nianbao 命令 [选项] [文件...]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "命令：")
	list := commandList()
	width := 0
	for _, c := range list {
		width = max(width, displayWidth(c.name))
	}
	for _, c := range list {
		summary, _, _ := strings.Cut(c.summary, "\n")
		fmt.Fprintf(w, "  %s  %s\n", pad(c.name, width), summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "常用：")
	fmt.Fprintln(w, "  nianbao init --year 2025 --agency 某某县人民政府办公室 > 报告.toml   # 生成填写模板")
	fmt.Fprintln(w, "  nianbao check 报告.toml                                           # 检查勾稽关系")
	fmt.Fprintln(w, "  nianbao render -o 输出 报告.toml                                   # 生成 PDF、DOCX 和 HTML")
	fmt.Fprintln(w, "  nianbao serve 报告.toml                                           # 在浏览器中填报、预览、下载")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "退出码：0 成功（可能有警告）；1 报告违反规则或缺字；2 用法错误或文件无法读取、格式不对。")
	fmt.Fprintln(w, "选项可写在文件名前后；“--”之后的一律当作文件名。运行 nianbao 命令 -h 查看该命令的全部选项和示例。")
}

// printCommandHelp prints the help of one command: synopsis, summary, flags and examples.
func printCommandHelp(w io.Writer, name, synopsis string, fs *flag.FlagSet) {
	c, ok := commands[name]
	if ok && c.synopsis != "" {
		synopsis = c.synopsis
	}
	fmt.Fprintf(w, "用法：%s\n", synopsis)
	if c.summary != "" {
		fmt.Fprintf(w, "\n%s\n", c.summary)
	}
	fmt.Fprintln(w, "\n选项（可写在文件名前后）：")
	printFlags(w, fs)
	if len(c.examples) > 0 {
		fmt.Fprintln(w, "\n示例：")
		for _, e := range c.examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
}

// unknownCommand reports a command that does not exist, suggesting the nearest one.
func unknownCommand(name string, stderr io.Writer) int {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintf(stderr, "nianbao：没有 %q 这个命令。", name)
	if c := report.Closest(name, names); c != "" {
		fmt.Fprintf(stderr, "您是不是要用 %s？", c)
	}
	fmt.Fprintf(stderr, "\n可用的命令：%s。运行 nianbao help 查看说明。\n", strings.Join(names, "、"))
	return 2
}

// versionLine is the text of `nianbao version`: the program version, the module version and the VCS
// revision recorded in the build info (go build in a checkout, go install …@version), and the Go version.
func versionLine() string {
	s := "nianbao " + nianbao.Version
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return s
	}
	var parts []string
	if v := info.Main.Version; v != "" {
		parts = append(parts, "模块 "+info.Main.Path+" "+v)
	}
	settings := map[string]string{}
	for _, kv := range info.Settings {
		settings[kv.Key] = kv.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		r := "修订 " + rev
		if t := settings["vcs.time"]; t != "" {
			r += " (" + t + ")"
		}
		if settings["vcs.modified"] == "true" {
			r += "，含未提交的修改"
		}
		parts = append(parts, r)
	}
	parts = append(parts, info.GoVersion)
	return s + "（" + strings.Join(parts, "；") + "）"
}
