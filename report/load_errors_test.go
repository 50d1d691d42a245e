package report

import (
	"errors"
	"testing"
)

// TOML syntax errors reach the user in Chinese, on the right line, with the fix.
func TestSyntaxErrorsInChinese(t *testing.T) {
	head := "[report]\nagency = \"测试局\"\nyear = 2023\n"
	cases := []struct {
		src  string
		line int
		want string
	}{
		{head + "[table2.xzxk]\ndecisions = 1，240\n", 5, "TOML 语法错误：数字里不能用中文逗号：1，240 请写成 1240"},
		{head + "[table3]\nnew = [3，0，0，0，0，0]\n", 5, "TOML 语法错误：数组各项之间要用英文逗号：[3，0，0，0，0，0] 请写成 [3, 0, 0, 0, 0, 0]"},
		{head + "[table3]\nnew = [\n  3，0, 0, 0, 0, 0,\n]\n", 6, "TOML 语法错误：数组各项之间要用英文逗号：3，0, 0, 0, 0, 0, 请写成 3, 0, 0, 0, 0, 0,"},
		{head + "[table2.xzxk]\ndecisions = １２\n", 5, "TOML 语法错误：数字要用半角：１２ 请写成 12"},
		{head + "signature ＝ \"测试局\"\n", 4, "TOML 语法错误：等号要用英文半角“=”：请把“signature ＝ \"测试局\"”写成“signature = \"测试局\"”"},
		{head + "signature = “测试局”\n", 4, "TOML 语法错误：字符串要用英文双引号：“测试局” 请写成 \"测试局\""},
		{head + "year = 2024\n", 4, "TOML 语法错误：“report.year”重复定义（第 3 行已写过）：同一个键或表只能写一次，请删除或合并重复的那一处"},
		{head + "date = 2024-02-30\n", 4, "TOML 语法错误：日期 2024-02-30 不存在：2024 年 2 月只有 29 天，请改为真实的成文日期（如 2024-02-29）"},
		{head + "[table2.xzxk]\ndecisions = 99999999999999999999\n", 5, "TOML 语法错误：数字 99999999999999999999 超出范围：件数不得超过 999999999（九位数），请检查是否多写了数字"},
		{head + "[table2.xzxk]\ndelta = 减4\n", 5, "TOML 语法错误：“本年增/减”等数值请写成带符号的整数：减4 请写成 -4（增加写正数，减少写负数）"},
		{head + "[table2.xzsyxsf]\namount = 251000元\n", 5, "TOML 语法错误：金额只写数字，不带单位：251000元 请写成以万元为单位的数字；251000元即 25.1 万元；2021 格式表头已印“本年收费金额（单位：万元）”"},
		{head + "[table3\nnew = [1, 0, 0, 0, 0, 0]\n", 4, "TOML 语法错误：表名缺少右方括号：[table3 请写成 [table3]"},
		{head + "signature = \"测试局\n", 4, "TOML 语法错误：字符串没有结束：该行缺少右边的英文引号（\"），或者引号被写成了中文引号“”"},
		{head + "signature = 测试局\n", 4, "TOML 语法错误：文字要用英文双引号括起来：signature = 测试局 请写成 signature = \"测试局\""},
	}
	for _, c := range cases {
		_, err := Parse("x.toml", []byte(c.src))
		var le *LoadError
		if !errors.As(err, &le) || len(le.Problems) != 1 {
			t.Errorf("%q: want one problem, got %v", c.src, err)
			continue
		}
		if p := le.Problems[0]; p.Line != c.line || p.Msg != c.want {
			t.Errorf("%q:\n got  %d %s\n want %d %s", c.src, p.Line, p.Msg, c.line, c.want)
		}
	}
}

// Values that parse as TOML but carry a word or a unit get the same advice from the loader.
func TestValueHints(t *testing.T) {
	cases := []struct{ src, want string }{
		{"[report]\nagency = \"测试局\"\nyear = 2020\nformat = \"2019\"\n[table2.xzxk]\ndelta = \"减4\"\n",
			"表二“行政许可”行“本年增/减”栏请写成带符号的整数：\"减4\" 请写成 -4（增加写正数，减少写负数）"},
		{"[report]\nagency = \"测试局\"\nyear = 2020\nformat = \"2019\"\n[table2.zfjzcg]\namount = \"251000元\"\n",
			"表二“政府集中采购”行“采购总金额”栏金额只写数字，不带单位：251000元 请写成 \"251000\"；251000元即 25.1 万元；2019 格式表头“采购总金额”不印单位，单位请写在 [report] 的 amount_note，例如 amount_note = \"（单位：万元）\""},
	}
	for _, c := range cases {
		_, err := Parse("x.toml", []byte(c.src))
		var le *LoadError
		if !errors.As(err, &le) || len(le.Problems) != 1 || le.Problems[0].Msg != c.want {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
}

func TestLoadFindings(t *testing.T) {
	_, err := Parse("x.toml", []byte("[report]\nagency = \"测试局\"\nyear = 2023\nsignature = “测试局”\n"))
	fs := LoadFindings("x.toml", err)
	if len(fs) != 1 || fs[0].Rule != "LOAD" || fs[0].Severity != Error || fs[0].File != "x.toml" || fs[0].Line != 4 {
		t.Errorf("LOAD findings: %+v", fs)
	}
	if LoadFindings("x.toml", nil) != nil {
		t.Error("no error, no findings")
	}
}

func TestUnknownKeyNamesLabels(t *testing.T) {
	_, err := Parse("x.toml", []byte("[report]\nagency = \"测试局\"\nyear = 2023\n[table3]\nr33_1 = [1, 0, 0, 0, 0, 0]\n"))
	want := "x.toml:5: 未知的键 \"r33_1\"（表三的行）；是否想写 \"r3_1\"（（三）不予公开 1.属于国家秘密）？"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
