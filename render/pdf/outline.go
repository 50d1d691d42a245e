package pdf

import (
	"strconv"
	"strings"
)

// heading is one entry of the PDF outline (bookmarks): a 一、 or （一） heading of the report.
type heading struct {
	level int // 1 or 2
	title string
	page  int     // index into the document's pages
	top   float64 // top of the heading's first line, pt from the top of the page
}

// headings collects the headings of the display list in reading order; a heading broken over two lines
// is one entry.
func (d *Document) headings() []heading {
	var out []heading
	lastBlock := -1
	for i, p := range d.Pages {
		for _, ln := range p.Lines {
			level := 0
			switch {
			case ln.Part == PartHeading1:
				level = 1
			case ln.Part == PartHeading2:
				level = 2
			case ln.Part == PartBody && ln.First && d.leads[ln.Block] != "":
				// A run-in heading "（一）主动公开。" starts the paragraph: bookmark the lead alone.
				out = append(out, heading{level: 2, title: strings.TrimRight(d.leads[ln.Block], "。：:"),
					page: i, top: ln.Y - page.BodySize})
				lastBlock = ln.Block
				continue
			default:
				continue
			}
			if ln.Block == lastBlock && len(out) > 0 {
				out[len(out)-1].title += ln.String()
				continue
			}
			lastBlock = ln.Block
			out = append(out, heading{level: level, title: ln.String(), page: i, top: ln.Y - page.BodySize})
		}
	}
	return out
}

// writeOutline writes the outline of the headings: level-1 headings at the top, each (二级) heading under
// the level-1 heading before it, all open. It returns the outline root object, or 0 when there is none.
func (d *Document) writeOutline(pw *pdfWriter, hs []heading, pageObj []int) int {
	if len(hs) == 0 {
		return 0
	}
	type node struct {
		h        heading
		obj      int
		children []*node
	}
	var top []*node
	for _, h := range hs {
		n := &node{h: h, obj: pw.alloc()}
		if h.level == 2 && len(top) > 0 {
			p := top[len(top)-1]
			p.children = append(p.children, n)
			continue
		}
		top = append(top, n)
	}
	root := pw.alloc()
	total := 0
	var write func(list []*node, parent int)
	write = func(list []*node, parent int) {
		for i, n := range list {
			var b strings.Builder
			b.WriteString("<< /Title " + textString(strings.TrimSpace(n.h.title)) + " /Parent " + ref(parent))
			if i > 0 {
				b.WriteString(" /Prev " + ref(list[i-1].obj))
			}
			if i+1 < len(list) {
				b.WriteString(" /Next " + ref(list[i+1].obj))
			}
			if len(n.children) > 0 {
				b.WriteString(" /First " + ref(n.children[0].obj) + " /Last " + ref(n.children[len(n.children)-1].obj) +
					" /Count " + strconv.Itoa(len(n.children)))
			}
			y := string(appendNum(nil, d.Height-n.h.top, 2))
			b.WriteString(" /Dest [" + ref(pageObj[n.h.page]) + " /XYZ null " + y + " null] >>")
			pw.object(n.obj, b.String())
			total++
			write(n.children, n.obj)
		}
	}
	write(top, root)
	pw.object(root, "<< /Type /Outlines /First "+ref(top[0].obj)+" /Last "+ref(top[len(top)-1].obj)+
		" /Count "+strconv.Itoa(total)+" >>")
	return root
}
