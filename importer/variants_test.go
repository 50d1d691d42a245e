package importer

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render/html"
	"github.com/nianbao/nianbao/report"
)

// A page with no CMS content block: the report sits in plain <div>s beside navigation that also has
// numbered links; headings are split over inline elements; table 三 was pasted as text lines (labels and
// numbers on separate lines, "/" for empty cells); the date is in Chinese numerals; the title puts the year
// after the subject; the page is GBK declared in an HTML5 <meta charset>.
const plainPage = `<!doctype html><html><head><meta charset="gbk"><title>通知公告</title></head><body>
<div class="nav"><a href="#">一、机构职能</a><a href="#">二、政策文件</a></div>
<div class="wrap"><div class="box">
<h1>某某县教育局政府信息公开工作2020年度报告</h1>
<div class="text">
<p>本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。</p>
<p><b>一、</b><b>总体情况</b></p>
<p>（一）主动公开</p><p>全年主动公开信息120条。</p>
<p><b>二、主动公开政府信息情况</b></p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
<tr><td>规章</td><td>/</td><td>/</td><td>/</td></tr>
<tr><td>规范性文件</td><td>2</td><td>2</td><td>9</td></tr>
<tr><td>行政许可</td><td>15</td><td>-2</td><td>30</td></tr>
<tr><td>政府集中采购</td><td>3</td><td>56.78</td></tr></table>
<p><b>三、收到和处理政府信息公开申请情况</b></p>
<p>一、本年新收政府信息公开申请数量</p><p>3 0 0 0 0 1 4</p>
<p>二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0</p>
<p>（一）予以公开 2 0 0 0 0 1 3</p>
<p>（三）不予公开</p>
<p>3.危及“三安全一稳定” 1 0 0 0 0 0 1</p>
<p>（七）总计 3 0 0 0 0 1 4</p>
<p>四、结转下年度继续办理 0 0 0 0 0 0 0</p>
<p><b>四、政府信息公开行政复议、行政诉讼情况</b></p>
<p>0 0 0 0 0 0 0 0 0 0 0 0 0 0 0</p>
<p><b>五、存在的主要问题及改进情况</b></p><p>信息更新不够及时。</p>
<p><b>六、其他需要报告的事项</b></p><p>无。</p>
<p>某某县教育局</p><p>二〇二一年一月十五日</p>
</div></div></div>
<div class="footer">版权所有 某某县人民政府</div></body></html>`

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPlainPageVariants(t *testing.T) {
	res, err := Import(gbk(t, plainPage), Options{Name: "plain.html"})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.Agency != "某某县教育局" || r.Year != 2020 || r.Format != layouts.F2019 {
		t.Fatalf("meta %q %d %s", r.Agency, r.Year, r.Format)
	}
	if r.Date != "2021年1月15日" || r.Signature != "某某县教育局" {
		t.Errorf("closing %q %q", r.Signature, r.Date)
	}
	if len(r.Overview.Sections) != 1 || r.Overview.Sections[0].Title != "主动公开" {
		t.Errorf("overview %+v", r.Overview)
	}
	if len(r.Preamble) != 1 {
		t.Errorf("preamble %q", r.Preamble)
	}
	for k, v := range map[string]string{"t2.gz.new_made": "0", "t2.gfxwj.total_published": "9", "t2.xzxk.delta": "-2",
		"t2.xzxk.decisions": "30", "t2.zfjzcg.projects": "3", "t2.zfjzcg.amount": "56.78"} {
		if r.T2[k] != v {
			t.Errorf("%s = %q, want %q", k, r.T2[k], v)
		}
	}
	for id, v := range map[string][7]int64{"new": {3, 0, 0, 0, 0, 1, 4}, "r1": {2, 0, 0, 0, 0, 1, 3},
		"r3_3": {1, 0, 0, 0, 0, 0, 1}, "r7": {3, 0, 0, 0, 0, 1, 4}, "r2": {}, "carry": {}} {
		if r.T3[id] != v {
			t.Errorf("表三 %s = %v, want %v", id, r.T3[id], v)
		}
	}
	draft := string(res.TOML())
	for _, s := range []string{"按 0 读入", "原文中找不到“（二）部分公开"} {
		if !strings.Contains(draft, s) {
			t.Errorf("draft lacks %q", s)
		}
	}
	for _, f := range report.Check(r) {
		if f.Severity == report.Error {
			t.Errorf("check: %s", f)
		}
	}
}

func TestChineseDigits(t *testing.T) {
	for in, want := range map[string]string{"二〇二一年一月十五日": "2021年1月15日", "二〇二四年十二月三十一日": "2024年12月31日",
		"二〇二〇年二月二十日": "2020年2月20日", "二〇二〇年十月一日": "2020年10月1日", "无。": "无。"} {
		if got := chineseDigits(in); got != want {
			t.Errorf("chineseDigits(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNoReportFound(t *testing.T) {
	for _, in := range []string{"<html><body><p>欢迎访问</p></body></html>", "随便一段文字\n第二行", ""} {
		if _, err := Import([]byte(in), Options{Name: "x"}); err == nil {
			t.Errorf("Import(%q): no error", in)
		} else if !strings.Contains(err.Error(), "x：") {
			t.Errorf("error does not name the input: %v", err)
		}
	}
}

func TestHostileInputsAreBounded(t *testing.T) {
	inputs := map[string]string{
		"deep":   strings.Repeat("<div>", 100000) + "一、总体情况" + strings.Repeat("</div>", 100000),
		"spans":  "<table>" + strings.Repeat(`<tr><td rowspan="65534" colspan="1000">1</td></tr>`, 2000) + "</table>",
		"digits": "三、收到和处理政府信息公开申请情况\n（一）予以公开 " + strings.Repeat("1", 100000),
		"rows":   strings.Repeat("（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n", 50000),
	}
	for name, in := range inputs {
		res, err := Import([]byte(in), Options{Name: name})
		if err == nil {
			if _, err := report.Parse(name, res.TOML()); err != nil {
				t.Errorf("%s: draft does not load: %v", name, err)
			}
		}
	}
	// Too deep for the HTML parser: refused with a Chinese message that says what to do instead.
	deep := "<html><body>" + strings.Repeat("<div>", 1000) + "一、总体情况" + strings.Repeat("</div>", 1000)
	if _, err := Import([]byte(deep), Options{Name: "deep.html"}); err == nil || !strings.Contains(err.Error(), "嵌套太深") || strings.Contains(err.Error(), "exceeds") {
		t.Errorf("deep page: %v", err)
	}
	if _, err := Import(make([]byte, MaxInput+1), Options{Name: "big"}); err == nil || !strings.Contains(err.Error(), "输入过大") {
		t.Errorf("oversized input: %v", err)
	}
}

// Text where every cell is on a line of its own (as some text extractors flatten a table).
func TestOneCellPerLine(t *testing.T) {
	lines := []string{"某某局2021年政府信息公开工作年度报告", "一、总体情况", "略。", "二、主动公开政府信息情况",
		"信息内容", "本年处理决定数量", "行政许可", "12", "三、收到和处理政府信息公开申请情况",
		"一、本年新收政府信息公开申请数量", "4", "0", "0", "0", "0", "1", "5",
		"（一）予以公开", "4", "0", "0", "0", "0", "1", "5",
		"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "本年度未收取信息处理费。"}
	res, err := Import([]byte(strings.Join(lines, "\n")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.T3["new"] != [7]int64{4, 0, 0, 0, 0, 1, 5} || r.T3["r1"] != [7]int64{4, 0, 0, 0, 0, 1, 5} || r.T2["t2.xzxk.decisions"] != "12" {
		t.Errorf("new %v r1 %v 行政许可 %s", r.T3["new"], r.T3["r1"], r.T2["t2.xzxk.decisions"])
	}
	if r.T3["carry"] != [7]int64{} || r.T3["r7"] != [7]int64{4, 0, 0, 0, 0, 1, 5} {
		t.Errorf("computed rows: r7 %v carry %v", r.T3["r7"], r.T3["carry"])
	}
}

// An old portal that lays out the article with tables: the report's headings sit in rows of a layout table
// that also holds the data tables.
func TestLayoutTablePage(t *testing.T) {
	page := strings.Replace(plainPage, `<div class="text">`, `<table width="100%"><tr><td>`, 1)
	page = strings.Replace(page, `<p><b>三、收到和处理政府信息公开申请情况</b></p>`, `</td></tr><tr><td><p><b>三、收到和处理政府信息公开申请情况</b></p>`, 1)
	page = strings.Replace(page, `</div></div></div>`, `</td></tr></table></div></div>`, 1)
	res, err := Import(gbk(t, page), Options{Name: "layout.html"})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.T2["t2.gfxwj.total_published"] != "9" || r.T3["r3_3"] != [7]int64{1, 0, 0, 0, 0, 0, 1} || r.Signature != "某某县教育局" {
		t.Errorf("layout table page: 表二 %v 表三 r3_3 %v signature %q", r.T2, r.T3["r3_3"], r.Signature)
	}
}

// Blank cells instead of 0 (the official template has no preset zeros), and an extra empty column.
func TestBlankCells(t *testing.T) {
	page := `<html><body><div class="TRS_Editor"><p>某局2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>略。</p>
<p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td colspan="3">8</td><td></td></tr>
<tr><td>规章</td><td>1</td><td></td><td>4</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p><table>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td></td><td></td><td>&nbsp;</td><td></td><td>1</td><td>6</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td><td></td><td></td><td></td><td></td><td>1</td><td>6</td><td></td></tr>
<tr><td colspan="2">（七）总计</td><td>5</td><td></td><td></td><td></td><td></td><td>1</td><td>6</td></tr>
<tr><td colspan="3">四、结转下年度继续办理</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr></table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p></div></body></html>`
	res, err := Import([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.T3["new"] != [7]int64{5, 0, 0, 0, 0, 1, 6} || r.T3["r1"] != [7]int64{5, 0, 0, 0, 0, 1, 6} || r.T3["carry"] != [7]int64{} {
		t.Errorf("new %v r1 %v carry %v", r.T3["new"], r.T3["r1"], r.T3["carry"])
	}
	if r.T2["t2.xzxk.decisions"] != "8" || r.T2["t2.gz.made"] != "1" || r.T2["t2.gz.repealed"] != "0" || r.T2["t2.gz.in_force"] != "4" {
		t.Errorf("表二 %v", r.T2)
	}
	if !strings.Contains(string(res.TOML()), "格为空或写作") {
		t.Error("no note on the blank cells")
	}
}

func TestTitles(t *testing.T) {
	for title, want := range map[string]struct {
		agency string
		year   int
	}{
		"某某县人民政府2023年政府信息公开工作年度报告":        {"某某县人民政府", 2023},
		"2023年某某县财政局政府信息公开工作年度报告":         {"某某县财政局", 2023},
		"某某局关于2023年度政府信息公开工作年度报告":         {"某某局", 2023},
		"某某县教育局政府信息公开工作2020年度报告":          {"某某县教育局", 2020},
		"国家税务总局某某市税务局 2024 年政府信息公开工作年度报告": {"国家税务总局某某市税务局", 2024},
	} {
		res, err := Import([]byte(title+"\n一、总体情况\n略。\n六、其他需要报告的事项\n无。\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Report.Agency != want.agency || res.Report.Year != want.year {
			t.Errorf("%s: %q %d, want %q %d", title, res.Report.Agency, res.Report.Year, want.agency, want.year)
		}
	}
}

func TestUnitsAndDashes(t *testing.T) {
	page := "某局2020年政府信息公开工作年度报告\n一、总体情况\n略。\n二、主动公开政府信息情况\n" +
		"行政事业性收费\t1\t0\t——\n政府集中采购\t2件\t232.4586万元\n六、其他需要报告的事项\n无。\n"
	res, err := Import([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := res.Report.T2
	if v["t2.xzsyxsf.prev_items"] != "1" || v["t2.xzsyxsf.delta"] != "0" || v["t2.zfjzcg.projects"] != "2" || v["t2.zfjzcg.amount"] != "232.4586" {
		t.Errorf("表二 %v\n%s", v, res.TOML())
	}
}

// A row whose glued digits split two ways with the same row sum is settled by （七）总计 = Σ items when it is
// the only open row; with two open rows nothing is guessed.
func TestAmbiguousRowSettledByColumnSums(t *testing.T) {
	base := []string{
		"一、本年新收政府信息公开申请数量 12 1 0 0 0 0 13",
		"二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
		"（一）予以公开 111 0 0 0 0 12", // 1 11 … or 11 1 …: both sum to 12
		"（二）部分公开 1 0 0 0 0 0 1",
		"（七）总计 12 1 0 0 0 0 13",
		"四、结转下年度继续办理 0 0 0 0 0 0 0",
	}
	res, err := Import(page(base...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Report.T3["r1"]; got != [7]int64{11, 1, 0, 0, 0, 0, 12} {
		t.Errorf("r1 = %v, want 11 1 0 0 0 0 12 (from （七）总计 − （二）)", got)
	}
	if f := errorsOf(res.Report); len(f) > 0 {
		t.Errorf("check: %v", f)
	}
	for _, w := range res.Warnings {
		if w.Key == "table3.r1" && strings.Contains(w.Msg, "无法确定") {
			t.Errorf("stale warning: %s", w.Msg)
		}
	}
	// Two open rows: no guess.
	two := append([]string{}, base...)
	two[3] = "（二）部分公开 111 0 0 0 0 12"
	two[4] = "（七）总计 23 2 0 0 0 0 25"
	two[0] = "一、本年新收政府信息公开申请数量 23 2 0 0 0 0 25"
	res, err = Import(page(two...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.T3["r1"] != [7]int64{} || res.Report.T3["r2"] != [7]int64{} {
		t.Errorf("two open rows guessed: r1 %v r2 %v", res.Report.T3["r1"], res.Report.T3["r2"])
	}
}

func TestTitleOnTwoLines(t *testing.T) {
	res, err := Import([]byte("江州市人民政府办公室2023年政府信息公开\n工作年度报告\n本报告依据《条例》编制。\n一、总体情况\n略。\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.Agency != "江州市人民政府办公室" || r.Year != 2023 || len(r.Preamble) != 1 {
		t.Errorf("%q %d %q", r.Agency, r.Year, r.Preamble)
	}
}

func TestFormatOverrides(t *testing.T) {
	res, err := Import([]byte("某局2020年政府信息公开工作年度报告\n一、总体情况\n略。\n"), Options{Format: layouts.F2021})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Format != layouts.F2019 || !strings.Contains(res.Notes["report.format"], "只能用 2019 格式") {
		t.Errorf("format %s, note %q", res.Report.Format, res.Notes["report.format"])
	}
	if _, err := TSV([]byte("1\t2\t3\n"), TSVOptions{Options: Options{Year: 2020, Format: layouts.F2021}}); err == nil {
		t.Error("TSV with 2021 format for 2020: no error")
	}
}

// TestSingleSpacedCopy: text copied from a page whose cells came out separated by one space each (the
// browser's text layer of a flattened table): the row heading and the category share a line
// ("三、本年度办理结果 （一）予以公开 …"); every example's tables must come back exactly.
func TestSingleSpacedCopy(t *testing.T) {
	files, err := filepath.Glob("../examples/*.toml")
	if err != nil || len(files) < 3 {
		t.Fatalf("examples: %v (%d)", err, len(files))
	}
	for _, name := range files {
		want, err := report.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		var page bytes.Buffer
		if err := html.Render(want, &page, html.Options{Fragment: true}); err != nil {
			t.Fatal(err)
		}
		text := page.String()
		text = regexp.MustCompile(`<caption.*?</caption>`).ReplaceAllString(text, "")
		text = regexp.MustCompile(`</t[hd]>\s*`).ReplaceAllString(text, " ")
		text = regexp.MustCompile(`</(tr|p|h\d|div)>`).ReplaceAllString(text, "\n")
		text = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(text, "")
		text = stdhtml.UnescapeString(text)
		res, err := Text([]byte(text), Options{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range res.Warnings {
			if strings.Contains(w.Msg, "表三") {
				t.Errorf("%s: %s", name, w.Msg)
			}
		}
		sameTables(t, res.Report, want)
	}
}

// TestBlankRows: a page whose tables leave every 0 blank (the templates have no preset 0), so whole rows
// are empty: they read as 0 with a note, and no row is reported missing.
func TestBlankRows(t *testing.T) {
	files, err := filepath.Glob("../examples/*.toml")
	if err != nil || len(files) < 3 {
		t.Fatalf("examples: %v (%d)", err, len(files))
	}
	for _, name := range files {
		want, err := report.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		var page bytes.Buffer
		if err := html.Render(want, &page, html.Options{}); err != nil {
			t.Fatal(err)
		}
		blanked := regexp.MustCompile(`(<td[^>]*>)0(</td>)`).ReplaceAllString(page.String(), "$1$2")
		res, err := HTML([]byte(blanked), "", Options{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range res.Warnings {
			if strings.Contains(w.Msg, "找不到") {
				t.Errorf("%s: %s", name, w.Msg)
			}
		}
		sameTables(t, res.Report, want)
		zeroRow := false
		for _, v := range want.T3 {
			zeroRow = zeroRow || v == [7]int64{}
		}
		if zeroRow && !strings.Contains(string(res.TOML()), "各格都是空的") {
			t.Errorf("%s: blank rows not noted in the draft", name)
		}
	}
}

// TestMislabelledCharset: a GBK page whose <meta> says UTF-8 (saved from a site whose HTTP header said
// GBK) and a UTF-8 page whose <meta> still says GB2312 (re-saved by an editor) both read as Chinese.
func TestMislabelledCharset(t *testing.T) {
	want, err := report.Load("../examples/township-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := html.Render(want, &page, html.Options{Fragment: true}); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"gbk-as-utf8.html": gbk(t, `<html><head><meta charset="utf-8"></head><body>`+page.String()+`</body></html>`),
		"utf8-as-gbk.html": []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>` + page.String() + `</body></html>`),
	} {
		res, err := HTML(data, "", Options{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if res.Report.Agency != want.Agency || res.Report.Year != want.Year {
			t.Errorf("%s: agency %q year %d", name, res.Report.Agency, res.Report.Year)
		}
		sameTables(t, res.Report, want)
	}
}

// TestManyUnknownRowsBounded: a page of tens of thousands of rows that name no official row gives a
// bounded list of warnings (one line says the rest were left out) and a bounded draft; every warning
// was also appended to one growing note, which took 48 s on a 6 MB page.
func TestManyUnknownRowsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("三、收到和处理政府信息公开申请情况\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "第%d项本地统计事项甲乙丙丁戊己庚辛壬癸\t1\t2\t3\t4\t5\t6\t21\n", i)
		fmt.Fprintf(&b, "（一）予以公开\t%d\t0\t0\t0\t0\t0\t%d\n", i, i) // the same row again and again
	}
	res, err := Text([]byte(b.String()), Options{Name: "many.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Warnings); n > maxWarnings+1 || n < maxWarnings {
		t.Errorf("%d warnings", n)
	}
	if !strings.Contains(res.Warnings[len(res.Warnings)-1].Msg, "不再列出") {
		t.Errorf("last warning %q", res.Warnings[len(res.Warnings)-1].Msg)
	}
	if n := len(res.TOML()); n > 200<<10 {
		t.Errorf("draft of %d bytes", n)
	}
	if got := res.Report.T3["r1"]; got != [7]int64{0, 0, 0, 0, 0, 0, 0} {
		t.Errorf("first 予以公开 row not kept: %v", got)
	}
}
