package pdf

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// Marks that must not start (避头) or end (避尾) a line, after GB/T 15834 and clreq GB-style.
const (
	noStart = "。，、．：；？！”’）］｝〕】〗〉》」』·‧・～／％‰℃"
	noEnd   = "“‘（［｛〔【〖〈《「『＄￥￡"
)

func near(a, b float64) bool { return math.Abs(a-b) < 0.02 }

// textParts are the parts laid on the body grid.
var textParts = map[Part]bool{PartTitle: true, PartBody: true, PartHeading1: true, PartHeading2: true, PartSignature: true, PartDate: true}

// expectedText returns what block b must print, without the forced line breaks the breaker drops.
func expectedText(b render.Block) string {
	s := b.Lead + b.Text
	// Invalid UTF-8 (never from the TOML loader) reads as U+FFFD, one per bad byte.
	return strings.NewReplacer("\n", "", "\r", "").Replace(string([]rune(s)))
}

// checkDocument asserts the invariants of a laid-out report (issue #5 §7).
func checkDocument(t *testing.T, name string, r *report.Report, d *Document) {
	t.Helper()
	blocks := render.Blocks(r)
	// 1. Every character of every text block exactly once, in order, blocks in order.
	got := map[int]*strings.Builder{}
	lastBlock := -1
	for _, p := range d.Pages {
		for _, ln := range p.Lines {
			if !textParts[ln.Part] {
				continue
			}
			if ln.Block < lastBlock {
				t.Errorf("%s p%d: block %d laid after block %d", name, p.Number, ln.Block, lastBlock)
			}
			lastBlock = ln.Block
			if got[ln.Block] == nil {
				got[ln.Block] = &strings.Builder{}
			}
			got[ln.Block].WriteString(ln.String())
		}
	}
	for i, b := range blocks {
		if b.Kind == render.Table {
			checkTable(t, name, r, d, i, b.Table)
			continue
		}
		want := expectedText(b)
		have := ""
		if got[i] != nil {
			have = got[i].String()
		}
		if have != want {
			t.Errorf("%s: block %d (%s) printed\n%q\nwant\n%q", name, i, b.Where, have, want)
		}
	}
	for _, p := range d.Pages {
		gridLines := map[int]bool{}
		for _, ln := range p.Lines {
			// 2. 禁则 on every line.
			checkKinsoku(t, fmt.Sprintf("%s p%d", name, p.Number), ln)
			if !textParts[ln.Part] {
				continue
			}
			// 3. Text lines sit on the 22-line grid, inside the type block.
			k := (ln.Y - blockY - ascent*ln.Size) / linePitch
			if math.Abs(k-math.Round(k)) > 0.001 || k < -0.001 || k > float64(page.LinesPerPage-1)+0.001 {
				t.Errorf("%s p%d: line %q off the grid (line %.3f)", name, p.Number, ln.String(), k)
			}
			gridLines[int(math.Round(k))] = true
			if ln.X < blockX-0.01 || ln.X+ln.Width > blockX+blockW+0.01 {
				t.Errorf("%s p%d: line %q outside the type block: x %.2f width %.2f", name, p.Number, ln.String(), ln.X, ln.Width)
			}
			if ln.Full {
				checkFullLine(t, fmt.Sprintf("%s p%d", name, p.Number), ln)
			}
		}
		// 4. A page of text that is not the last has 22 lines, unless a heading or the signature was
		// kept with what follows it on the next page.
		// The blank line after the title counts where it falls: on the title's last page, when the title does
		// not end on the page's last line (a title longer than a page fills whole pages before it).
		for _, ln := range p.Lines {
			if ln.Part == PartTitle && ln.Last {
				if k := int(math.Round((ln.Y - blockY - ascent*ln.Size) / linePitch)); k+1 < page.LinesPerPage {
					gridLines[k+1] = true
				}
			}
		}
		if p.Number < len(d.Pages) && !hasTable(p) && len(gridLines) != page.LinesPerPage {
			next := d.Pages[p.Number]
			if len(next.Lines) == 0 || !keptBreak(next, d.Pages) && !(len(gridLines) == page.LinesPerPage-1 && widowBreak(p, next)) {
				t.Errorf("%s p%d: %d body lines on a full page of text, want %d", name, p.Number, len(gridLines), page.LinesPerPage)
			}
		}
		checkPageNumber(t, name, p)
		checkRoles(t, name, p)
	}
	checkKeeps(t, name, d)
	checkWidows(t, name, d)
}

// checkKeeps asserts that no heading ends a page away from what follows it, and that the signature
// block never stands on a page without body text.
func checkKeeps(t *testing.T, name string, d *Document) {
	t.Helper()
	type at struct {
		ln   Line
		page int
	}
	var seq []at
	for _, p := range d.Pages {
		for _, ln := range p.Lines {
			if ln.Part != PartPageNumber {
				seq = append(seq, at{ln, p.Number})
			}
		}
	}
	for i, a := range seq {
		if (a.ln.Part == PartHeading1 || a.ln.Part == PartHeading2) && i+1 < len(seq) && seq[i+1].page != a.page {
			t.Errorf("%s p%d: heading %q is the last line of its page", name, a.page, a.ln.String())
		}
	}
	for _, p := range d.Pages {
		sig, body := false, false
		for _, ln := range p.Lines {
			switch ln.Part {
			case PartSignature, PartDate:
				sig = true
			case PartBody, PartHeading1, PartHeading2, PartTableCell:
				body = true
			}
		}
		if sig && !body {
			t.Errorf("%s p%d: the signature block stands alone on its page", name, p.Number)
		}
	}
}

// keptBreak reports whether the page before next was ended early by a keep rule: next starts with a
// heading, or holds the signature block.
func keptBreak(next Page, _ []Page) bool {
	first := next.Lines[0]
	if first.Part == PartHeading1 || first.Part == PartHeading2 || first.Part == PartTableHeader || first.Part == PartTableCell {
		return true
	}
	for _, ln := range next.Lines {
		if ln.Part == PartSignature || ln.Part == PartDate {
			return true
		}
	}
	return false
}

// widowBreak reports a page ended one line early by widow/orphan control: the next page starts a
// paragraph (its first line would have stood alone at the foot), or carries the last two lines of one.
func widowBreak(p, next Page) bool {
	first := next.Lines[0]
	if first.First {
		return true
	}
	return len(next.Lines) > 1 && next.Lines[1].Block == first.Block && next.Lines[1].Last
}

// checkWidows asserts that no page ends with the first line of a paragraph of several lines and no page
// starts with the last line of one.
func checkWidows(t *testing.T, name string, d *Document) {
	t.Helper()
	for _, p := range d.Pages {
		var body []Line
		for _, ln := range p.Lines {
			if ln.Part == PartBody {
				body = append(body, ln)
			}
		}
		if len(body) == 0 {
			continue
		}
		if f := body[0]; f.Last && !f.First && p.Number > 1 {
			t.Errorf("%s p%d: widow %q (the last line of a paragraph alone at the head)", name, p.Number, f.String())
		}
		if l := body[len(body)-1]; l.First && !l.Last && p.Number < len(d.Pages) {
			t.Errorf("%s p%d: orphan %q (the first line of a paragraph alone at the foot)", name, p.Number, l.String())
		}
	}
}

func hasTable(p Page) bool {
	for _, ln := range p.Lines {
		if ln.Table != "" {
			return true
		}
	}
	return false
}

func checkKinsoku(t *testing.T, where string, ln Line) {
	t.Helper()
	rs := ln.Runes
	if len(rs) == 0 || ln.Part == PartPageNumber || ln.Part == PartDraft {
		return
	}
	all := true
	for _, r := range rs {
		if !strings.ContainsRune(noStart+noEnd, r) {
			all = false
		}
	}
	if all {
		return
	}
	if strings.ContainsRune(noStart, rs[0]) && !ln.First {
		t.Errorf("%s: line starts with %q: %q", where, rs[0], ln.String())
	}
	if strings.ContainsRune(noEnd, rs[len(rs)-1]) && !ln.Last {
		t.Errorf("%s: line ends with %q: %q", where, rs[len(rs)-1], ln.String())
	}
}

// checkFullLine asserts that a justified line fills the measure, and that a line of ideographs only sits
// exactly on the 28-character grid.
func checkFullLine(t *testing.T, where string, ln Line) {
	t.Helper()
	if !near(ln.X, blockX) || !near(ln.Width, blockW) {
		t.Errorf("%s: full line %q at x %.2f width %.2f, want %.2f and %.2f", where, ln.String(), ln.X, ln.Width, blockX, blockW)
	}
	for _, r := range ln.Runes {
		if !unicode.Is(unicode.Han, r) {
			return
		}
	}
	indent := ln.Xs[0] - ln.X
	want := page.CharsPerLine
	if near(indent, 2*charPitch) {
		want -= 2
	} else if !near(indent, 0) {
		t.Errorf("%s: line %q indented %.2f pt", where, ln.String(), indent)
	}
	if len(ln.Runes) != want {
		t.Errorf("%s: full line of ideographs %q has %d characters, want %d", where, ln.String(), len(ln.Runes), want)
	}
	for k, x := range ln.Xs {
		if !near(x-ln.X, indent+float64(k)*charPitch) {
			t.Errorf("%s: character %d of %q at %.2f, want the grid %.2f", where, k, ln.String(), x-ln.X, indent+float64(k)*charPitch)
			return
		}
	}
}

func checkPageNumber(t *testing.T, name string, p Page) {
	t.Helper()
	var pn []Line
	for _, ln := range p.Lines {
		if ln.Part == PartPageNumber {
			pn = append(pn, ln)
		}
	}
	if len(pn) != 1 {
		t.Errorf("%s p%d: %d page-number lines, want 1", name, p.Number, len(pn))
		return
	}
	ln := pn[0]
	if want := fmt.Sprintf("— %d —", p.Number); ln.String() != want {
		t.Errorf("%s p%d: page number %q, want %q", name, p.Number, ln.String(), want)
	}
	em := page.PageNumberSize
	if p.Number%2 == 1 && !near(ln.X+ln.Width, blockX+blockW-em) || p.Number%2 == 0 && !near(ln.X, blockX+em) {
		t.Errorf("%s p%d: page number at x %.2f–%.2f, want one character in from the %s edge", name, p.Number, ln.X, ln.X+ln.Width,
			map[bool]string{true: "right", false: "left"}[p.Number%2 == 1])
	}
	if ln.Y < blockY+blockH+layouts.MMToPt(page.PageNumberGap) {
		t.Errorf("%s p%d: page number baseline %.2f less than 7 mm below the type block", name, p.Number, ln.Y)
	}
}

// checkRoles asserts the font role of every run from the part it belongs to.
func checkRoles(t *testing.T, name string, p Page) {
	t.Helper()
	// The body's per-character fallback serves wherever the body face does; full-width quotes of the 楷体
	// role come from the body face.
	fb := fonts.Body + fallbackSuffix
	allowed := map[Part][]fonts.Role{
		PartTitle: {fonts.Title}, PartBody: {fonts.Body, fb, fonts.Kai}, PartHeading1: {fonts.Hei}, PartHeading2: {fonts.Kai, fonts.Body},
		PartTableHeader: {fonts.Song, fonts.Kai, fonts.Body}, PartTableCell: {fonts.Song}, PartSignature: {fonts.Body, fb}, PartDate: {fonts.Body, fb},
		PartPageNumber: {fonts.Song}, PartDraft: {fonts.Hei},
	}
	for _, tx := range p.Texts {
		ok := tx.Role == fonts.Latin && tx.Part != PartDraft
		for _, r := range allowed[tx.Part] {
			ok = ok || tx.Role == r
		}
		if !ok {
			t.Errorf("%s p%d: run %q of part %d set in role %s", name, p.Number, tx.Text, tx.Part, tx.Role)
		}
		if tx.Role == fonts.Latin {
			for _, r := range tx.Text {
				if fonts.RoleFor(fonts.Body, r) != fonts.Latin {
					t.Errorf("%s p%d: %q in the Latin face", name, p.Number, r)
				}
			}
		}
	}
}

// checkTable asserts that a table prints every cell once (header cells and row-spanning labels cut by
// a page break once per page the table touches), that header rows repeat on every such page, and that
// no row is split.
func checkTable(t *testing.T, name string, r *report.Report, d *Document, block int, tb *layouts.Table) {
	t.Helper()
	type key struct{ page, row, col int }
	text := map[key]string{}
	rowPage := map[int]int{}
	var pages []int
	for _, p := range d.Pages {
		touched := false
		for _, ln := range p.Lines {
			if ln.Block != block || ln.Table == "" {
				continue
			}
			touched = true
			text[key{p.Number, ln.Row, ln.Col}] += ln.String()
		}
		if touched {
			pages = append(pages, p.Number)
		}
	}
	if len(pages) == 0 {
		t.Errorf("%s: %s not laid out", name, tb.Name)
		return
	}
	hdr := tb.HeaderRows()
	for _, c := range tb.Cells {
		want := c.Text
		if c.Key != "" {
			want = r.CellText(c.Key)
		}
		want = expectedText(render.Block{Text: want})
		var on []int
		for _, pn := range pages {
			if s, ok := text[key{pn, c.Row, c.Col}]; ok {
				on = append(on, pn)
				if s != want {
					t.Errorf("%s %s p%d: cell (%d,%d) printed %q, want %q", name, tb.Name, pn, c.Row, c.Col, s, want)
				}
			}
		}
		switch {
		case want == "":
			// An empty cell prints nothing.
		case c.Row < hdr:
			if len(on) != len(pages) {
				t.Errorf("%s %s: header cell %q on pages %v, want every page of the table %v", name, tb.Name, want, on, pages)
			}
		case c.RowSpan == 1:
			if len(on) != 1 {
				t.Errorf("%s %s: cell (%d,%d) %q printed on pages %v, want exactly once", name, tb.Name, c.Row, c.Col, want, on)
				continue
			}
			if pn, ok := rowPage[c.Row]; ok && pn != on[0] {
				t.Errorf("%s %s: row %d split across pages %d and %d", name, tb.Name, c.Row, pn, on[0])
			}
			rowPage[c.Row] = on[0]
		}
	}
	// A row-spanning label is printed on every page one of its rows is on.
	for _, c := range tb.Cells {
		if c.Row < hdr || c.RowSpan == 1 {
			continue
		}
		for rr := c.Row; rr < c.Row+c.RowSpan; rr++ {
			pn, ok := rowPage[rr]
			if !ok {
				continue
			}
			if _, ok := text[key{pn, c.Row, c.Col}]; !ok {
				t.Errorf("%s %s p%d: row %d is here but its spanning label %q is not", name, tb.Name, pn, rr, c.Text)
			}
		}
	}
	// KeepWithNext rows stay with the next row.
	for i, row := range tb.Rows {
		if row.KeepWithNext && i+1 < len(tb.Rows) && rowPage[i] != 0 && rowPage[i+1] != 0 && rowPage[i] != rowPage[i+1] {
			t.Errorf("%s %s: row %d (keep with next) on page %d, row %d on page %d", name, tb.Name, i, rowPage[i], i+1, rowPage[i+1])
		}
	}
}

func TestLayoutHandReport(t *testing.T) {
	r := handReport()
	d, err := Layout(r, Options{Fonts: testFonts(t), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, "hand", r, d)
	if len(d.Pages) < 4 {
		t.Errorf("hand report laid on %d pages, want at least 4", len(d.Pages))
	}
	if d.Title != r.Title || d.Author != r.Agency || d.Creator != "nianbao test" || !d.Date.Equal(r.Issued) {
		t.Errorf("metadata %q %q %q %v", d.Title, d.Author, d.Creator, d.Date)
	}
}

func TestLayoutExamples(t *testing.T) {
	for _, f := range exampleFiles(t) {
		r := loadExample(t, f)
		d, err := Layout(r, Options{Fonts: testFonts(t)})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		checkDocument(t, filepath.Base(f), r, d)
	}
}

// TestTable3CrossesPage forces table 三 across a page and checks that its header rows and the cut
// row-spanning labels (三、本年度办理结果 and the group label) are repeated on the new page.
func TestTable3CrossesPage(t *testing.T) {
	// Tables are compact enough that 三 fits a page; move its start down a line at a time until a page
	// break cuts the vertical label.
	var r *report.Report
	var d *Document
	for extra := 0; extra < 22; extra++ {
		r = handReport()
		for range extra {
			r.Overview.Paragraphs = append(r.Overview.Paragraphs, "短段。")
		}
		var err error
		if d, err = Layout(r, Options{Fonts: testFonts(t)}); err != nil {
			t.Fatal(err)
		}
		cut := 0
		for _, p := range d.Pages {
			for _, ln := range p.Lines {
				if ln.Table == "t3" && ln.String() == "三、" && ln.Col == 0 {
					cut++
				}
			}
		}
		if cut >= 2 {
			break
		}
	}
	pages := map[int]bool{}
	vertical := 0
	for _, p := range d.Pages {
		for _, ln := range p.Lines {
			if ln.Table == "t3" {
				pages[p.Number] = true
				if ln.String() == "三、" && ln.Col == 0 {
					vertical++
				}
			}
		}
	}
	if len(pages) < 2 {
		t.Fatalf("table 三 on %d page(s); the hand report is built so that it crosses a page", len(pages))
	}
	if vertical < 2 {
		t.Errorf("三、本年度办理结果 printed on %d page(s); the hand report cuts it by a page break", vertical)
	}
	checkDocument(t, "hand", r, d)
}

func TestTitleBreaksBetweenWords(t *testing.T) {
	r := handReport()
	d, err := Layout(r, Options{Fonts: testFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, ln := range d.Pages[0].Lines {
		if ln.Part == PartTitle {
			lines = append(lines, ln.String())
			if !near(ln.X+ln.Width/2, blockX+blockW/2) {
				t.Errorf("title line %q not centred", ln.String())
			}
		}
	}
	want := []string{"测试市人民政府办公室2023年", "政府信息公开工作年度报告"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("title lines %q, want %q", lines, want)
	}
	// A title without the usual words is balanced: no line much shorter than the others.
	r.Title = strings.Repeat("测", 45)
	d, err = Layout(r, Options{Fonts: testFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	var n []int
	for _, ln := range d.Pages[0].Lines {
		if ln.Part == PartTitle {
			n = append(n, len(ln.Runes))
		}
	}
	if len(n) != 3 || n[0]-n[2] > 1 {
		t.Errorf("45-character title broken as %v, want three balanced lines", n)
	}
}

// TestNeverPanics lays out hostile input: runes outside the BMP, control characters, runes no face has,
// an endless Latin word, huge numbers, an empty report.
func TestNeverPanics(t *testing.T) {
	r := handReport()
	r.Title = "𠮷野家\x00\x07标题"
	r.Preamble = []string{"含有𠮷字和\uE000私用区字符、\u200B零宽空格\t制表符、" + strings.Repeat("https://example.org/very/long/path", 12), ""}
	r.T2["t2.xzxk.decisions"] = "123456789012345678901234567890"
	r.Signature = "𠮷"
	for _, rep := range []*report.Report{r, {Format: layouts.F2019}, {}} {
		d, err := Layout(rep, Options{Fonts: testFonts(t), Draft: true})
		if err != nil {
			t.Fatalf("Layout: %v", err)
		}
		var b strings.Builder
		if err := d.Write(&b); err != nil {
			t.Fatalf("Write: %v", err)
		}
		for _, p := range d.Pages {
			for _, tx := range p.Texts {
				for _, c := range tx.Text {
					if c > 0xFFFF || c < 0x20 {
						t.Errorf("rune %U passed to fpdf", c)
					}
				}
			}
		}
	}
	// The 𠮷 is kept in the check view and drawn as 〓.
	d, _ := Layout(r, Options{Fonts: testFonts(t)})
	found := false
	for _, tx := range d.Pages[0].Texts {
		if tx.Part == PartTitle && strings.ContainsRune(tx.Text, replacement) {
			found = true
		}
	}
	if !found || !strings.Contains(d.Pages[0].Lines[0].String(), "𠮷") {
		t.Errorf("𠮷 in the title: not drawn as 〓 or lost from the line")
	}
}

func TestDraftMark(t *testing.T) {
	r := handReport()
	for _, draft := range []bool{false, true} {
		d, err := Layout(r, Options{Fonts: testFonts(t), Draft: draft})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Pages {
			n := 0
			for _, tx := range p.Texts {
				if tx.Part == PartDraft {
					n++
					if tx.Text != "草稿" || tx.Angle == 0 || tx.Size < 100 {
						t.Errorf("draft mark %+v", tx)
					}
				}
			}
			if want := map[bool]int{false: 0, true: 1}[draft]; n != want {
				t.Errorf("draft=%v p%d: %d draft marks, want %d", draft, p.Number, n, want)
			}
		}
	}
}

// TestKeepRules moves the end of the report across the page by adding paragraphs, so the heading 六、,
// its paragraph and the signature block meet every position on the page.
func TestKeepRules(t *testing.T) {
	for n := 0; n < 24; n++ {
		r := handReport()
		r.Problems.Paragraphs = nil
		for i := 0; i < n; i++ {
			r.Problems.Paragraphs = append(r.Problems.Paragraphs, "持续推进政务公开标准化规范化建设。")
		}
		for _, other := range [][]string{{"无。"}, {"本年度无其他需要报告的事项，全年未发生因政府信息公开工作被追责的情况，也未收取信息处理费。"}} {
			r.Other.Paragraphs = other
			d, err := Layout(r, Options{Fonts: testFonts(t)})
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, fmt.Sprintf("n=%d", n), r, d)
		}
	}
}
