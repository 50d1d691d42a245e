package pdf

import (
	"strings"
	"unicode"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/render/pdf/linebreak"
)

// titleLines breaks the report title into the fewest lines that hold it, cutting only between the
// parts of the name when it can (after the agency or a part of its name, before "（" and after "）",
// around the year, before 政府信息公开…), so that each line keeps its words whole (回行时词意完整);
// among such cuts it takes the most even lines, never an hourglass (GB/T 9704 7.3.1: 梯形 or 菱形). A
// title with no usable cut falls back to evenly balanced lines; title_lines in the report sets the
// lines by hand.
func (l *layouter) titleLines(title string, st style) []linebreak.Line {
	if tl := l.r.TitleLines; len(tl) > 0 && strings.Join(tl, "") == title {
		// The clerk's own lines (title_lines); one too long for the block wraps within itself.
		var out []linebreak.Line
		for _, part := range tl {
			out = append(out, l.balanced([]span{{part, fonts.Title}}, st)...)
		}
		for i := range out {
			out[i].Last = i == len(out)-1
		}
		return out
	}
	spans := []span{{title, fonts.Title}}
	lines := l.breakText(spans, st)
	n := len(lines)
	if n < 2 || n > 3 {
		return l.balanced(spans, st)
	}
	rs := []rune(title)
	cuts := titleCuts(rs, l.r.Agency)
	if len(cuts) > maxTitleCuts {
		return l.balanced(spans, st) // not a title of named parts (brackets or words repeated): keep it cheap
	}
	var best []linebreak.Line
	bestW := 0.0
	try := func(at []int) {
		var out []linebreak.Line
		widest := 0.0
		prev := 0
		for i := 0; i <= len(at); i++ {
			end := len(rs)
			if i < len(at) {
				end = at[i]
			}
			seg := l.breakText([]span{{string(rs[prev:end]), fonts.Title}}, st)
			if len(seg) != 1 {
				return
			}
			seg[0].Last = i == len(at)
			out = append(out, seg[0])
			widest = max(widest, seg[0].Width)
			prev = end
		}
		if len(out) == 3 && out[1].Width < out[0].Width && out[1].Width < out[2].Width {
			return // an hourglass: GB/T 9704 7.3.1 wants a trapezoid or a diamond
		}
		if best == nil || widest < bestW-0.01 {
			best, bestW = out, widest
		}
	}
	for i, a := range cuts {
		if n == 2 {
			try([]int{a})
			continue
		}
		for _, b := range cuts[i+1:] {
			try([]int{a, b})
		}
	}
	if best == nil {
		return l.balanced(spans, st)
	}
	return best
}

// titleCuts returns the rune positions where a title may break: after the agency name, after a year
// (digits followed by 年), and before the fixed words 政府信息公开 and 工作年度报告.
func titleCuts(rs []rune, agency string) []int {
	s := string(rs)
	seen := map[int]bool{}
	var cuts []int
	add := func(i int) {
		// A cut must keep the 禁则 and must not split a Latin word or a number.
		if i <= 0 || i >= len(rs) || linebreak.AvoidsLineStart(rs[i]) || linebreak.AvoidsLineEnd(rs[i-1]) ||
			isWordRune(rs[i-1]) && isWordRune(rs[i]) {
			return
		}
		if !seen[i] {
			seen[i] = true
			cuts = append(cuts, i)
		}
	}
	if agency != "" && strings.HasPrefix(s, agency) {
		add(len([]rune(agency)))
	}
	for i := 1; i < len(rs); i++ {
		if rs[i] == '年' && unicode.IsDigit(rs[i-1]) {
			add(i + 1)
			// Also before the year, so the agency and the year may stand apart.
			j := i - 1
			for j > 0 && unicode.IsDigit(rs[j-1]) {
				j--
			}
			add(j)
		}
	}
	for _, w := range []string{"政府信息公开", "工作年度报告"} {
		if k := strings.Index(s, w); k >= 0 {
			add(len([]rune(s[:k])))
		}
	}
	// Inside a long agency name: before an opening bracket and after a closing one, and after the words
	// that end the name of a body (…委员会 / 办公室 …).
	for i, r := range rs {
		switch r {
		case '（', '(', '〔', '《':
			add(i)
		case '）', ')', '〕', '》':
			add(i + 1)
		}
	}
	for _, w := range orgWords {
		for k := 0; k < len(s); {
			j := strings.Index(s[k:], w)
			if j < 0 {
				break
			}
			k += j + len(w)
			add(len([]rune(s[:k])))
		}
	}
	// Keep the cuts in reading order.
	for i := 1; i < len(cuts); i++ {
		for j := i; j > 0 && cuts[j] < cuts[j-1]; j-- {
			cuts[j], cuts[j-1] = cuts[j-1], cuts[j]
		}
	}
	return cuts
}

// maxTitleCuts bounds the phrase boundaries tried (pairs of them for three lines); a real title has a few.
const maxTitleCuts = 24

// orgWords end the name of a body or of one of its parts; a title may break after them.
var orgWords = []string{"人民政府", "委员会", "办公室", "办公厅", "管理局", "服务局", "服务中心", "管理处", "办事处", "人民法院",
	"人民检察院", "党政综合办公室", "街道", "开发区", "新区", "人民代表大会常务委员会"}

// isWordRune reports an ASCII letter or digit: the pieces of a Latin word or a number.
func isWordRune(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
