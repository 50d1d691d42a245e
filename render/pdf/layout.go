// Package pdf renders a report as a print-ready PDF in the GB/T 9704-2012 公文 layout: A4, a 156 × 225 mm
// type block holding 22 lines of 28 characters, headings 一、/（一） in the 黑体/楷体 roles, the three
// statistical tables with their merged headers, and page numbers "— N —".
//
// Layout builds a display list (pages of positioned text runs and rules) with the shared CJK line
// breaker (render/pdf/linebreak); Write turns it into PDF 1.7 objects with our own small writer
// (subset Type0/Identity-H fonts with ToUnicode maps), every glyph at the position the layout gave it.
package pdf

import (
	"errors"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/render/pdf/linebreak"
	"github.com/nianbao/nianbao/report"
)

// Options control the PDF rendering.
type Options struct {
	// Fonts gives the face of each role; nil resolves the default set (fonts.Resolve(fonts.Options{})).
	Fonts *fonts.Set
	// Draft puts a large diagonal 草稿 on every page.
	Draft bool
	// Version is written into the Creator metadata as "nianbao <Version>".
	Version string
}

// geometry of the GB/T 9704 page in pt.
var (
	page      = layouts.GBT9704
	pageW     = layouts.MMToPt(page.Width)
	pageH     = layouts.MMToPt(page.Height)
	blockX    = layouts.MMToPt(page.Left)
	blockY    = layouts.MMToPt(page.Top)
	blockW    = layouts.MMToPt(page.BlockWidth)
	blockH    = layouts.MMToPt(page.BlockHeight)
	charPitch = page.CharPitch()
	linePitch = page.LinePitch()
)

// ascent is the distance from the top of a character's em box to its baseline, in em. GB/T 9704 counts a
// line as one character's height followed by 7/8 of it, so the characters sit at the top of their line.
const ascent = 0.88

// baseline returns the baseline of grid line i (0-based) for text of the given size.
func baseline(i int, size float64) float64 {
	return blockY + float64(i)*linePitch + ascent*size
}

// layouter holds the state of one Layout call.
type layouter struct {
	r     *report.Report
	fs    *faceSet
	doc   *Document
	line  int // next free grid line on the last page
	block int // index of the block being laid out
	// widths caches measured advances by style number (styles) and rune (see measureID); made on first use.
	widths map[uint64]float64
	// cells caches the broken lines of table cells by text and style (cellLines); made on first use.
	cells  map[cellKey][]linebreak.Line
	styles map[measureStyle]uint32
}

// Layout lays the report out as a display list of pages.
func Layout(r *report.Report, o Options) (*Document, error) {
	if r == nil {
		return nil, errors.New("PDF：没有报告内容")
	}
	set := o.Fonts
	if set == nil {
		var err error
		if set, err = fonts.Resolve(fonts.Options{}); err != nil {
			return nil, err
		}
	}
	version := o.Version
	if version == "" {
		version = "dev"
	}
	date := r.Issued
	if date.IsZero() {
		y := r.Year + 1
		if y < 1971 || y > 9998 {
			y = 2000
		}
		date = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	subject := "政府信息公开工作年度报告"
	if r.Year > 0 {
		subject = strconv.Itoa(r.Year) + "年" + subject
	}
	l := &layouter{r: r, fs: newFaceSet(set), doc: &Document{
		Width: pageW, Height: pageH, Title: r.Title, Author: r.Agency, Subject: subject,
		Creator: "nianbao " + version, Date: date, Draft: o.Draft,
	}}
	l.newPage()
	blocks := render.Blocks(r)
	laid := make([]laidBlock, len(blocks))
	for i, b := range blocks {
		l.block = i
		laid[i] = l.prepare(b)
		if b.Lead != "" {
			if l.doc.leads == nil {
				l.doc.leads = map[int]string{}
			}
			l.doc.leads[i] = b.Lead
		}
	}
	if l.fs.err != nil {
		return nil, l.fs.err
	}
	for i := range laid {
		l.block = i
		l.place(laid, i)
	}
	l.pageNumbers()
	if o.Draft {
		l.draftMarks()
	}
	if l.fs.err != nil {
		return nil, l.fs.err
	}
	l.doc.faces = l.fs.faces
	return l.doc, nil
}

// Render lays the report out and writes the PDF to w.
func Render(r *report.Report, w io.Writer, o Options) error {
	d, err := Layout(r, o)
	if err != nil {
		return err
	}
	return d.Write(w)
}

// RenderBytes lays the report out and returns the PDF file (Render without copying it into a writer).
func RenderBytes(r *report.Report, o Options) ([]byte, error) {
	d, err := Layout(r, o)
	if err != nil {
		return nil, err
	}
	return d.Bytes()
}

func (l *layouter) newPage() *Page {
	l.doc.Pages = append(l.doc.Pages, Page{Number: len(l.doc.Pages) + 1})
	l.line = 0
	return l.cur()
}

func (l *layouter) cur() *Page { return &l.doc.Pages[len(l.doc.Pages)-1] }

// laidBlock is a block with its lines broken (text blocks) or its grid measured (tables).
type laidBlock struct {
	b     render.Block
	part  Part
	spans []span
	st    style
	lines []linebreak.Line
	// align: 0 left (indent included), 1 centred, 2 the signature and date rule (closingX).
	align int
	table *tableLayout
}

// bodyStyle is the style of body text: 3号 on the 28-character grid, indented two characters, justified.
func bodyStyle() style {
	return style{size: page.BodySize, pitch: charPitch,
		lb: linebreak.Options{Width: blockW, Indent: 2 * charPitch, Justify: true}}
}

func (l *layouter) prepare(b render.Block) laidBlock {
	lb := laidBlock{b: b}
	switch b.Kind {
	case render.Title:
		lb.part, lb.align = PartTitle, 1
		lb.spans = []span{{b.Text, fonts.Title}}
		lb.st = style{size: page.TitleSize, lb: linebreak.Options{Width: blockW}}
		lb.lines = l.titleLines(b.Text, lb.st)
	case render.Paragraph:
		lb.part, lb.st = PartBody, bodyStyle()
		if b.Lead != "" {
			lb.spans = append(lb.spans, span{b.Lead, fonts.Kai})
		}
		lb.spans = append(lb.spans, span{b.Text, fonts.Body})
	case render.Heading1:
		lb.part, lb.st = PartHeading1, bodyStyle()
		lb.spans = []span{{b.Text, fonts.Hei}}
	case render.Heading2:
		lb.part, lb.st = PartHeading2, bodyStyle()
		lb.spans = []span{{b.Text, fonts.Kai}}
	case render.Signature, render.Date:
		lb.part = PartSignature
		if b.Kind == render.Date {
			lb.part = PartDate
		}
		lb.align = 2
		lb.st = style{size: page.BodySize, pitch: charPitch, lb: linebreak.Options{Width: blockW - 4*charPitch}}
		if b.Kind == render.Date {
			lb.st.lb.Width = blockW - 2*charPitch
		}
		lb.spans = []span{{b.Text, fonts.Body}}
	case render.Table:
		lb.part = PartTableCell
		lb.table = l.measureTable(b.Table)
		return lb
	}
	if lb.lines == nil {
		lb.lines = l.breakText(lb.spans, lb.st)
	}
	lb.lines = dropEmpty(lb.lines)
	return lb
}

// dropEmpty removes lines without glyphs (an empty paragraph or title takes no room).
func dropEmpty(lines []linebreak.Line) []linebreak.Line {
	out := lines[:0]
	for _, ln := range lines {
		if len(ln.Glyphs) > 0 {
			out = append(out, ln)
		}
	}
	return out
}

// balanced breaks the title into the fewest lines that hold it, all of about the same length (梯形/菱形
// shape, never one character alone on the last line).
func (l *layouter) balanced(spans []span, st style) []linebreak.Line {
	lines := l.breakText(spans, st)
	n := len(lines)
	if n < 2 {
		return lines
	}
	total := 0.0
	for _, s := range spans {
		for _, r := range s.text {
			total += l.measure(s.role, r, st)
		}
	}
	// With compressed punctuation the lines may hold more than their natural share: never try wider than
	// the measure.
	hi := st.lb.Width
	lo := min(total/float64(n), hi)
	best := lines
	for range 24 {
		mid := (lo + hi) / 2
		o := st
		o.lb.Width = mid
		try := l.breakText(spans, o)
		if len(try) <= n {
			best, hi = try, mid
		} else {
			lo = mid
		}
	}
	return best
}

// place puts block i on the pages, keeping headings with what follows them.
func (l *layouter) place(laid []laidBlock, i int) {
	lb := &laid[i]
	switch lb.b.Kind {
	case render.Table:
		l.placeTable(lb.table, i, i > 0 && (laid[i-1].b.Kind == render.Heading1 || laid[i-1].b.Kind == render.Heading2))
		return
	case render.Signature, render.Date:
		// One blank line before the signature block; signature and date stay on one page.
		first := lb.b.Kind == render.Date && (i == 0 || laid[i-1].b.Kind != render.Signature) ||
			lb.b.Kind == render.Signature
		if first {
			need := len(lb.lines) + 1
			if lb.b.Kind == render.Signature && i+1 < len(laid) && laid[i+1].b.Kind == render.Date {
				need += len(laid[i+1].lines)
			}
			if l.line > 0 && l.line+need > page.LinesPerPage {
				l.newPage()
			} else if l.line > 0 {
				l.line++
			}
		}
	case render.Heading1, render.Heading2:
		need := l.keepNeed(laid, i)
		if need > page.LinesPerPage {
			// A chain of headings longer than a page breaks somewhere anyway: only keep this heading
			// from being the last line of its page, never push each heading of the chain onto a page of its own.
			need = len(lb.lines) + 1
		}
		if l.line > 0 && l.line+need > page.LinesPerPage {
			l.newPage()
		}
	}
	breaks := l.paragraphBreaks(laid, i, l.line)
	for k, ln := range lb.lines {
		if len(breaks) > 0 && breaks[0] == k {
			breaks = breaks[1:]
			if l.line > 0 {
				l.newPage()
			}
		}
		if l.line >= page.LinesPerPage {
			l.newPage()
		}
		x := blockX
		switch lb.align {
		case 1:
			x += (blockW - ln.Width) / 2
		case 2:
			x = closingX(laid, i)
		}
		full := lb.st.lb.Justify && !ln.Last && k < len(lb.lines)-1 && ln.Width >= lb.st.lb.Width-0.01
		info := Line{Part: lb.part, Block: i, Full: full,
			First: k == 0 || lb.lines[k-1].Last, Last: k == len(lb.lines)-1} // a forced break starts a line anew
		l.placeLine(l.cur(), ln, lb.spans, lb.st, x, baseline(l.line, lb.st.size), info)
		l.line++
	}
	if lb.b.Kind == render.Title && len(lb.lines) > 0 {
		l.line++ // one blank line after the title
	}
}

// closingNeed returns the grid lines the signature block after block i takes (with the blank line
// before it), 0 when no signature or date follows block i.
func closingNeed(laid []laidBlock, i int) int {
	need := 0
	for j := i + 1; j < len(laid) && (laid[j].b.Kind == render.Signature || laid[j].b.Kind == render.Date); j++ {
		need += len(laid[j].lines)
	}
	if need == 0 {
		return 0
	}
	return need + 1
}

// keepNeed returns how many grid lines block i needs on the current page: a heading with the start of
// what follows it (the first line of a paragraph, the next heading and its follower, or a table's header
// rows and first row).
//
// A chain of consecutive headings adds up; the walk stops once the need exceeds a page (the caller then
// keeps only the heading with the next line), so the cost per heading is bounded by one page of lines.
func (l *layouter) keepNeed(laid []laidBlock, i int) int {
	n := 0
	for ; i < len(laid); i++ {
		lb := &laid[i]
		if lb.b.Kind != render.Heading1 && lb.b.Kind != render.Heading2 {
			if lb.b.Kind == render.Table && lb.table != nil {
				// A table that fits on a page with its headings goes whole with them.
				whole := float64(n)*linePitch + lb.table.totalHeight() + tableGap
				if room := float64(page.LinesPerPage-l.line) * linePitch; whole <= blockH && room < whole/2 {
					return int(math.Ceil(whole / linePitch))
				}
			}
			return n + l.followerNeed(laid, i)
		}
		n += len(lb.lines)
		if n > page.LinesPerPage {
			return n
		}
	}
	return n
}

// followerNeed returns how many grid lines of block i (not a heading) must share a page with the headings
// before it.
func (l *layouter) followerNeed(laid []laidBlock, i int) int {
	lb := &laid[i]
	switch lb.b.Kind {
	case render.Table:
		return int(math.Ceil((lb.table.startHeight() + tableGap) / linePitch))
	default:
		if len(lb.lines) == 0 {
			return 0
		}
		// A short last paragraph goes with the signature block, so the heading must go with both.
		if close := closingNeed(laid, i); close > 0 && len(lb.lines) <= 3 {
			return len(lb.lines) + close
		}
		return min(2, len(lb.lines)) // a paragraph never leaves its first line alone at the foot of a page
	}
}

// closingX returns the left edge of the lines of the signature or date block i, by GB/T 9704-2012 7.3.5.3
// (a document without a seal — these reports carry none): the 署名 ends two characters from the right
// edge (右空二字); the 成文日期 on the next line starts two characters right of the signature's first
// character; when that would bring the date closer than two characters to the right edge (a date
// longer than the signature), the date is set 右空二字 and the signature moves left to stay two
// characters before it. A lone signature or date is set 右空二字.
func closingX(laid []laidBlock, i int) float64 {
	right := blockX + blockW - 2*charPitch
	widest := func(lb *laidBlock) float64 {
		w := 0.0
		for _, ln := range lb.lines {
			w = max(w, ln.Width)
		}
		return w
	}
	var sig, date *laidBlock
	for j := max(0, i-1); j <= i+1 && j < len(laid); j++ {
		switch laid[j].b.Kind {
		case render.Signature:
			sig = &laid[j]
		case render.Date:
			date = &laid[j]
		}
	}
	if sig == nil || date == nil {
		return right - widest(&laid[i])
	}
	sigX := right - widest(sig)
	dateX := sigX + 2*charPitch
	if dw := widest(date); dateX+dw > right {
		dateX = right - dw
		sigX = dateX - 2*charPitch
	}
	sigX = max(sigX, blockX)
	if laid[i].b.Kind == render.Date {
		return dateX
	}
	return sigX
}
