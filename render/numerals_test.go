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
