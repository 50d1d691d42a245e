package serve

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// Encoded is the form state as the strict loader reads it, with the form field each line holds. It is the
// loader's input, not the file the server saves: values the loader refuses ("abc" in a count cell) must reach
// the loader, and its messages must find their way back to the cell, which a writer from the report model
// cannot do (there is no model of a report that does not load). The file on disk is written by report.Write
// from the loaded report (see saveText).
type Encoded struct {
	Text []byte
	// Paths[i] is the field on line i+1: "report.year", "overview.sections.0.paragraphs.2", "table3.new",
	// "table2.xzxk.delta" … ("" for comments and blank lines).
	Paths []string
}

// PathAt returns the field on a 1-based line, or "".
func (e *Encoded) PathAt(line int) string {
	if line < 1 || line > len(e.Paths) {
		return ""
	}
	return e.Paths[line-1]
}

// encoder writes the lines of a report file in the order of docs/format.md, each key with its official
// label as a comment, so that the saved file reads like the skeleton `nianbao init` prints.
type encoder struct {
	b     strings.Builder
	paths []string
}

func (e *encoder) line(path, s string) {
	e.b.WriteString(s)
	e.b.WriteByte('\n')
	e.paths = append(e.paths, path)
}

// Encode writes the form state as TOML for the loader. Values the loader would reject (a count "abc", a year
// "二〇二〇") are written as TOML strings so that the loader names them; plain integers are written as
// integers, empty count cells as 0, amounts as strings (digits kept exactly).
func Encode(d *Doc) *Encoded {
	e := &encoder{}
	f := docFormat(d)
	title := d.Report.Title
	if title == "" {
		title = fmt.Sprintf("%s%s年政府信息公开工作年度报告", d.Report.Agency, d.Report.Year)
	}
	e.line("", "# "+oneLine(title)+" — nianbao serve 表单内容")
	e.line("", "")
	e.meta(&d.Report)
	e.narr("overview", "一、总体情况", &d.Overview)
	e.table2(d, f)
	e.table3(d, f)
	e.table4(d)
	e.narr("problems", "五、存在的主要问题及改进情况", &d.Problems)
	e.narr("other", "六、其他需要报告的事项", &d.Other)
	if len(d.Fonts) > 0 {
		e.line("fonts", "[fonts]  # 字体文件")
		for _, role := range sortedStrings(d.Fonts) {
			e.line("fonts."+role, role+" = "+quote(d.Fonts[role]))
		}
	}
	return &Encoded{Text: []byte(e.b.String()), Paths: e.paths}
}

// docFormat is the format the loader will use for d ("" when it cannot tell).
func docFormat(d *Doc) layouts.Format {
	f := layouts.Format(strings.TrimSpace(d.Report.Format))
	if f.Valid() {
		return f
	}
	if f == "" {
		if y, err := strconv.Atoi(strings.TrimSpace(d.Report.Year)); err == nil {
			return layouts.DefaultFormat(y)
		}
	}
	return ""
}

func (e *encoder) meta(m *Meta) {
	e.line("report", "[report]  # 报告基本信息")
	e.line("report.agency", "agency = "+quote(m.Agency)+"  # 机关名称")
	if y := strings.TrimSpace(m.Year); y != "" {
		e.line("report.year", "year = "+intOrString(y)+"  # 报告年度")
	}
	if f := strings.TrimSpace(m.Format); f != "" {
		e.line("report.format", "format = "+quote(f)+"  # 报告格式（2019 或 2021）")
	}
	if m.Title != "" {
		e.line("report.title", "title = "+quote(m.Title)+"  # 标题")
	}
	if len(m.TitleLines) > 0 {
		var parts []string
		for _, l := range m.TitleLines {
			parts = append(parts, quote(l))
		}
		e.line("report.title_lines", "title_lines = ["+strings.Join(parts, ", ")+"]  # 标题分行")
	}
	if ps := nonEmpty(m.Preamble); len(ps) > 0 {
		e.paragraphs("report.preamble", "preamble", "前言", m.Preamble)
	}
	if m.Signature != "" {
		e.line("report.signature", "signature = "+quote(m.Signature)+"  # 署名")
	}
	if d := strings.TrimSpace(m.Date); d != "" {
		v := quote(m.Date)
		if _, err := time.Parse("2006-01-02", d); err == nil {
			v = d
		}
		e.line("report.date", "date = "+v+"  # 成文日期")
	}
	if m.AmountNote != "" {
		e.line("report.amount_note", "amount_note = "+quote(m.AmountNote)+"  # 采购总金额的单位说明")
	}
	e.line("", "")
}

// paragraphs writes a string array one paragraph per line; empty paragraphs are left out (the loader
// drops them too), the paths keep the form's indices.
func (e *encoder) paragraphs(path, key, label string, ps []string) {
	if len(nonEmpty(ps)) == 0 {
		e.line(path, key+" = []  # "+label)
		return
	}
	e.line(path, key+" = [  # "+label)
	for i, p := range ps {
		if strings.TrimSpace(p) == "" {
			continue
		}
		e.line(fmt.Sprintf("%s.%d", path, i), "  "+quote(p)+",")
	}
	e.line(path, "]")
}

func (e *encoder) narr(key, label string, n *Narr) {
	e.line(key, "["+key+"]  # "+label)
	e.paragraphs(key+".paragraphs", "paragraphs", "段落", n.Paragraphs)
	e.line("", "")
	for i, s := range n.Sections {
		p := fmt.Sprintf("%s.sections.%d", key, i)
		e.line(p, "[["+key+".sections]]  # "+label+" 第 "+strconv.Itoa(i+1)+" 个小节（自动编号）")
		e.line(p+".title", "title = "+quote(s.Title)+"  # 小标题")
		if s.RunIn {
			e.line(p+".runin", "runin = true  # 标题与正文同段")
		}
		e.paragraphs(p+".paragraphs", "paragraphs", "段落", s.Paragraphs)
		e.line("", "")
	}
}

func (e *encoder) table2(d *Doc, f layouts.Format) {
	e.line("", "# 二、主动公开政府信息情况")
	done := map[string]bool{}
	for _, it := range layouts.T2Items(f) {
		done[it.ID] = true
		vals := d.Table2[it.ID]
		path := "table2." + it.ID
		e.line(path, "[table2."+it.ID+"]  # "+it.Block+" "+it.Label)
		known := map[string]bool{}
		for _, fd := range it.Fields {
			known[fd.ID] = true
			v := strings.TrimSpace(vals[fd.ID])
			var lit string
			switch {
			case fd.Kind == layouts.Decimal && v == "":
				lit = `"0"`
			case fd.Kind == layouts.Decimal:
				lit = quote(v)
			case v == "":
				lit = "0"
			default:
				lit = intOrString(v)
			}
			e.line(path+"."+fd.ID, fd.ID+" = "+lit+"  # "+fd.Label)
		}
		for _, k := range sortedStrings(vals) { // keys of another format: the loader names them
			if !known[k] {
				e.line(path+"."+k, bareKey(k)+" = "+intOrString(vals[k]))
			}
		}
	}
	for _, id := range sortedStrings(d.Table2) {
		if done[id] {
			continue
		}
		e.line("table2."+id, "[table2."+bareKey(id)+"]")
		for _, k := range sortedStrings(d.Table2[id]) {
			e.line("table2."+id+"."+k, bareKey(k)+" = "+intOrString(d.Table2[id][k]))
		}
	}
	e.line("", "")
}

func (e *encoder) table3(d *Doc, f layouts.Format) {
	e.line("", "# 三、收到和处理政府信息公开申请情况")
	e.line("", "# 每行：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]，第七个数为总计（省略时自动计算）")
	e.line("", "# r7（（七）总计）与 carry（四、结转下年度继续办理）省略时自动计算；写出时必须与计算结果一致")
	e.line("table3", "[table3]")
	done := map[string]bool{}
	for _, row := range layouts.T3Rows(f) {
		done[row.ID] = true
		vals, ok := d.Table3[row.ID]
		if !ok && (row.ID == "r7" || row.ID == "carry") {
			continue
		}
		e.line("table3."+row.ID, fmt.Sprintf("%-7s = %s  # %s", row.ID, counts(vals, 6), row.Name()))
	}
	for _, id := range sortedStrings(d.Table3) {
		if !done[id] {
			e.line("table3."+id, bareKey(id)+" = "+counts(d.Table3[id], 6))
		}
	}
	e.line("", "")
}

func (e *encoder) table4(d *Doc) {
	e.line("", "# 四、政府信息公开行政复议、行政诉讼情况：[结果维持, 结果纠正, 其他结果, 尚未审结]，第五个数为总计（省略时自动计算）")
	e.line("table4", "[table4]")
	done := map[string]bool{}
	for _, b := range layouts.T4Blocks {
		done[b.ID] = true
		label := b.Label
		if b.ID != "review" {
			label = "行政诉讼 " + label
		}
		e.line("table4."+b.ID, fmt.Sprintf("%-6s = %s  # %s", b.ID, counts(d.Table4[b.ID], 4), label))
	}
	for _, id := range sortedStrings(d.Table4) {
		if !done[id] {
			e.line("table4."+id, bareKey(id)+" = "+counts(d.Table4[id], 4))
		}
	}
	e.line("", "")
}

// counts writes a row of n counts and, when typed, its total: empty cells are 0, an empty total is left
// out (computed). Extra cells are kept so that the loader reports them.
func counts(vals []string, n int) string {
	row := make([]string, 0, max(n, len(vals)))
	for _, v := range vals {
		row = append(row, strings.TrimSpace(v))
	}
	if len(row) == n+1 && row[n] == "" {
		row = row[:n]
	}
	for len(row) < n {
		row = append(row, "")
	}
	parts := make([]string, len(row))
	for i, v := range row {
		if v == "" {
			v = "0"
		}
		parts[i] = intOrString(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

var plainInt = lazyre.New(`^[+-]?[0-9]+$`)

// intOrString writes a plain ASCII integer as a TOML integer and anything else as a string, for the loader
// to accept (full-width digits) or name.
func intOrString(s string) string {
	t := strings.TrimSpace(s)
	if plainInt.MatchString(t) {
		if n, err := strconv.ParseInt(t, 10, 64); err == nil {
			return strconv.FormatInt(n, 10)
		}
	}
	return quote(s)
}

var bareKeyRe = lazyre.New(`^[A-Za-z0-9_-]+$`)

func bareKey(k string) string {
	if bareKeyRe.MatchString(k) {
		return k
	}
	return quote(k)
}

// quote writes s as a TOML basic string (report.TOMLString, the one the report file writer uses).
func quote(s string) string { return report.TOMLString(s) }

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

func nonEmpty(ps []string) []string {
	var out []string
	for _, p := range ps {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

func sortedStrings[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
