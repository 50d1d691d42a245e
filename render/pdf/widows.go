package pdf

import (
	"github.com/nianbao/nianbao/render"
)

// Widows and orphans: no paragraph leaves a single line at the foot of a page (its first line alone) or at
// the head of the next (its last line alone), the last page and the paragraph before the signature
// included; and the signature block never stands on a page without the text before it (the paragraph's
// last two lines go with it).

// paragraphBreaks returns the indexes of the lines of text block i before which a new page begins,
// starting at grid line pos of the current page (0: a fresh page). Index 0 means the block starts on a
// new page.
func (l *layouter) paragraphBreaks(laid []laidBlock, i, pos int) []int {
	lb := &laid[i]
	n := len(lb.lines)
	per := linesPerPage()
	if n == 0 {
		return nil
	}
	if lb.b.Kind != render.Paragraph {
		// Headings and the signature block are kept by their own rules; they only wrap onto a new page
		// when they run out of room.
		var out []int
		for k := range n {
			if pos >= per {
				out = append(out, k)
				pos = 0
			}
			pos++
		}
		return out
	}
	var breaks []int
	start := 0
	for {
		room := per - pos
		rest := n - start
		if rest <= room {
			break
		}
		k := room
		if rest-k == 1 {
			k-- // a widow: take one more line down
		}
		if k == 1 {
			k = 0 // an orphan: the paragraph starts on the next page
		}
		if k == 0 && pos == 0 {
			k = room // a fresh page: nothing to gain
		}
		breaks = append(breaks, start+k)
		start += k
		pos = 0
	}
	// The signature block after the paragraph must find room on the paragraph's last page, with at least
	// the paragraph's last two lines.
	if need := closingNeed(laid, i); need > 0 {
		last := pos + (n - start)
		if last+need > per {
			b := n - min(2, n)
			if b-start == 1 {
				b-- // never one line left behind
			}
			if b <= start {
				b = start
				if start == 0 && pos == 0 {
					return breaks // the paragraph already starts a page: nothing better
				}
			}
			if len(breaks) == 0 || breaks[len(breaks)-1] != b {
				breaks = append(breaks, b)
			}
		}
	}
	return breaks
}

// linesPerPage is the number of grid lines of a page.
func linesPerPage() int { return page.LinesPerPage }
