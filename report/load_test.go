package report

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
)

// loadProblem loads a fixture that must fail and returns its single problem.
func loadProblem(t *testing.T, name string) Problem {
	t.Helper()
	_, err := Load(filepath.Join("testdata", "load", name))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("%s: want a *LoadError, got %v", name, err)
	}
	if len(le.Problems) != 1 {
		t.Fatalf("%s: want 1 problem, got %v", name, le.Problems)
	}
	return le.Problems[0]
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		file string
		line int
		want []string // substrings of the message
	}{
		{"unknown-key.toml", 8, []string{`未知的键 "r33_1"`, `是否想写 "r3_1"`}},
		{"misspelt-table.toml", 5, []string{`未知的键 "tabel3"`, `是否想写 "table3"`}},
		{"row-2021-in-2019.toml", 7, []string{"r6_1", "只属于 2021 格式", "r6"}},
		{"negative.toml", 6, []string{"表四“未经复议直接起诉”栏“结果纠正”", "不能是负数"}},
		{"fraction.toml", 6, []string{"表二“行政许可”行“本年处理决定数量”栏", "小数 12.5"}},
		{"wrong-type.toml", 3, []string{"year（报告年度）必须是", `字符串 "二〇二三"`}},
	}
	for _, c := range cases {
		p := loadProblem(t, c.file)
		if p.Line != c.line {
			t.Errorf("%s: line %d, want %d (%s)", c.file, p.Line, c.line, p.Msg)
		}
		for _, w := range c.want {
			if !strings.Contains(p.Msg, w) {
				t.Errorf("%s: message %q lacks %q", c.file, p.Msg, w)
			}
		}
		if !strings.HasPrefix(p.String(), filepath.Join("testdata", "load", c.file)+":") {
			t.Errorf("%s: %q does not start with file:line", c.file, p.String())
		}
	}
}

func TestLoadEncodings(t *testing.T) {
	r := mustLoad(t, "testdata/load/bom-fullwidth.toml")
	if r.Agency != "测试局" || r.T2["t2.xzcf.decisions"] != "15" {
		t.Errorf("BOM + full-width digits: agency %q, 行政处罚 %q", r.Agency, r.T2["t2.xzcf.decisions"])
	}
	r = mustLoad(t, "testdata/load/gbk.toml")
	if r.Agency != "测试局" || r.Title != "测试局2023年政府信息公开工作年度报告" {
		t.Errorf("GBK: agency %q title %q", r.Agency, r.Title)
	}
}

func TestLoadDefaultsAndExactMoney(t *testing.T) {
	r := mustLoad(t, "../examples/yichuan-chengguanju-2020.toml")
	if r.Format != layouts.F2019 {
		t.Errorf("format %s", r.Format)
	}
	if got := r.CellText("t2.zfjzcg.amount"); got != "232.4586" {
		t.Errorf("amount %q", got)
	}
	if got := r.CellText("t3.r3_2.NP"); got != "0" {
		t.Errorf("omitted row prints %q, want 0", got)
	}
	src := "[report]\nagency = \"甲\"\nyear = 2024\n[table2.xzsyxsf]\namount = 0.1\n"
	r2, err := Parse("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if r2.Format != layouts.F2021 || r2.CellText("t2.xzsyxsf.amount") != "0.1" {
		t.Errorf("format %s amount %q", r2.Format, r2.CellText("t2.xzsyxsf.amount"))
	}
}

func TestLoadRejectsBadInput(t *testing.T) {
	cases := map[string]string{
		"":                        "文件为空",
		"\x00\x01\x02garbage":     "NUL",
		"[report\nagency=1":       "TOML 语法错误",
		"[report]\nyear = 2023\n": "缺少 agency",
		"[report]\nagency = \"甲\"\nyear = 2023\n[table3]\nnew = [1, 2, 3]\n":                      "应有 6 个数",
		"[report]\nagency = \"甲\"\nyear = 2023\n[table3]\nnew = [1234567890123, 0, 0, 0, 0, 0]\n": "超出范围",
		"[report]\nagency = \"甲\"\nyear = 2023\n[overview]\nparagraphs = [\"{{收到}}\"]\n":          "占位符 {{收到}} 无法识别",
		"[report]\nagency = \"甲\"\nyear = 2020\nformat = \"2021\"\n":                              "适用于 2021 年及以后",
		"[report]\nagency = \"甲\"\nyear = 2023\ndate = \"2024年2月30日\"\n":                          "无法识别",
	}
	for src, want := range cases {
		_, err := Parse("bad.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want it to contain %q", src, err, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	got := cleanText("\u3000\u3000正文\u200b含\ufeff零宽\x07字符\n续行  ")
	if got != "正文含零宽字符续行" {
		t.Errorf("cleanText = %q", got)
	}
}

func TestRunInAndNumbering(t *testing.T) {
	src := "[report]\nagency = \"甲\"\nyear = 2024\n[[overview.sections]]\ntitle = \"（一）主动公开情况\"\nrunin = true\nparagraphs = [\"正文。\"]\n"
	r, err := Parse("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Overview.Sections[0]; s.Title != "主动公开情况" || !s.RunIn {
		t.Errorf("section %+v: the hand-written number must be dropped", s)
	}
}
