package report

import (
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/internal/lazyre"
)

// A number in prose: ASCII or full-width digits (thousands separated by , or ，, an optional decimal part),
// or a run of Chinese numerals (五, 十二, 两, 一百零三, 二〇二三).
var proseNumRe = lazyre.New(`[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+`)

// digitFold turns full-width digits and separators into ASCII and drops thousands separators.
var digitFold = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6",
	"７", "7", "８", "8", "９", "9", "．", ".", ",", "", "，", "")

var hanDigit = map[rune]int64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var hanUnit = map[rune]int64{'十': 10, '百': 100, '千': 1000}

// parseHan reads a Chinese numeral below 一亿: 五, 十二, 两千零五, 一百零三, 三万二千; a run of digits only
// (二〇二三) is read digit by digit. ok is false for anything else (十十, 万万).
func parseHan(s string) (int64, bool) {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0, false
	}
	plain := true
	for _, c := range rs {
		if _, d := hanDigit[c]; !d {
			plain = false
		}
	}
	if plain {
		if len(rs) > 1 && (strings.ContainsRune(s, '两')) {
			return 0, false
		}
		var n int64
		for _, c := range rs {
			n = n*10 + hanDigit[c]
		}
		return n, true
	}
	var total, section, digit int64
	pending := false // a digit waits for its unit
	lastUnit := int64(100000)
	for _, c := range rs {
		switch {
		case c == '万':
			if !pending && section == 0 && digit == 0 {
				return 0, false
			}
			section += digit
			if total != 0 || section == 0 {
				return 0, false
			}
			total = section * 10000
			section, digit, pending, lastUnit = 0, 0, false, 100000
		case hanUnit[c] != 0:
			u := hanUnit[c]
			if u >= lastUnit {
				return 0, false
			}
			if !pending {
				if u != 10 || section != 0 || total != 0 {
					return 0, false
				}
				digit = 1 // 十二 = 12
			}
			section += digit * u
			digit, pending, lastUnit = 0, false, u
		default:
			d, isDigit := hanDigit[c]
			if !isDigit || pending {
				if isDigit && d == 0 {
					continue
				}
				return 0, false
			}
			if d == 0 {
				continue
			}
			digit, pending = d, true
		}
	}
	return total + section + digit, true
}

// proseNumber reads a number token found by proseNumRe; decimals report whether it has a fractional part.
func proseNumber(tok string) (v float64, n int64, decimals int, ok bool) {
	if c := []rune(tok)[0]; c >= '0' && c <= '9' || c >= '０' && c <= '９' {
		s := digitFold.Replace(tok)
		if i := strings.IndexByte(s, '.'); i >= 0 {
			decimals = len(s) - i - 1
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, 0, 0, false
		}
		if decimals == 0 {
			n, err = strconv.ParseInt(s, 10, 64)
			if err != nil {
				return 0, 0, 0, false
			}
		}
		return f, n, decimals, true
	}
	n, ok = parseHan(tok)
	return float64(n), n, 0, ok
}
