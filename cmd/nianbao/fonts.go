package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/report"
)

// cmdFonts runs `nianbao fonts [--fonts DIR] [--font role=FILE]... [--no-system] [FILE.toml]`: it lists the
// font chosen for every role and, given a report, whether each role's font has every character the report
// sets in it. Exit code 1 when a glyph is missing, 2 for bad usage or unreadable input.
func cmdFonts(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("fonts", "", stderr)
	dir := fs.String("fonts", "", "先在这个`目录`里找官方字体（仿宋_GB2312、黑体、楷体_GB2312、方正小标宋简体）")
	files := fonts.FileFlags{}
	fs.Var(files, "font", "给某个角色指定字体：`角色=文件`（角色：title 标题、body 正文、hei 黑体、kai 楷体、song 宋体、latin 西文；可重复）")
	noSystem := fs.Bool("no-system", false, "不用本机安装的字体（只用内置字体和 --font/--fonts 指定的）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "nianbao fonts：最多给出一份报告文件，例如 nianbao fonts 2025.toml")
		return 2
	}
	var r *report.Report
	opts := fonts.Options{Dir: *dir, Files: fonts.MergeFiles(nil, files), NoSystem: *noSystem}
	if fs.NArg() == 1 {
		var err error
		if r, err = report.Load(fs.Arg(0)); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		fromReport, err := fonts.ReportFiles(r)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		opts.Files = fonts.MergeFiles(fromReport, files)
	}
	set, err := fonts.Resolve(opts)
	if err == nil {
		err = set.Check()
	}
	if err != nil {
		fmt.Fprintln(stderr, "nianbao fonts：", err)
		return 2
	}
	return printFonts(set, r, stdout)
}

// printFonts writes the role listing, the glyph check of r (when not nil) and the notes; it returns the
// exit code (1 when a glyph is missing).
func printFonts(set *fonts.Set, r *report.Report, w io.Writer) int {
	var missing []fonts.Missing
	perRole := map[fonts.Role]int{}
	var used map[fonts.Role]int
	var fallback map[fonts.Role][]rune
	if r != nil {
		missing = fonts.CheckReport(set, r)
		used = fonts.RunesUsed(r)
		fallback = fonts.FallbackRunes(set, r)
		seen := map[fonts.Missing]bool{}
		for _, m := range missing {
			k := fonts.Missing{Rune: m.Rune, Role: m.Role}
			if !seen[k] {
				seen[k] = true
				perRole[m.Role]++
			}
		}
	}
	fmt.Fprintf(w, "%s %s %s %s %s\n", pad("角色", 6), pad("规定字体", 16), pad("使用的字体", 28), pad("来源", 8), "文件")
	for _, role := range fonts.Roles {
		f := set.Face(role)
		file := f.File
		if f.Source == fonts.Bundled {
			file = "(内置) " + file
		} else if f.Index > 0 {
			file = fmt.Sprintf("%s #%d", file, f.Index)
		}
		fmt.Fprintf(w, "%s %s %s %s %s\n", pad(string(role), 6), pad(role.Official(), 16), pad(f.Family, 28), pad(string(f.Source), 8), file)
		if fb := set.Fallback(role); fb != nil {
			fmt.Fprintf(w, "%s 后备：%s（内置 %s）逐字补上本字体缺的字（①–⑩、℃、※、○●、Ⅰ–Ⅻ、全角数字与字母、框线符号等）\n", pad("", 6), fb.Family, fb.File)
		}
		if r == nil {
			continue
		}
		if fb := fallback[role]; len(fb) > 0 {
			shown := fb
			if len(shown) > 20 {
				shown = shown[:20]
			}
			fmt.Fprintf(w, "%s 后备字体补上 %d 个字：%s\n", pad("", 6), len(fb), string(shown))
		}
		switch n := perRole[role]; {
		case n > 0:
			fmt.Fprintf(w, "%s 字形：缺 %d 个字（本报告在此角色用到 %d 个不同的字）\n", pad("", 6), n, used[role])
		case used[role] == 0:
			fmt.Fprintf(w, "%s 字形：本报告未使用此角色\n", pad("", 6))
		default:
			fmt.Fprintf(w, "%s 字形：齐全（本报告在此角色用到 %d 个不同的字）\n", pad("", 6), used[role])
		}
	}
	if notes := set.Notes(); len(notes) > 0 {
		fmt.Fprintln(w, "\n说明：")
		for _, n := range notes {
			fmt.Fprintln(w, "  "+n)
		}
	}
	if len(missing) == 0 {
		if r != nil {
			fmt.Fprintf(w, "\n%s：每个字都有字形。\n", r.File)
		}
		return 0
	}
	// One line per character and role, with its first places.
	type key struct {
		r    rune
		role fonts.Role
	}
	var order []key
	places := map[key][]string{}
	first := map[key]fonts.Missing{}
	for _, m := range missing {
		k := key{m.Rune, m.Role}
		if _, ok := places[k]; !ok {
			order = append(order, k)
			first[k] = m
		}
		places[k] = append(places[k], m.Where)
	}
	fmt.Fprintf(w, "\n%s：%d 个字没有字形（共 %d 处）：\n", r.File, len(order), len(missing))
	const maxLines = 30
	for i, k := range order {
		if i == maxLines {
			fmt.Fprintf(w, "  ……另有 %d 个字没有字形\n", len(order)-maxLines)
			break
		}
		m := first[k]
		p := places[k]
		if len(p) > 3 {
			m.Where = strings.Join(p[:3], "、") + fmt.Sprintf(" 等 %d 处", len(p))
		} else {
			m.Where = strings.Join(p, "、")
		}
		fmt.Fprintln(w, "  "+m.Error())
	}
	return 1
}
