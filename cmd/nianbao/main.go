// Command nianbao checks and renders 政府信息公开工作年度报告 from TOML files. It only parses flags, prints
// and dispatches; the work is done by package nianbao and the packages below it.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

const usage = `nianbao — 政府信息公开工作年度报告 from TOML to PDF (GB/T 9704) and DOCX

Usage:
  nianbao check [--json] [--prev LAST.toml] FILE.toml...
  nianbao render [-o DIR] [--pdf] [--docx] [--draft] [--fonts DIR] [--font role=FILE]... [--no-system]
                 [--docx-grid lines|chars] FILE.toml...
  nianbao init --format 2019|2021 --year Y [--agency NAME] [--from LAST.toml]
  nianbao fonts [--fonts DIR] [--font role=FILE]... [--no-system] [FILE.toml]
  nianbao version
  nianbao help

Exit codes: 0 success (warnings allowed), 1 the report breaks a rule or lacks a glyph, 2 bad usage or
unreadable/invalid input. Run 'nianbao COMMAND -h' for the flags of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches a command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "render":
		return cmdRender(args[1:], stdout, stderr)
	case "init":
		return cmdInit(args[1:], stdout, stderr)
	case "fonts":
		return cmdFonts(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "nianbao %s (%s)\n", nianbao.Version, runtime.Version())
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "nianbao: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// newFlags returns a flag set that prints its usage line and flags on -h and on errors.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; ok is false when the command should exit with code (0 for -h, 2 for errors).
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	return 0, true
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "nianbao check [--json] [--prev LAST.toml] FILE.toml...", stderr)
	asJSON := fs.Bool("json", false, "print the findings as a JSON array")
	prev := fs.String("prev", "", "last year's report, for the cross-year rules X-CARRY and X-STOCK")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "nianbao check: no report file given")
		fs.Usage()
		return 2
	}
	code := 0
	all := []report.Finding{}
	for _, file := range fs.Args() {
		findings, err := nianbao.CheckFile(file, *prev)
		if err != nil {
			fmt.Fprintln(stderr, err)
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
	fs := newFlags("render", "nianbao render [-o DIR] [--pdf] [--docx] [--draft] [--fonts DIR] [--font role=FILE]... FILE.toml...", stderr)
	var o nianbao.RenderOptions
	fs.StringVar(&o.OutDir, "o", "", "output folder (default: the folder of each input file; created if missing)")
	fs.BoolVar(&o.PDF, "pdf", false, "write the PDF (default: both PDF and DOCX)")
	fs.BoolVar(&o.DOCX, "docx", false, "write the DOCX (default: both PDF and DOCX)")
	fs.BoolVar(&o.Draft, "draft", false, "render even with rule errors or missing glyphs, marked 草稿 on every page")
	fs.StringVar(&o.FontDir, "fonts", "", "folder of font files searched before the system fonts")
	files := fonts.FileFlags{}
	fs.Var(files, "font", "font file for one role, role=FILE (roles: title body hei kai song latin); repeatable")
	fs.BoolVar(&o.NoSystemFonts, "no-system", false, "ignore the fonts installed on this machine (bundled and --font/--fonts only)")
	fs.StringVar(&o.DocxGrid, "docx-grid", "lines", "DOCX document grid: lines, or chars for Word's 28-character grid (LibreOffice renders it badly)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "nianbao render: no report file given")
		fs.Usage()
		return 2
	}
	if o.DocxGrid != "lines" && o.DocxGrid != "chars" {
		fmt.Fprintf(stderr, "nianbao render: --docx-grid must be lines or chars, not %q\n", o.DocxGrid)
		return 2
	}
	o.FontFiles = files
	inputs := fs.Args()
	written := map[string]string{}
	for _, in := range inputs {
		for _, t := range nianbao.Targets(in, o) {
			abs, _ := filepath.Abs(t)
			if prev, ok := written[abs]; ok && prev != in {
				fmt.Fprintf(stderr, "nianbao render: %s and %s would both write %s; render them into different -o folders\n", prev, in, t)
				return 2
			}
			written[abs] = in
		}
	}
	codes := make([]int, len(inputs))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.NumCPU())
	for i, in := range inputs {
		wg.Add(1)
		go func(i int, in string) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			res, err := nianbao.Render(in, o)
			mu.Lock()
			defer mu.Unlock()
			codes[i] = printRender(res, err, o.Draft, stdout, stderr)
		}(i, in)
	}
	wg.Wait()
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
		fmt.Fprintf(stderr, "%s: note: %s\n", res.Input, n)
	}
	var le *report.LoadError
	switch {
	case errors.As(err, &le):
		fmt.Fprintln(stderr, le)
		fmt.Fprintf(stdout, "%s: FAILED (invalid input)\n", res.Input)
		return 2
	case errors.Is(err, nianbao.ErrRules), errors.Is(err, nianbao.ErrGlyphs):
		fmt.Fprintf(stdout, "%s: FAILED: %v\n", res.Input, err)
		return 1
	case err != nil:
		fmt.Fprintf(stdout, "%s: FAILED: %v\n", res.Input, err)
		return 2
	}
	fmt.Fprintf(stdout, "%s: wrote", res.Input)
	for _, out := range res.Outputs {
		fmt.Fprintf(stdout, " %s", out)
	}
	fmt.Fprintln(stdout)
	return 0
}

func cmdInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "nianbao init --format 2019|2021 --year Y [--agency NAME] [--from LAST.toml]", stderr)
	format := fs.String("format", "", "report format: 2019 or 2021 (default: by year)")
	year := fs.Int("year", 0, "report year (required)")
	agency := fs.String("agency", "", "agency name (机关名称)")
	from := fs.String("from", "", "last year's report: carries over 上年结转, 上一年项目数量, agency and preamble")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nianbao init: unexpected argument %q (the skeleton is printed to standard output)\n", fs.Arg(0))
		return 2
	}
	if *year < 2008 || *year > 2100 {
		fmt.Fprintln(stderr, "nianbao init: --year is required (e.g. --year 2024)")
		return 2
	}
	o := report.SkeletonOptions{Year: *year, Agency: *agency, Format: layouts.Format(*format)}
	if *format == "" {
		o.Format = layouts.DefaultFormat(*year)
	}
	if !o.Format.Valid() {
		fmt.Fprintf(stderr, "nianbao init: --format must be 2019 or 2021, not %q\n", *format)
		return 2
	}
	if *from != "" {
		prev, err := report.Load(*from)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		o.From = prev
	}
	fmt.Fprint(stdout, report.Skeleton(o))
	return 0
}
