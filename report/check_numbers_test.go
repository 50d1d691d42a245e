package report

import (
	"math"
	"testing"
)

func TestProseNumbers(t *testing.T) {
	cases := []struct {
		tok string
		n   int64
		ok  bool
	}{
		{"五", 5, true}, {"十", 10, true}, {"十二", 12, true}, {"二十", 20, true}, {"两", 2, true},
		{"一百零三", 103, true}, {"两千零五", 2005, true}, {"三万二千", 32000, true}, {"一千二百三十四", 1234, true},
		{"二〇二三", 2023, true}, {"１２", 12, true}, {"1,240", 1240, true}, {"1，240", 1240, true},
		{"十十", 0, false}, {"万", 0, false}, {"百十", 0, false}, {"两两", 0, false},
	}
	for _, c := range cases {
		_, n, _, ok := proseNumber(c.tok)
		if ok != c.ok || (ok && n != c.n) {
			t.Errorf("%s: got %d %v, want %d %v", c.tok, n, ok, c.n, c.ok)
		}
	}
	if v, _, dec, ok := proseNumber("12.5"); !ok || v != 12.5 || dec != 1 {
		t.Errorf("12.5: %v %d %v", v, dec, ok)
	}
}

func TestSimilarity(t *testing.T) {
	// The Pingtan case: a section copied with only the years changed.
	a := "2024年，政府信息公开工作取得一定成绩，但仍存在一些不足和问题。2025年，我局将进一步规范依申请公开答复。"
	b := "2025年，政府信息公开工作取得一定成绩，但仍存在一些不足和问题。2026年，我局将进一步规范依申请公开答复。"
	if s := Similarity(a, b); s != 1 {
		t.Errorf("years changed only: %v, want 1", s)
	}
	c := "一是政策解读形式单一，图解、视频解读较少；二是政务新媒体互动回应不够及时。"
	if s := Similarity(a, c); s > 0.5 {
		t.Errorf("rewritten section: %v, want ≤ 0.5", s)
	}
	// 2 × LCS ÷ total: "甲乙丙丁" and "甲乙戊己" share 甲乙.
	if s := Similarity("甲乙丙丁", "甲 乙 戊 己 1"); math.Abs(s-0.5) > 1e-9 {
		t.Errorf("甲乙丙丁 / 甲乙戊己: %v, want 0.5", s)
	}
	if Similarity("", "") != 1 || Similarity("甲", "") != 0 {
		t.Error("empty texts")
	}
}
