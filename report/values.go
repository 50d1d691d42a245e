package report

import (
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/layouts"
)

// Value returns the integer value of a data key of table 二 (integer cells), 三 ("t3.r7.TOT") or 四
// ("t4.review.tot"). ok is false for an unknown key or a decimal cell.
func (r *Report) Value(key string) (v int64, ok bool) {
	parts := strings.Split(key, ".")
	if len(parts) != 3 {
		return 0, false
	}
	switch parts[0] {
	case "t2":
		s, found := r.T2[key]
		if !found {
			return 0, false
		}
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil
	case "t3":
		row, found := r.T3[parts[1]]
		if !found {
			return 0, false
		}
		for i, c := range layouts.T3Columns {
			if c.ID == parts[2] {
				return row[i], true
			}
		}
	case "t4":
		for b, blk := range layouts.T4Blocks {
			if blk.ID != parts[1] {
				continue
			}
			for k, res := range layouts.T4Results {
				if res.ID == parts[2] {
					return r.T4[b][k], true
				}
			}
		}
	}
	return 0, false
}
