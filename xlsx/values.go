package xlsx

import (
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/nianbao/nianbao/report"
)

// cellText is what a value cell holds: its raw value (the cached result for a formula, computed when
// absent) and its displayed text.
type cellText struct {
	raw, shown string
	formula    bool
}

// value reads the cell at 0-based (r, c). A formula cell without a cached result is computed.
func (g *sheetGrid) value(r, c int) (cellText, error) {
	name := cellName(r, c)
	formula, err := g.f.GetCellFormula(g.sheet, name)
	if err != nil {
		return cellText{}, err
	}
	raw, err := g.f.GetCellValue(g.sheet, name, excelize.Options{RawCellValue: true})
	if err != nil {
		return cellText{}, err
	}
	shown, err := g.f.GetCellValue(g.sheet, name)
	if err != nil {
		return cellText{}, err
	}
	if formula != "" && strings.TrimSpace(raw) == "" {
		v, err := calc(g.f, g.sheet, name)
		if err != nil {
			return cellText{}, fmt.Errorf("公式 =%s 无法计算（%v）；请在 Excel/WPS 中打开并保存一次，或改填数字", formula, err)
		}
		raw, shown = v, v
	}
	return cellText{raw: raw, shown: shown, formula: formula != ""}, nil
}

// calc computes a formula with excelize, never letting a panic of the formula engine escape.
func calc(f *excelize.File, sheet, cell string) (v string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	return f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
}

var (
	intText      = regexp.MustCompile(`^[+-]?\d+$`)
	groupedText  = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+$`)
	decimalText  = regexp.MustCompile(`^\d+(\.\d+)?$`)
	floatText    = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)
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
	if decimalText.MatchString(raw) {
		s := raw
		if shown := fold(ct.shown); decimalText.MatchString(shown) && sameNumber(shown, raw) && len(shown) > len(raw) {
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
			if shown := fold(ct.shown); decimalText.MatchString(shown) && sameNumber(shown, s) {
				s = shown
			}
			if len(s) <= 20 {
				return s, nil
			}
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
