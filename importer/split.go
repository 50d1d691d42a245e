package importer

import (
	"strconv"
	"strings"
)

// maxSplitSteps bounds the search for the split of glued digits (each row is small; a hostile row is not
// allowed to take long).
const maxSplitSteps = 200000

// maxDigits is the longest count a cell may hold (report.MaxCount has nine digits).
const maxDigits = 9

// splitResult is the outcome of reading n numbers from the numeric tokens of a row.
type splitResult struct {
	// Values are the n numbers (nil when ambiguous or impossible).
	Values []int64
	// Glued is set when tokens had to be split: the values were inferred from a constraint.
	Glued bool
	// Candidates counts the splits that satisfy the constraint (0: none, >1: ambiguous).
	Candidates int
	// All holds the satisfying splits when there are several (at most maxCandidates; nil when more).
	All [][]int64
}

// maxCandidates bounds the ambiguous splits kept for disambiguation by other rows.
const maxCandidates = 32

// splitGlued reads exactly n integers from tokens. Tokens are runs of digits as they appear in the row;
// where fewer tokens than n appear, some hold the digits of adjacent cells glued together ("640020470"),
// and every way of cutting them is tried: a number never starts with 0 unless it is 0, and has at most nine
// digits. The split is accepted when exactly one candidate satisfies ok. With exactly n tokens they are
// taken as they are (ok is not consulted: an inconsistent source is for the checks to report).
func splitGlued(tokens []string, n int, ok func([]int64) bool) splitResult {
	for _, t := range tokens {
		if t == "" || strings.Trim(t, "0123456789") != "" {
			return splitResult{}
		}
	}
	if len(tokens) == n {
		vals := make([]int64, n)
		for i, t := range tokens {
			if len(t) > maxDigits || (len(t) > 1 && t[0] == '0') {
				return splitResult{}
			}
			vals[i], _ = strconv.ParseInt(t, 10, 64)
		}
		return splitResult{Values: vals, Candidates: 1}
	}
	digits := 0
	for _, t := range tokens {
		digits += len(t)
	}
	if len(tokens) > n || digits < n || digits > n*maxDigits {
		return splitResult{}
	}
	var all [][]int64
	count, steps := 0, 0
	cur := make([]int64, 0, n)
	var walk func(ti, pos int)
	walk = func(ti, pos int) {
		if count > maxCandidates || steps > maxSplitSteps {
			return
		}
		steps++
		if ti == len(tokens) {
			if len(cur) == n && (ok == nil || ok(cur)) {
				count++
				all = append(all, append([]int64(nil), cur...))
			}
			return
		}
		t := tokens[ti]
		// The remaining tokens need at least one number each; the remaining digits at most nine per number.
		left := n - len(cur)
		restTokens := len(tokens) - ti - 1
		if left <= restTokens {
			return
		}
		for end := pos + 1; end <= len(t) && end-pos <= maxDigits; end++ {
			part := t[pos:end]
			if len(part) > 1 && part[0] == '0' {
				break
			}
			v, _ := strconv.ParseInt(part, 10, 64)
			cur = append(cur, v)
			if end == len(t) {
				walk(ti+1, 0)
			} else {
				walk(ti, end)
			}
			cur = cur[:len(cur)-1]
		}
	}
	walk(0, 0)
	if steps > maxSplitSteps {
		return splitResult{Candidates: 2}
	}
	if count == 1 {
		return splitResult{Values: all[0], Glued: true, Candidates: 1}
	}
	if count > maxCandidates {
		return splitResult{Candidates: count}
	}
	return splitResult{Candidates: count, All: all}
}

// rowSumOK checks 总计 = Σ the six applicant columns (table 三 rows of seven numbers).
func rowSumOK(v []int64) bool {
	return len(v) == 7 && v[0]+v[1]+v[2]+v[3]+v[4]+v[5] == v[6]
}

// t4SumOK checks the three blocks of table 四: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
func t4SumOK(v []int64) bool {
	if len(v) != 15 {
		return false
	}
	for b := 0; b < 15; b += 5 {
		if v[b]+v[b+1]+v[b+2]+v[b+3] != v[b+4] {
			return false
		}
	}
	return true
}
