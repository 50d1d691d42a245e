// Package render holds what the PDF and DOCX renderers share: the report as an ordered list of blocks
// (title, headings numbered 一、/（一）, paragraphs, tables, signature) and Chinese numerals.
package render

var digits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes n (1 … 99) as a Chinese numeral: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一.
// Numbers outside 1 … 99 are written with Arabic digits.
func Numeral(n int) string {
	switch {
	case n <= 0 || n > 99:
		return itoa(n)
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n-10]
	case n%10 == 0:
		return digits[n/10] + "十"
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

// Level2 returns the second-level number of the n-th sub-section: （一）, （二）, … （十一）.
func Level2(n int) string { return "（" + Numeral(n) + "）" }
