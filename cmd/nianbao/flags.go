package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/nianbao/nianbao/report"
)

// cmdFlags is the flag set of one command and the stream its help and mistakes are printed to.
type cmdFlags struct {
	*flag.FlagSet
	stderr io.Writer
}

// newFlags returns the flag set of a command. Its usage (on -h, or after a mistake with parse) is the
// Chinese help of the command: synopsis, summary, every flag with its default, and the examples of the
// command's entry in the commands table.
func newFlags(name, synopsis string, stderr io.Writer) *cmdFlags {
	fs := &cmdFlags{flag.NewFlagSet(name, flag.ContinueOnError), stderr}
	fs.SetOutput(io.Discard) // parse prints the messages, in Chinese
	fs.Usage = func() { printCommandHelp(stderr, name, synopsis, fs.FlagSet) }
	return fs
}

// parse parses the flags of a command, accepting them anywhere among the file names (as go, git and typst
// do) up to a "--", after which everything is a file name. Afterwards fs.Args() holds the file names in
// order. ok is false when the command should exit with code: 0 after -h, 2 after a mistake (the message and
// the short usage are printed to stderr).
func parse(fs *cmdFlags, args []string) (code int, ok bool) {
	var files []string
	help := fs.Usage
	fs.Usage = func() {} // the flag package would print it on every mistake
	defer func() { fs.Usage = help }()
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			help()
			return 0, false
		}
		if err != nil {
			fmt.Fprintf(fs.stderr, "nianbao %s：%s\n", fs.Name(), flagError(fs.FlagSet, err))
			fmt.Fprintf(fs.stderr, "用法：%s\n运行 nianbao %s -h 查看全部选项和示例。\n", synopsisOf(fs.Name()), fs.Name())
			return 2, false
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if len(rest) == 0 {
			break
		}
		if consumed > 0 && args[consumed-1] == "--" {
			files = append(files, rest...)
			break
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
	// Leave the file names in fs.Args(); flags already set keep their values.
	_ = fs.Parse(append([]string{"--"}, files...))
	return 0, true
}

// flagError turns the flag package's English error into a Chinese message with the fix.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")
		var known []string
		fs.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
		s := fmt.Sprintf("没有选项 %s", dashed(name))
		if c := report.Closest(name, known); c != "" {
			s += fmt.Sprintf("，您是不是要用 %s？", dashed(c))
		}
		return s
	case strings.HasPrefix(msg, "flag needs an argument: "):
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")
		return fmt.Sprintf("选项 %s 后面要跟一个值，例如 %s", dashed(name), flagExample(fs, name))
	case strings.HasPrefix(msg, "invalid value "), strings.HasPrefix(msg, "invalid boolean value "):
		// invalid value "x" for flag -year: parse error
		rest := msg[strings.Index(msg, "invalid")+len("invalid "):]
		rest = strings.TrimPrefix(rest, "boolean ")
		rest = strings.TrimPrefix(rest, "value ")
		// (the boolean form says "for -json", the other "for flag -year")
		val, after, _ := strings.Cut(rest, " for ")
		name, why, _ := strings.Cut(strings.TrimPrefix(after, "flag "), ": ")
		name = strings.TrimLeft(name, "-")
		s := fmt.Sprintf("选项 %s 的值 %s 无效", dashed(name), val)
		if why != "" && !strings.Contains(why, "parse error") && !strings.Contains(why, "invalid syntax") {
			s += "：" + why
		} else if f := fs.Lookup(name); f != nil {
			s += "，应当是" + valueKind(f)
		}
		return s
	}
	return msg
}

// dashed writes a flag name the way the help shows it: -o for one letter, --name otherwise.
func dashed(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// flagExample returns "--name VALUE" with the placeholder from the flag's usage.
func flagExample(fs *flag.FlagSet, name string) string {
	f := fs.Lookup(name)
	if f == nil {
		return dashed(name) + " 值"
	}
	v, _ := flag.UnquoteUsage(f)
	return dashed(name) + " " + placeholder(v, f)
}

// valueKind names what a flag's value must be.
func valueKind(f *flag.Flag) string {
	switch fmt.Sprintf("%T", f.Value) {
	case "*flag.intValue", "*flag.int64Value", "*flag.uintValue":
		return "整数"
	case "*flag.boolValue":
		return " true 或 false"
	}
	return "一个值"
}

// placeholder is the value name shown after a flag in the help.
func placeholder(v string, f *flag.Flag) string {
	switch v {
	case "", "value", "string":
		return "值"
	case "int":
		return "数字"
	}
	return v
}

// printFlags lists every flag of fs in Chinese: name, value placeholder, meaning and default.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	type line struct{ left, right string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		v, usage := flag.UnquoteUsage(f)
		left := "  " + dashed(f.Name)
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool {
			left += " " + placeholder(v, f)
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
			usage += "（默认 " + f.DefValue + "）"
		}
		lines = append(lines, line{left, usage})
		width = max(width, displayWidth(left))
	})
	if len(lines) == 0 {
		fmt.Fprintln(w, "  （无）")
		return
	}
	for _, l := range lines {
		fmt.Fprintf(w, "%s  %s\n", pad(l.left, width), l.right)
	}
}

// displayWidth counts display columns: East Asian wide characters count two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if isWide(r) {
			n++
		}
	}
	return n
}

// isWide reports whether r takes two columns in a terminal.
func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F || (r >= 0x2E80 && r <= 0xA4CF) || (r >= 0xAC00 && r <= 0xD7A3) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || r >= 0x20000)
}

// pad right-pads s with spaces to width display columns.
func pad(s string, width int) string {
	if n := displayWidth(s); n < width {
		s += strings.Repeat(" ", width-n)
	}
	return s
}
