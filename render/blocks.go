package render

import (
	"strconv"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// Kind is the kind of a Block.
type Kind int

const (
	// Title is the report title (2号 小标宋 role, centred).
	Title Kind = iota
	// Paragraph is a body paragraph (3号 仿宋 role, first line indented two characters, justified). A
	// paragraph with a Lead starts with a run-in level-2 heading in the 楷体 role.
	Paragraph
	// Heading1 is a first-level heading "一、总体情况" (黑体 role).
	Heading1
	// Heading2 is a second-level heading "（一）主动公开" on a line of its own (楷体 role).
	Heading2
	// Table is one of the statistical tables; Block.Table holds its grid.
	Table
	// Signature is the 署名 line, right-aligned four characters from the right edge.
	Signature
	// Date is the 成文日期 line, right-aligned four characters from the right edge.
	Date
)

// Block is one element of the report in reading order. PDF and DOCX render the same blocks, so headings
// and numbers agree between the two outputs.
type Block struct {
	Kind Kind
	// Text is the printed text: the title, the whole heading with its number, or the paragraph body
	// (without the Lead).
	Text string
	// Lead is the run-in heading of a paragraph, e.g. "（一）主动公开情况。", set in the 楷体 role.
	Lead string
	// Table is the grid of a Table block; the values come from Report.CellText.
	Table *layouts.Table
	// Where names the place in the report for messages, e.g. "一、总体情况 （二）依申请公开 第1段".
	Where string
}

// Blocks returns the report as blocks in reading order: title, preamble, the six sections (narrative
// sections with their numbered sub-sections, table sections with their table), signature and date.
func Blocks(r *report.Report) []Block {
	var out []Block
	out = append(out, Block{Kind: Title, Text: r.Title, Where: "标题"})
	for i, p := range r.Preamble {
		out = append(out, Block{Kind: Paragraph, Text: p, Where: "前言 第" + strconv.Itoa(i+1) + "段"})
	}
	t2, t3, t4 := r.Tables()
	tables := map[string]*layouts.Table{"t2": t2, "t3": t3, "t4": t4}
	for _, s := range layouts.Sections(r.Format) {
		h := s.Heading()
		out = append(out, Block{Kind: Heading1, Text: h, Where: h})
		if s.Kind == layouts.TableSection {
			out = append(out, Block{Kind: Table, Table: tables[s.Key], Where: tables[s.Key].Name})
			continue
		}
		n := r.Narrative(s.Key)
		for i, p := range n.Paragraphs {
			out = append(out, Block{Kind: Paragraph, Text: p, Where: h + " 第" + strconv.Itoa(i+1) + "段"})
		}
		for j, sub := range n.Sections {
			num := Level2(j + 1)
			where := h + " " + num + sub.Title
			paras := sub.Paragraphs
			if sub.RunIn {
				lead := num + sub.Title
				if !endsWithStop(sub.Title) {
					lead += "。"
				}
				first := ""
				if len(paras) > 0 {
					first, paras = paras[0], paras[1:]
				}
				out = append(out, Block{Kind: Paragraph, Lead: lead, Text: first, Where: where + " 第1段"})
				for i, p := range paras {
					out = append(out, Block{Kind: Paragraph, Text: p, Where: where + " 第" + strconv.Itoa(i+2) + "段"})
				}
				continue
			}
			out = append(out, Block{Kind: Heading2, Text: num + sub.Title, Where: where})
			for i, p := range paras {
				out = append(out, Block{Kind: Paragraph, Text: p, Where: where + " 第" + strconv.Itoa(i+1) + "段"})
			}
		}
	}
	if r.Signature != "" {
		out = append(out, Block{Kind: Signature, Text: r.Signature, Where: "署名"})
	}
	if r.Date != "" {
		out = append(out, Block{Kind: Date, Text: r.Date, Where: "成文日期"})
	}
	return out
}

// endsWithStop reports whether a run-in heading already ends with a sentence mark.
func endsWithStop(s string) bool {
	rs := []rune(s)
	if len(rs) == 0 {
		return false
	}
	switch rs[len(rs)-1] {
	case '。', '：', '？', '！', '；':
		return true
	case ':', ';', ',', '.', '!', '?': // ASCII marks end it too (check warns about ASCII punctuation in prose)
		return true
	}
	return false
}
