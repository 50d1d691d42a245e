package sml

import (
	"testing"
)

// TestFormatValue: the formats of report workbooks show values as Excel does (and excelize, which the
// differential test of package xlsx compares with on every built-in and many custom formats).
func TestFormatValue(t *testing.T) {
	for _, c := range []struct {
		code, value string
		kind        int
		want        string
	}{
		{"0", "1234.5", kindNumber, "1235"},
		{"0", "-0.4", kindNumber, "-0"},
		{"0.00", "1234.5", kindNumber, "1234.50"},
		{"0.0000", "232.45", kindNumber, "232.4500"},
		{"#,##0", "1234567", kindNumber, "1,234,567"},
		{"#,##0.00", "-1234.5", kindNumber, "-1,234.50"},
		{"#,##0.00", "5", kindNumber, "5.00"},
		{"0%", "0.125", kindNumber, "13%"},
		{"0.00%", "0.125", kindNumber, "12.50%"},
		{"0.00E+00", "12345", kindNumber, "1.23E+04"},
		{`#,##0.00"万元"`, "1234.5", kindNumber, "1,234.50万元"},
		{`0"件"`, "12", kindNumber, "12件"},
		{`¥#,##0.00;¥\-#,##0.00`, "-5", kindNumber, "¥-5.00"},
		{`0.00_);[Red]\(0.00\)`, "-5", kindNumber, "(5.00)"},
		{`0.00_);[Red]\(0.00\)`, "5", kindNumber, "5.00 "},
		{`_ * #,##0_ ;_ * \-#,##0_ ;_ * "-"_ ;_ @_ `, "1234", kindNumber, " 1,234 "},
		{`_ * #,##0_ ;_ * \-#,##0_ ;_ * "-"_ ;_ @_ `, "文本", kindText, " 文本 "},
		{"#,##0,", "1234567", kindNumber, "1,235"},
		{"@", "12", kindNumber, "12"},
		{`"合计"@`, "金额", kindText, "合计金额"},
		{"0.00", "金额", kindText, "金额"},
		{";;;", "5", kindNumber, ""},
		{"General", "123456789012", kindNumber, "1.23456789E+11"},
		{"General", "12345", kindNumber, "12345"},
		{`yyyy"年"m"月"d"日"`, "45677", kindNumber, "2025年1月20日"},
		{`yyyy"年"m"月"d"日"`, "45677.75", kindNumber, "2025年1月20日"},
		{`yyyy"年"m"月"d"日"`, "-1", kindNumber, "-1"},
		{"yyyy/m/d", "45677", kindNumber, "2025/1/20"},
		{"yyyy-mm-dd hh:mm:ss", "45677.4375", kindNumber, "2025-01-20 10:30:00"},
		{"mm-dd-yy", "45677", kindNumber, "01-20-25"},
		{"d-mmm-yy", "45677", kindNumber, "20-Jan-25"},
		{`[$-804]yyyy"年"m"月"d"日" aaaa`, "45677", kindNumber, "2025年1月20日 星期一"},
		{"[$-804]mmmm", "45677", kindNumber, "一月"},
		{`[DBNum1][$-804]yyyy"年"m"月"d"日"`, "45677", kindNumber, "二○二五年一月二○日"},
		{`[DBNum2]0`, "305", kindNumber, "叁零伍"},
		{`[DBNum2][$-804]General`, "305", kindNumber, "305"}, // General ignores the switch, as in excelize
		{"h:mm AM/PM", "0.75", kindNumber, "6:00 PM"},
		{`上午/下午h"时"mm"分"`, "0.25", kindNumber, "上午6时00分"},
		{"[h]:mm:ss", "1.5", kindNumber, "36:00:00"},
		{"m/d/yy", "60", kindNumber, "2/29/00"},
		{"yyyy-mm-dd", "1E+10", kindNumber, "1E+10"},
		{"", "5", kindNumber, "5"},
		{"0;0;0;0;0", "5", kindNumber, "5"},
	} {
		if got := formatValue(c.value, c.code, false, c.kind); got != c.want {
			t.Errorf("%s of %s: %q, want %q", c.code, c.value, got, c.want)
		}
	}
	// The 1904 date system counts from 1904-01-01.
	if got := formatValue("0", "yyyy-mm-dd", true, kindNumber); got != "1904-01-01" {
		t.Errorf("1904: %q", got)
	}
}

// TestGeneralNumber: numbers show to 15 significant digits, integers zero-filled after them as written.
func TestGeneralNumber(t *testing.T) {
	for in, want := range map[string]string{
		"0.30000000000000004": "0.3", "123456789012345678": "1.23456789012346E+17", "100000000000000000000": "100000000000000000000",
		"1.0E+3": "1000", "  12": "  12", "abc": "abc", "1_000": "1_000", "-0": "-0", "007": "7",
	} {
		if got := generalNumber(in); got != want {
			t.Errorf("generalNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFormatValue(f *testing.F) {
	for _, code := range []string{"0.00", "#,##0", `yyyy"年"m"月"d"日"`, "[$-804]aaaa", "[DBNum1]0", "# ?/?", "0.00E+00", "[h]:mm:ss", `_ * #,##0_ ;_ * \-#,##0_ ;_ * "-"_ ;_ @_ `, "[>=100]0;0.00"} {
		f.Add(code, "1234.5")
	}
	f.Fuzz(func(t *testing.T, code, value string) {
		if len(code) > 256 || len(value) > 64 {
			return
		}
		for kind := kindNumber; kind <= kindBool; kind++ {
			formatValue(value, code, kind == kindDate, kind)
		}
	})
}
