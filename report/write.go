package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/layouts"
)

// WriteOptions configure Write.
type WriteOptions struct {
	// Header lines are written as comments at the top of the file (without the leading "# ").
	Header []string
	// Comments maps a TOML key path to a note written as a comment line just above that key:
	// "report.agency", "overview.paragraphs", "overview.sections.0.title", "table2.xzxk.decisions",
	// "table3.r3_2", "table4.review". Several lines may be separated by "\n". A note whose key is not
	// written is added to the header, so no note is ever lost.
	Comments map[string]string
	// Totals writes every computed value too: the 总计 column of table 三 as a 7th number, the rows r7 and
	// carry, and the 总计 of table 四 as a 5th number; the checks then compare them with the computed ones.
	// Without Totals they are written only where the report's file gave them (see Report.Given).
	Totals bool
}

// Write returns r as a readable, commented report file in the schema Load reads: every key of the
// report's format present, the official Chinese label beside each, narrative text as TOML strings.
// Loading the result gives the same report (placeholders in prose appear expanded, as Load left them).
// The output is deterministic.
func Write(r *Report, o WriteOptions) []byte {
	w := &tomlWriter{comments: map[string]string{}, used: map[string]bool{}}
	for k, v := range o.Comments {
		w.comments[k] = v
	}
	w.report(r)
	w.narrative("overview", "一、总体情况", r.Overview)
	w.table2(r)
	w.table3(r, o.Totals)
	w.table4(r, o.Totals)
	w.narrative("problems", "五、存在的主要问题及改进情况", r.Problems)
	w.narrative("other", "六、其他需要报告的事项", r.Other)
	w.fonts(r)

	var head strings.Builder
	for _, h := range o.Header {
		for _, line := range strings.Split(h, "\n") {
			head.WriteString(commentLine(line))
		}
	}
	var left []string
	for k := range w.comments {
		if !w.used[k] {
			left = append(left, k)
		}
	}
	sort.Strings(left)
	for _, k := range left {
		for _, line := range strings.Split(w.comments[k], "\n") {
			head.WriteString(commentLine(k + "：" + line))
		}
	}
	if head.Len() > 0 {
		head.WriteByte('\n')
	}
	return append([]byte(head.String()), w.b.String()...)
}

func commentLine(s string) string {
	s = strings.Map(func(c rune) rune {
		if c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' {
			return ' '
		}
		return c
	}, s)
	if s == "" {
		return "#\n"
	}
	return "# " + s + "\n"
}

type tomlWriter struct {
	b        strings.Builder
	comments map[string]string
	used     map[string]bool
}

// note writes the comment lines registered for path, if any.
func (w *tomlWriter) note(path string) {
	c, ok := w.comments[path]
	if !ok {
		return
	}
	w.used[path] = true
	for _, line := range strings.Split(c, "\n") {
		w.b.WriteString(commentLine("【待核】" + line))
	}
}

// kv writes key = value  # label, preceded by the note of path.
func (w *tomlWriter) kv(path, key, value, label string) {
	w.note(path)
	line := key + " = " + value
	if label != "" {
		line += "  # " + label
	}
	w.b.WriteString(line + "\n")
}

func (w *tomlWriter) report(r *Report) {
	w.b.WriteString("[report]  # 报告基本信息\n")
	w.kv("report.agency", "agency", TOMLString(r.Agency), "机关名称")
	w.kv("report.year", "year", strconv.Itoa(r.Year), "报告年度")
	w.kv("report.format", "format", TOMLString(string(r.Format)), "报告格式："+formatName(r.Format))
	if r.Title != "" && r.Title != fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Agency, r.Year) {
		w.kv("report.title", "title", TOMLString(r.Title), "标题")
	}
	if len(r.TitleLines) > 0 {
		w.list("report.title_lines", "title_lines", r.TitleLines, "标题分行：每项一行")
	}
	if len(r.Preamble) > 0 {
		w.list("report.preamble", "preamble", r.Preamble, "前言：编制依据、统计期限、联系方式")
	}
	if r.Signature != "" {
		w.kv("report.signature", "signature", TOMLString(r.Signature), "署名")
	}
	if !r.Issued.IsZero() {
		w.kv("report.date", "date", r.Issued.Format("2006-01-02"), "成文日期")
	} else {
		w.note("report.date")
	}
	if r.AmountNote != "" {
		w.kv("report.amount_note", "amount_note", TOMLString(r.AmountNote), "采购总金额的单位说明")
	}
	w.b.WriteString("\n")
}

// strings writes an array of strings, one per line.
func (w *tomlWriter) list(path, key string, items []string, label string) {
	w.note(path)
	if len(items) == 0 {
		w.b.WriteString(key + " = []  # " + label + "\n")
		return
	}
	w.b.WriteString(key + " = [  # " + label + "\n")
	for _, s := range items {
		w.b.WriteString("  " + TOMLString(s) + ",\n")
	}
	w.b.WriteString("]\n")
}

func (w *tomlWriter) narrative(key, label string, n Narrative) {
	w.note(key)
	w.b.WriteString("[" + key + "]  # " + label + "\n")
	w.list(key+".paragraphs", "paragraphs", n.Paragraphs, "段落")
	w.b.WriteString("\n")
	for i, s := range n.Sections {
		p := fmt.Sprintf("%s.sections.%d", key, i)
		w.note(p)
		w.b.WriteString("[[" + key + ".sections]]  # （" + chineseOrdinal(i+1) + "）\n")
		w.kv(p+".title", "title", TOMLString(s.Title), "小标题")
		if s.RunIn {
			w.kv(p+".runin", "runin", "true", "小标题与正文同段（楷体）")
		}
		w.list(p+".paragraphs", "paragraphs", s.Paragraphs, "段落")
		w.b.WriteString("\n")
	}
}

func (w *tomlWriter) table2(r *Report) {
	w.b.WriteString("# 二、主动公开政府信息情况\n")
	w.note("table2")
	for _, it := range layouts.T2Items(r.Format) {
		path := "table2." + it.ID
		w.note(path)
		w.b.WriteString("[table2." + it.ID + "]  # " + it.Block + " " + it.Label + "\n")
		for _, f := range it.Fields {
			v, ok := r.T2["t2."+it.ID+"."+f.ID]
			if !ok || v == "" {
				v = "0"
			}
			if f.Kind == layouts.Decimal {
				v = TOMLString(v)
			}
			w.kv(path+"."+f.ID, f.ID, v, f.Label)
		}
	}
	w.b.WriteString("\n")
}

func (w *tomlWriter) table3(r *Report, totals bool) {
	w.b.WriteString("# 三、收到和处理政府信息公开申请情况\n")
	if totals {
		w.b.WriteString("# 每行：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]\n")
	} else {
		w.b.WriteString("# 每行：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]；总计、（七）总计和结转下年度自动计算\n")
	}
	w.note("table3")
	w.b.WriteString("[table3]\n")
	for _, row := range layouts.T3Rows(r.Format) {
		if !totals && (row.ID == "r7" || row.ID == "carry") && !r.Given("t3."+row.ID) {
			continue
		}
		a := r.T3[row.ID]
		n := 6
		if totals || r.Given("t3."+row.ID+".TOT") {
			n = 7
		}
		w.kv("table3."+row.ID, fmt.Sprintf("%-7s", row.ID), intArray(a[:n]), row.Name())
	}
	w.b.WriteString("\n")
}

func (w *tomlWriter) table4(r *Report, totals bool) {
	w.b.WriteString("# 四、政府信息公开行政复议、行政诉讼情况\n")
	if totals {
		w.b.WriteString("# 每行：[结果维持, 结果纠正, 其他结果, 尚未审结, 总计]\n")
	} else {
		w.b.WriteString("# 每行：[结果维持, 结果纠正, 其他结果, 尚未审结]；总计自动计算\n")
	}
	w.note("table4")
	w.b.WriteString("[table4]\n")
	for b, blk := range layouts.T4Blocks {
		n := 4
		if totals || r.Given("t4."+blk.ID+".tot") {
			n = 5
		}
		label := blk.Label
		if blk.ID != "review" {
			label = "行政诉讼 " + label
		}
		w.kv("table4."+blk.ID, fmt.Sprintf("%-6s", blk.ID), intArray(r.T4[b][:n]), label)
	}
	w.b.WriteString("\n")
}

func (w *tomlWriter) fonts(r *Report) {
	if len(r.Fonts) == 0 {
		return
	}
	w.b.WriteString("[fonts]  # 字体文件\n")
	var roles []string
	for k := range r.Fonts {
		roles = append(roles, k)
	}
	sort.Strings(roles)
	for _, k := range roles {
		w.kv("fonts."+k, k, TOMLString(r.Fonts[k]), "")
	}
	w.b.WriteString("\n")
}

func intArray(a []int64) string {
	parts := make([]string, len(a))
	for i, v := range a {
		parts[i] = strconv.FormatInt(v, 10)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// chineseOrdinal writes 1 … 99 as 一 … 九十九.
func chineseOrdinal(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n-10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// TOMLString writes s as a TOML basic string: backslash, quote and control characters escaped, everything
// else (Chinese text included) literal. Invalid UTF-8 becomes U+FFFD.
func TOMLString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
