package aggregate

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// loadDir loads and checks every report under dir (the test's own small version of nianbao.LoadChildren).
func loadDir(t *testing.T, dir string) []Child {
	t.Helper()
	var out []Child
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		r, err := report.Load(p)
		if err != nil {
			out = append(out, Child{File: p, Err: err})
			return nil
		}
		out = append(out, Child{File: p, Report: r, Findings: report.Check(r)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAggregateCounty(t *testing.T) {
	children := loadDir(t, filepath.Join(countyDir, "单位"))
	if len(children) < 20 {
		t.Fatalf("only %d units", len(children))
	}
	roster, err := LoadRoster(filepath.Join(countyDir, "名单.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Aggregate(children, Options{Agency: "青山县人民政府", Roster: roster})
	if err != nil {
		t.Fatal(err)
	}
	// Every cell of the parent is the sum of the children's, computed here independently.
	for _, cell := range Cells(layouts.F2021) {
		if cell.Kind == layouts.Decimal {
			continue
		}
		var want int64
		for _, c := range children {
			v, _ := c.Report.Value(cell.Key)
			want += v
		}
		if got, _ := out.Parent.Value(cell.Key); got != want {
			t.Errorf("%s = %d, want %d", cell.Key, got, want)
		}
	}
	// Amounts sum exactly: 1286.4375 + 0.85 + 12.3 + 3.0625 + 0.1.
	if got := out.Parent.T2["t2.xzsyxsf.amount"]; got != "1302.7500" {
		t.Errorf("fee total %s, want 1302.7500", got)
	}
	// The written file loads back to the same tables, and the sums of consistent children are consistent:
	// no rule error in the parent.
	back, err := report.Parse("parent.toml", out.TOML)
	if err != nil {
		t.Fatalf("parent does not load: %v\n%s", err, out.TOML)
	}
	for _, f := range report.Check(back) {
		if f.Severity == report.Error {
			t.Errorf("aggregate breaks a rule: %v", f)
		}
	}
	for _, cell := range Cells(layouts.F2021) {
		if back.CellText(cell.Key) != out.Parent.CellText(cell.Key) {
			t.Errorf("%s: written %s, computed %s", cell.Key, back.CellText(cell.Key), out.Parent.CellText(cell.Key))
		}
	}
	if len(back.Overview.Sections) != 5 || back.Overview.Sections[1].Title != "依申请公开" || len(back.Overview.Sections[1].Paragraphs) != 0 {
		t.Errorf("narrative skeleton: %+v", back.Overview)
	}
	text := string(out.TOML)
	for _, want := range []string{"青山县财政局（../testdata/county/单位/部门/县财政局.toml）", "名单中没有报告的单位：", "青山县档案馆", "有报告但不在名单中的单位：青山县供水有限公司"} {
		if !strings.Contains(text, want) {
			t.Errorf("header lacks %q", want)
		}
	}
	if strings.Join(out.Extra, ",") != "青山县供水有限公司" {
		t.Errorf("extra %v", out.Extra)
	}
	if !contains(out.Missing, "青山县档案馆") || !contains(out.Missing, "青山县水利局") || len(out.Missing) != 4 {
		t.Errorf("missing %v", out.Missing)
	}
	// Deterministic: the same children give the same bytes.
	again, _ := Aggregate(children, Options{Agency: "青山县人民政府", Roster: roster})
	if string(again.TOML) != text {
		t.Error("aggregate output differs between runs")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestAggregateRefusesFailingChildren(t *testing.T) {
	children := loadDir(t, countyDir) // 单位/ and 待改/
	roster, _ := LoadRoster(filepath.Join(countyDir, "名单.txt"))
	out, err := Aggregate(children, Options{Agency: "青山县人民政府", Roster: roster})
	if !errors.Is(err, ErrChildren) || out.TOML != nil {
		t.Fatalf("err %v", err)
	}
	if len(out.Failed) != 3 || !strings.Contains(err.Error(), "青山县水利局") || !strings.Contains(err.Error(), "青山县交通运输局") {
		t.Errorf("failed %d: %v", len(out.Failed), err)
	}
	// The unreadable 县农业农村局.toml is on the roster as 青山县农业农村局: present, not missing.
	if strings.Join(out.Missing, ",") != "青山县档案馆" {
		t.Errorf("missing %v", out.Missing)
	}
	out, err = Aggregate(children, Options{Agency: "青山县人民政府", Roster: roster, Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Included) != len(children)-1 || !strings.Contains(string(out.TOML), "草稿：以下报告无法读取，未计入") {
		t.Errorf("draft included %d of %d", len(out.Included), len(children))
	}
}

func TestAggregateMixedFormats(t *testing.T) {
	var children []Child
	for _, f := range []string{"city-2021.toml", "township-2021.toml", "yichuan-chengguanju-2020.toml"} {
		r, err := report.Load(filepath.Join("..", "examples", f))
		if err != nil {
			t.Fatal(err)
		}
		children = append(children, Child{File: f, Report: r, Findings: report.Check(r)})
	}
	_, err := Aggregate(children, Options{Agency: "某县人民政府"})
	if err == nil {
		t.Fatal("mixed formats aggregated")
	}
	msg := err.Error()
	for _, want := range []string{"各单位的报告格式不一致，不能汇总", "2019 版格式 1 份（yichuan-chengguanju-2020.toml）", "2021 版格式 2 份（city-2021.toml、township-2021.toml）"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// Same format, different years: refused too.
	_, err = Aggregate(children[:2], Options{Agency: "某县人民政府"})
	if err == nil || !strings.Contains(err.Error(), "年度不一致") {
		t.Errorf("mixed years: %v", err)
	}
}

const countyRules = `
agency = "青山县人民政府"
year = 2025
format = "2021"

[cells]
"t2.xzsyxsf.amount" = "from:青山县财政局"
"t2.xzgfxwj.*" = "clerk"
`

func TestRules(t *testing.T) {
	rules, err := ParseRules("规则.toml", []byte(countyRules))
	if err != nil {
		t.Fatal(err)
	}
	children := loadDir(t, filepath.Join(countyDir, "单位"))
	out, err := Aggregate(children, Options{Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	if out.Parent.Agency != "青山县人民政府" || out.Parent.T2["t2.xzsyxsf.amount"] != "1286.4375" {
		t.Errorf("agency %s, fee %s", out.Parent.Agency, out.Parent.T2["t2.xzsyxsf.amount"])
	}
	if out.Parent.T2["t2.xzgfxwj.in_force"] != "0" || len(out.Clerk) != 3 || len(out.From) != 1 {
		t.Errorf("clerk cells %d, from %d, in_force %s", len(out.Clerk), len(out.From), out.Parent.T2["t2.xzgfxwj.in_force"])
	}
	if !strings.Contains(string(out.TOML), "【待核】现行有效件数：由编制单位填写") {
		t.Errorf("no clerk note in\n%s", out.TOML)
	}
	// Verify skips the clerk's cells (filled by hand) and checks the from cell.
	parent, err := report.Parse("p.toml", out.TOML)
	if err != nil {
		t.Fatal(err)
	}
	parent.T2["t2.xzgfxwj.in_force"] = "57"
	if fs := Verify(parent, children, rules); len(fs) != 0 {
		t.Errorf("findings on a faithful parent: %v", fs)
	}
	parent.T2["t2.xzsyxsf.amount"] = "1302.75"
	fs := Verify(parent, children, rules)
	if len(fs) != 1 || fs[0].Rule != "H-FROM" || !strings.Contains(fs[0].Message, "取自“青山县财政局”") || !strings.Contains(fs[0].Message, "青山县财政局 1286.4375") {
		t.Errorf("from finding: %v", fs)
	}

	for _, bad := range []struct{ text, want string }{
		{`[cells]` + "\n" + `"t3.r7.TOT" = "clerk"`, "表三、表四的每一格只能相加"},
		{`[cells]` + "\n" + `"t2.xzsyxsf.amonut" = "sum"`, "您是不是要写 t2.xzsyxsf.amount"},
		{`[cells]` + "\n" + `"t2.xzsyxsf.amount" = "财政局"`, "规则只能是"},
		{`agnecy = "x"`, "不认识的键 agnecy"},
		{`format = "2020"`, "format 只能是"},
	} {
		if _, err := ParseRules("r.toml", []byte(bad.text)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: %v, want %q", bad.text, err, bad.want)
		}
	}
	// A from rule naming a unit without a report is an error naming it.
	r2, _ := ParseRules("r.toml", []byte(`agency = "青山县人民政府"`+"\n[cells]\n"+`"t2.xzsyxsf.amount" = "from:青山县税务局"`))
	if _, err := Aggregate(children, Options{Rules: r2}); err == nil || !strings.Contains(err.Error(), "青山县税务局") {
		t.Errorf("unknown unit: %v", err)
	}
}

// TestVerifyTransposedDigits makes the parent of the county by hand with two digits transposed in one cell
// of table 三 and a fee total copied from one unit: both are caught and named.
func TestVerifyTransposedDigits(t *testing.T) {
	children := loadDir(t, filepath.Join(countyDir, "单位"))
	out, err := Aggregate(children, Options{Agency: "青山县人民政府"})
	if err != nil {
		t.Fatal(err)
	}
	text := string(out.TOML)
	r7 := out.Parent.T3["r7"]
	if r7[0] < 10 || r7[0]%10 == r7[0]/10%10 {
		t.Fatalf("fixture r7 自然人 %d cannot show a transposition", r7[0])
	}
	swapped := r7[0]%10*10 + r7[0]/10%10 + r7[0]/100*100
	old := "r7      = [" + itoa(r7[0]) + ","
	text = strings.Replace(text, old, "r7      = ["+itoa(swapped)+",", 1)
	text = strings.Replace(text, `amount = "1302.7500"`, `amount = "1286.4375"`, 1)
	parent, err := report.Parse("青山县.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	fs := Verify(parent, children, nil)
	var t3, fee *report.Finding
	for i, f := range fs {
		switch f.Row + "|" + f.Column {
		case "（七）总计|自然人":
			t3 = &fs[i]
		case "行政事业性收费|本年收费金额（单位：万元）":
			fee = &fs[i]
		}
	}
	if t3 == nil || fee == nil {
		t.Fatalf("findings: %v", fs)
	}
	if t3.Expected != itoa(r7[0]) || t3.Actual != itoa(swapped) || t3.Line == 0 || t3.Table != "表三" ||
		!strings.Contains(t3.Message, "各单位之和") || !strings.Contains(t3.Message, "青山县人民政府办公室 ") {
		t.Errorf("transposed cell: %+v", *t3)
	}
	if fee.Expected != "1302.7500" || !strings.Contains(fee.Message, "青山县财政局 1286.4375") {
		t.Errorf("fee: %+v", *fee)
	}
	// The faithful parent gives no finding at all.
	if fs := Verify(out.Parent, children, nil); len(fs) != 0 {
		t.Errorf("findings on the aggregate itself: %v", fs)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestSumDecimals(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"0.1", "0.2"}, "0.3"},
		{[]string{"1286.4375", "0.85", "12.3"}, "1299.5875"},
		{[]string{"0", "5"}, "5"},
		{[]string{"-3", "1"}, "-2"},
		{[]string{"0.0001", "0.0009"}, "0.0010"},
		{[]string{"99999999999999999999.99", "0.01"}, "100000000000000000000.00"},
	} {
		got, err := sumDecimals(c.in)
		if err != nil || got != c.want {
			t.Errorf("sum %v = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	if _, err := sumDecimals([]string{"1e3"}); err == nil {
		t.Error("1e3 accepted")
	}
	if !equalDecimals("12.30", "12.3") || equalDecimals("12.3", "12.03") {
		t.Error("equalDecimals")
	}
}

// The 2019 format: 上一年项目数量, 本年增/减 (signed) and 采购总金额 sum too; two units give a consistent
// parent whose every cell is twice the unit's.
func TestAggregate2019(t *testing.T) {
	r, err := report.Load(filepath.Join("..", "examples", "yichuan-chengguanju-2020.toml"))
	if err != nil {
		t.Fatal(err)
	}
	twin, _ := report.Load(filepath.Join("..", "examples", "yichuan-chengguanju-2020.toml"))
	twin.Agency = "另一个局"
	children := []Child{{File: "a.toml", Report: r, Findings: report.Check(r)}, {File: "b.toml", Report: twin, Findings: report.Check(twin)}}
	out, err := Aggregate(children, Options{Agency: "伊川县人民政府"})
	if err != nil {
		t.Fatal(err)
	}
	if out.Parent.Format != layouts.F2019 {
		t.Fatalf("format %s", out.Parent.Format)
	}
	for _, cell := range Cells(layouts.F2019) {
		got, want := out.Parent.CellText(cell.Key), ""
		if cell.Kind == layouts.Decimal {
			want, _ = sumDecimals([]string{r.CellText(cell.Key), r.CellText(cell.Key)})
		} else {
			v, _ := r.Value(cell.Key)
			want = strconv.FormatInt(2*v, 10)
		}
		if !equalDecimals(got, want) {
			t.Errorf("%s = %s, want %s", cell.Key, got, want)
		}
	}
	back, err := report.Parse("p.toml", out.TOML)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range report.Check(back) {
		if f.Severity == report.Error {
			t.Errorf("2019 aggregate breaks a rule: %v", f)
		}
	}
	if fs := Verify(back, children, nil); len(fs) != 0 {
		t.Errorf("verify: %v", fs)
	}
}
