package sml

import (
	"fmt"
	"strings"
	"testing"
)

var calcTest = CalcLimits{MaxDepth: 8, MaxCells: 10000}

// calcSheet is a sheet of inputs in rows 1 and 2 and formulas (no cached results) in column Z from row 5.
func calcSheet(t testing.TB, formulas ...string) *Grid {
	t.Helper()
	data := `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1" t="e"><v>#DIV/0!</v></c><c r="F1" t="s"><v>0</v></c>` +
		`<c r="G1" t="b"><v>1</v></c><c r="H1" t="inlineStr"><is><t> 7 </t></is></c><c r="K1"><v>3.5</v></c></row>` +
		`<row r="2"><c r="A2"><v>3.5</v></c><c r="B2" t="b"><v>1</v></c></row>`
	for i, f := range formulas {
		data += fmt.Sprintf(`<row r="%d"><c r="Z%d"><f>%s</f></c></row>`, i+5, i+5, strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(f))
	}
	return sheetTest(t, data, nil)
}

// TestCalc: operators with Excel's precedence and coercions, the supported functions, empty cells as 0
// or "", errors propagating, results written as CalcCellValue writes them.
func TestCalc(t *testing.T) {
	cases := []struct{ formula, want string }{
		{"1+2*3", "7"}, {"(1+2)*3", "9"}, {"-2^2", "4"}, {"2^3^2", "64"}, {"2^-1", "0.5"}, {"50%", "0.5"}, {"-A1%", "-0.01"},
		{"1--1", "2"}, {`"a"&1&TRUE`, "a1TRUE"}, {`"a"&(0.1+0.2)`, "a0.3"}, {"0.1+0.2", "0.3"}, {"0.1+0.2=0.3", "TRUE"},
		{"10/3", "3.33333333333333"}, {"123456789012345678", "1.23456789012346E+17"}, {"1E+20*10", "1E+21"}, {"5-5", "0"},
		{"1/0", "#DIV/0!"}, {`"a"+1`, "#VALUE!"}, {`" 7 "+1`, "8"}, {"H1+1", "8"}, {"F1+0", "#VALUE!"}, {"D1+1", "#DIV/0!"},
		{"C1", "0"}, {"C1+1", "1"}, {`C1&"x"`, "x"}, {`C1=""`, "TRUE"}, {"C1=0", "TRUE"}, {"C1=FALSE", "TRUE"},
		{`"abc"="ABC"`, "TRUE"}, {`"a"<"B"`, "TRUE"}, {"G1>A1", "TRUE"}, {`F1>A1`, "TRUE"}, {"1<>2", "TRUE"},
		{"SUM(A1:B2)", "6.5"}, {"SUM(A1,B1,5)", "8"}, {`SUM("2",TRUE)`, "3"}, {`SUM("a")`, "#VALUE!"}, {"SUM(A1:D2)", "#DIV/0!"},
		{"SUM()", "0"}, {"AVERAGE(A1:B2)", "2.16666666666667"}, {"AVERAGE(C1:C3)", "#DIV/0!"}, {"MIN(A1:B2)", "1"}, {"MAX(A1:B2)", "3.5"},
		{"MAX(C1:C3)", "0"}, {"COUNT(A1:K2)", "4"}, {`COUNT(1,"2",TRUE,"x")`, "3"}, {"COUNTA(A1:K2)", "9"}, {"COUNTA(C1,1,)", "2"},
		{"IF(A1>1,\"yes\",\"no\")", "no"}, {"IF(1,,3)", "0"}, {"IF(0,2)", "FALSE"}, {"IF(1/0,1,2)", "#DIV/0!"}, {"IF(0,1/0,2)", "2"},
		{"IF(C1,1,2)", "2"}, {`IF("x",1,2)`, "#VALUE!"}, {"AND(1,0)", "FALSE"}, {"AND(A1:B2)", "TRUE"}, {"OR(C1:C3)", "#VALUE!"},
		{"OR(0,G1)", "TRUE"}, {"NOT(0)", "TRUE"}, {"NOT(C1)", "TRUE"}, {"ABS(-3)", "3"}, {`ABS("-2")`, "2"}, {"INT(-1.5)", "-2"},
		{"ROUND(2.5,0)", "3"}, {"ROUND(-2.5,0)", "-3"}, {"ROUND(1.005,2)", "1.01"}, {"ROUND(12345.678,-2)", "12300"},
		{"ROUND(2.345,1.9)", "2.3"}, {"SUMPRODUCT(A1:A2,B1:B2)", "2"}, {"SUMPRODUCT(A1:B1,A2:B2)", "3.5"}, {"SUMPRODUCT(A1:B1,A1:A2)", "#VALUE!"},
		{"SUMPRODUCT(A1:B2)", "6.5"}, {"SUMPRODUCT((A1:B1)*2)", "6"}, {"0^0", "#NUM!"}, {"(-8)^(1/3)", "#NUM!"}, {"TRUE", "TRUE"},
		{"A1:B1", "1"}, {"sum(a1:b1)", "3"},
	}
	var fs []string
	for _, c := range cases {
		fs = append(fs, c.formula)
	}
	s := calcSheet(t, fs...)
	for i, c := range cases {
		got, err := s.Calc(26, i+5, calcTest)
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("=%s: %q, want %q", c.formula, got, c.want)
		}
	}
}

// TestCalcRefused: what the engine does not compute is an error saying why; cycles, depth and the
// number of cells read are bounded.
func TestCalcRefused(t *testing.T) {
	cases := []struct{ formula, want string }{
		{"VLOOKUP(1,A1:B2,2)", "不支持函数 VLOOKUP"}, {"Sales*2", "不支持名称 Sales"}, {"Sheet2!A1", "不支持引用其他工作表（Sheet2）"},
		{"{1,2}", "不支持数组常量"}, {"A1 B1", "不支持交集运算"}, {"1+", "公式有语法错误"}, {`"abc`, "公式有语法错误"}, {"(1", "公式有语法错误"},
		{"ROUND(1)", "函数 ROUND 需要 2 个参数"}, {"IF(1,2,3,4)", "函数 IF 需要 2 到 3 个参数"}, {"NOT()", "函数 NOT 需要 1 个参数"},
		{"MAX()", "函数 MAX 至少需要 1 个参数"}, {strings.Repeat("(", 60) + "1" + strings.Repeat(")", 60), "公式嵌套超过 100 层"},
		{"Z18+1", "循环引用（Z18 的公式直接或间接引用了它自己）"}, {"SUM(A1:A20000)", "公式引用的单元格超过 10000 个"}, {"SUM(A:A)", "公式引用的单元格超过 10000 个"},
		{"A1:A5000*A1:E1", "公式的数组运算超过 10000 个单元格"}, {"#REF!+1", "#REF!"}, {"Z24+1", "Z24 的公式 =FOO(1)：不支持函数 FOO"}, {"FOO(1)", "不支持函数 FOO"},
	}
	var fs []string
	for _, c := range cases {
		fs = append(fs, c.formula)
	}
	s := calcSheet(t, fs...) // the formula of case i is in Z(i+5): Z18 refers to itself, Z23 to Z24
	for i, c := range cases {
		_, err := s.Calc(26, i+5, calcTest)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("=%s: %v, want %q", c.formula, err, c.want)
		}
	}
	// A chain of formulas deeper than MaxDepth is refused, one within it computed.
	var chain []string
	for i := 0; i < 12; i++ {
		chain = append(chain, fmt.Sprintf("Z%d+1", i+6))
	}
	chain[11] = "1"
	s = calcSheet(t, chain...)
	if _, err := s.Calc(26, 5, calcTest); err == nil || !strings.Contains(err.Error(), "公式层层引用超过 8 层") {
		t.Errorf("deep chain: %v", err)
	}
	if v, err := s.Calc(26, 9, calcTest); v != "8" || err != nil {
		t.Errorf("chain of 8: %q %v", v, err)
	}
	// A cycle through two cells.
	s = calcSheet(t, "Z6*2", "Z5+1")
	if _, err := s.Calc(26, 5, calcTest); err == nil || !strings.Contains(err.Error(), "循环引用") {
		t.Errorf("cycle: %v", err)
	}
}
