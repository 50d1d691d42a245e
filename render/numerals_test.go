package render

import "testing"

func TestNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 19: "十九", 20: "二十", 21: "二十一", 99: "九十九", 100: "100", 0: "0", -3: "-3"} {
		if got := Numeral(n); got != want {
			t.Errorf("Numeral(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Level2(12); got != "（十二）" {
		t.Errorf("Level2(12) = %q", got)
	}
}

func TestVerticalUnits(t *testing.T) {
	got := VerticalUnits("三、本年度办理结果")
	want := []string{"三、", "本", "年", "度", "办", "理", "结", "果"}
	if len(got) != len(want) {
		t.Fatalf("%q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%q, want %q", got, want)
		}
	}
	if got := VerticalUnits("、甲"); len(got) != 2 || got[0] != "、" {
		t.Errorf("leading mark: %q", got)
	}
}
