package report

import (
	"fmt"
	"strconv"
)

// Figure is a ratio evaluators compute from the tables (实质公开率, 复议纠错率, 诉讼纠错率). It is
// information, not a finding: `check` prints it and nothing depends on it.
type Figure struct {
	// Name is the figure's Chinese name, e.g. 实质公开率.
	Name string `json:"name"`
	// Num and Den are the counts the ratio is made of; Den 0 means the ratio is undefined.
	Num int64 `json:"num"`
	Den int64 `json:"den"`
	// Formula says what Num and Den are, in the tables' own words.
	Formula string `json:"formula"`
}

// Percent is 100 × Num / Den; ok is false when Den is 0.
func (f Figure) Percent() (p float64, ok bool) {
	if f.Den == 0 {
		return 0, false
	}
	return 100 * float64(f.Num) / float64(f.Den), true
}

// String prints the figure with one decimal: 实质公开率 60.3%（（予以公开 1508 + 部分公开 308）÷ （七）总计 3013）.
func (f Figure) String() string {
	p, ok := f.Percent()
	v := "无法计算（分母为 0）"
	if ok {
		v = strconv.FormatFloat(p, 'f', 1, 64) + "%"
	}
	return fmt.Sprintf("%s %s（%s）", f.Name, v, f.Formula)
}

// DerivedFigures computes the ratios evaluators rank reports by: 实质公开率 = （予以公开 + 部分公开）÷
// （七）总计; 复议纠错率 = 行政复议 结果纠正 ÷ 行政复议 总计; 诉讼纠错率 = 行政诉讼（未经复议直接起诉与复议后起诉）
// 结果纠正 ÷ 行政诉讼 总计.
func DerivedFigures(r *Report) []Figure {
	r1, r2, r7 := r.T3["r1"][6], r.T3["r2"][6], r.T3["r7"][6]
	lf, lt := r.T4[1][1]+r.T4[2][1], r.T4[1][4]+r.T4[2][4]
	return []Figure{
		{Name: "实质公开率", Num: r1 + r2, Den: r7,
			Formula: fmt.Sprintf("（予以公开 %d + 部分公开 %d）÷ （七）总计 %d", r1, r2, r7)},
		{Name: "复议纠错率", Num: r.T4[0][1], Den: r.T4[0][4],
			Formula: fmt.Sprintf("行政复议结果纠正 %d ÷ 行政复议总计 %d", r.T4[0][1], r.T4[0][4])},
		{Name: "诉讼纠错率", Num: lf, Den: lt,
			Formula: fmt.Sprintf("行政诉讼结果纠正 %d ÷ 行政诉讼总计 %d（未经复议直接起诉与复议后起诉之和）", lf, lt)},
	}
}
