package layouts

import (
	"strings"
	"testing"
)

func TestTablesTileTheirGrids(t *testing.T) {
	for _, f := range []Format{F2019, F2021} {
		for _, tb := range []*Table{Table2(f, Options{}), Table3(f), Table4()} {
			if err := tb.Validate(); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
}

func find(t *Table, text string) *Cell {
	for i := range t.Cells {
		if t.Cells[i].Text == text {
			return &t.Cells[i]
		}
	}
	return nil
}

func TestTable3Spans(t *testing.T) {
	for f, want := range map[Format]struct{ results, rows int }{F2019: {20, 26}, F2021: {22, 28}} {
		tb := Table3(f)
		if len(tb.Rows) != want.rows || tb.HeaderRows() != 3 {
			t.Errorf("%s: %d rows (%d header), want %d", f, len(tb.Rows), tb.HeaderRows(), want.rows)
		}
		c := find(tb, "三、本年度办理结果")
		if c == nil || c.RowSpan != want.results || !c.Vertical || c.Row != 5 {
			t.Errorf("%s: results label %+v, want rowspan %d", f, c, want.results)
		}
		corner := find(tb, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
		if corner == nil || corner.RowSpan != 3 || corner.ColSpan != 3 {
			t.Errorf("%s: corner %+v", f, corner)
		}
		if c := find(tb, "申请人情况"); c == nil || c.ColSpan != 7 {
			t.Errorf("%s: 申请人情况 %+v", f, c)
		}
		for label, rs := range map[string]int{"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5} {
			if c := find(tb, label); c == nil || c.RowSpan != rs {
				t.Errorf("%s: %s %+v, want rowspan %d", f, label, c, rs)
			}
		}
		six := find(tb, "（六）其他处理")
		if f == F2019 && (six.RowSpan != 1 || six.ColSpan != 2) || f == F2021 && (six.RowSpan != 3 || six.ColSpan != 1) {
			t.Errorf("%s: （六）其他处理 %+v", f, six)
		}
	}
	if n := len(T3Items(F2019)); n != 19 {
		t.Errorf("2019 items: %d", n)
	}
	if n := len(T3Items(F2021)); n != 21 {
		t.Errorf("2021 items: %d", n)
	}
}

func TestTable2Labels(t *testing.T) {
	t19 := Table2(F2019, Options{AmountNote: "（单位：万元，保留4位小数）"})
	if c := find(t19, "采购总金额（单位：万元，保留4位小数）"); c == nil || c.ColSpan != 2 {
		t.Errorf("2019 amount header %+v", c)
	}
	if find(Table2(F2019, Options{}), "采购总金额") == nil {
		t.Error("2019 amount header without note missing")
	}
	t21 := Table2(F2021, Options{})
	if c := find(t21, "本年收费金额（单位：万元）"); c == nil || c.ColSpan != 3 {
		t.Errorf("2021 fee header %+v", c)
	}
	if find(t21, "第二十条第（九）项") != nil || find(t21, "行政规范性文件") == nil {
		t.Error("2021 table 二 blocks wrong")
	}
	var keys []string
	for _, c := range t21.Cells {
		if c.Key != "" {
			keys = append(keys, c.Key)
		}
	}
	if got := strings.Join(keys, " "); got != "t2.gz.made t2.gz.repealed t2.gz.in_force t2.xzgfxwj.made t2.xzgfxwj.repealed t2.xzgfxwj.in_force t2.xzxk.decisions t2.xzcf.decisions t2.xzqz.decisions t2.xzsyxsf.amount" {
		t.Errorf("2021 keys: %s", got)
	}
}

func TestTable4(t *testing.T) {
	tb := Table4()
	if c := find(tb, "行政诉讼"); c == nil || c.ColSpan != 10 {
		t.Errorf("行政诉讼 %+v", c)
	}
	if c := find(tb, "复议后起诉"); c == nil || c.ColSpan != 5 || c.Col != 10 {
		t.Errorf("复议后起诉 %+v", c)
	}
	if n := len(tb.CellsInRow(3)); n != 15 {
		t.Errorf("data cells %d", n)
	}
}

func TestPageGrid(t *testing.T) {
	p := GBT9704
	if cp := p.CharPitch(); cp < 15.78 || cp > 15.80 {
		t.Errorf("char pitch %.3f", cp)
	}
	if lp := p.LinePitch(); lp < 28.98 || lp > 29.0 {
		t.Errorf("line pitch %.3f", lp)
	}
}
