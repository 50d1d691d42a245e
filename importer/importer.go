// Package importer reads a published 政府信息公开工作年度报告 back into the report model: the HTML page of a
// government portal (TRS, UEditor-pasted Word tables, GBK pages), the plain text copied from such a page, or
// rows pasted from Excel/WPS. It finds the six sections, splits the narrative into sub-sections and
// paragraphs, maps the table rows to the row ids of layouts/ by their labels (tolerating the local variants
// of the templates), and returns a draft report with a note at every value it was not sure of.
package importer

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// MaxInput is the largest page or text Import reads (8 MiB; real report pages are well under 1 MiB).
const MaxInput = 8 << 20

// Limits on what one page may produce; beyond them the rest is dropped with a warning.
const (
	maxBlocks    = 20000 // paragraphs and table rows of a page
	maxCellsRow  = 200   // cells of one table row
	maxSpan      = 100   // rowspan/colspan honoured
	maxGridCells = 40000 // cells of one expanded table grid
	maxDepth     = 256   // element nesting walked
)

// Options adjust an import.
type Options struct {
	// Name is the source's name for messages (file name).
	Name string
	// Year and Format override what the page says (0 and "" keep the page's).
	Year   int
	Format layouts.Format
	// Agency overrides the agency read from the title.
	Agency string
}

// Warning is something the draft could not take over as it was, said in Chinese for the clerk.
type Warning struct {
	// Key is the TOML key path the warning concerns ("table3.r3_2"), or "" for the whole page.
	Key string
	Msg string
}

// String returns the message.
func (w Warning) String() string { return w.Msg }

// Result is an imported draft.
type Result struct {
	// Report is the draft; it passes report.Check when the source was consistent.
	Report *report.Report
	// Warnings list what was dropped, guessed or left open, in page order.
	Warnings []Warning
	// Notes are the comments the draft carries beside uncertain values, by TOML key path.
	Notes map[string]string
	// Source describes where the report was found ("TRS_Editor", "纯文本" …).
	Source string
}

// TOML returns the draft as a commented report file: every value present (totals included, so that
// `nianbao check` compares them with the computed ones), a 【待核】 comment above every uncertain value.
func (r *Result) TOML() []byte {
	head := []string{
		fmt.Sprintf("由 nianbao import 从 %s 生成的草稿（%s）。", r.name(), r.Source),
		"请逐项核对标有【待核】的值，然后运行 nianbao check 检查勾稽关系。",
	}
	if len(r.Warnings) > 0 {
		head = append(head, fmt.Sprintf("导入时有 %d 条提示，见各【待核】注释。", len(r.Warnings)))
	}
	return report.Write(r.Report, report.WriteOptions{Header: head, Comments: r.Notes, Totals: true})
}

func (r *Result) name() string {
	if r.Report != nil && r.Report.File != "" {
		return r.Report.File
	}
	return "输入"
}

// note records a comment beside key and, when warn is set, a warning too.
func (r *Result) note(key, msg string, warn bool) {
	if r.Notes == nil {
		r.Notes = map[string]string{}
	}
	if old, ok := r.Notes[key]; ok {
		if strings.Contains(old, msg) {
			return
		}
		switch n := strings.Count(old, "\n") + 1; {
		case n > maxNoteLines:
			return
		case n == maxNoteLines:
			msg = "……（同类提示过多，其余从略）"
		}
		msg = old + "\n" + msg
		r.Notes[key] = msg
	} else {
		r.Notes[key] = msg
	}
	if warn {
		r.addWarning(Warning{Key: key, Msg: lastLine(msg)})
	}
}

// Bounds on what a hostile page can make the draft say: 30 000 unknown rows once took 48 s
// (every warning was also appended to one growing note).
const (
	// maxWarnings is the number of warnings listed; one more line says that the rest were left out.
	maxWarnings = 200
	// maxNoteLines is the number of lines one value's comment holds.
	maxNoteLines = 20
)

// addWarning appends a warning unless maxWarnings were listed already.
func (r *Result) addWarning(w Warning) {
	switch n := len(r.Warnings); {
	case n > maxWarnings:
		return
	case n == maxWarnings:
		w = Warning{Msg: "提示过多，其余的不再列出：页面中可能有大量不属于年度报告的内容，请核对所选文件"}
	}
	r.Warnings = append(r.Warnings, w)
}

// warn records a warning about the page as a whole (also kept as a note at the top of the draft).
func (r *Result) warn(msg string) {
	if len(r.Warnings) > maxWarnings {
		return
	}
	r.addWarning(Warning{Msg: msg})
	msg = r.Warnings[len(r.Warnings)-1].Msg
	if r.Notes == nil {
		r.Notes = map[string]string{}
	}
	r.Notes["导入提示"] = strings.TrimPrefix(r.Notes["导入提示"]+"\n"+msg, "\n")
}

func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// Import reads a page or a text: HTML when it looks like HTML, else plain text.
func Import(data []byte, o Options) (*Result, error) {
	if len(data) > MaxInput {
		return nil, fmt.Errorf("%s：输入过大（%d 字节），导入最多读取 %d MiB", o.name(), len(data), MaxInput>>20)
	}
	if looksHTML(data) {
		return HTML(data, "", o)
	}
	return Text(data, o)
}

func (o Options) name() string {
	if o.Name == "" {
		return "输入"
	}
	return o.Name
}

// looksHTML reports whether data starts (after white space and a BOM) like an HTML document or fragment.
func looksHTML(data []byte) bool {
	d := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(d) > 512 {
		d = d[:512]
	}
	l := bytes.ToLower(d)
	for _, p := range []string{"<!doctype", "<html", "<head", "<body", "<meta", "<div", "<p", "<table", "<article", "<h1", "<h2", "<!--", "<span", "<section"} {
		if bytes.HasPrefix(l, []byte(p)) {
			return true
		}
	}
	return false
}
