package xlsx

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/xlsx/internal/sml"
)

// formatCodes are the number formats of the differential test: the built-in ones by id ("#14") and
// custom ones as Excel, WPS and LibreOffice write them in Chinese report workbooks.
var formatCodes = []string{
	"#0", "#1", "#2", "#3", "#4", "#9", "#10", "#11", "#12", "#13", "#14", "#15", "#16", "#17", "#18", "#19",
	"#20", "#21", "#22", "#27", "#28", "#30", "#31", "#32", "#33", "#34", "#35", "#36", "#37", "#38", "#39",
	"#40", "#41", "#42", "#43", "#44", "#45", "#46", "#47", "#48", "#49", "#57", "#58", "#59", "#100",
	"0.0000", "0.0", "0.000", `#,##0.00"万元"`, `0"件"`, `#,##0"件"`, `yyyy"年"m"月"d"日"`, `yyyy年m月d日`,
	`[$-804]yyyy"年"m"月"d"日"`, `[DBNum1][$-804]yyyy"年"m"月"d"日"`, `[DBNum1][$-804]General`, `[DBNum2][$-804]General`,
	`[DBNum1]0`, "yyyy/m/d", "yyyy-mm-dd", "yyyy-m-d h:mm", `m"月"d"日"`, `yyyy"年"m"月"`, "mm-dd-yy",
	`_ * #,##0_ ;_ * \-#,##0_ ;_ * "-"_ ;_ @_ `, `_ * #,##0.00_ ;_ * \-#,##0.00_ ;_ * "-"??_ ;_ @_ `,
	`_ ¥* #,##0.00_ ;_ ¥* \-#,##0.00_ ;_ ¥* "-"??_ ;_ @_ `, `¥#,##0.00;¥\-#,##0.00`, `"¥"#,##0.00_);[Red]\("¥"#,##0.00\)`,
	"[Red]-0.00", `0.00_);[Red]\(0.00\)`, "0;-0;;@", `#,##0.00_ ;[Red]\-#,##0.00\ `, "0.0%", `"合计"@`, "@",
	"General", "general", `[$-F800]dddd\,\ mmmm\ dd\,\ yyyy`, "h:mm:ss", "hh:mm AM/PM", "[h]:mm:ss", "[mm]:ss",
	`yyyy"年"m"月"d"日" aaaa`, "[$-804]aaaa", "[$-804]aaa", "[$-804]mmmm", "[$-409]mmmm d, yyyy", "mmm-yy",
	"dd-mmm-yyyy", "#,##0,", "#,##0,,", "0.00E+00", "##0.0E+0", "# ?/?", "# ??/??", "[>=100]0;0.00", "000000",
	"#,##0;[Red]-#,##0", `0.00;-0.00;"-"`, "0.00;[Red]0.00", `"第"0"名"`, `\¥0.00`, "0.00_ ", "#", "0.#", "#.##",
	"0%", "#,##0.00%", ";;;", "0;;", `yyyy"年"m"月"d"日";@`, "yyyy-mm-dd hh:mm:ss", "上午/下午h\"时\"mm\"分\"",
	"[$¥-804]#,##0.00", "[$$-409]#,##0.00", "[Blue]#,##0", "[Color10]0", "ss.000", "mm:ss.0", "d", "dddd",
	"yy", "e", "[DBNum3]0.00", `0.00"%"`, `#,##0.00_);\(#,##0.00\)`, "0.00E-00", "0.00e+00", "?/?", "0 ?/?",
}

// formatValues are the values each format is applied to.
var formatValues = []string{"0", "1", "-1", "1234.5678", "-1234.5678", "0.125", "45678", "45678.75", "45678.999999",
	"12345678901234567", "0.30000000000000004", "1E-7", "123456789012", "1.5", "60", "0.5", "-0.5", "2.5",
	"100", "999999.995", "59", "61", "1", "0.999", "s:文本", "b:1", "b:0", "e:#N/A", "str:12", "is:内联", "1.23456789012345E+20", "-45678"}

// formatsBook is a sheet of every format applied to every value.
func formatsBook() *vBook { return formatsBookOf(formatValues) }

// formatsBookOf is a sheet of every format applied to every one of values.
func formatsBookOf(values []string) *vBook {
	b := &vBook{xfs: []string{`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`}}
	var rows [][]string
	for i, code := range formatCodes {
		id := 0
		if strings.HasPrefix(code, "#") && len(code) > 1 && code[1] >= '0' && code[1] <= '9' {
			fmt.Sscan(code[1:], &id)
		} else {
			id = 164 + len(b.numFmts)
			b.numFmts = append(b.numFmts, fmt.Sprintf(`<numFmt numFmtId="%d" formatCode="%s"/>`, id, xmlText(code)))
		}
		b.xfs = append(b.xfs, fmt.Sprintf(`<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, id))
		var row []string
		for j, v := range values {
			row = append(row, fmt.Sprintf("%s|%d:%s", sml.CellName(j+1, i+1, false), i+1, v))
		}
		rows = append(rows, row)
	}
	b.sheets = []vSheet{{name: "格式", body: b.cells(rows...)}}
	return b
}

// formatExceptions are the formats where the reader shows a value otherwise than excelize, on purpose:
// a serial number after 9999-12-31 (Excel shows ####) is shown as a number, not as the nonsense date
// excelize computes for it (year -102814085104).
func formatExceptions() map[string]diffWant {
	out := map[string]diffWant{}
	huge := map[string]string{"12345678901234567": "1.23456789012346E+16", "123456789012": "123456789012", "1.23456789012345E+20": "1.23456789012345E+20"}
	for i, code := range formatCodes {
		if !isDateCode(code) {
			continue
		}
		for j, v := range formatValues {
			if shown, ok := huge[v]; ok {
				out["格式!"+sml.CellName(j+1, i+1, false)+" shown"] = diffWant{shown, "a serial after 9999-12-31 is no date"}
			}
		}
	}
	return out
}

// isDateCode tells the date and time formats of formatCodes: date letters outside quotes, escapes and
// brackets (other than elapsed time), General and exponents.
func isDateCode(code string) bool {
	if strings.HasPrefix(code, "#") && len(code) > 1 && code[1] >= '0' && code[1] <= '9' {
		var id int
		fmt.Sscan(code[1:], &id)
		return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
	}
	code = regexp.MustCompile(`"[^"]*"|\\.|\[\$[^\]]*\]|\[[A-Za-z0-9]+\]|(?i)general|[Ee][+-]`).ReplaceAllString(code, "")
	return strings.ContainsAny(strings.ToLower(code), "ymdhsae")
}

// formulaExceptions are the formulas the reader computes otherwise than excelize, on purpose: as Excel
// computes them (where LibreOffice differs from Excel too, it is said).
func formulaExceptions() map[string]diffWant {
	byFormula := map[string]diffWant{
		"IF(1,,3)":                {"0", "an empty argument is 0 (excelize: 3)"},
		"ROUND(K1,)":              {"4", "an empty argument is 0 (excelize: error)"},
		"ROUND(2.345,1.9)":        {"2.3", "ROUND truncates its digits to an integer"},
		"SUM(A1:P2)":              {"error #N/A", "an error value in a range makes SUM an error (excelize skips it)"},
		"SUMPRODUCT(A1:A2,B1:B2)": {"2", "SUMPRODUCT counts a boolean in a range as 0, hence the --(…) idiom (excelize and LibreOffice: 1)"},
		"SUMPRODUCT(A1:K1,A2:K2)": {"error #N/A", "the #N/A of E1 is the error (excelize: #VALUE!)"},
		"J1":                      {"0", "a reference to a cell with no value is 0, as in LibreOffice (excelize: \"\")"},
		"N1+1":                    {"6", `text " 5 " converts to 5 in arithmetic`},
		"0^0":                     {"error #NUM!", "Excel's 0^0 is #NUM! (excelize and LibreOffice: 1)"},
		"0^-1":                    {"error #DIV/0!", "Excel's 0^-1 is #DIV/0! (excelize: +INF)"},
		"NOT(C1)":                 {"TRUE", "an empty cell is FALSE (excelize: error)"},
		"OR(C1:C3)":               {"error #VALUE!", "no boolean at all is #VALUE! (excelize: FALSE)"},
		"G1>A1":                   {"TRUE", "booleans compare above numbers (excelize and LibreOffice: FALSE)"},
	}
	out := map[string]diffWant{}
	for i, f := range formulas {
		if w, ok := byFormula[f]; ok {
			out[fmt.Sprintf("公式!Z%d calc", i+5)] = w
		}
	}
	return out
}

// TestDifferentialVariants compares the reader with excelize on the written variants.
func TestDifferentialVariants(t *testing.T) {
	for _, c := range variantCorpus(t) {
		compareWorkbook(t, c)
	}
}

func variantCorpus(t *testing.T) []diffCase {
	return append(packagingCases(t), []diffCase{
		{name: "formats", data: formatsBook().bytes(t), want: formatExceptions()},
		{name: "formulas", data: formulasBook().bytes(t), want: formulaExceptions()},
		{name: "strings", data: stringsBook().bytes(t)},
		{name: "no-refs", data: noRefsBook().bytes(t), want: noRefsExceptions()},
		{name: "shared", data: sharedBook().bytes(t), want: sharedExceptions()},
		{name: "array", data: arrayBook().bytes(t), want: arrayExceptions()},
		{name: "hidden", data: hiddenBook().bytes(t)},
		{name: "merges", data: mergesBook().bytes(t)},
		{name: "types", data: typesBook().bytes(t)},
		{name: "styled-empty", data: styledEmptyBook().bytes(t), want: styledEmptyExceptions()},
		{name: "merged-calc", data: mergedCalcBook().bytes(t), want: map[string]diffWant{
			"合并计算!F1 calc": {"12", "a formula reads a covered cell's own value, as Excel does (excelize reads the top-left cell: 5+5)"}}},
	}...)
}

// formulaInputs are the cells the formulas of formulasBook refer to: numbers, text (shared, inline and
// a formula's text result), booleans, errors and empty cells (C1, and row 3).
var formulaInputs = [][]string{
	{"A1:1", "B1:2", "D1:str:#DIV/0!", "E1:e:#N/A", "F1:s:abc", "G1:b:1", "H1:is:7", "I1:s:12", "J1:str:", "K1:3.5", "L1:-2", "M1:0", "N1:s: 5 ", "O1:s:TRUE", "P1:b:0"},
	{"A2:3.5", "B2:b:1", "D2:0.1", "E2:0.2", "F2:s:ABC", "G2:s:", "H2:1E+3", "I2:-0.5", "K2:2.5"},
}

// formulas are computed from formulaInputs by the reader and by excelize, each in a cell without a
// cached result.
var formulas = []string{
	"1+2", "1/0", `"a"+1`, "IF(1,2)", "IF(0,2)", "IF(0,2,3)", "IF(1,,3)", "FOO(1)", "1=1", `"a"&1`, "-2^2", "2^-1", "2^3^2", "5%", "3%%", "-A1%",
	"MAX(C1:C3)", "AVERAGE(C1:C3)", "ROUND(2.5,0)", "ROUND(-2.5,0)", "ROUND(1.005,2)", "ROUND(12345.678,-2)", "ROUND(K1,)",
	"ROUND(2.345,1.9)", "ROUND(-1.5,0)", "INT(-1.5)", "INT(2.7)", "INT(A2)", "ABS(-3)", "ABS(L1)", `ABS("-2")`, "ABS(C1)",
	"COUNT(A1:B2)", "COUNTA(A1:B2)", "COUNT(A1:P2)", "COUNTA(A1:P2)", "COUNTA(C1,1)", "COUNT(A1,B1,C1)", "COUNT(D1:E1)",
	"SUM(A1:B2)", "SUM(A1,B1,5)", "SUM(A1:P2)", "SUM(F1:F2)", "SUM(G1:H1)", "SUM(B2)", "SUM(1/0)", "SUM(D1)", "SUM(A1:A2)*2",
	"SUMPRODUCT(A1:A2,B1:B2)", "SUMPRODUCT(A1:K1,A2:K2)", "SUMPRODUCT(A1:B1)", "SUMPRODUCT(K1:M1,K2:M2)",
	"A2+1", "C1+1", "C1&\"x\"", "D1", "E1", "F1", "F1+0", "G1", "G1+1", "H1", "H1+1", "I1*2", "J1", "J1&\"x\"", "N1+1",
	"0.1+0.2", "D2+E2", "1E+20*10", "10/3", "2/3*3", "1/3", "100000000000000000", "123456789012345678", "2^0.5",
	"(-8)^(1/3)", "0^0", "0^-1", "1/0+\"a\"", "IF(1/0,1,2)", "(1+2)*3", "1<>2", `"abc"="ABC"`, "TRUE", "FALSE", "NOT(0)",
	"NOT(A1)", "NOT(C1)", "OR(0,0)", "OR(C1:C3)", "AND(A1:B2)", "AND(1,0)", "AND(A1,G1)", "OR(F1)", "MIN(A1:B2)", "MIN(TRUE,5)",
	`MAX("3",2)`, "MAX(L1:M1)", "MIN(C1:C3)", "IF(A1>1,\"yes\",\"no\")", "IF(C1=0,1,2)", "A1=TRUE", "B2=TRUE", "B2+0",
	"1--1", "--1", "2*-1", "-(1)", `"a"&TRUE`, `"a"&1.5`, "1&2", "A1:B2", "K1-K2", "K1*K2", "K2/K1", "A1>=A2", "A1<=B1",
	"F1<F2", "F1>A1", "G1>A1", `"1"+1`, `"x"*1`, `1+""`, "SUM(K1:M1)/COUNT(K1:M1)", "AVERAGE(K1:M1)", "AVERAGE(A1,C1)",
	"IF(K1>3,K1*2,K1/2)", "IF(AND(A1=1,B1=2),\"ok\",\"bad\")", "ROUND(SUM(K1:K2)/3,2)", "SUM(A1:B1)-SUM(K1:L1)", "A1+B1+K1+L1+M1",
	"999999999999999+1", "0.1*3", "1E-20+1", "-0", "ABS(-0)", "5-5", "SUM()", "ROUND(1)", "NOT()",
}

// formulasBook puts every formula, without a cached result, in column Z under the inputs.
func formulasBook() *vBook {
	b := &vBook{}
	rows := append([][]string(nil), formulaInputs...)
	for i, f := range formulas {
		rows = append(rows, []string{fmt.Sprintf("Z%d:=%s", i+5, f)})
	}
	b.sheets = []vSheet{{name: "公式", body: b.cells(rows...)}}
	return b
}

// stringsBook holds text as generators write it: rich-text runs, phonetic runs (excluded), _xHHHH_
// escapes, preserved white space, inline strings plain and rich, empty strings.
func stringsBook() *vBook {
	b := &vBook{sst: []string{
		`<si><t>机关名称</t></si>`,
		`<si><r><t>政府信息</t></r><r><rPr><b/><sz val="11"/></rPr><t>公开</t></r><r><t xml:space="preserve"> 年度报告 </t></r></si>`,
		`<si><t>上海</t><rPh sb="0" eb="2"><t>シャンハイ</t></rPh><phoneticPr fontId="1"/></si>`,
		`<si><t>a_x000D_b_x005F_x000D_c_x0041__x00e9__xD800_d_x12_</t></si>`,
		`<si><t xml:space="preserve">  前后空格  </t></si>`,
		`<si><t></t></si>`,
		`<si/>`,
		`<si><t>line1
line2</t></si>`,
		`<si><t>&lt;&amp;&gt;&quot;&#x4E2D;&#25991;</t></si>`,
		`<si><r><t>12</t></r><r><t>3</t></r></si>`,
	}}
	body := `<sheetData><row r="1">`
	for i := range b.sst {
		body += fmt.Sprintf(`<c r="%s" t="s"><v>%d</v></c>`, sml.CellName(i+1, 1, false), i)
	}
	body += `</row><row r="2">` +
		`<c r="A2" t="inlineStr"><is><t>内联文本</t></is></c>` +
		`<c r="B2" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r><rPh><t>x</t></rPh></is></c>` +
		`<c r="C2" t="inlineStr"><is><t xml:space="preserve"> 空 格 </t></is></c>` +
		`<c r="D2" t="inlineStr"><is><t></t></is></c>` +
		`<c r="E2" t="inlineStr"><v>没有is</v></c>` +
		`<c r="F2" t="str"><f>"公式"&amp;"文本"</f><v>公式文本</v></c>` +
		`<c r="G2" t="str"><v>  </v></c>` +
		`<c r="H2" t="s"><v> 9 </v></c>` +
		`<c r="I2" t="inlineStr"><is><t>x_x0009_y</t></is></c>` +
		`</row></sheetData>`
	b.sheets = []vSheet{{name: "文本", body: body}}
	return b
}

// noRefsBook has rows and cells without r, as some generators write them: a row's number follows the
// previous row (or a cell's own reference), a cell's column the previous cell.
func noRefsBook() *vBook {
	b := &vBook{sst: []string{`<si><t>甲</t></si>`, `<si><t>乙</t></si>`}}
	body := `<sheetData>` +
		`<row><c t="s"><v>0</v></c><c><v>2</v></c><c><v>3</v></c></row>` +
		`<row><c><v>4</v></c><c t="s"><v>1</v></c></row>` +
		`<row r="5"><c r="B5"><v>5</v></c><c><v>6</v></c><c r="E5"><v>7</v></c><c><f>B5+C5</f></c></row>` +
		`<row><c r="A6"><v>8</v></c><c><v>9</v></c></row>` +
		`<row r="7"><c><v>1</v></c><c r="C7"><v>3</v></c><c><v>4</v></c></row>` +
		`<row><c><v>1</v></c><c r="C8"><v>3</v></c><c><v>4</v></c></row>` +
		`</sheetData>`
	b.sheets = []vSheet{{name: "无地址", body: body}}
	return b
}

// noRefsExceptions: excelize's GetRows places a cell without r after the previous cell, as Excel does,
// but in a row without r its GetCellValue places the n-th cell in the n-th column — the third cell of
// row 8, D8, goes to C8 and hides the 3 there — so that it disagrees
// with its own GetRows (row 8); the reader reads every position as GetRows shows it.
func noRefsExceptions() map[string]diffWant {
	return map[string]diffWant{
		"无地址!C8 raw": {"3", "C8 holds 3"}, "无地址!C8 shown": {"3", "C8 holds 3"},
		"无地址!D8 raw": {"4", "the cell after C8 is D8"}, "无地址!D8 shown": {"4", "the cell after C8 is D8"},
	}
}

// sharedExceptions: a name the reader does not know is an error saying so; excelize gives #NAME?.
func sharedExceptions() map[string]diffWant {
	return map[string]diffWant{
		"共享!E3 calc": {"error", "不支持名称 TEXT"}, "共享!E4 calc": {"error", "不支持名称 TEXT"}, "共享!E5 calc": {"error", "不支持名称 TEXT"},
	}
}

// sharedBook has shared formulas (filled down and right), with and without cached results, and a
// dependent whose group has no master.
func sharedBook() *vBook {
	b := &vBook{}
	body := `<sheetData>` +
		`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c><c r="D1"><f t="shared" ref="D1:D4" si="0">SUM(A1:C1)</f><v>6</v></c><c r="E1"><f t="shared" ref="E1:G1" si="1">A1*$B$1+A$1</f></c><c r="F1"><f t="shared" si="1"/></c><c r="G1"><f t="shared" si="1"/></c></row>` +
		`<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c><c r="C2"><v>6</v></c><c r="D2"><f t="shared" si="0"/><v>15</v></c></row>` +
		`<row r="3"><c r="A3"><v>7</v></c><c r="B3"><v>8</v></c><c r="C3"><v>9</v></c><c r="D3"><f t="shared" si="0"/></c><c r="E3"><f t="shared" ref="E3:E5" si="2">IF(A3&gt;5, "大", "小")&amp;TEXT</f></c></row>` +
		`<row r="4"><c r="D4"><f t="shared" si="0"/></c><c r="E4"><f t="shared" si="2"/></c><c r="F4"><f t="shared" si="7"/></c></row>` +
		`<row r="5"><c r="E5"><f t="shared" si="2"/></c><c r="G5"><f t="shared" ref="G5:H6" si="3">$A1+A$1+A1:B2</f></c><c r="H5"><f t="shared" si="3"/></c></row>` +
		`<row r="6"><c r="G6"><f t="shared" si="3"/></c><c r="H6"><f t="shared" si="3"/></c></row>` +
		`</sheetData>`
	b.sheets = []vSheet{{name: "共享", body: body}}
	return b
}

// arrayBook has array formulas: the master holds the formula, the other cells of the range cached values.
func arrayBook() *vBook {
	b := &vBook{}
	body := `<sheetData>` +
		`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="array" ref="C1:C2">A1:A2*B1:B2</f><v>2</v></c></row>` +
		`<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c><c r="C2"><v>12</v></c></row>` +
		`<row r="3"><c r="C3"><f t="array" ref="C3">SUM(A1:A2*B1:B2)</f></c><c r="D3"><f t="array" ref="D3">SUMPRODUCT(A1:A2,B1:B2)</f><v>14</v></c></row>` +
		`</sheetData>`
	b.sheets = []vSheet{{name: "数组", body: body}}
	return b
}

// arrayExceptions: excelize computes SUM over an array expression from its first element only.
func arrayExceptions() map[string]diffWant {
	return map[string]diffWant{"数组!C3 calc": {"14", "1*2+3*4 (excelize: 2)"}}
}

// hiddenBook has hidden and very hidden sheets among visible ones.
func hiddenBook() *vBook {
	b := &vBook{}
	b.sheets = []vSheet{
		{name: "可见", body: b.cells([]string{"A1:s:一"})},
		{name: "隐藏", state: "hidden", body: b.cells([]string{"A1:s:二", "B1:2"})},
		{name: "深度隐藏", state: "veryHidden", body: b.cells([]string{"A1:s:三"})},
		{name: "Sheet 4", body: b.cells([]string{"C3:4"})},
	}
	return b
}

// mergesBook has merged ranges: ordinary ones, one of a single cell, overlapping ones (joined), one with
// values in its covered cells, one beyond the area read.
func mergesBook() *vBook {
	b := &vBook{}
	body := b.cells([]string{"A1:s:标题", "B1:s:被覆盖"}, []string{"A2:1", "B2:2", "C2:3", "D2:4"}, []string{"A3:5", "C3:=A2+B2", "E3:6"}) +
		`<mergeCells count="6"><mergeCell ref="A1:C1"/><mergeCell ref="D1"/><mergeCell ref="A2:B3"/><mergeCell ref="B3:C4"/><mergeCell ref="$E$3:$F$4"/><mergeCell ref="A6000:B6001"/></mergeCells>`
	b.sheets = []vSheet{{name: "合并", body: body}}
	return b
}

// typesBook has every cell type and stored numbers written in unusual ways.
func typesBook() *vBook {
	b := &vBook{xfs: []string{`<xf numFmtId="0"/>`, `<xf numFmtId="14" applyNumberFormat="1"/>`, `<xf numFmtId="2" applyNumberFormat="1"/>`}}
	body := `<sheetData><row r="1">` +
		`<c r="A1" t="n"><v>1.0E+3</v></c><c r="B1"><v>  12</v></c><c r="C1"><v>+5</v></c><c r="D1"><v>0x10</v></c>` +
		`<c r="E1"><v>Inf</v></c><c r="F1"><v>NaN</v></c><c r="G1"><v>1_000</v></c><c r="H1" t="x"><v>7</v></c>` +
		`<c r="I1" t="b"><v>true</v></c><c r="J1" t="b"><v>2</v></c><c r="K1" t="e"><v>#DIV/0!</v></c><c r="L1" s="2"><v>-0</v></c>` +
		`<c r="M1"><v>00012</v></c><c r="N1"><v>1e400</v></c><c r="O1" s="1"><v>45678</v></c><c r="P1" s="2" t="s"><v>0</v></c>` +
		`<c r="Q1" s="9"><v>5</v></c><c r="R1"><v>123456789012345678</v></c><c r="S1"><v>100000000000000000000</v></c>` +
		`<c r="T1"><v>0.1000000000000000055511151231257827</v></c><c r="U1" t="s"/><c r="V1" s="2"/><c r="W1"><f></f></c>` +
		`</row></sheetData>`
	b.sst = []string{`<si><t>3.14159</t></si>`}
	b.sheets = []vSheet{{name: "类型", body: body}}
	return b
}

// sampleBook is a small report-like workbook: labels in shared strings, numbers with formats, a date,
// formulas with and without cached results, a merged header, two sheets (one hidden).
func sampleBook() *vBook {
	b := &vBook{
		numFmts: []string{`<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>`, `<numFmt numFmtId="177" formatCode="0.0000"/>`},
		xfs:     []string{`<xf numFmtId="0"/>`, `<xf numFmtId="176" applyNumberFormat="1"/>`, `<xf numFmtId="177" applyNumberFormat="1"/>`, `<xf numFmtId="14" applyNumberFormat="1"/>`, `<xf numFmtId="3" applyNumberFormat="1"/>`},
	}
	main := b.cells(
		[]string{"A1:s:收到和处理政府信息公开申请情况"},
		[]string{"A2:s:本年新收", "B2:12", "C2|4:1234", "D2:=B2+C2=1246"},
		[]string{"A3:s:采购总金额", "B3|2:232.45", "C3|2:=B3*2", "D3:=SUM(B2:C3)"},
		[]string{"A4:s:成文日期", "B4|1:45678", "C4|3:45678", "D4:b:1"},
	) + `<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>`
	b.sheets = []vSheet{{name: "表三", body: main}, {name: "说明", state: "hidden", body: b.cells([]string{"A1:s:说明", "B1:=表三!B2"})}}
	return b
}

// packagingCases are sampleBook written in the package layouts and namespaces generators use.
func packagingCases(t *testing.T) []diffCase {
	plain := sampleBook()
	strict := sampleBook()
	strict.strict = true
	prefixed := sampleBook()
	prefixed.prefix = "x"
	absolute := sampleBook()
	absolute.targets = "absolute"
	backslash := sampleBook()
	backslash.targets = "backslash"
	date1904 := sampleBook()
	date1904.wbPr = `date1904="1"`
	excelLike := sampleBook()
	excelLike.extra = map[string]string{"xl/worksheets/sheet1.xml": excelSheet}
	return []diffCase{
		{name: "sample", data: plain.bytes(t), want: sampleExceptions()},
		{name: "strict", data: strict.bytes(t), want: sampleExceptions()},
		{name: "prefixed", data: prefixed.bytes(t), want: sampleExceptions()},
		{name: "absolute-targets", data: absolute.bytes(t), want: sampleExceptions()},
		{name: "backslash-targets", data: backslash.bytes(t), want: sampleExceptions()},
		{name: "date1904", data: date1904.bytes(t), want: sampleExceptions()},
		{name: "excel-like", data: excelLike.bytes(t), want: sampleExceptions()},
		{name: "openpyxl-like", data: openpyxlBook().bytes(t), want: openpyxlExceptions()},
		{name: "wps-like", data: wpsBook().bytes(t)},
	}
}

// sampleExceptions: the formula on the hidden sheet refers to another sheet, which the formula engine
// does not compute (package xlsx refuses such a formula before computing it, see computable).
func sampleExceptions() map[string]diffWant {
	return map[string]diffWant{"说明!B1 calc": {"error", "不支持引用其他工作表（表三）"}}
}

// excelSheet is a worksheet as Excel 2016 saves it: markup-compatibility namespaces, spans, row and
// cell attributes the reader ignores, an extension list.
const excelSheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}"><sheetPr><tabColor rgb="FFFF0000"/></sheetPr><dimension ref="A1:D4"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B2" sqref="B2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/><cols><col min="1" max="1" width="20" customWidth="1"/></cols><sheetData><row r="1" spans="1:4" ht="20" customHeight="1" x14ac:dyDescent="0.15"><c r="A1" t="s"><v>0</v></c></row><row r="2" spans="1:4" x14ac:dyDescent="0.15"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>12</v></c><c r="C2" s="4"><v>1234</v></c><c r="D2"><f>B2+C2</f><v>1246</v></c></row><row r="3" spans="1:4" x14ac:dyDescent="0.15"><c r="A3" t="s"><v>2</v></c><c r="B3" s="2"><v>232.45</v></c><c r="C3" s="2"><f>B3*2</f><v>464.9</v></c><c r="D3"><f>SUM(B2:C3)</f><v>1943.35</v></c></row><row r="4" spans="1:4" x14ac:dyDescent="0.15"><c r="A4" t="s"><v>3</v></c><c r="B4" s="1"><v>45678</v></c><c r="C4" s="3"><v>45678</v></c><c r="D4" t="b"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells><phoneticPr fontId="1" type="noConversion"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" r:id="rId1"/><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst></worksheet>`

// openpyxlBook is a workbook as openpyxl writes one: explicit t="n", formulas with an empty cached
// value, inline strings, and dates written as ISO 8601 text (t="d", openpyxl's iso_dates).
func openpyxlBook() *vBook {
	b := &vBook{xfs: []string{`<xf numFmtId="0"/>`, `<xf numFmtId="14" applyNumberFormat="1"/>`, `<xf numFmtId="22" applyNumberFormat="1"/>`}}
	body := `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>报告年度</t></is></c><c r="B1" t="n"><v>2024</v></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>合计</t></is></c><c r="B2"><f>B1+1</f><v></v></c><c r="C2" t="n"><f>SUM(B1:B2)</f><v/></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>成文日期</t></is></c><c r="B3" t="d" s="1"><v>2025-01-20T00:00:00</v></c><c r="C3" t="d" s="2"><v>2025-01-20T10:30:00</v></c><c r="D3" t="d"><v>2025-01-20</v></c><c r="E3" t="d" s="1"><v>garbage</v></c></row>` +
		`<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4"><f>B3+1</f></c></row></sheetData>`
	b.sheets = []vSheet{{name: "Sheet", body: body}}
	return b
}

// openpyxlExceptions: a t="d" cell holds an ISO 8601 date; the reader reads it as the serial number
// Excel loads it as (raw) and shows it with its format. excelize keeps the text (its layouts do not read
// "2025-01-20T00:00:00") and, computing with it, fails.
func openpyxlExceptions() map[string]diffWant {
	return map[string]diffWant{
		"Sheet!B3 raw": {"45677", "2025-01-20 is serial 45677"}, "Sheet!B3 shown": {"01-20-25", "format 14 is mm-dd-yy"},
		"Sheet!C3 raw": {"45677.4375", "10:30 is 0.4375 of a day"}, "Sheet!C3 shown": {"1/20/25 10:30", "format 22 is m/d/yy hh:mm"},
		"Sheet!D3 raw": {"45677", "a date without time"}, "Sheet!D3 shown": {"45677", "without a format a date shows its serial, as in Excel"},
		"Sheet!C4 calc": {"45678", "B3+1 is the next day"},
	}
}

// wpsBook is a workbook as WPS Office saves a Chinese report: custom formats for dates and amounts
// (176 and up), the accounting format, [DBNum1] numerals, a full-width label, a cached total.
func wpsBook() *vBook {
	b := &vBook{
		numFmts: []string{
			`<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/>`,
			`<numFmt numFmtId="177" formatCode="_ * #,##0.00_ ;_ * \-#,##0.00_ ;_ * &quot;-&quot;??_ ;_ @_ "/>`,
			`<numFmt numFmtId="178" formatCode="[DBNum1][$-804]General"/>`,
			`<numFmt numFmtId="179" formatCode="0.0000_ "/>`,
		},
		xfs: []string{`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`, `<xf numFmtId="176" applyNumberFormat="1"/>`,
			`<xf numFmtId="177" applyNumberFormat="1"/>`, `<xf numFmtId="178" applyNumberFormat="1"/>`, `<xf numFmtId="179" applyNumberFormat="1"/>`, `<xf numFmtId="49" applyNumberFormat="1"/>`},
	}
	main := b.cells(
		[]string{"A1:s:机关名称", "B1|5:s:某某县人民政府办公室"},
		[]string{"A2:s:报告年度", "B2|5:s:２０２４"},
		[]string{"A3:s:成文日期", "B3|1:45677"},
		[]string{"A4:s:金额", "B4|2:1234.5", "C4|2:0", "D4|4:232.45", "E4|3:12"},
		[]string{"A5:s:合计", "B5|2:=SUM(B4:C4)=1234.5"},
	)
	b.sheets = []vSheet{{name: "基本信息", body: `<sheetPr/><dimension ref="A1:E5"/>` + main}}
	return b
}

// styledEmptyBook has empty cells with formats whose text section has literals.
func styledEmptyBook() *vBook {
	b := &vBook{numFmts: []string{`<numFmt numFmtId="164" formatCode="&quot;合计&quot;@"/>`, `<numFmt numFmtId="165" formatCode="0;-0;;&quot;文本&quot;@"/>`},
		xfs: []string{`<xf numFmtId="0"/>`, `<xf numFmtId="164" applyNumberFormat="1"/>`, `<xf numFmtId="165" applyNumberFormat="1"/>`}}
	b.sheets = []vSheet{{name: "空", body: `<sheetData><row r="1"><c r="A1" s="1"/><c r="B1" s="2"/><c r="C1" s="1"><v></v></c><c r="D1"><v>1</v></c></row></sheetData>`}}
	return b
}

// styledEmptyExceptions: an empty cell shows nothing whatever its format, as in Excel; excelize applies
// the text section's literals to it ("合计").
func styledEmptyExceptions() map[string]diffWant {
	out := map[string]diffWant{}
	for _, c := range []string{"A1", "B1", "C1"} {
		out["空!"+c+" shown"] = diffWant{"", "an empty cell shows nothing"}
	}
	return out
}

// mergedCalcBook has a merged range whose covered cell still holds a value, and a formula over both.
func mergedCalcBook() *vBook {
	b := &vBook{}
	b.sheets = []vSheet{{name: "合并计算", body: b.cells([]string{"D1:5", "E1:7", "F1:=D1+E1"}) + `<mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells>`}}
	return b
}
