package xlsx

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/xlsx/internal/sml"
)

// cellText is what a value cell holds: its raw value (the cached result for a formula, computed when
// absent) and its displayed text.
type cellText struct {
	raw, shown string
	formula    bool
	// number: raw is a stored number (a float with up to 17 significant digits), not text.
	number bool
}

// value reads the cell at 0-based (r, c). A formula cell without a cached result is computed.
func (g *sheetGrid) value(r, c int) (cellText, error) {
	v := g.s.Value(c+1, r+1)
	formula, raw, shown, number := v.Formula, v.Raw, v.Shown, v.Number
	if formula != "" && strings.TrimSpace(raw) == "" {
		if err := g.computable(formula, 0); err != nil {
			return cellText{}, err
		}
		if *g.calcs++; *g.calcs > maxCalcs {
			return cellText{}, fmt.Errorf("工作簿中没有保存计算结果的公式超过 %d 个，不再代为计算；请在 Excel/WPS 中打开并保存一次", maxCalcs)
		}
		v, err := g.s.Calc(c+1, r+1, sml.CalcLimits{MaxDepth: maxDepth, MaxCells: maxVisits})
		if err != nil {
			return cellText{}, fmt.Errorf("公式 =%s 无法计算（%v）；请在 Excel/WPS 中打开并保存一次，或改填数字", formula, err)
		}
		raw, shown, number = v, v, false
	}
	if number {
		raw = excelDigits(raw)
	}
	return cellText{raw: raw, shown: shown, formula: formula != "", number: number}, nil
}

var (
	cellRef  = lazyre.New(`\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?`)
	wholeRef = lazyre.New(`(?i)(^|[^A-Z0-9_])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}([^A-Z0-9_(]|$)|(^|[^A-Z0-9_.])\$?\d+:\$?\d+`)
)

// Bounds on computing formulas that have no cached result.
const (
	maxFormula = 512
	// maxCalcs bounds the formulas computed per workbook (the template has some 80).
	maxCalcs = 1000
	// maxVisits bounds the cells the checks of those formulas and of the formulas they refer to may
	// visit, per workbook (the template needs about a thousand).
	maxVisits = 50000
	// maxDepth bounds how deep formulas may refer to formulas.
	maxDepth = 8
)

// computable refuses a formula the reader will not compute: long ones, references to other sheets or
// files, whole columns or rows, cells outside the area a table sheet may use (maxRows × maxCols), and —
// through the formulas of the cells it refers to, which the formula engine evaluates too — more than
// maxVisits cells or maxDepth levels in all. A hostile workbook must not make the engine walk millions of
// cells; sums over a table's own cells, as the template writes them, pass.
func (g *sheetGrid) computable(formula string, depth int) error {
	refuse := fmt.Errorf("公式 =%s 没有保存计算结果，且引用范围过大或引用其他工作表，无法代为计算；请在 Excel/WPS 中打开并保存一次，或改填数字", short(formula))
	if depth > maxDepth || len(formula) > maxFormula || strings.ContainsAny(formula, "!['") || wholeRef.MatchString(formula) {
		return refuse
	}
	for _, m := range cellRef.FindAllStringSubmatch(formula, -1) {
		c1, err1 := sml.ColNumber(m[1])
		r1, err2 := strconv.Atoi(m[2])
		c2, r2 := c1, r1
		var err3, err4 error
		if m[3] != "" {
			c2, err3 = sml.ColNumber(m[3])
			r2, err4 = strconv.Atoi(m[4])
		}
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || max(c1, c2) > maxCols || max(r1, r2) > maxRows {
			return refuse
		}
		for r := min(r1, r2); r <= max(r1, r2); r++ {
			for c := min(c1, c2); c <= max(c1, c2); c++ {
				if *g.visits++; *g.visits > maxVisits {
					return refuse
				}
				if sub := g.s.Formula(c, r); sub != "" {
					if err := g.computable(sub, depth+1); err != nil {
						return refuse
					}
				}
			}
		}
	}
	return nil
}

// excelDigits writes a stored number as Excel keeps and shows it: 15 significant digits, no trailing
// zeros. A program writes a float with up to 17 (Excel itself for a formula's result, openpyxl for a
// Python float: 0.1+0.2 is stored as 0.30000000000000004, a sum of amounts as 232.45000000000002) or
// pads it (excelize: 232.450000000000). Nobody typed those digits — Excel keeps 15 of what is typed —
// the clerk saw 0.3 and 232.45; the decimals a cell shows come from its number format. Anything that
// is not a finite number is kept.
func excelDigits(raw string) string {
	s := strings.TrimSpace(raw)
	if !floatText.MatchString(s) {
		return raw
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return raw
	}
	g, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	return strconv.FormatFloat(g, 'f', -1, 64)
}

func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

var (
	intText      = lazyre.New(`^[+-]?\d+$`)
	groupedText  = lazyre.New(`^[+-]?\d{1,3}(,\d{3})+$`)
	groupedDec   = lazyre.New(`^\d{1,3}(,\d{3})+(\.\d+)?$`)
	decimalText  = lazyre.New(`^\d+(\.\d+)?$`)
	floatText    = lazyre.New(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)
	errBlank     = fmt.Errorf("blank")
	spaceTrimSet = " \t\r\n\u3000\u00a0"
)

// fold turns full-width digits, signs and points into ASCII and trims spaces.
func fold(s string) string {
	s = width.Fold.String(s)
	s = strings.ReplaceAll(s, "\u2212", "-") // minus sign
	return strings.Trim(s, spaceTrimSet)
}

// parseCount reads a count from a cell: a number, or text of (full-width) digits. errBlank for an empty cell.
func parseCount(ct cellText, signed bool) (int64, error) {
	s := fold(ct.raw)
	if s == "" {
		return 0, errBlank
	}
	if groupedText.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	var n int64
	switch {
	case intText.MatchString(s):
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v > report.MaxCount || v < -report.MaxCount {
			return 0, fmt.Errorf("%s 超出范围：不得超过 %d（九位数）", s, report.MaxCount)
		}
		n = v
	case floatText.MatchString(s):
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Abs(v) > report.MaxCount {
			return 0, fmt.Errorf("%s 超出范围：不得超过 %d（九位数）", s, report.MaxCount)
		}
		if v != math.Trunc(v) {
			return 0, fmt.Errorf("'%s' 不是整数：件数和项数不能有小数", strconv.FormatFloat(v, 'f', -1, 64))
		}
		n = int64(v)
	default:
		return 0, fmt.Errorf("'%s' 不是数字，请填写阿拉伯数字（没有数据填 0）", strings.Trim(ct.raw, spaceTrimSet))
	}
	if n < 0 && !signed {
		return 0, fmt.Errorf("%d 是负数：件数和项数都大于等于 0", n)
	}
	return n, nil
}

// parseAmount reads a non-negative decimal amount, keeping the decimals the cell shows when they are exact
// (232.4500 in a cell formatted with four decimals), never rounding what was typed.
func parseAmount(ct cellText) (string, error) {
	raw := fold(ct.raw)
	if raw == "" {
		return "", errBlank
	}
	if strings.HasPrefix(raw, "-") {
		return "", fmt.Errorf("%s 是负数：金额不能小于 0", raw)
	}
	if groupedDec.MatchString(raw) { // 1,234.5 typed into a text cell
		raw = strings.ReplaceAll(raw, ",", "")
	}
	shown := fold(ct.shown)
	if groupedDec.MatchString(shown) { // shown by #,##0.00
		shown = strings.ReplaceAll(shown, ",", "")
	}
	if decimalText.MatchString(raw) {
		s := raw
		if decimalText.MatchString(shown) && sameNumber(shown, raw) && len(shown) > len(raw) {
			s = shown
		}
		if len(s) > 20 {
			return "", fmt.Errorf("%s 数字过长（%d 位）：请检查单位是否为万元", s, len(s))
		}
		return s, nil
	}
	if floatText.MatchString(raw) {
		v, ok := new(big.Rat).SetString(raw)
		if ok {
			s := v.FloatString(10)
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
			if decimalText.MatchString(shown) && sameNumber(shown, s) {
				s = shown
			}
			if len(s) <= 20 {
				return s, nil
			}
			return "", fmt.Errorf("%s 数字过长（%d 位）：请检查单位是否为万元", strings.Trim(ct.raw, spaceTrimSet), len(s))
		}
	}
	return "", fmt.Errorf("'%s' 不是数字，请只填写数字（单位见表头），例如 12.3456", strings.Trim(ct.raw, spaceTrimSet))
}

// sameNumber reports whether two decimal strings denote the same number exactly.
func sameNumber(a, b string) bool {
	x, ok1 := new(big.Rat).SetString(a)
	y, ok2 := new(big.Rat).SetString(b)
	return ok1 && ok2 && x.Cmp(y) == 0
}
