package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/xlsx/internal/sml"
)

// Labels of the 基本信息 sheet (column A); the value stands to their right.
const (
	infoAgency     = "机关名称"
	infoYear       = "报告年度"
	infoFormat     = "报告格式"
	infoTitle      = "标题"
	infoSignature  = "署名"
	infoDate       = "成文日期"
	infoAmountNote = "采购总金额单位说明"
)

// formatLabel is the value of 报告格式: the format and its document number.
func formatLabel(f layouts.Format) string {
	if f == layouts.F2019 {
		return "2019（国办公开办函〔2019〕60号）"
	}
	return "2021（国办公开办函〔2021〕30号）"
}

// writeInfo writes the 基本信息 sheet: one label and value per row, with a note on how to fill it in.
func writeInfo(f *sml.Book, st *styles, r *report.Report, o Options) error {
	s, err := f.AddSheet(SheetInfo)
	if err != nil {
		return err
	}
	agency := r.Agency
	if o.Template && agency == agencyPlaceholder {
		agency = ""
	}
	title := r.Title
	if title == fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Agency, r.Year) {
		title = "" // the default: 机关名称 + 年度
	}
	signature := r.Signature
	if o.Template && signature == agencyPlaceholder {
		signature = ""
	}
	type row struct {
		label, note string
		value       any // a string, or the year as an int
		locked      bool
	}
	rows := []row{
		{infoAgency, "必填。", agency, false},
		{infoYear, "必填：统计年度，如 2024。", r.Year, false},
		{infoFormat, "本工作簿的表格按此格式排列，不可更改；换格式请重新生成模板（nianbao xlsx template --format）。", formatLabel(r.Format), true},
		{infoTitle, "可不填：默认为“机关名称＋年度＋年政府信息公开工作年度报告”。", title, false},
		{infoSignature, "可不填：报告末尾的署名。", signature, false},
		{infoDate, "可不填：如 2025年1月20日。", r.Date, false},
	}
	if r.Format == layouts.F2019 {
		rows = append(rows, row{infoAmountNote, "可不填：印在表二“采购总金额”之后，如（单位：万元）。", r.AmountNote, false})
	}
	for col, w := range []float64{20, 44, 60} {
		if err := s.SetColWidth(col+1, col+1, w); err != nil {
			return err
		}
	}
	if err := s.Merge("A1", "C1"); err != nil {
		return err
	}
	if err := s.SetString("A1", "政府信息公开工作年度报告 基本信息"); err != nil {
		return err
	}
	if err := s.SetFormat("A1", "C1", st.title); err != nil {
		return err
	}
	if err := s.SetRowHeight(1, 30); err != nil {
		return err
	}
	for i, rw := range rows {
		n := strconv.Itoa(i + 2)
		if err := s.SetString("A"+n, rw.label); err != nil {
			return err
		}
		if year, ok := rw.value.(int); ok {
			err = s.SetInt("B"+n, int64(year))
		} else {
			err = s.SetString("B"+n, rw.value.(string))
		}
		if err != nil {
			return err
		}
		if err := s.SetString("C"+n, rw.note); err != nil {
			return err
		}
		vs := st.text
		if rw.locked {
			vs = st.textLocked
		}
		for _, c := range []struct {
			col   string
			style int
		}{{"A", st.label}, {"B", vs}, {"C", st.hint}} {
			if err := s.SetFormat(c.col+n, c.col+n, c.style); err != nil {
				return err
			}
		}
		if err := s.SetRowHeight(i+2, 30); err != nil {
			return err
		}
	}
	if err := s.AddValidation(sml.Validation{Ranges: "B3", Type: "whole", Operator: "between", Formula1: "2008", Formula2: "2100",
		ErrorStyle: "stop", ErrorTitle: "请填写年度", Error: "报告年度是 2008 到 2100 之间的四位整数，如 2024。"}); err != nil {
		return err
	}
	help := []string{
		"填写说明：",
		"1. 表二、表三、表四按国家规定的格式排列；白色单元格填写数字（没有数据请填 0），灰色单元格是公式，自动计算总计、（七）总计和结转下年度。",
		"2. 表三下方的“勾稽检查”行逐列核对：第一项加第二项之和等于第三项加第四项之和；不符时变为红色。被改写而与公式不一致的总计也会变红。",
		"3. 标签单元格已锁定（工作表保护，无密码），以免误改表格结构；如确需修改，可在“审阅”中撤销工作表保护。",
		"4. “正文”工作表每行一段：写明所属部分（如“一、总体情况”），有小节时写小节标题，同一小节的各段小节标题相同。",
		"5. 填好后用 nianbao xlsx import 文件.xlsx 读回，或直接 nianbao check / nianbao render 文件.xlsx。",
	}
	start := len(rows) + 3
	for i, h := range help {
		n := strconv.Itoa(start + i)
		if err := s.Merge("A"+n, "C"+n); err != nil {
			return err
		}
		if err := s.SetString("A"+n, h); err != nil {
			return err
		}
		if err := s.SetFormat("A"+n, "C"+n, st.hint); err != nil {
			return err
		}
		if err := s.SetRowHeight(start+i, 26); err != nil {
			return err
		}
	}
	pageSetup(s, "portrait", true)
	return nil
}

// infoValue finds a label of 基本信息 and returns the cell to its right (past the label's own merged
// range). ok is false when the label is missing.
func infoValue(g *sheetGrid, label string) (r, c int, ok bool) {
	hits := g.find(label)
	if len(hits) == 0 {
		return 0, 0, false
	}
	r = hits[0][0]
	_, last := g.span(r, hits[0][1])
	return r, last + 1, true
}

// readInfo reads 基本信息: agency and year (required), format, title, signature, date, amount note.
func (rd *reader) readInfo(r *report.Report) {
	g := rd.sheetFor(SheetInfo, infoAgency)
	if g == nil {
		rd.errf("", "找不到“%s”工作表（含“%s”“%s”“%s”）：请用 nianbao xlsx template 生成的工作簿填写", SheetInfo, infoAgency, infoYear, infoFormat)
		return
	}
	text := func(label string, required bool) (string, string) {
		row, col, ok := infoValue(g, label)
		if !ok {
			if required {
				rd.errf(g.sheet, "找不到“%s”：请不要删除或改写这一行的标签", label)
			}
			return "", ""
		}
		at := loc(g.sheet, row, col)
		ct, err := g.value(row, col)
		if err != nil {
			rd.errf(at, "“%s”：%v", label, err)
			return "", at
		}
		s := strings.Trim(ct.shown, spaceTrimSet)
		if s == "" && required {
			rd.errf(at, "“%s”为空：请填写%s", label, label)
		}
		return s, at
	}
	r.Agency, _ = text(infoAgency, true)
	if y, at := text(infoYear, true); y != "" {
		n, err := parseYear(g, y)
		if err != nil || n < 2008 || n > 2100 {
			rd.errf(at, "“%s”'%s' 不是 2008 到 2100 之间的年份：请填写四位数字，如 2024", infoYear, y)
		} else {
			r.Year = n
		}
	}
	fs, at := text(infoFormat, false)
	switch f := fold(fs); {
	case strings.HasPrefix(f, "2019"):
		r.Format = layouts.F2019
	case strings.HasPrefix(f, "2021"):
		r.Format = layouts.F2021
	case f == "" && r.Year != 0:
		r.Format = rd.guessFormat(r.Year)
	default:
		rd.errf(at, "“%s”'%s' 无法识别：只能是 2019（国办公开办函〔2019〕60号）或 2021（国办公开办函〔2021〕30号）", infoFormat, fs)
	}
	if r.Format == layouts.F2021 && r.Year != 0 && r.Year < 2021 {
		rd.errf(at, "“%s”是 2021 格式，但报告年度是 %d 年：2021 格式适用于 2021 年及以后的报告；请用 --format 2019 重新生成模板", infoFormat, r.Year)
	}
	r.Title, _ = text(infoTitle, false)
	if r.Title == "" && r.Agency != "" && r.Year != 0 {
		r.Title = fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Agency, r.Year)
	}
	r.Signature, _ = text(infoSignature, false)
	r.AmountNote, _ = text(infoAmountNote, false)
	if row, col, ok := infoValue(g, infoDate); ok {
		at := loc(g.sheet, row, col)
		if ct, err := g.value(row, col); err == nil && fold(ct.raw) != "" {
			t, ok := parseDate(ct, rd.wb.Date1904)
			if !ok {
				rd.errf(at, "“%s”'%s' 无法识别：请写成 2025年1月20日 或 2025-01-20", infoDate, strings.TrimSpace(ct.shown))
			} else {
				r.Issued = t
				r.Date = fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
			}
		}
	}
}

// parseYear reads 报告年度 from its cell (shown as y): the number stored, whatever format shows it
// (2,024 under #,##0, 2024.00, 2024年 under 0"年"), or the text typed, with or without 年/年度 after it
// (２０２４, 2024年); else the digits a date shows under yyyy.
func parseYear(g *sheetGrid, y string) (int, error) {
	if row, col, ok := infoValue(g, infoYear); ok {
		if ct, err := g.value(row, col); err == nil && ct.number {
			if n, err := strconv.Atoi(fold(ct.raw)); err == nil && n >= 2008 && n <= 2100 {
				return n, nil
			}
		}
	}
	s := fold(y)
	for _, suffix := range []string{"年度", "年"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, suffix))
	}
	return strconv.Atoi(s)
}

// guessFormat returns the format of the year, for a workbook whose 报告格式 cell is empty.
func (rd *reader) guessFormat(year int) layouts.Format { return layouts.DefaultFormat(year) }

// parseDate reads a date cell: a date serial number in the workbook's date system (1900, or 1904 when
// date1904 is set), or text such as 2025年1月20日, 2025-01-20, 2025/1/20.
func parseDate(ct cellText, date1904 bool) (time.Time, bool) {
	s := fold(ct.raw)
	if v, err := strconv.ParseFloat(s, 64); err == nil && v > 1 && v < 200000 {
		y, m, d, ok := sml.SerialDate(v, date1904)
		if !ok {
			return time.Time{}, false
		}
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
	}
	return report.ParseDate(s)
}
