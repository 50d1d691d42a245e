package xlsx

import (
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/xlsx/internal/sml"
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
func writeNarrative(f *sml.Book, st *styles, r *report.Report, o Options) error {
	s, err := f.AddSheet(SheetNarrative)
	if err != nil {
		return err
	}
	for col, w := range []float64{22, 24, 12, 96} {
		if err := s.SetColWidth(col+1, col+1, w); err != nil {
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
		if err := s.SetString(sml.CellName(i+1, 1, false), h); err != nil {
			return err
		}
	}
	if err := s.SetFormat("A1", "D1", st.label); err != nil {
		return err
	}
	if err := s.SetRowHeight(1, 34); err != nil {
		return err
	}
	for i, row := range rows {
		n := strconv.Itoa(i + 2)
		for k, v := range row {
			if err := s.SetString(sml.CellName(k+1, i+2, false), v); err != nil {
				return err
			}
		}
		if err := s.SetFormat("A"+n, "D"+n, st.text); err != nil {
			return err
		}
		lines := max(textLines(row[0], 22), textLines(row[1], 24), textLines(row[3], 96))
		// A long paragraph gets the tallest row there is; the rest scrolls inside the cell.
		if err := s.SetRowHeight(i+2, min(float64(lines)*14+6, sml.MaxRowHeight)); err != nil {
			return err
		}
	}
	// Lists for the part and the run-in flag, on the filled rows and a margin below them.
	end := strconv.Itoa(len(rows) + 200)
	var parts []string
	for _, p := range narrativeParts(r.Format) {
		parts = append(parts, p[0])
	}
	for _, l := range []struct {
		col   string
		items []string
	}{{"A", parts}, {"C", []string{runInYes, runInNo}}} {
		list, err := sml.ListFormula(l.items...)
		if err != nil {
			return err
		}
		if err := s.AddValidation(sml.Validation{Ranges: l.col + "2:" + l.col + end, Type: "list", Formula1: list, AllowBlank: true}); err != nil {
			return err
		}
	}
	if err := s.Freeze(0, 1); err != nil {
		return err
	}
	pageSetup(s, "landscape", false)
	return nil
}

// partOf matches the 部分 cell of a 正文 row: 前言, the heading (一、总体情况), the title alone (总体情况) or
// the number alone (一).
func partOf(f layouts.Format, s string) (key string, ok bool) {
	s = norm(s)
	if s == norm(partPreamble) {
		return "", true
	}
	for _, sec := range layouts.Sections(f) {
		if sec.Kind != layouts.Narrative {
			continue
		}
		if s == norm(sec.Heading()) || s == norm(sec.Title) || s == sec.Number || s == sec.Number+"、" {
			return sec.Key, true
		}
	}
	return "", false
}

// readNarrative reads the 正文 sheet, when there is one: rows in order, each a paragraph of its part; a
// sub-section starts where the 小节标题 changes, and a row with an empty 小节标题 after a sub-section
// continues it.
func (rd *reader) readNarrative(r *report.Report) {
	g := rd.sheetFor(SheetNarrative, narrText)
	if g == nil {
		return
	}
	head := g.find(narrText)[0][0]
	cols := map[string]int{}
	for _, h := range []string{narrPart, narrSub, narrRunIn, narrText} {
		c, ok := g.rowHas(head, h, -1)
		if !ok {
			rd.errf(loc(g.sheet, head, 0), "第 %d 行表头中找不到“%s”列：请不要删除或改写表头", head+1, h)
			return
		}
		cols[h] = c
	}
	nars := map[string]*report.Narrative{"overview": &r.Overview, "problems": &r.Problems, "other": &r.Other}
	type cur struct {
		title string
		open  bool
	}
	state := map[string]*cur{"overview": {}, "problems": {}, "other": {}}
	lastPart := ""
	seenPart := false
	for row := head + 1; row < len(g.label); row++ {
		cell := func(h string) (string, string) {
			at := loc(g.sheet, row, cols[h])
			ct, err := g.value(row, cols[h])
			if err != nil {
				rd.errf(at, "%v", err)
				return "", at
			}
			return strings.Trim(ct.shown, spaceTrimSet), at
		}
		partText, partAt := cell(narrPart)
		sub, _ := cell(narrSub)
		flag, flagAt := cell(narrRunIn)
		text, _ := cell(narrText)
		if sub == "" && text == "" {
			continue // an empty row, or a part named with nothing in it yet
		}
		key := lastPart
		if partText != "" {
			k, ok := partOf(r.Format, partText)
			if !ok {
				rd.errf(partAt, "“%s”'%s' 无法识别：应为 前言、一、总体情况、五、存在的主要问题及改进情况 或 六、其他需要报告的事项", narrPart, partText)
				continue
			}
			key, lastPart, seenPart = k, k, true
		} else if !seenPart {
			rd.errf(partAt, "“%s”为空：请写明这一段属于哪一部分（如“一、总体情况”）", narrPart)
			continue
		}
		if key == "" { // 前言
			if sub != "" {
				rd.errf(partAt, "前言不分小节：请清空“%s”，或把这一段归入“一、总体情况”等部分", narrSub)
			}
			if text != "" {
				r.Preamble = append(r.Preamble, text)
			}
			continue
		}
		n, st := nars[key], state[key]
		runIn := false
		switch norm(strings.ToLower(flag)) {
		case "", runInNo, "false", "0", "n", "no", "×":
		case runInYes, "true", "1", "y", "yes", "√", "✓":
			runIn = true
		default:
			rd.errf(flagAt, "“%s”'%s' 无法识别：请填“是”或“否”（或留空，即“否”）", narrRunIn, flag)
		}
		switch {
		case sub != "" && (!st.open || sub != st.title):
			n.Sections = append(n.Sections, report.SubSection{Title: sub, RunIn: runIn})
			st.title, st.open = sub, true
		case sub == "" && !st.open:
			if text != "" {
				n.Paragraphs = append(n.Paragraphs, text)
			}
			continue
		}
		if text != "" {
			s := &n.Sections[len(n.Sections)-1]
			s.Paragraphs = append(s.Paragraphs, text)
		}
	}
}
