package sml

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// builtinNumFmt returns the code of a built-in number format id: the international ones, and for the
// ids whose format depends on the locale (27–36, 50–58) those of Chinese (PRC) Excel, where report
// workbooks are made: 31 is yyyy"年"m"月"d"日".
func builtinNumFmt(id int) (string, bool) {
	switch id {
	case 0:
		return "general", true
	case 1:
		return "0", true
	case 2:
		return "0.00", true
	case 3:
		return "#,##0", true
	case 4:
		return "#,##0.00", true
	case 9:
		return "0%", true
	case 10:
		return "0.00%", true
	case 11:
		return "0.00E+00", true
	case 12:
		return "# ?/?", true
	case 13:
		return "# ??/??", true
	case 14:
		return "mm-dd-yy", true
	case 15:
		return "d-mmm-yy", true
	case 16:
		return "d-mmm", true
	case 17:
		return "mmm-yy", true
	case 18:
		return "h:mm AM/PM", true
	case 19:
		return "h:mm:ss AM/PM", true
	case 20:
		return "hh:mm", true
	case 21:
		return "hh:mm:ss", true
	case 22:
		return "m/d/yy hh:mm", true
	case 27, 36, 50, 52, 57:
		return `yyyy"年"m"月"`, true
	case 28, 29, 51, 53, 54, 58:
		return `m"月"d"日"`, true
	case 30:
		return "m/d/yy", true
	case 31:
		return `yyyy"年"m"月"d"日"`, true
	case 32:
		return `h"时"mm"分"`, true
	case 33:
		return `h"时"mm"分"ss"秒"`, true
	case 34, 55:
		return `上午/下午h"时"mm"分"`, true
	case 35, 56:
		return `上午/下午h"时"mm"分"ss"秒"`, true
	case 37:
		return "#,##0 ;(#,##0)", true
	case 38:
		return "#,##0 ;[red](#,##0)", true
	case 39:
		return "#,##0.00 ;(#,##0.00)", true
	case 40:
		return "#,##0.00 ;[red](#,##0.00)", true
	case 41:
		return `_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)`, true
	case 42:
		return `_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)`, true
	case 43:
		return `_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)`, true
	case 44:
		return `_("$"* #,##0.00_);_("$"* \(#,##0.00\);_("$"* "-"??_);_(@_)`, true
	case 45:
		return "mm:ss", true
	case 46:
		return "[h]:mm:ss", true
	case 47:
		return "mm:ss.0", true
	case 48:
		return "##0.0E+0", true
	case 49:
		return "@", true
	}
	return "", false
}

// numFormatter formats one value with one format code, as excelize does (see formatValue).
type numFormatter struct {
	secs     []nfSection
	sec      nfSection
	value    string
	number   float64
	date1904 bool
	neg      bool // a negative number formatted with the positive section: "-" in front

	// number formats
	intHolder, intPadding, fracHolder, fracPadding, expBaseLen int
	percent, scaling, scalingStart                             int
	commaSep, point, sci, fraction                             bool
	switchArg, currency                                        string

	// dates and times
	t              time.Time
	lang           string
	ap             string
	useMillisecond bool
	result         strings.Builder
}

// formatValue formats a cell value with a number format code, the way excelize's GetCellValue does, so
// that what the reader sees of a workbook does not change with the library: the section for the value's
// sign (zero uses the positive section), digit placeholders, thousands separators and scaling, percent,
// scientific notation, literals and alignment, dates and times with English or Chinese names, Chinese
// numerals ([DBNum1] to [DBNum3]). A value the format does not apply to is returned as it is.
func formatValue(value, code string, date1904 bool, kind int) string {
	return formatSections(value, parseNumFmt(code), date1904, kind)
}

// formatSections is formatValue with the format code parsed.
func formatSections(value string, secs []nfSection, date1904 bool, kind int) string {
	f := numFormatter{secs: secs, value: value, date1904: date1904}
	want, isNum := secText, false
	if kind == kindNumber || kind == kindDate {
		isNum, _, f.number = isNumeric(value)
	}
	if isNum {
		want = secPositive
		if f.number < 0 {
			want = secNegative
			if !f.hasSection(secNegative) {
				want, f.neg = secPositive, true
			}
		}
	}
	for _, sec := range f.secs {
		if sec.typ != want {
			continue
		}
		f.sec = sec
		var out string
		switch {
		case !isNum:
			out = f.text()
		case want == secPositive:
			out = f.positive()
		default:
			out = f.negative()
		}
		return f.align(out)
	}
	return value
}

func (f *numFormatter) hasSection(typ int) bool {
	for _, s := range f.secs {
		if s.typ == typ {
			return true
		}
	}
	return false
}

func isNumberToken(k nfKind) bool {
	switch k {
	case nfDenominator, nfDigit, nfExponent, nfFraction, nfHash, nfPercent, nfZero:
		return true
	}
	return false
}

func isDateToken(k nfKind) bool { return k == nfDate || k == nfElapsed }

// align adds the space an alignment code (_x) at either end of the section stands for.
func (f *numFormatter) align(s string) string {
	items := f.sec.items
	if len(items) == 0 {
		return s
	}
	if items[0].kind == nfAlign {
		s = " " + s
	}
	if items[len(items)-1].kind == nfAlign {
		s += " "
	}
	return s
}

// text formats text with a text section: its literals, and the text where @ stands.
func (f *numFormatter) text() string {
	var b strings.Builder
	for _, t := range f.sec.items {
		switch t.kind {
		case nfLiteral:
			b.WriteString(t.text)
		case nfText, nfZero:
			b.WriteString(f.value)
		}
	}
	return b.String()
}

// positive formats a number with the positive section: General, a date or time, or a number.
func (f *numFormatter) positive() string {
	fmtNum := false
	for _, t := range f.sec.items {
		if t.kind == nfGeneral {
			if ok, digits, _ := isNumeric(f.value); ok && digits > 11 {
				return strconv.FormatFloat(f.number, 'G', 10, 64)
			}
			return f.value
		}
		if isNumberToken(t.kind) {
			fmtNum = true
		}
		if isDateToken(t.kind) {
			if fmtNum || f.number < 0 {
				return f.value
			}
			seenDate := false
			for _, u := range f.sec.items {
				if isDateToken(u.kind) {
					if seenDate && f.useMillisecond {
						return f.value
					}
					seenDate = true
				}
				if isNumberToken(u.kind) {
					if u.kind == nfZero {
						f.useMillisecond = true
						continue
					}
					return f.value
				}
			}
			return f.dateTime()
		}
	}
	return f.numberText()
}

// negative formats a negative number with the negative section (numbers only).
func (f *numFormatter) negative() string {
	for _, t := range f.sec.items {
		if t.kind == nfUnknown || t.kind == nfCondition || t.kind == nfGeneral || isDateToken(t.kind) {
			return f.value
		}
	}
	return f.numberText()
}

// configure reads the placeholders of the section.
func (f *numFormatter) configure() {
	items := f.sec.items
	lastDigit := -1
	for i, t := range items {
		if t.kind == nfZero || t.kind == nfHash {
			lastDigit = i
		}
	}
	for i, t := range items {
		switch t.kind {
		case nfHash:
			if f.point {
				f.fracHolder += len(t.text)
			} else {
				f.intHolder += len(t.text)
			}
		case nfExponent:
			f.sci = true
		case nfThousands:
			if i > lastDigit {
				if f.scaling == 0 {
					f.scalingStart = i
				}
				f.scaling++
			} else {
				f.commaSep = true
			}
		case nfLiteral:
			if t.text == "," && i > lastDigit && f.scaling > 0 {
				f.scaling++
			}
		case nfPercent:
			f.percent++
		case nfPoint:
			f.point = true
		case nfFraction:
			f.fraction = true
		case nfSwitch:
			f.switchArg = t.text
		case nfZero:
			f.intHolder = 0
			switch {
			case f.point && f.sci:
				f.expBaseLen += len(t.text)
			case f.point:
				f.fracPadding += len(t.text)
			default:
				f.intPadding += len(t.text)
			}
		}
	}
}

// partLen returns the integer and fraction digits the number is printed with.
func (f *numFormatter) partLen() (intLen, fracLen int) {
	intPart, fracPart, _ := strings.Cut(strconv.FormatFloat(math.Abs(f.number), 'f', -1, 64), ".")
	intLen, fracLen = len(intPart), len(fracPart)
	f.intHolder = min(f.intHolder, len(intPart))
	if f.intPadding+f.intHolder > len(intPart) {
		intLen = f.intPadding + f.intHolder
	}
	if len(fracPart) > f.fracHolder+f.fracPadding {
		fracLen = f.fracHolder + f.fracPadding
	}
	if f.fracPadding > len(fracPart) {
		fracLen = f.fracPadding
	}
	return intLen, fracLen
}

// numberText formats a number with digit placeholders.
func (f *numFormatter) numberText() string {
	f.configure()
	if f.scaling > 0 {
		f.number /= math.Pow(1000, float64(f.scaling))
	}
	num := f.number
	intLen, fracLen := f.partLen()
	if intLen+fracLen > 15 && !f.sci {
		if ok, digits, dec := isNumeric(f.value); ok && digits > 15 {
			return f.literal(f.bigNumber(dec, fracLen))
		}
	}
	if f.percent > 0 {
		num *= math.Pow(100, float64(f.percent))
	}
	var text string
	if f.sci {
		if f.expBaseLen != 2 {
			return f.value
		}
		if f.fraction {
			num = math.Floor(math.Abs(num))
		}
		text = fmt.Sprintf("%.*E", fracLen, math.Abs(num))
	} else {
		if f.fraction {
			num = math.Floor(math.Abs(num))
		}
		ratio := math.Pow(10, float64(fracLen))
		num = math.Round(num*ratio) / ratio
		width := intLen + fracLen
		if fracLen > 0 {
			width++
		}
		text = fmt.Sprintf("%0*.*f", width, fracLen, math.Abs(num))
	}
	text += strings.Repeat("%", f.percent)
	if f.commaSep {
		text = commaSep(text)
	}
	return f.literal(text)
}

// bigNumber prints a number of more than 15 digits from its decimal form.
func (f *numFormatter) bigNumber(dec float64, fracLen int) string {
	if f.percent > 0 {
		dec *= 100
	}
	s := strings.TrimLeft(strconv.FormatFloat(dec, 'f', -1, 64), "-")
	if f.commaSep {
		s = commaSep(s)
	}
	if fracLen > 0 {
		if ip, fp, ok := strings.Cut(s, "."); ok {
			if len(fp) < fracLen {
				s += strings.Repeat("0", fracLen-len(fp))
			} else if len(fp) > fracLen {
				s = ip + "." + fp[:fracLen]
			}
		} else {
			s += "." + strings.Repeat("0", fracLen)
		}
	}
	if f.percent > 0 {
		s += "%"
	}
	return s
}

// commaSep puts thousands separators into the part of text before its decimal point.
func commaSep(text string) string {
	ip, fp, hasPoint := strings.Cut(text, ".")
	var b strings.Builder
	for i := 0; i < len(ip); i++ {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(ip[i])
	}
	if hasPoint {
		b.WriteByte('.')
		b.WriteString(fp)
	}
	return b.String()
}

// literal lays the printed number into the section: each digit placeholder takes its share of the
// characters (the first one any excess), literals stand where they are written.
func (f *numFormatter) literal(text string) string {
	var b strings.Builder
	if f.neg {
		b.WriteByte('-')
	}
	items := f.sec.items
	lastInt := math.MaxInt // the last placeholder before a fraction's numerator
	seenFraction := false
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].kind == nfFraction {
			seenFraction = true
		} else if seenFraction && (items[i].kind == nfHash || items[i].kind == nfDigit) {
			lastInt = i - 1
			break
		}
	}
	holders := 0
	for i, t := range items {
		switch t.kind {
		case nfHash, nfZero:
			holders += len(t.text)
		case nfDigit:
			if lastInt >= 0 && i < lastInt {
				holders += len(t.text)
			}
		}
	}
	used, numerator := 0, 0
	var frac float64
	inFraction := false
	for i, t := range items {
		switch t.kind {
		case nfCurrency:
			f.currencyLanguage(t)
			b.WriteString(f.currency)
		case nfLiteral:
			if f.scaling > 0 && i >= f.scalingStart && t.text == "," {
				continue
			}
			b.WriteString(t.text)
		case nfHash, nfZero, nfDigit:
			if t.kind == nfDigit && i > lastInt {
				if !inFraction {
					numerator = len(t.text)
				}
			} else {
				n, s := placeDigits(text, len(t.text), used, holders, t.kind == nfDigit)
				used += n
				b.WriteString(s)
			}
		case nfFraction:
			_, frac = math.Modf(f.number)
			frac, inFraction = math.Abs(frac), true
		}
		if inFraction {
			switch t.kind {
			case nfDigit:
				b.WriteString(fractionText(frac, numerator, len(t.text)))
			case nfDenominator:
				d, _ := strconv.ParseFloat(t.text, 64)
				fmt.Fprintf(&b, "%d/%d", int(math.Round(frac*d)), int(math.Round(d)))
			}
		}
	}
	return f.switched(b.String())
}

// placeDigits gives one placeholder of width n its characters of text, used characters having been
// taken by the placeholders before it out of holders in all; ? fills with spaces.
func placeDigits(text string, n, used, holders int, fill bool) (int, string) {
	l := n
	if used == 0 && len(text) > holders {
		l = len(text) + n - holders
	}
	if len(text) < holders {
		used += len(text) - holders
	}
	runes := []rune(text)
	var b strings.Builder
	for i := 0; i < l; i++ {
		if j := i + used; j >= 0 && j < len(runes) {
			b.WriteRune(runes[j])
		} else if fill {
			b.WriteByte(' ')
		}
	}
	return l, b.String()
}

// fractionText writes a fraction with up to den digits in its denominator, padded to the widths.
func fractionText(x float64, numWidth, denWidth int) string {
	if denWidth <= 0 {
		return ""
	}
	num, den := bestFraction(x, int64(math.Pow10(denWidth)))
	if num == 0 {
		return strings.Repeat(" ", numWidth+denWidth+1)
	}
	n, d := strconv.FormatInt(num, 10), strconv.FormatInt(den, 10)
	return strings.Repeat(" ", max(numWidth-len(n), 0)) + n + "/" + d + strings.Repeat(" ", max(denWidth-len(d), 0))
}

// bestFraction approximates x by continued fractions with a denominator below limit.
func bestFraction(x float64, limit int64) (int64, int64) {
	p1, q1, p2, q2 := int64(1), int64(0), int64(0), int64(1)
	var lastP, lastQ int64
	for k := 0; k < 64; k++ {
		a := int64(math.Floor(x))
		p, q := a*p1+p2, a*q1+q2
		p2, q2, p1, q1 = p1, q1, p, q
		rest := x - float64(a)
		if q >= limit {
			return lastP, lastQ
		}
		if math.Abs(rest) < 1e-12 {
			return p, q
		}
		lastP, lastQ = p, q
		x = 1 / rest
	}
	return lastP, lastQ
}

// switched applies a [DBNum] switch: digits as Chinese numerals; another switch keeps the value as it is.
func (f *numFormatter) switched(s string) string {
	var digits [10]string
	switch f.switchArg {
	case "":
		return s
	case "[DBNum1]":
		digits = [10]string{"\u25cb", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	case "[DBNum2]":
		digits = [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	case "[DBNum3]":
		digits = [10]string{"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"}
	default:
		return f.value
	}
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteString(digits[r-'0'])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// currencyLanguage reads a [$currency-language] token: the currency symbol is printed, the language
// chooses the names of months and weekdays. It reports a language it cannot read.
func (f *numFormatter) currencyLanguage(t nfToken) bool {
	if t.currency != "" {
		f.currency = t.currency
		return true
	}
	if !t.hasLang {
		return true
	}
	lang := strings.ToUpper(t.lang)
	switch lang {
	case "F800", "X-SYSDATE", "1010000", "F400", "X-SYSTIME":
		lang = "409"
	}
	if _, ok := languageID(lang); !ok {
		return false
	}
	f.lang = lang
	return true
}

// languageID reads a language code (hexadecimal, its last four digits).
func languageID(lang string) (int, bool) {
	if len(lang) > 4 {
		lang = lang[len(lang)-4:]
	}
	n, err := strconv.ParseUint(lang, 16, 32)
	return int(n), err == nil && lang != ""
}

// chinese returns the kind of Chinese names of the language: 0 none, 1 as zh-CN, 2 as zh-SG and zh-HK,
// 3 as zh-TW and zh-MO; and whether the short weekday names use 週 rather than 周.
func (f *numFormatter) chinese() (int, bool) {
	id, ok := languageID(f.lang)
	if !ok || id&0x3ff != 0x04 {
		return 0, false
	}
	switch id {
	case 0x804:
		return 1, false
	case 0x1004:
		return 2, false
	case 0xc04:
		return 2, true
	case 0x404, 0x1404, 0x7c04:
		return 3, true
	}
	return 1, true
}

var (
	monthsChinese     = [12]string{"一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"}
	monthsChineseAbbr = [12]string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}
	weekdaysChinese   = [7]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}
	weekdaysZhou      = [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}
	weekdaysZhou2     = [7]string{"週日", "週一", "週二", "週三", "週四", "週五", "週六"}
)

// monthName names the month: abbr 3 (mmm), 4 (mmmm) or 5 (mmmmm).
func (f *numFormatter) monthName(abbr int) string {
	t := f.t
	if f.date1904 {
	} else if f.number < 1 {
		t = serialTime(f.number+2, false)
	} else if f.number < 60 {
		t = serialTime(f.number+1, false)
	}
	m := int(t.Month())
	switch kind, _ := f.chinese(); kind {
	case 1:
		switch abbr {
		case 3:
			return strconv.Itoa(m) + "月"
		case 4:
			return monthsChinese[m-1]
		}
		return monthsChineseAbbr[m-1]
	case 2:
		if abbr == 3 || abbr == 4 {
			return monthsChinese[m-1]
		}
		return monthsChineseAbbr[m-1]
	case 3:
		if abbr == 3 || abbr == 4 {
			return strconv.Itoa(m) + "月"
		}
		return strconv.Itoa(m)
	}
	name := t.Month().String()
	switch abbr {
	case 3:
		return name[:3]
	case 4:
		return name
	}
	return name[:1]
}

// weekday names the day of the week, in full or abbreviated.
func (f *numFormatter) weekday(full bool) string {
	d := f.t.Weekday()
	if kind, zhou2 := f.chinese(); kind != 0 {
		switch {
		case full:
			return weekdaysChinese[d]
		case zhou2:
			return weekdaysZhou2[d]
		}
		return weekdaysZhou[d]
	}
	if full {
		return d.String()
	}
	return d.String()[:3]
}

// amPm returns the AM/PM markers of the language: 上午/下午 in Chinese, else as written.
func (f *numFormatter) amPm(written string) []string {
	if kind, _ := f.chinese(); kind != 0 {
		written = "上午/下午"
	}
	return strings.Split(written, "/")
}

// dateTime formats a serial number with a date and time section.
func (f *numFormatter) dateTime() string {
	if f.number > maxSerial+1 {
		return f.value
	}
	f.t = serialTime(f.number, f.date1904)
	if !f.useMillisecond {
		f.t = f.t.Add(time.Duration(math.Round(float64(f.t.Nanosecond())/1e9)) * time.Second)
	}
	for i, t := range f.sec.items {
		switch t.kind {
		case nfCurrency:
			if !f.currencyLanguage(t) {
				return f.value
			}
			f.result.WriteString(f.currency)
		case nfDate:
			f.dateTimes(i, t)
		case nfElapsed:
			since := f.t.Sub(epoch1900)
			switch up := strings.ToUpper(t.text); {
			case strings.Contains(up, "H"):
				fmt.Fprintf(&f.result, "%.f", math.Floor(since.Hours()))
			case strings.Contains(up, "M"):
				fmt.Fprintf(&f.result, "%.f", math.Floor(since.Minutes()))
			case strings.Contains(up, "S"):
				fmt.Fprintf(&f.result, "%.f", math.Floor(since.Seconds()))
			}
		case nfLiteral:
			f.result.WriteString(t.text)
		case nfPoint:
			f.result.WriteByte('.')
		case nfSwitch:
			f.switchArg = t.text
		case nfZero:
			f.result.WriteString(fmt.Sprintf("%03d", f.t.Nanosecond()/1e6)[:min(len(t.text), 3)])
		}
	}
	return f.switched(f.result.String())
}

// dateTimes prints one date or time code. In the 1900 date system the first 60 days are shown as Excel
// shows them (1900-01-00 for 0, the phantom 1900-02-29 for 60).
func (f *numFormatter) dateTimes(i int, t nfToken) {
	up := strings.ToUpper(t.text)
	if matchAmPm(t.text) == t.text {
		if f.ap == "" {
			aps := f.amPm(t.text)
			f.ap = aps[0]
			if f.hoursNext(i) >= 12 && len(aps) > 1 {
				f.ap = aps[1]
			}
		}
		f.result.WriteString(f.ap)
		return
	}
	l := len(t.text)
	if strings.Contains(up, "M") {
		m := int(f.t.Month())
		if !f.date1904 && f.number < 2 {
			m = 1
		}
		if !f.date1904 && f.number >= 60 && f.number < 61 {
			m = 2
		}
		switch {
		case l == 1 && f.isMonth(i):
			f.result.WriteString(strconv.Itoa(m))
			return
		case l == 2 && f.isMonth(i):
			fmt.Fprintf(&f.result, "%02d", m)
			return
		case l == 3:
			f.result.WriteString(f.monthName(3))
			return
		case l == 4 || l > 5:
			f.result.WriteString(f.monthName(4))
			return
		case l == 5:
			f.result.WriteString(f.monthName(5))
			return
		}
	}
	year := f.t.Year()
	if !f.date1904 && f.number < 2 {
		year = 1900
	}
	switch {
	case strings.Contains(up, "Y"):
		if y := strconv.Itoa(year); l <= 2 && len(y) > 2 {
			f.result.WriteString(y[len(y)-2:])
		} else {
			f.result.WriteString(y)
		}
	case strings.Contains(up, "E"):
		f.result.WriteString(strconv.Itoa(year))
	}
	switch {
	case strings.Contains(up, "A"):
		if l == 3 {
			f.result.WriteString(f.weekday(false))
		} else if l > 3 {
			f.result.WriteString(f.weekday(true))
		}
	case strings.Contains(up, "D"):
		d := f.t.Day()
		switch {
		case f.date1904:
		case f.number < 1:
			d = 0
		case f.number < 60:
			d = serialTime(f.number+1, f.date1904).Day()
		case f.number < 61:
			d = 29
		}
		switch l {
		case 1:
			f.result.WriteString(strconv.Itoa(d))
		case 2:
			fmt.Fprintf(&f.result, "%02d", d)
		case 3:
			f.result.WriteString(f.weekday(false))
		default:
			f.result.WriteString(f.weekday(true))
		}
	}
	if strings.Contains(up, "H") {
		h := f.t.Hour()
		if ap, ok := f.apNext(i); ok {
			f.ap = ap[0]
			if h >= 12 && len(ap) > 1 {
				f.ap = ap[1]
			}
			if h > 12 {
				h -= 12
			}
		}
		if f.ap != "" {
			if f.hoursNext(i) == -1 && h > 12 {
				h -= 12
			}
			if h == 0 {
				h = 12
			}
		}
		if l == 1 {
			f.result.WriteString(strconv.Itoa(h))
		} else {
			fmt.Fprintf(&f.result, "%02d", h)
		}
	}
	if strings.Contains(up, "M") {
		if l == 1 {
			f.result.WriteString(strconv.Itoa(f.t.Minute()))
		} else {
			fmt.Fprintf(&f.result, "%02d", f.t.Minute())
		}
	}
	if strings.Contains(up, "S") {
		if l == 1 {
			f.result.WriteString(strconv.Itoa(f.t.Second()))
		} else {
			fmt.Fprintf(&f.result, "%02d", f.t.Second())
		}
	}
}

// hoursNext returns the hour when an hours code follows code i, else -1.
func (f *numFormatter) hoursNext(i int) int {
	for _, t := range f.sec.items[i+1:] {
		if t.kind == nfDate && strings.ContainsAny(t.text, "hH") {
			return serialTime(f.number, false).Hour()
		}
	}
	return -1
}

// apNext returns the AM/PM markers of the AM/PM code after code i, unless an hours code comes first.
func (f *numFormatter) apNext(i int) ([]string, bool) {
	for _, t := range f.sec.items[i+1:] {
		if t.kind != nfDate {
			continue
		}
		if strings.ContainsAny(t.text, "hH") {
			return nil, false
		}
		if matchAmPm(t.text) == t.text {
			return f.amPm(t.text), true
		}
	}
	return nil, false
}

// isMonth reports whether an m code at i is a month, not minutes: no hours or seconds code right
// before it and no seconds code right after it.
func (f *numFormatter) isMonth(i int) bool {
	items := f.sec.items
	timeBefore, secondsAfter := false, false
	for k := i - 1; k >= 0; k-- {
		if items[k].kind == nfDate {
			timeBefore = strings.ContainsAny(strings.ToUpper(items[k].text), "HS")
			break
		}
		if items[k].kind == nfElapsed {
			timeBefore = true
			break
		}
	}
	for k := i + 1; k < len(items); k++ {
		if items[k].kind == nfDate {
			secondsAfter = strings.ContainsAny(strings.ToUpper(items[k].text), "S")
			break
		}
	}
	return !timeBefore && !secondsAfter
}
