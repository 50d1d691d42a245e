package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nianbao/nianbao/internal/lazyre"
)

// block is one unit of the page in reading order: a paragraph (text) or a table (rows of its expanded grid).
type block struct {
	text string
	rows []gridRow
	// head is the HTML heading level (1–6) of a paragraph, 0 for other elements and for plain text.
	head int
}

// gridRow is one row of an expanded table grid.
type gridRow []gridCell

// gridCell is one grid position. A cell spanning several positions is repeated in each; origin is set only
// at its top-left corner, so numbers are counted once while labels are seen in every row they span.
type gridCell struct {
	text   string
	origin bool
}

// cleanSpace turns every kind of white space (no-break, ideographic, zero-width) into a plain space,
// collapses runs and drops spaces between two CJK characters (they come from line breaks in the source).
func cleanSpace(s string) string {
	var b strings.Builder
	rs := []rune(s)
	space := false
	var last rune
	for _, c := range rs {
		switch {
		case c == '\u200b' || c == '\ufeff' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\u00ad':
			continue
		case unicode.IsSpace(c) || c == '\u00a0' || c == '\u3000':
			space = true
			continue
		case c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0):
			continue
		}
		if space && b.Len() > 0 && !(wide(last) && wide(c)) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(c)
		last = c
	}
	return b.String()
}

// wide reports whether c is a CJK character or full-width punctuation (no space belongs next to it).
func wide(c rune) bool {
	return c >= 0x2e80 && c <= 0x9fff || c >= 0xf900 && c <= 0xfaff || c >= 0xfe30 && c <= 0xfe4f ||
		c >= 0xff00 && c <= 0xffef || c == '“' || c == '”' || c == '‘' || c == '’' || c == '—' || c == '…' || c == '·'
}

var (
	trailingNums = lazyre.New(`(?:\s*[+-]?\d+(?:\.\d+)?)+\s*$`)
	numberUnit   = lazyre.New(`^([+-]?\d+(?:\.\d+)?)\s*(?:万元|元|件|条|项|个|次)$`)
	blankCell    = map[string]bool{"/": true, "-": true, "—": true, "——": true, "－": true, "／": true, "无": true, "--": true}
)

// srcRow is a table row read for mapping: its label texts and the numeric tokens of its own cells.
type srcRow struct {
	labels []string
	tokens []string
	raw    string
	// blanks counts the cells written "/" or "—", or left empty, read as 0; trailing counts the empty ones
	// at the end of the row (an extra empty column is dropped when the row has too many values).
	blanks, trailing int
	// empties counts, in an HTML grid row with no number at all, the empty cells after its labels (if
	// any): a data row the clerk left blank (the templates have no preset 0) when its label is known, or
	// table 四's row of values.
	empties int
}

// fit drops trailing empty cells beyond n values.
func (r srcRow) fit(n int) []string {
	if extra := len(r.tokens) - n; extra > 0 && r.trailing > 0 {
		return r.tokens[:len(r.tokens)-min(extra, r.trailing)]
	}
	return r.tokens
}

// readRow separates the label cells of a row from its numbers. A cell such as "一、本年新收…数量20 0 0"
// (a label with the numbers of the next cells glued on) gives a label and three tokens. Empty cells among
// the numbers are blanks the official table wants as 0: in an HTML grid (grid set), where positions are
// exact, every empty cell after the labels of a row that has numbers; in text, only empty cells between two
// numbers (text rows also carry empty cells left over from merged labels).
func readRow(cells gridRow, grid bool) srcRow {
	var r srcRow
	var raw []string
	type entry struct {
		toks  []string
		empty bool
		label bool
		blank bool
	}
	var es []entry
	for _, c := range cells {
		t := strings.TrimSpace(foldNumber(cleanSpace(c.text)))
		if t == "" {
			if c.origin {
				es = append(es, entry{empty: true})
			}
			continue
		}
		if c.origin {
			raw = append(raw, t)
		}
		if blankCell[t] {
			// "/" or "—" in a number cell: nothing to report, read as 0 (noted in the draft).
			if c.origin {
				es = append(es, entry{toks: []string{"0"}, blank: true})
				r.blanks++
			}
			continue
		}
		if m := numberUnit.FindStringSubmatch(t); m != nil {
			t = m[1] // "232.4586万元", "12件": the unit is not part of the value
		}
		label, nums := t, ""
		if m := trailingNums.FindStringIndex(t); m != nil {
			label, nums = strings.TrimSpace(t[:m[0]]), t[m[0]:]
			// A label ending in a digit-free item number ("1.") keeps its number: only split after text.
			if label != "" && strings.HasSuffix(label, ".") {
				label, nums = t, ""
			}
		}
		for _, l := range splitLabel(label) {
			if n := len(r.labels); n == 0 || r.labels[n-1] != l {
				r.labels = append(r.labels, l)
			}
		}
		e := entry{label: label != ""}
		if c.origin && nums != "" {
			e.toks = strings.Fields(nums)
		}
		if c.origin || e.label {
			es = append(es, e)
		}
	}
	first, last, lastLabel := -1, -1, -1
	for i, e := range es {
		if len(e.toks) > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
		if e.label {
			lastLabel = i
		}
	}
	if grid && first < 0 {
		for i, e := range es {
			if e.empty && i > lastLabel {
				r.empties++
			}
		}
	}
	for i, e := range es {
		if e.empty && first >= 0 && ((grid && i > lastLabel) || (!grid && i > first && i < last)) {
			r.tokens = append(r.tokens, "0")
			r.blanks++
			r.trailing++
			continue
		}
		switch {
		case e.blank:
			r.trailing++
		case len(e.toks) > 0:
			r.trailing = 0
		}
		r.tokens = append(r.tokens, e.toks...)
	}
	r.raw = strings.Join(raw, " | ")
	return r
}

var (
	subLabelRe = lazyre.New(`\s+\d{1,2}\s*[.、．]`)
	categoryRe = lazyre.New(`\s*[（(][一二三四五六七八九十]{1,3}[）)]`)
)

// splitLabel cuts a cell holding a category and its numbered sub-row ("（三）不予公开 1.属于国家秘密"),
// or a row heading and its category as text copied with single spaces gives them
// ("三、本年度办理结果（一）予以公开"), into the separate labels. "第二十条第（一）项" stays whole.
func splitLabel(label string) []string {
	if label == "" {
		return nil
	}
	if utf8.RuneCountInString(label) > 2*maxLabelRunes {
		return []string{label}
	}
	var out []string
	for _, m := range categoryRe.FindAllStringIndex(label, 4) {
		if m[0] == 0 {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(label[:m[0]])
		after, _ := utf8.DecodeRuneInString(label[m[1]:])
		if before == '第' || after == '项' || after == utf8.RuneError {
			continue
		}
		out = append(out, strings.TrimSpace(label[:m[0]]))
		label = strings.TrimSpace(label[m[0]:])
		break
	}
	for {
		m := subLabelRe.FindStringIndex(label)
		if m == nil || m[0] == 0 {
			break
		}
		out = append(out, strings.TrimSpace(label[:m[0]]))
		label = strings.TrimSpace(label[m[0]:])
	}
	return append(out, label)
}

// foldNumber turns full-width digits, signs, dots and commas of thousands into ASCII so numbers read
// alike ("１２" → "12", "1,234" → "1234"); other text is unchanged.
func foldNumber(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, c := range rs {
		switch {
		case c >= '０' && c <= '９':
			b.WriteRune(c - '０' + '0')
		case c == '．' && i > 0 && isDigit(rs[i-1]):
			b.WriteByte('.')
		case (c == ',' || c == '，') && i > 0 && isDigit(rs[i-1]) && thousands(rs[i+1:]):
			// thousands separator: drop
		case c == '＋':
			b.WriteByte('+')
		case c == '－' && i+1 < len(rs) && isDigit(rs[i+1]):
			b.WriteByte('-')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// thousands reports whether rs starts with exactly three digits (the group after a thousands separator).
func thousands(rs []rune) bool {
	if len(rs) < 3 || !isDigit(rs[0]) || !isDigit(rs[1]) || !isDigit(rs[2]) {
		return false
	}
	return len(rs) == 3 || !isDigit(rs[3])
}

func isDigit(c rune) bool { return (c >= '0' && c <= '9') || (c >= '０' && c <= '９') }

// textRow splits a line of plain text into cells: at tabs, else at runs of two or more spaces.
func textRow(line string) gridRow {
	var parts []string
	if strings.Contains(line, "\t") {
		parts = strings.Split(line, "\t")
	} else {
		parts = multiSpace.Split(line, -1)
	}
	if len(parts) > maxCellsRow {
		parts = parts[:maxCellsRow]
	}
	row := make(gridRow, 0, len(parts))
	for _, p := range parts {
		row = append(row, gridCell{text: p, origin: true})
	}
	return row
}

var multiSpace = lazyre.New(`[ \x{00a0}\x{3000}]{2,}`)
