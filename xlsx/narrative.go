package xlsx

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// Column headers of the 正文 sheet.
const (
	narrPart  = "部分"
	narrSub   = "小节标题"
	narrRunIn = "小节标题与正文同段"
	narrText  = "正文（每行一段）"
	// partPreamble names the paragraphs before 一、总体情况.
	partPreamble = "前言"
	runInYes     = "是"
	runInNo      = "否"
)

// narrativeParts returns the parts of the 正文 sheet in order: 前言 and the three prose sections with their
// section keys ("" for 前言).
func narrativeParts(f layouts.Format) [][2]string {
	out := [][2]string{{partPreamble, ""}}
	for _, s := range layouts.Sections(f) {
		if s.Kind == layouts.Narrative {
			out = append(out, [2]string{s.Heading(), s.Key})
		}
	}
	return out
}

// writeNarrative writes the 正文 sheet: one paragraph per row with its part, sub-section title and run-in flag.
func writeNarrative(f *excelize.File, st *styles, r *report.Report, o Options) error {
	s := SheetNarrative
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	for col, w := range map[string]float64{"A": 18, "B": 24, "C": 10, "D": 96} {
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	var rows [][4]string
	for _, p := range r.Preamble {
		rows = append(rows, [4]string{partPreamble, "", "", p})
	}
	for _, part := range narrativeParts(r.Format)[1:] {
		n := r.Narrative(part[1])
		for _, p := range n.Paragraphs {
			rows = append(rows, [4]string{part[0], "", "", p})
		}
		for _, sub := range n.Sections {
			flag := runInNo
			if sub.RunIn {
				flag = runInYes
			}
			if len(sub.Paragraphs) == 0 {
				rows = append(rows, [4]string{part[0], sub.Title, flag, ""})
			}
			for _, p := range sub.Paragraphs {
				rows = append(rows, [4]string{part[0], sub.Title, flag, p})
			}
		}
		if o.Template && len(n.Paragraphs) == 0 && len(n.Sections) == 0 {
			rows = append(rows, [4]string{part[0], "", "", ""})
		}
	}
	head := []string{narrPart, narrSub, narrRunIn, narrText}
	for i, h := range head {
		c, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(s, c, h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A1", "D1", st.label); err != nil {
		return err
	}
	for i, row := range rows {
		n := strconv.Itoa(i + 2)
		for k, v := range row {
			c, _ := excelize.CoordinatesToCellName(k+1, i+2)
			if v != "" {
				if err := f.SetCellStr(s, c, v); err != nil {
					return err
				}
			}
		}
		if err := f.SetCellStyle(s, "A"+n, "D"+n, st.text); err != nil {
			return err
		}
		if err := f.SetRowHeight(s, i+2, float64(textLines(row[3], 96))*14+6); err != nil {
			return err
		}
	}
	// Lists for the part and the run-in flag, on the filled rows and a margin below them.
	end := strconv.Itoa(len(rows) + 200)
	var parts []string
	for _, p := range narrativeParts(r.Format) {
		parts = append(parts, p[0])
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref("A2:A" + end)
	if err := dv.SetDropList(parts); err != nil {
		return err
	}
	if err := f.AddDataValidation(s, dv); err != nil {
		return err
	}
	dv = excelize.NewDataValidation(true)
	dv.SetSqref("C2:C" + end)
	if err := dv.SetDropList([]string{runInYes, runInNo}); err != nil {
		return err
	}
	if err := f.AddDataValidation(s, dv); err != nil {
		return err
	}
	if err := f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return pageSetup(f, s, "landscape", false)
}
