package pdf

import (
	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
)

// Numbers in table cells are never split (README: counts up to 999 999 999). A column whose body cells all
// hold values is a numeric column; the numeric columns of a table are widened to the widest number of the
// table, taking the width from the label columns (whose text wraps) down to labelKeep of their width (and
// never below three characters). When
// that is not enough, the table's numbers are set smaller, down to minNumberSize, and only past that
// floor condensed horizontally (PDF Tz) so that they still fit on one line. The grid keeps summing to the
// block width.
const (
	minNumberSize = 8.0
	labelKeep     = 0.6
)

// numberFit is how the values of one table are set.
type numberFit struct {
	size  float64 // text size of the numbers
	scale float64 // horizontal scaling of the numbers (1: none)
}

// isNumber reports text that is a number as the tables print it (digits, with a sign, point or separators).
func isNumber(s string) bool {
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' || r == ',' || r == '-' || r == '+' || r == '%':
		default:
			return false
		}
	}
	return digits > 0
}

// numericColumns reports, per grid column, whether every body cell starting in it holds a value.
func numericColumns(t *layouts.Table) []bool {
	num := make([]bool, t.Cols)
	label := make([]bool, t.Cols)
	header := t.HeaderRows()
	for _, c := range t.Cells {
		if c.Row < header || c.Col < 0 || c.Col >= t.Cols {
			continue
		}
		if c.Key != "" && c.ColSpan == 1 {
			num[c.Col] = true
		} else {
			for k := c.Col; k < c.Col+c.ColSpan && k < t.Cols; k++ {
				label[k] = true
			}
		}
	}
	for i := range num {
		num[i] = num[i] && !label[i]
	}
	return num
}

// widestNumber returns the natural width, at size, of the widest numeric value of the table's cells.
func (l *layouter) widestNumber(t *layouts.Table, size float64) float64 {
	w := 0.0
	for _, c := range t.Cells {
		if c.Key == "" {
			continue
		}
		text := l.r.CellText(c.Key)
		if !isNumber(text) {
			continue
		}
		tw := 0.0
		for _, r := range text {
			tw += l.measure(fonts.Song, r, style{size: size})
		}
		w = max(w, tw)
	}
	return w
}

// fitNumbers widens the numeric columns of t (colW, in pt, summing to the block width) so that the widest
// number fits, and returns how the numbers are set.
func (l *layouter) fitNumbers(t *layouts.Table, colW []float64, size float64) numberFit {
	fit := numberFit{size: size, scale: 1}
	num := numericColumns(t)
	need := l.widestNumber(t, size) + 2*cellPadX
	if need <= 2*cellPadX {
		return fit
	}
	// A label column gives up at most 1-labelKeep of its width, and keeps room for three characters and
	// its padding ("（四）" stays on one line).
	spare, short := make([]float64, len(colW)), 0.0
	labels := 0.0
	for i, w := range colW {
		if num[i] {
			short += max(0, need-w)
		} else {
			spare[i] = max(0, w-max(w*labelKeep, min(w, 3*size+2*cellPadX)))
			labels += spare[i]
		}
	}
	if short > 0 && labels > 0 {
		take := min(short, labels)
		// The widest target width every numeric column can reach with what the labels give up.
		target := need
		if take < short {
			lo, hi := 0.0, need
			for range 40 {
				mid := (lo + hi) / 2
				s := 0.0
				for i, w := range colW {
					if num[i] {
						s += max(0, mid-w)
					}
				}
				if s > take {
					hi = mid
				} else {
					lo = mid
				}
			}
			target = lo
		}
		given := 0.0
		for i, w := range colW {
			if num[i] && w < target {
				given += target - w
				colW[i] = target
			}
		}
		for i := range colW {
			if !num[i] {
				colW[i] -= given * spare[i] / labels
			}
		}
	}
	inner := -1.0
	for i, w := range colW {
		if num[i] && (inner < 0 || w-2*cellPadX < inner) {
			inner = w - 2*cellPadX
		}
	}
	if inner <= 0 {
		return fit
	}
	wide := need - 2*cellPadX
	if wide <= inner+eps {
		return fit
	}
	fit.size = max(minNumberSize, size*inner/wide)
	if w := l.widestNumber(t, fit.size); w > inner+eps {
		fit.scale = inner / w
	}
	return fit
}

const eps = 1e-6
