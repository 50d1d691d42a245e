package report

import "testing"

func TestDerivedFigures(t *testing.T) {
	r := mustLoad(t, "../examples/city-2021.toml")
	fs := DerivedFigures(r)
	want := []string{
		"实质公开率 60.3%（（予以公开 1508 + 部分公开 308）÷ （七）总计 3013）",
		"复议纠错率 16.7%（行政复议结果纠正 5 ÷ 行政复议总计 30）",
		"诉讼纠错率 9.7%（行政诉讼结果纠正 3 ÷ 行政诉讼总计 31（未经复议直接起诉与复议后起诉之和））",
	}
	if len(fs) != len(want) {
		t.Fatalf("%d figures", len(fs))
	}
	for i, f := range fs {
		if f.String() != want[i] {
			t.Errorf("got  %s\nwant %s", f, want[i])
		}
	}
	// No application, no case: the ratios are undefined, not 0 %.
	z := mustLoad(t, "../examples/township-2021.toml")
	for _, f := range DerivedFigures(z) {
		if _, ok := f.Percent(); ok || f.String() != f.Name+" 无法计算（分母为 0）（"+f.Formula+"）" {
			t.Errorf("township: %s", f)
		}
	}
}
