package report

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// MaxFileSize is the largest report file Load accepts (8 MiB).
const MaxFileSize = 8 << 20

// Problem is one reason a report file cannot be loaded.
type Problem struct {
	File string
	// Line is the 1-based line in File, 0 when unknown.
	Line int
	// Msg says what is wrong and how to fix it.
	Msg string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// LoadError lists every problem found while loading a report file.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i == MaxProblems {
			fmt.Fprintf(&b, "还有 %d 处问题未列出；请先改正以上各处", len(e.Problems)-i)
			break
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Load reads and validates a report file. Errors are *LoadError values listing every problem with its line.
func Load(path string) (*Report, error) {
	data, err := readInput(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse loads a report from file contents; name is used in messages.
func Parse(name string, data []byte) (*Report, error) {
	fail := func(line int, msg string) (*Report, error) {
		return nil, &LoadError{[]Problem{{File: name, Line: line, Msg: msg}}}
	}
	if len(data) > MaxFileSize {
		return fail(0, fmt.Sprintf("文件过大（%d 字节），报告文件不得超过 %d MiB", len(data), MaxFileSize>>20))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(0, "文件为空：请用 nianbao init 生成报告骨架后填写")
	}
	src, line, msg := decodeInput(data)
	if msg == "" {
		line, msg = nestingProblem(src)
	}
	if msg != "" {
		return fail(line, msg)
	}
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fail(syntaxProblem(src, pe))
		}
		return fail(0, "TOML 语法错误："+err.Error())
	}
	l := &loader{name: name, lines: keyLines(src), r: &Report{File: name}}
	l.r.Lines = l.lines
	l.load(doc)
	if len(l.problems) > 0 {
		sort.SliceStable(l.problems, func(i, j int) bool { return l.problems[i].Line < l.problems[j].Line })
		return nil, &LoadError{l.problems}
	}
	return l.r, nil
}

// loader walks the decoded TOML document against the schema of the report's format.
type loader struct {
	name     string
	lines    map[string]int
	r        *Report
	problems []Problem
	// given records the table 三/四 cells whose totals were written in the file: key "t3.r7", "t3.new.TOT", "t4.review.tot".
	given map[string]bool
	// paraCount counts paragraphs against MaxParagraphs; tooMany is set once that error was reported.
	paraCount int
	tooMany   bool
	// sectionCount counts sub-sections against MaxSections (load_limits.go).
	sectionCount int
}

func (l *loader) errf(path, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: l.name, Line: l.line(path), Msg: fmt.Sprintf(format, args...)})
}

// line finds the line of a key path, falling back to its parents.
func (l *loader) line(path string) int { return keyLine(l.lines, path) }

// keyLine finds the line of a key path in lines, falling back to its parents ("table3.r1" → "table3").
func keyLine(lines map[string]int, path string) int {
	for p := path; p != ""; {
		if n, ok := lines[p]; ok {
			return n
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return 0
}

// unknown reports a key that is not part of the schema, with the closest known key as a hint.
func (l *loader) unknown(path, key string, known []string, where string) {
	msg := fmt.Sprintf("未知的键 %q（%s）", shorten(key), where)
	if len(l.problems) >= MaxProblems { // past what is printed: no hint, to stay linear and fast
		l.errf(path, "%s", msg)
		return
	}
	if s := closest(key, known); s != "" {
		msg += fmt.Sprintf("；是否想写 %q%s？", s, labelNote(s))
	} else {
		msg += "；可用的键：" + labelledList(known)
	}
	l.errf(path, "%s", msg)
}

func (l *loader) load(doc map[string]any) {
	top := []string{"report", "overview", "problems", "other", "table2", "table3", "table4", "fonts"}
	for _, k := range sortedKeys(doc) {
		if !contains(top, k) {
			l.unknown(k, k, top, "文件顶层")
		}
	}
	rep, ok := doc["report"].(map[string]any)
	if !ok {
		if _, present := doc["report"]; present {
			l.errf("report", "report 必须是一个表 [report]")
		} else {
			l.errf("", "缺少 [report] 表：请写明 agency（机关名称）和 year（报告年度）")
		}
		return
	}
	l.loadMeta(rep)
	if !l.r.Format.Valid() {
		return
	}
	l.r.Overview = l.narrative(doc, "overview", "一、总体情况")
	l.r.Problems = l.narrative(doc, "problems", "五、存在的主要问题及改进情况")
	l.r.Other = l.narrative(doc, "other", "六、其他需要报告的事项")
	l.given = map[string]bool{}
	l.loadTable2(doc["table2"])
	l.loadTable3(doc["table3"])
	l.loadTable4(doc["table4"])
	l.loadFonts(doc["fonts"])
	if len(l.problems) == 0 {
		l.complete()
		l.expandPlaceholders()
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
