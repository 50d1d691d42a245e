package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/layouts"
)

// SkeletonOptions configure Skeleton.
type SkeletonOptions struct {
	Format layouts.Format
	Year   int
	Agency string
	// From is last year's report: 上年结转 is taken from its 结转下年度, (2019 format) 上一年项目数量 from its
	// 上一年项目数量 + 本年增/减, and the agency and preamble are carried over.
	From *Report
}

// Skeleton returns a complete, commented report file: every key present, with the official Chinese label
// beside it. Filled with zeros and empty prose it passes `check` (with a warning about 信息处理费 in 2021).
func Skeleton(o SkeletonOptions) string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	agency := cleanText(strings.ToValidUTF8(o.Agency, ""))
	var preamble []string
	if o.From != nil {
		if agency == "" {
			agency = o.From.Agency
		}
		for _, p := range o.From.Preamble {
			preamble = append(preamble, strings.ReplaceAll(p, strconv.Itoa(o.From.Year), strconv.Itoa(o.Year)))
		}
	}
	if agency == "" {
		agency = "（请填写机关名称）"
	}
	w("# %s%d年政府信息公开工作年度报告 — nianbao 报告文件（格式说明见 docs/format.md）\n", agency, o.Year)
	w("# 格式：%s\n\n", formatName(o.Format))
	w("[report]\n")
	w("agency = %s  # 机关名称\n", quote(agency))
	w("year = %d  # 报告年度\n", o.Year)
	w("format = %q  # 报告格式\n", string(o.Format))
	w("# title = %s  # 标题（省略时自动生成）\n", quote(fmt.Sprintf("%s%d年政府信息公开工作年度报告", agency, o.Year)))
	if len(preamble) == 0 {
		preamble = []string{fmt.Sprintf("本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。", o.Year, o.Year)}
	}
	w("preamble = [  # 前言：编制依据、统计期限、联系方式（可省略）\n")
	for _, p := range preamble {
		w("  %s,\n", quote(p))
	}
	w("]\n")
	w("signature = %s  # 署名（可省略）\n", quote(agency))
	w("# date = %d-01-20  # 成文日期（可省略）\n", o.Year+1)
	if o.Format == layouts.F2019 {
		w("# amount_note = \"（单位：万元）\"  # 采购总金额的单位说明（可省略；国家模板不印单位）\n")
	}
	w("\n")
	narr := []struct{ key, label, hint string }{
		{"overview", "一、总体情况", "主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障"},
		{"problems", "五、存在的主要问题及改进情况", "问题要具体，改进举措要有实效"},
		{"other", "六、其他需要报告的事项", "本机关认为需要报告的其他事项"},
	}
	if o.Format == layouts.F2021 {
		narr[2].hint = "2021 格式须在此报告收取信息处理费的情况，如“本年度未收取信息处理费。”"
	}
	for _, n := range narr {
		w("[%s]  # %s（%s）\n", n.key, n.label, n.hint)
		w("paragraphs = []  # 段落（字符串数组）\n\n")
		if n.key == "overview" {
			w("# 小节（一）（二）……自动编号；runin = true 时标题与正文同段（“（一）主动公开情况。”后接正文）\n")
			w("# [[overview.sections]]\n# title = \"主动公开情况\"\n# paragraphs = [\"……\"]\n# runin = false\n\n")
		}
	}
	w("# 二、主动公开政府信息情况\n")
	for _, it := range layouts.T2Items(o.Format) {
		w("[table2.%s]  # %s %s\n", it.ID, it.Block, it.Label)
		for _, f := range it.Fields {
			val := "0"
			if f.Kind == layouts.Decimal {
				val = `"0"`
			}
			if o.From != nil && f.ID == "prev_items" && o.From.Format == o.Format {
				p, _ := strconv.ParseInt(o.From.T2["t2."+it.ID+".prev_items"], 10, 64)
				d, _ := strconv.ParseInt(o.From.T2["t2."+it.ID+".delta"], 10, 64)
				val = strconv.FormatInt(p+d, 10)
			}
			w("%s = %s  # %s\n", f.ID, val, f.Label)
		}
	}
	w("\n# 三、收到和处理政府信息公开申请情况\n")
	w("# 每行：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]；可再加第七个数“总计”（省略时自动计算）\n")
	w("# （七）总计 r7 与 四、结转下年度继续办理 carry 省略时自动计算；写出时必须与计算结果一致\n")
	w("[table3]\n")
	for _, row := range layouts.T3Rows(o.Format) {
		if row.ID == "r7" || row.ID == "carry" {
			continue
		}
		vals := "0, 0, 0, 0, 0, 0"
		if row.ID == "carried" && o.From != nil {
			c := o.From.T3["carry"]
			vals = fmt.Sprintf("%d, %d, %d, %d, %d, %d", c[0], c[1], c[2], c[3], c[4], c[5])
		}
		w("%-7s = [%s]  # %s\n", row.ID, vals, row.Name())
	}
	w("\n# 四、政府信息公开行政复议、行政诉讼情况：[结果维持, 结果纠正, 其他结果, 尚未审结]（可再加“总计”）\n")
	w("[table4]\n")
	for _, blk := range layouts.T4Blocks {
		label := blk.Label
		if blk.ID != "review" {
			label = "行政诉讼 " + label
		}
		w("%-6s = [0, 0, 0, 0]  # %s\n", blk.ID, label)
	}
	w("\n# [fonts]  # 字体文件（可省略）：title 方正小标宋简体, body 仿宋_GB2312, hei 黑体, kai 楷体_GB2312, song 宋体, latin Times New Roman\n")
	w("# body = \"/path/to/fangsong.ttf\"\n")
	return b.String()
}

func formatName(f layouts.Format) string {
	if f == layouts.F2019 {
		return "2019（国办公开办函〔2019〕60号）"
	}
	return "2021（国办公开办函〔2021〕30号）"
}

// quote writes s as a TOML basic string.
// quote writes s as a TOML basic string: quotes and backslashes escaped, control characters as \uXXXX
// (strconv.Quote would write Go escapes such as \x01 that TOML does not have).
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
