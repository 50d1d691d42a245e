package linebreak

import (
	"testing"
	"unicode"
)

// TestClassLists checks the 禁则 lists against the brief's GB-style lists and
// that the fast paths of isWordRune and isCombining agree with the slow
// Unicode-table answer over the whole BMP.
func TestClassLists(t *testing.T) {
	for _, r := range "。，、．：；？！”’）］｝〕】〗〉》」』·‧・—～／％‰℃…" {
		if !AvoidsLineStart(r) {
			t.Errorf("%q must not start a line", r)
		}
	}
	for _, r := range "“‘（［｛〔【〖〈《「『＄￥￡／" {
		if !AvoidsLineEnd(r) {
			t.Errorf("%q must not end a line", r)
		}
	}
	for _, r := range "中一a1（“" {
		if AvoidsLineStart(r) {
			t.Errorf("%q may start a line", r)
		}
	}
	for r := rune(0); r <= 0xFFFF; r++ {
		slowComb := r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
		if isCombining(r) != slowComb {
			t.Fatalf("isCombining(%U) = %v, tables say %v", r, !slowComb, slowComb)
		}
		if r >= 0x80 && !(r >= 0xFF10 && r <= 0xFF5A) {
			slowWord := (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)) &&
				!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo, unicode.Yi)
			if isWordRune(r) != slowWord && !(r >= 0x2E80 && r <= 0x9FFF || r >= 0xFF00 && r <= 0xFFEF) {
				t.Fatalf("isWordRune(%U) = %v, tables say %v", r, !slowWord, slowWord)
			}
		}
	}
}
