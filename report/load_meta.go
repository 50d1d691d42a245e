package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
)

// Size limits of a report, enforced by the loader with clear errors.
const (
	// MaxTextRunes is the longest title, preamble or narrative paragraph, in characters.
	MaxTextRunes = 20000
	// MaxTitleRunes is the longest title, in characters.
	MaxTitleRunes = 200
	// MaxNameRunes is the longest agency name or signature (署名), in characters: a real one is a line or two.
	MaxNameRunes = 100
	// MaxParagraphs is the largest number of paragraphs (all sections together).
	MaxParagraphs = 2000
	// MaxCount is the largest count a table cell may hold (10^9 − 1: nine digits).
	MaxCount = 999999999
)

func (l *loader) loadMeta(rep map[string]any) {
	known := []string{"agency", "year", "format", "title", "title_lines", "preamble", "signature", "date", "amount_note"}
	for _, k := range sortedKeys(rep) {
		if !contains(known, k) {
			l.unknown("report."+k, k, known, "[report]")
		}
	}
	r := l.r
	r.Agency = l.text(rep, "report.agency", "agency", "机关名称", true)
	if v, ok := rep["year"]; ok {
		y, ok := v.(int64)
		if !ok || y < 2008 || y > 2100 {
			l.errf("report.year", "year（报告年度）必须是 2008 到 2100 之间的整数，例如 year = 2023；现在是 %s", show(v))
		} else {
			r.Year = int(y)
		}
	} else {
		l.errf("report", "缺少 year（报告年度），例如 year = 2023")
	}
	switch v := rep["format"].(type) {
	case nil:
		if r.Year != 0 {
			r.Format = layouts.DefaultFormat(r.Year)
		}
	case string:
		r.Format = layouts.Format(strings.TrimSpace(v))
	case int64:
		r.Format = layouts.Format(strconv.FormatInt(v, 10))
	}
	if _, ok := rep["format"]; ok && !r.Format.Valid() {
		l.errf("report.format", "format（报告格式）只能是 \"2019\"（国办公开办函〔2019〕60号）或 \"2021\"（国办公开办函〔2021〕30号）；现在是 %s", show(rep["format"]))
	}
	if r.Format == layouts.F2021 && r.Year != 0 && r.Year < 2021 {
		l.errf("report.format", "2021 格式（国办公开办函〔2021〕30号）适用于 2021 年及以后的报告；%d 年报告请用 format = \"2019\"", r.Year)
	}
	r.Title = l.text(rep, "report.title", "title", "标题", false)
	generated := false
	if r.Title == "" && r.Agency != "" && r.Year != 0 {
		r.Title = fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Agency, r.Year)
		generated = true
	}
	l.loadTitleLines(rep) // load_title.go
	if n := len([]rune(r.Title)); n > MaxTitleRunes {
		if generated {
			// The user wrote no title: the agency is what is too long, and the name limit below says so.
		} else {
			l.errf("report.title", "标题过长（%d 字）；标题不得超过 %d 字", n, MaxTitleRunes)
		}
	}
	r.Preamble = l.paragraphs(rep, "report.preamble", "preamble", "前言")
	r.Signature = l.text(rep, "report.signature", "signature", "署名", false)
	for _, f := range []struct{ path, key, label, v string }{
		{"report.agency", "agency", "机关名称", r.Agency}, {"report.signature", "signature", "署名", r.Signature}} {
		if n := len([]rune(f.v)); n > MaxNameRunes {
			l.errf(f.path, "%s（%s）过长（%d 字），不得超过 %d 字；请写机关的正式名称（用 title 可另给标题）", f.key, f.label, n, MaxNameRunes)
		}
	}
	r.AmountNote = l.text(rep, "report.amount_note", "amount_note", "采购总金额单位说明", false)
	if r.AmountNote != "" && r.Format == layouts.F2021 {
		l.errf("report.amount_note", "amount_note 只用于 2019 格式表二“采购总金额”；2021 格式表二已印有“本年收费金额（单位：万元）”，请删除此键")
	}
	switch v := rep["date"].(type) {
	case nil:
	case time.Time:
		r.Issued = time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
	case string:
		t, ok := parseDate(v)
		if !ok {
			l.errf("report.date", "date（成文日期）%q 无法识别；请写 date = 2024-01-20 或 date = \"2024年1月20日\"", v)
		}
		r.Issued = t
	default:
		l.errf("report.date", "date（成文日期）必须是日期，例如 date = 2024-01-20；现在是 %s", show(v))
	}
	if !r.Issued.IsZero() {
		r.Date = fmt.Sprintf("%d年%d月%d日", r.Issued.Year(), int(r.Issued.Month()), r.Issued.Day())
	}
}

var dateRe = lazyre.New(`^\s*(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?\s*$`)

// ParseDate reads a 成文日期 written 2024-01-20, 2024/1/20, 2024.1.20 or 2024年1月20日 (digits may be
// full-width); ok is false for anything else and for a day that does not exist (2024-02-30).
func ParseDate(s string) (t time.Time, ok bool) { return parseDate(s) }

// parseDate reads 2024-01-20, 2024/1/20 or 2024年1月20日 (digits may be full-width).
func parseDate(s string) (time.Time, bool) {
	m := dateRe.FindStringSubmatch(foldDigits(s))
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// text reads an optional or required string key; the text is cleaned (see cleanText).
func (l *loader) text(m map[string]any, path, key, label string, required bool) string {
	v, ok := m[key]
	if !ok {
		if required {
			l.errf(parentPath(path), "缺少 %s（%s）", key, label)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		l.errf(path, "%s（%s）必须是字符串（用英文双引号括起来）；现在是 %s", key, label, show(v))
		return ""
	}
	s = cleanText(s)
	if required && s == "" {
		l.errf(path, "%s（%s）不能为空", key, label)
	}
	if n := len([]rune(s)); n > MaxTextRunes {
		l.errf(path, "%s（%s）过长（%d 字）；每段不得超过 %d 字，请分段", key, label, n, MaxTextRunes)
		return ""
	}
	return s
}

// paragraphs reads an optional array of strings.
func (l *loader) paragraphs(m map[string]any, path, key, label string) []string {
	v, ok := m[key]
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		if s, isStr := v.(string); isStr {
			arr = []any{s}
		} else {
			l.errf(path, "%s（%s）必须是字符串数组，例如 %s = [\"第一段\", \"第二段\"]；现在是 %s", key, label, key, show(v))
			return nil
		}
	}
	var out []string
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			l.errf(path, "%s（%s）第 %d 项必须是字符串；现在是 %s", key, label, i+1, show(e))
			continue
		}
		s = cleanText(s)
		if n := len([]rune(s)); n > MaxTextRunes {
			l.errf(path, "%s（%s）第 %d 段过长（%d 字）；每段不得超过 %d 字，请分段", key, label, i+1, n, MaxTextRunes)
			continue
		}
		if s != "" {
			out = append(out, s)
		}
	}
	l.paraCount += len(out)
	if l.paraCount > MaxParagraphs && !l.tooMany {
		l.tooMany = true
		l.errf(path, "段落过多（超过 %d 段）；年度报告不应有这么多段落，请检查文件", MaxParagraphs)
	}
	return out
}

func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return p
}

// cleanText removes what pasted text brings along and no printed report wants: control characters,
// zero-width spaces and BOMs; line breaks and tabs become nothing (paragraphs are separate array items),
// and leading and trailing white space (including the full-width space of pasted indents) is trimmed.
func cleanText(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '\u200b' || c == '\ufeff' || c == '\u200c' || c == '\u200d' || c == '\u2060':
		case invisibleFormat(c):
		case c == '\n' || c == '\r' || c == '\t':
		case c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0):
		default:
			b.WriteRune(c)
		}
	}
	return strings.Trim(b.String(), " \u3000\u00a0")
}

// show describes a decoded TOML value for messages.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "空"
	case string:
		return fmt.Sprintf("字符串 %q", shorten(x))
	case int64:
		return fmt.Sprintf("整数 %d", x)
	case float64:
		return fmt.Sprintf("小数 %s", strconv.FormatFloat(x, 'f', -1, 64))
	case bool:
		return fmt.Sprintf("布尔值 %v", x)
	case []any:
		return fmt.Sprintf("含 %d 项的数组", len(x))
	case map[string]any:
		return "表"
	case time.Time:
		return "日期"
	}
	return fmt.Sprintf("%T", v)
}
