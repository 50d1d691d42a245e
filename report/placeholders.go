package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/layouts"
)

// aliases are the named placeholders: a sum of table cells.
var aliases = map[string][]string{
	"收到申请": {"t3.new.TOT"},
	"上年结转": {"t3.carried.TOT"},
	"办结":   {"t3.r7.TOT"},
	"结转":   {"t3.carry.TOT"},
	"予以公开": {"t3.r1.TOT"},
	"部分公开": {"t3.r2.TOT"},
	"复议":   {"t4.review.tot"},
	"诉讼":   {"t4.direct.tot", "t4.post.tot"},
}

// groupAlias maps 不予公开 … 其他处理 to the row-id prefix they sum.
var groupAlias = map[string]string{"不予公开": "r3", "无法提供": "r4", "不予处理": "r5", "其他处理": "r6"}

// Placeholder returns the value a prose placeholder stands for (see docs/format.md).
func (r *Report) Placeholder(name string) (string, error) {
	name = strings.TrimSpace(name)
	if keys, ok := aliases[name]; ok {
		var n int64
		for _, k := range keys {
			v, _ := r.Value(k)
			n += v
		}
		return strconv.FormatInt(n, 10), nil
	}
	if prefix, ok := groupAlias[name]; ok {
		var n int64
		for _, row := range layouts.T3Rows(r.Format) {
			if row.ID == prefix || strings.HasPrefix(row.ID, prefix+"_") {
				n += r.T3[row.ID][6]
			}
		}
		return strconv.FormatInt(n, 10), nil
	}
	parts := strings.Split(name, ".")
	if len(parts) != 3 {
		return "", fmt.Errorf("占位符 {{%s}} 无法识别；可用 {{收到申请}} {{上年结转}} {{办结}} {{结转}} {{予以公开}} {{部分公开}} {{不予公开}} {{无法提供}} {{不予处理}} {{其他处理}} {{复议}} {{诉讼}}，或 {{表三.行.列}} 如 {{表三.new.总计}}、{{表四.review.结果纠正}}、{{表二.xzxk.decisions}}", name)
	}
	table := map[string]string{"表二": "t2", "表三": "t3", "表四": "t4", "t2": "t2", "t3": "t3", "t4": "t4"}[parts[0]]
	row, col := parts[1], parts[2]
	switch table {
	case "t3":
		for _, c := range layouts.T3Columns {
			if c.Label == col {
				col = c.ID
			}
		}
	case "t4":
		for _, b := range layouts.T4Blocks {
			if b.Label == row {
				row = b.ID
			}
		}
		for _, c := range layouts.T4Results {
			if c.Label == col {
				col = c.ID
			}
		}
	case "t2":
		key := "t2." + row + "." + col
		if v, ok := r.T2[key]; ok {
			return v, nil
		}
		return "", fmt.Errorf("占位符 {{%s}}：表二没有项目 %s 的栏目 %s（%s 格式）", name, row, col, r.Format)
	default:
		return "", fmt.Errorf("占位符 {{%s}}：表名应为 表二、表三 或 表四（或 t2、t3、t4）", name)
	}
	key := table + "." + row + "." + col
	v, ok := r.Value(key)
	if !ok {
		return "", fmt.Errorf("占位符 {{%s}} 指向不存在的单元格（%s 格式）；表三行如 new、r7、carry，列如 自然人、总计；表四如 行政复议.总计", name, r.Format)
	}
	return strconv.FormatInt(v, 10), nil
}

// expand replaces every placeholder of s; bad placeholders are reported at path. A placeholder is
// {{NAME}} with no brace inside NAME: a nested ({{表三.{{办结}}.总计}}, {{{{收到申请}}}}) or unterminated
// {{, and a }} without its {{, are errors (the text is kept as it is). The expanded text must still be
// within MaxTextRunes.
func (l *loader) expand(path, s string) string {
	if !strings.Contains(s, "{{") && !strings.Contains(s, "}}") {
		return s
	}
	orig := s
	var b strings.Builder
	for {
		i, j := strings.Index(s, "{{"), strings.Index(s, "}}")
		if i < 0 && j < 0 {
			b.WriteString(s)
			break
		}
		if i < 0 || j >= 0 && j < i {
			l.errf(path, "多余的 }}（前面没有对应的 {{）：%s；占位符写作 {{收到申请}} 这样的形式", shorten(orig))
			return orig
		}
		rest := s[i+2:]
		k := strings.Index(rest, "}}")
		if k < 0 {
			l.errf(path, "占位符的 {{ 没有闭合的 }}：%s；请补上 }}（占位符写作 {{收到申请}} 这样的形式），或删去多余的 {{", shorten(s[i:]))
			return orig
		}
		name := rest[:k]
		if strings.ContainsAny(name, "{}") {
			l.errf(path, "占位符不能嵌套或含有花括号：{{%s}}；每个占位符写作 {{收到申请}} 或 {{表三.new.总计}} 这样的形式", shorten(name))
			return orig
		}
		v, err := l.r.Placeholder(name)
		if err != nil {
			l.errf(path, "%s", err.Error())
			return orig
		}
		b.WriteString(s[:i])
		b.WriteString(v)
		s = rest[k+2:]
	}
	out := b.String()
	if n := utf8.RuneCountInString(out); n > MaxTextRunes {
		l.errf(path, "代入占位符后段落过长（%d 字）；每段不得超过 %d 字，请分段", n, MaxTextRunes)
		return orig
	}
	return out
}

// noPlaceholder reports a placeholder in a field that is printed as it is (agency, title, signature).
func (l *loader) noPlaceholder(path, label, s string) {
	if strings.Contains(s, "{{") || strings.Contains(s, "}}") {
		l.errf(path, "%s中不能使用占位符（{{ }}）；占位符只能写在前言、正文段落和小标题中", label)
	}
}

// expandPlaceholders substitutes table values into all prose.
func (l *loader) expandPlaceholders() {
	r := l.r
	l.noPlaceholder("report.agency", "机关名称（agency）", r.Agency)
	l.noPlaceholder("report.title", "标题（title）", r.Title)
	l.noPlaceholder("report.signature", "署名（signature）", r.Signature)
	l.noPlaceholder("report.amount_note", "单位说明（amount_note）", r.AmountNote)
	for i := range r.Preamble {
		r.Preamble[i] = l.expand("report.preamble", r.Preamble[i])
	}
	for _, sec := range []struct {
		key string
		n   *Narrative
	}{{"overview", &r.Overview}, {"problems", &r.Problems}, {"other", &r.Other}} {
		for i := range sec.n.Paragraphs {
			sec.n.Paragraphs[i] = l.expand(sec.key+".paragraphs", sec.n.Paragraphs[i])
		}
		for j := range sec.n.Sections {
			s := &sec.n.Sections[j]
			p := fmt.Sprintf("%s.sections.%d", sec.key, j)
			s.Title = l.expand(p+".title", s.Title)
			for i := range s.Paragraphs {
				s.Paragraphs[i] = l.expand(p+".paragraphs", s.Paragraphs[i])
			}
		}
	}
}
