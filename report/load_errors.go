package report

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
)

// TOML syntax errors, said in Chinese with the fix. The parser's English text is kept only for the errors
// not recognised here.

var (
	fwDigitRe    = lazyre.New(`[０-９]+`)
	cnCommaNumRe = lazyre.New(`[0-9０-９]+(?:，[0-9０-９]+)+`)
	commaNumRe   = lazyre.New(`^[0-9]{1,3}(?:,[0-9]{3})+$`)
	dateValRe    = lazyre.New(`(\d{4})-(\d{2})-(\d{2})`)
	signWordRe   = lazyre.New(`^(减少|减|增加|增|下降|上升|负)\s*([0-9０-９]+)`)
	unitValRe    = lazyre.New(`^([0-9][0-9.]*)\s*(万元|元|件|项|个|条|宗)`)
	leadZeroRe   = lazyre.New(`Invalid integer "([^"]*)": cannot have leading zeroes`)
	rangeRe      = lazyre.New(`^(\S+) is out of range`)
	dupKeyRe     = lazyre.New(`^Key '([^']*)' has already been defined`)
)

// syntaxProblem turns a TOML parse error into the line it is on and a Chinese message that names the fix.
func syntaxProblem(src string, pe toml.ParseError) (int, string) {
	n := pe.Position.Line
	line := ""
	if ls := strings.Split(src, "\n"); n >= 1 && n <= len(ls) {
		line = strings.TrimRight(ls[n-1], "\r")
		if strings.TrimSpace(line) == "" && n > 1 {
			n-- // the error was seen at the line break
			line = strings.TrimRight(ls[n-1], "\r")
		}
	}
	if strings.Contains(pe.Message, "to end table name") && !strings.HasPrefix(strings.TrimSpace(line), "[") && n > 1 {
		ls := strings.Split(src, "\n")
		for k := n - 1; k >= 1; k-- {
			if strings.HasPrefix(strings.TrimSpace(ls[k-1]), "[") {
				n, line = k, strings.TrimRight(ls[k-1], "\r")
				break
			}
		}
	}
	msg := syntaxMessage(src, line, pe)
	if !strings.HasPrefix(msg, "TOML 语法错误") {
		msg = "TOML 语法错误：" + msg
	}
	return n, msg
}

func syntaxMessage(src, line string, pe toml.ParseError) string {
	key, val, hasEq := strings.Cut(stripComment(line), "=")
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	if !hasEq {
		if k, v, ok := strings.Cut(stripComment(line), "＝"); ok {
			return fmt.Sprintf("等号要用英文半角“=”：请把“%s ＝ %s”写成“%s = %s”", strings.TrimSpace(k), strings.TrimSpace(v), strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	msg := pe.Message
	switch {
	case dupKeyRe.MatchString(msg):
		k := dupKeyRe.FindStringSubmatch(msg)[1]
		first := firstDefinition(src, k, pe.Position.Line)
		where := ""
		if first > 0 {
			where = fmt.Sprintf("（第 %d 行已写过）", first)
		}
		return fmt.Sprintf("“%s”重复定义%s：同一个键或表只能写一次，请删除或合并重复的那一处", k, where)
	case strings.HasPrefix(msg, "invalid datetime"):
		return dateMessage(val)
	case rangeRe.MatchString(msg):
		return fmt.Sprintf("数字 %s 超出范围：件数不得超过 %d（九位数），请检查是否多写了数字", rangeRe.FindStringSubmatch(msg)[1], MaxCount)
	case leadZeroRe.MatchString(msg):
		n := leadZeroRe.FindStringSubmatch(msg)[1]
		return fmt.Sprintf("整数不能以 0 开头：%s 请写成 %s", n, strings.TrimLeft(n, "0+")+map[bool]string{true: "0", false: ""}[strings.TrimLeft(n, "0+") == ""])
	case strings.Contains(msg, "strings cannot contain newlines"):
		return "字符串没有结束：该行缺少右边的英文引号（\"），或者引号被写成了中文引号“”"
	case strings.Contains(msg, "to end table name"):
		t := strings.TrimSpace(stripComment(line))
		return fmt.Sprintf("表名缺少右方括号：%s 请写成 %s]", t, strings.TrimRight(t, "]"))
	case strings.Contains(msg, "but got end of file") && strings.Contains(msg, "array terminator"):
		return "数组没有结束：缺少右方括号“]”；每个数组写成 [0, 0, 0, 0, 0, 0] 这样"
	}
	if !hasEq {
		val = strings.TrimSpace(stripComment(line))
	}
	startsNum := val != "" && (strings.ContainsRune("0123456789-+", rune(val[0])) || strings.HasPrefix(val, "[") && !strings.HasPrefix(strings.TrimSpace(line), "[") || fwDigitRe.MatchString(val[:min(len(val), 3)]))
	if !hasEq && !startsNum {
		if strings.HasPrefix(strings.TrimSpace(line), "[") {
			return fmt.Sprintf("表名写法有误：%s；表名用英文方括号和英文字母，例如 [table3]、[table2.xzxk]", strings.TrimSpace(line))
		}
		if k := strings.TrimSpace(stripComment(line)); k != "" && k[0] >= 0x80 {
			return fmt.Sprintf("键名只能用英文字母、数字和下划线：“%s”不是可用的键；每行写成 键 = 值，例如 agency = \"某某局\"", k)
		}
	}
	if hasEq && key != "" && key[0] >= 0x80 && !strings.HasPrefix(key, "\"") {
		return fmt.Sprintf("键名只能用英文字母、数字和下划线：“%s”不是可用的键（中文名称写在 # 后的注释里）", key)
	}
	switch {
	case strings.ContainsAny(val, "“”‘’"):
		fixed := strings.NewReplacer("“", `"`, "”", `"`, "‘", `"`, "’", `"`).Replace(val)
		return fmt.Sprintf("字符串要用英文双引号：%s 请写成 %s", val, fixed)
	case cnCommaNumRe.MatchString(val) && (strings.HasPrefix(val, "[") || !thousands(cnCommaNumRe.FindString(val))):
		fixed := strings.ReplaceAll(val, "，", ", ")
		return fmt.Sprintf("数组各项之间要用英文逗号：%s 请写成 %s", val, fold(fixed))
	case cnCommaNumRe.MatchString(val):
		n := cnCommaNumRe.FindString(val)
		return fmt.Sprintf("数字里不能用中文逗号：%s 请写成 %s", n, fold(strings.ReplaceAll(n, "，", "")))
	case signWordRe.MatchString(val):
		m := signWordRe.FindStringSubmatch(val)
		sign := "-"
		if strings.HasPrefix(m[1], "增") || m[1] == "上升" {
			sign = ""
		}
		return fmt.Sprintf("“本年增/减”等数值请写成带符号的整数：%s 请写成 %s%s（增加写正数，减少写负数）", val, sign, fold(m[2]))
	case unitValRe.MatchString(val):
		return unitMessage(src, key, val)
	case fwDigitRe.MatchString(val):
		return fmt.Sprintf("数字要用半角：%s 请写成 %s", val, fold(val))
	case commaNumRe.MatchString(strings.Trim(val, " ")):
		return fmt.Sprintf("数字里不能用千位分隔逗号：%s 请写成 %s", val, strings.ReplaceAll(val, ",", ""))
	case strings.HasPrefix(msg, "expected value but found") && val != "":
		return fmt.Sprintf("文字要用英文双引号括起来：%s = %s 请写成 %s = \"%s\"", key, val, key, val)
	}
	return "TOML 语法错误：" + msg + "（请检查该行的引号、括号、逗号和等号是否为英文半角）"
}

// thousands reports whether 1，240 groups its digits by three (a thousands separator, not a list).
func thousands(n string) bool {
	parts := strings.Split(n, "，")
	for _, p := range parts[1:] {
		if len([]rune(p)) != 3 {
			return false
		}
	}
	return len([]rune(parts[0])) <= 3
}

// fold turns full-width digits into ASCII.
func fold(s string) string { return fwDigits.Replace(s) }

var fwDigits = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6",
	"７", "7", "８", "8", "９", "9")

func stripComment(line string) string {
	quote := rune(0)
	for i, c := range line {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return line[:i]
		}
	}
	return line
}

// firstDefinition finds the first line before `before` that defines key (as k = … or [k]).
func firstDefinition(src, key string, before int) int {
	last := key
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		last = key[i+1:]
	}
	for i, l := range strings.Split(src, "\n") {
		if i+1 >= before {
			break
		}
		t := strings.TrimSpace(stripComment(l))
		if t == "["+key+"]" || t == "[["+key+"]]" {
			return i + 1
		}
		if k, _, ok := strings.Cut(t, "="); ok && cleanKey(k) == last {
			return i + 1
		}
	}
	return 0
}

func dateMessage(val string) string {
	m := dateValRe.FindStringSubmatch(val)
	if m == nil {
		return fmt.Sprintf("日期 %s 写法有误：请写成 2024-01-20 这样的年-月-日（月、日各两位）", val)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return fmt.Sprintf("日期 %s 不存在：月份只能是 01 到 12", m[0])
	}
	days := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > days {
		return fmt.Sprintf("日期 %s 不存在：%d 年 %d 月只有 %d 天，请改为真实的成文日期（如 %04d-%02d-%02d）", m[0], y, mo, days, y, mo, days)
	}
	return fmt.Sprintf("日期 %s 写法有误：请写成 2024-01-20 这样的年-月-日", val)
}

// unitMessage explains a unit written inside a number (251000元).
func unitMessage(src, key, val string) string {
	m := unitValRe.FindStringSubmatch(val)
	if key != "amount" {
		return fmt.Sprintf("数值后不能带单位：%s 请写成 %s（单位已印在表头）", val, m[1])
	}
	hint := ""
	if m[2] == "元" {
		if f, err := strconv.ParseFloat(m[1], 64); err == nil {
			hint = fmt.Sprintf("；%s元即 %s 万元", m[1], strconv.FormatFloat(f/10000, 'f', -1, 64))
		}
	}
	return amountUnitMessage(strings.Contains(src, `format = "2019"`) || strings.Contains(src, "format = 2019"), val, m[1], hint)
}

// amountUnitMessage says where the unit of an amount goes: the 2021 header prints 万元, the 2019 one
// nothing (amount_note).
func amountUnitMessage(f2019 bool, val, num, hint string) string {
	if f2019 {
		return fmt.Sprintf("金额只写数字，不带单位：%s 请写成 \"%s\"%s；2019 格式表头“采购总金额”不印单位，单位请写在 [report] 的 amount_note，例如 amount_note = \"（单位：万元）\"", val, num, hint)
	}
	return fmt.Sprintf("金额只写数字，不带单位：%s 请写成以万元为单位的数字%s；2021 格式表头已印“本年收费金额（单位：万元）”", val, hint)
}

// keyLabels gives the Chinese label of every schema key, for the unknown-key message; it is built the
// first time a message needs it.
var keyLabels = sync.OnceValue(func() map[string]string {
	m := map[string]string{
		"report": "报告基本信息", "overview": "一、总体情况", "problems": "五、存在的主要问题及改进情况",
		"other": "六、其他需要报告的事项", "table2": "二、主动公开政府信息情况", "table3": "三、收到和处理政府信息公开申请情况",
		"table4": "四、政府信息公开行政复议、行政诉讼情况", "fonts": "字体",
		"agency": "机关名称", "year": "报告年度", "format": "报告格式", "title": "标题", "preamble": "前言",
		"signature": "署名", "date": "成文日期", "amount_note": "采购总金额单位说明",
		"paragraphs": "段落", "sections": "小节", "runin": "小标题与正文同段",
	}
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		for _, r := range layouts.T3Rows(f) {
			m[r.ID] = r.Name()
		}
		for _, it := range layouts.T2Items(f) {
			m[it.ID] = it.Label
			for _, fd := range it.Fields {
				m[fd.ID] = fd.Label
			}
		}
	}
	for _, b := range layouts.T4Blocks {
		m[b.ID] = b.Label
	}
	return m
})

// labelNote is the Chinese label of a key in parentheses, or nothing.
func labelNote(k string) string {
	if l, ok := keyLabels()[k]; ok {
		return "（" + l + "）"
	}
	return ""
}

// labelled writes a key with its Chinese label: r3_1（（三）不予公开 1.属于国家秘密）.
func labelled(k string) string {
	if l, ok := keyLabels()[k]; ok {
		return fmt.Sprintf("%s（%s）", k, l)
	}
	return k
}

func labelledList(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = labelled(k)
	}
	return strings.Join(out, "、")
}

// LoadFindings turns a load failure into findings of rule LOAD (severity error), one per problem, so that a
// program reading `check --json` never mistakes a file that could not be read for one without findings.
func LoadFindings(file string, err error) []Finding {
	var le *LoadError
	if errors.As(err, &le) {
		out := make([]Finding, 0, len(le.Problems))
		for _, p := range le.Problems {
			out = append(out, Finding{Severity: Error, Rule: "LOAD", File: p.File, Line: p.Line, Message: p.Msg})
		}
		return out
	}
	if err == nil {
		return nil
	}
	return []Finding{{Severity: Error, Rule: "LOAD", File: file, Message: err.Error()}}
}
