package xlsx

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/nianbao/nianbao/report"
)

// edit opens an exported example, applies change and saves it again, as a clerk's spreadsheet program would.
func edit(t *testing.T, r *report.Report, change func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(exportBytes(t, r)))
	if err != nil {
		t.Fatal(err)
	}
	change(f)
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func city(t *testing.T) *report.Report {
	t.Helper()
	return examples(t)["city-2021"]
}

// findLabel returns the address of the cell holding a label on a sheet.
func findLabel(t *testing.T, f *excelize.File, sheet, label string) (col, row int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	must(t, err)
	for r, cells := range rows {
		for c, v := range cells {
			if v == label {
				return c + 1, r + 1
			}
		}
	}
	t.Fatalf("%s: no cell %q", sheet, label)
	return 0, 0
}

// TestEditedWorkbook: a row inserted into 表三 (and one into 表二), counts typed as text and in full-width
// digits, a value given as a formula without a cached result, a sheet renamed and moved, merged value
// cells unmerged with the value typed into another cell of the range: the import gives the right values.
func TestEditedWorkbook(t *testing.T) {
	r := city(t)
	data := edit(t, r, func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "1.属于国家秘密")
		must(t, f.InsertRows("表三", row, 1)) // a blank row above 1.属于国家秘密
		_, row = findLabel(t, f, "表三", "1.属于国家秘密")
		must(t, f.SetCellStr("表三", "D"+itoa(row), "3"))           // text
		must(t, f.SetCellStr("表三", "D"+itoa(row-1+2), "１２"))      // full-width, row r3_2
		must(t, f.SetCellFormula("表三", "E"+itoa(row+1), "1+1+1")) // r3_2 商业企业 = 3, no cached value
		_, row = findLabel(t, f, "表二", "行政许可")
		must(t, f.InsertRows("表二", row, 2))
		must(t, f.UnmergeCell("表二", "B"+itoa(row+2), "D"+itoa(row+2)))
		must(t, f.SetCellValue("表二", "B"+itoa(row+2), nil))
		must(t, f.SetCellInt("表二", "C"+itoa(row+2), 18642)) // typed into the middle of the former merge
		_, row = findLabel(t, f, "基本信息", "报告年度")
		must(t, f.SetCellStr("基本信息", "B"+itoa(row), "２０２３")) // full-width text
		_, row = findLabel(t, f, "基本信息", "成文日期")
		must(t, f.SetCellInt("基本信息", "B"+itoa(row), 45317)) // 2024-01-26 as a date serial, as Excel stores a typed date
		must(t, f.SetSheetName("表四", "复议诉讼"))
		must(t, f.MoveSheet("复议诉讼", "基本信息"))
	})
	imp, err := ReadBytes("edited.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	sameReport(t, "edited", r, imp.Report)
	if len(imp.Blanks) > 0 {
		t.Errorf("blanks reported for an inserted empty row: %v", imp.Blanks)
	}
	if fs := report.Check(imp.Report); len(fs) > 0 {
		t.Errorf("findings on a correctly edited workbook: %v", fs)
	}
}

// TestRetypedLabels: labels retyped the way local templates and Word copies write them ("1、" for "1.",
// straight quotes, a trailing space) still name their rows.
func TestRetypedLabels(t *testing.T) {
	r := city(t)
	data := edit(t, r, func(f *excelize.File) {
		for old, typed := range map[string]string{"1.属于国家秘密": "1、属于国家秘密", "3.危及“三安全一稳定”": `3．危及"三安全一稳定" `,
			"2.重复申请": "2、重复申请"} {
			c, row := findLabel(t, f, "表三", old)
			name, _ := excelize.CoordinatesToCellName(c, row)
			must(t, f.SetCellStr("表三", name, typed))
		}
	})
	imp, err := ReadBytes("retyped.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	sameReport(t, "retyped", r, imp.Report)
}

// TestWrongTotalIsCaught: a clerk types over a 总计 (the formula is gone): the import keeps the typed
// number and the check names the cell's row and column.
func TestWrongTotalIsCaught(t *testing.T) {
	data := edit(t, city(t), func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "4.保护第三方合法权益")
		must(t, f.SetCellInt("表三", "J"+itoa(row), 35)) // 34 is right
		_, row = findLabel(t, f, "表三", "四、结转下年度继续办理")
		must(t, f.SetCellInt("表三", "D"+itoa(row), 120)) // 121 is right
	})
	imp, err := ReadBytes("wrong.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range report.Check(imp.Report) {
		got[f.Rule+" "+f.Row+" "+f.Column+" "+f.Expected+" "+f.Actual] = true
	}
	for _, want := range []string{
		"T3-ROWSUM （三）不予公开 4.保护第三方合法权益 总计 34 35",
		"T3-GOUJI 四、结转下年度继续办理 自然人 121 120",
	} {
		if !got[want] {
			t.Errorf("check does not report %q; got %v", want, got)
		}
	}
	// Located: the findings name the cells typed over.
	var msgs []string
	for _, f := range imp.Locate(report.Check(imp.Report)) {
		msgs = append(msgs, f.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"表三!J12 表三“（三）不予公开 4.保护第三方合法权益”行“总计”列应为 34", "表三!D29 表三“四、结转下年度继续办理”行“自然人”列应为 121"} {
		if !strings.Contains(all, want) {
			t.Errorf("located findings lack %q:\n%s", want, all)
		}
	}
}

// TestBadCellsNamed: a count that is not a number, a negative count, a fraction and a blank cell are
// named by sheet!cell and official label; the blank is a warning, the others errors.
func TestBadCellsNamed(t *testing.T) {
	var at struct{ bad, neg, frac, blank, amount string }
	data := edit(t, city(t), func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "1.属于国家秘密")
		at.bad = "E" + itoa(row)
		must(t, f.SetCellStr("表三", at.bad, "三"))
		at.neg = "D" + itoa(row+1)
		must(t, f.SetCellInt("表三", at.neg, -2))
		at.frac = "F" + itoa(row+2)
		must(t, f.SetCellFloat("表三", at.frac, 1.5, -1, 64))
		at.blank = "G" + itoa(row+3)
		must(t, f.SetCellValue("表三", at.blank, nil))
		_, row = findLabel(t, f, "表二", "行政事业性收费")
		at.amount = "B" + itoa(row)
		must(t, f.SetCellStr("表二", at.amount, "12.3万元"))
	})
	_, err := ReadBytes("bad.xlsx", data)
	var le *report.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want a LoadError, got %v", err)
	}
	msg := le.Error()
	for _, want := range []string{
		"bad.xlsx: 表三!" + at.bad + " “（三）不予公开 1.属于国家秘密”行“商业企业”列：'三' 不是数字",
		"表三!" + at.neg + " “（三）不予公开 2.其他法律行政法规禁止公开”行“自然人”列：-2 是负数",
		"表三!" + at.frac + " “（三）不予公开 3.危及“三安全一稳定””行“科研机构”列：'1.5' 不是整数",
		"表二!" + at.amount + " “行政事业性收费”行“本年收费金额（单位：万元）”栏：'12.3万元' 不是数字",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, at.blank) {
		t.Errorf("a blank cell is an error, want a warning:\n%s", msg)
	}
}

// TestBlankCellsReported: an empty value cell reads as 0 and is reported with its cell and label.
func TestBlankCellsReported(t *testing.T) {
	var cell string
	data := edit(t, city(t), func(f *excelize.File) {
		_, row := findLabel(t, f, "表四", "结果维持")
		cell = "A" + itoa(row+2)
		must(t, f.SetCellValue("表四", cell, nil))
	})
	imp, err := ReadBytes("blank.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Report.T4[0][0] != 0 {
		t.Errorf("blank 结果维持 read as %d", imp.Report.T4[0][0])
	}
	want := "表四!" + cell + " “行政复议”栏“结果维持”列为空，按 0 读入"
	if len(imp.Blanks) != 1 || !strings.Contains(imp.Blanks[0], want) {
		t.Errorf("blanks = %v, want one with %q", imp.Blanks, want)
	}
	// The 总计 of 行政复议 was cached as 30; with 结果维持 blank the check reports it.
	if fs := report.Check(imp.Report); len(fs) == 0 || fs[0].Rule != "T4-SUM" {
		t.Errorf("findings = %v, want T4-SUM", fs)
	}
}

// TestStrayRowReported: numbers typed into an inserted row that is not a row of 表三 are not read, and said so.
func TestStrayRowReported(t *testing.T) {
	data := edit(t, city(t), func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "2.重复申请")
		must(t, f.InsertRows("表三", row, 1))
		must(t, f.SetCellStr("表三", "C"+itoa(row), "6.其他情形"))
		must(t, f.SetCellInt("表三", "D"+itoa(row), 4))
	})
	imp, err := ReadBytes("stray.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Blanks) != 1 || !strings.Contains(imp.Blanks[0], "“6.其他情形”）不是表三的行") {
		t.Errorf("blanks = %v", imp.Blanks)
	}
	sameReport(t, "stray", city(t), imp.Report)
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestFormatMismatch: a 2019 workbook whose 报告格式 was changed to 2021 is refused in one line.
func TestFormatMismatch(t *testing.T) {
	data := edit(t, examples(t)["yichuan-chengguanju-2020"], func(f *excelize.File) {
		_, row := findLabel(t, f, "基本信息", "报告年度")
		must(t, f.SetCellInt("基本信息", "B"+itoa(row), 2021))
		must(t, f.SetCellStr("基本信息", "B"+itoa(row+1), "2021"))
	})
	_, err := ReadBytes("mismatch.xlsx", data)
	var le *report.LoadError
	if !errors.As(err, &le) || len(le.Problems) != 1 || !strings.Contains(le.Error(), "表三是 2019 格式的表格") {
		t.Errorf("want a format mismatch, got %v", err)
	}
}

// TestFloatDigits: a program stores a float with up to 17 significant digits (Excel a formula's result,
// openpyxl a Python float: 0.1+0.2 is 0.30000000000000004); Excel keeps and shows 15, and so does the
// import — a sum of amounts is 232.45, not 232.45000000000002, and 0.1×120 is the count 12, not a
// fraction. Text keeps every digit typed; amounts with thousands separators read as their number.
func TestFloatDigits(t *testing.T) {
	var at struct{ count string }
	data := edit(t, city(t), func(f *excelize.File) {
		_, row := findLabel(t, f, "表三", "1.属于国家秘密")
		at.count = "D" + itoa(row)
		must(t, f.SetCellFloat("表三", at.count, 12.000000000000002, -1, 64))
		must(t, f.SetCellFloat("表三", "E"+itoa(row), 0.30000000000000004*10, -1, 64))
		_, row = findLabel(t, f, "表二", "行政事业性收费")
		must(t, f.SetCellFloat("表二", "B"+itoa(row), 100.1+132.35000000000002, -1, 64))
	})
	imp, err := ReadBytes("floats.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	r := imp.Report
	if got := r.T2["t2.xzsyxsf.amount"]; got != "232.4500" { // its cell shows four decimals
		t.Errorf("amount 232.45000000000002: got %q, want 232.4500", got)
	}
	if got := r.T3["r3_1"]; got[0] != 12 || got[1] != 3 {
		t.Errorf("counts 12.000000000000002, 3.0000000000000004: got %v, want [12 3]", got[:2])
	}

	for _, c := range []struct {
		set  func(f *excelize.File, cell string)
		want string
	}{
		{func(f *excelize.File, a string) { must(t, f.SetCellStr("表二", a, "1,234.5")) }, "1234.5"},
		{func(f *excelize.File, a string) { must(t, f.SetCellStr("表二", a, "9e308")) }, "9e308 数字过长（309 位）"},
		{func(f *excelize.File, a string) { must(t, f.SetCellValue("表二", a, 0.1+0.2)) }, "0.3000"},
		{func(f *excelize.File, a string) {
			must(t, f.SetCellFloat("表二", a, 0.1+0.2, -1, 64))
			st, err := f.NewStyle(&excelize.Style{NumFmt: 0})
			must(t, err)
			must(t, f.SetCellStyle("表二", a, a, st))
		}, "0.3"},
		{func(f *excelize.File, a string) { must(t, f.SetCellStr("表二", a, "232.45000000000002")) }, "232.45000000000002"},
		{func(f *excelize.File, a string) {
			must(t, f.SetCellFloat("表二", a, 12345678.9, -1, 64))
			st, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
			must(t, err)
			must(t, f.SetCellStyle("表二", a, a, st))
		}, "12345678.90"},
	} {
		data := edit(t, city(t), func(f *excelize.File) {
			_, row := findLabel(t, f, "表二", "行政事业性收费")
			c.set(f, "B"+itoa(row))
		})
		imp, err := ReadBytes("amount.xlsx", data)
		if strings.Contains(c.want, " ") {
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("want %s: %v", c.want, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("want %s: %v", c.want, err)
			continue
		}
		if got := imp.Report.T2["t2.xzsyxsf.amount"]; got != c.want {
			t.Errorf("amount: got %q, want %q", got, c.want)
		}
	}
}

// TestYearFormats: 报告年度 reads as the number stored whatever format shows it (2,021 under #,##0,
// 2021年 under 0"年", 2021.00), or as the text typed with 年 or 年度 after it.
func TestYearFormats(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(f *excelize.File, cell string)
	}{
		{"#,##0", func(f *excelize.File, a string) { setStyled(t, f, "基本信息", a, 2021, "#,##0") }},
		{`0"年"`, func(f *excelize.File, a string) { setStyled(t, f, "基本信息", a, 2021, `0"年"`) }},
		{"0.00", func(f *excelize.File, a string) { setStyled(t, f, "基本信息", a, 2021, "0.00") }},
		{"yyyy", func(f *excelize.File, a string) { setStyled(t, f, "基本信息", a, 44197, "yyyy") }}, // 2021-01-01
		{"2021年", func(f *excelize.File, a string) { must(t, f.SetCellStr("基本信息", a, "2021年")) }},
		{"２０２１年度", func(f *excelize.File, a string) { must(t, f.SetCellStr("基本信息", a, "２０２１年度")) }},
	} {
		data := edit(t, city(t), func(f *excelize.File) {
			_, row := findLabel(t, f, "基本信息", "报告年度")
			c.set(f, "B"+itoa(row))
		})
		imp, err := ReadBytes("year.xlsx", data)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if imp.Report.Year != 2021 {
			t.Errorf("%s: year %d, want 2021", c.name, imp.Report.Year)
		}
	}
}

// setStyled stores a number in a cell shown with a custom number format.
func setStyled(t *testing.T, f *excelize.File, sheet, cell string, v float64, format string) {
	t.Helper()
	must(t, f.SetCellFloat(sheet, cell, v, -1, 64))
	st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	must(t, err)
	must(t, f.SetCellStyle(sheet, cell, cell, st))
}
