package aggregate

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/nianbao/nianbao/internal/lazyre"
)

// decimal is an exact decimal number: unscaled × 10^-scale. Amounts (万元 with up to 4 or more decimals) are
// summed with it, never with float64, so 0.1 + 0.2 is 0.3 and no digit is lost.
type decimal struct {
	unscaled big.Int
	scale    int
}

var decimalPattern = lazyre.New(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// parseDecimal reads "123", "-4", "12.3456" (the forms the loader keeps).
func parseDecimal(s string) (decimal, error) {
	var d decimal
	t := strings.TrimSpace(s)
	if t == "" {
		return d, nil
	}
	digits := t
	if i := strings.IndexByte(t, '.'); i >= 0 {
		d.scale = len(t) - i - 1
		digits = t[:i] + t[i+1:]
	}
	if !decimalPattern.MatchString(t) {
		return decimal{}, fmt.Errorf("%q 不是数字", s)
	}
	d.unscaled.SetString(strings.TrimPrefix(digits, "+"), 10)
	return d, nil
}

// rescale returns d's unscaled value at a larger scale.
func (d decimal) rescale(scale int) *big.Int {
	v := new(big.Int).Set(&d.unscaled)
	if scale > d.scale {
		v.Mul(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale-d.scale)), nil))
	}
	return v
}

// sumDecimals adds decimal strings exactly; the result has the largest number of decimals among them.
func sumDecimals(values []string) (string, error) {
	ds := make([]decimal, len(values))
	scale := 0
	for i, s := range values {
		d, err := parseDecimal(s)
		if err != nil {
			return "", err
		}
		ds[i] = d
		scale = max(scale, d.scale)
	}
	total := new(big.Int)
	for _, d := range ds {
		total.Add(total, d.rescale(scale))
	}
	return formatScaled(total, scale), nil
}

// formatScaled writes v × 10^-scale with exactly scale decimals.
func formatScaled(v *big.Int, scale int) string {
	neg := v.Sign() < 0
	s := new(big.Int).Abs(v).String()
	if scale > 0 {
		if len(s) <= scale {
			s = strings.Repeat("0", scale-len(s)+1) + s
		}
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// equalDecimals reports whether two decimal strings are the same number (12.30 equals 12.3).
func equalDecimals(a, b string) bool {
	da, err1 := parseDecimal(a)
	db, err2 := parseDecimal(b)
	if err1 != nil || err2 != nil {
		return strings.TrimSpace(a) == strings.TrimSpace(b)
	}
	scale := max(da.scale, db.scale)
	return da.rescale(scale).Cmp(db.rescale(scale)) == 0
}
