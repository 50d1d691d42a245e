package linebreak

import "unicode"

// Character classes used by the breaker. The lists follow clreq "GB-style"
// (basic prohibition rules plus no solidus at line end) and GB/T 15834-2011
// §5.1; see /work/shared/reference/typesetting-and-dependencies.md §3–§4.

// avoidStartSet holds the 避头 marks: they never start a line.
var avoidStartSet = runeSet("。，、．：；？！”’）］｝〕】〗〉》」』〙〛·‧・—–⸺⸻～〜／％‰℃…‥′″々〻")

// avoidEndSet holds the 避尾 marks: they never end a line.
var avoidEndSet = runeSet("“‘（［｛〔【〖〈《「『〘〚＄￥￡／")

// closingSet holds full-width marks whose ink sits in the left half of the
// em box (GB style); their right half may be compressed away.
var closingSet = runeSet("，。．、：；？！”’）］｝〕】〗〉》」』〙〛")

// openingSet holds full-width marks whose ink sits in the right half of the
// em box; their left half may be compressed away.
var openingSet = runeSet("“‘（［｛〔【〖〈《「『〘〚")

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// AvoidsLineStart reports whether r is a 避头 mark, which must not begin a line.
func AvoidsLineStart(r rune) bool { return avoidStartSet[r] }

// AvoidsLineEnd reports whether r is a 避尾 mark, which must not end a line.
func AvoidsLineEnd(r rune) bool { return avoidEndSet[r] }

// isKinsokuMark reports whether r is a 避头 or a 避尾 mark.
func isKinsokuMark(r rune) bool { return avoidStartSet[r] || avoidEndSet[r] }

// punctuation compression classes
const (
	clsNone    uint8 = iota
	clsClosing       // ink left, right half compressible
	clsOpening       // ink right, left half compressible
)

func punctClass(r rune) uint8 {
	switch {
	case closingSet[r]:
		return clsClosing
	case openingSet[r]:
		return clsOpening
	}
	return clsNone
}

// isZeroWidth reports the invisible format characters that are emitted with
// Advance 0 whatever the Measurer says.
func isZeroWidth(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return false
}

// isHangingSpace reports spaces that take no room at the end of a line.
func isHangingSpace(r rune) bool {
	switch r {
	case ' ', '\t', 0x3000, 0x1680, 0x205F:
		return true
	}
	return r >= 0x2000 && r <= 0x200A && r != 0x2007
}

// isWordRune reports runes of Latin words, digit runs and similar text that
// is kept whole (no break, no justification space inside): ASCII graphic
// characters, full-width digits and letters, and letters, digits and marks of
// non-CJK scripts.
func isWordRune(r rune) bool {
	switch {
	case r >= '!' && r <= '~':
		return true
	case r >= 0xFF10 && r <= 0xFF19, r >= 0xFF21 && r <= 0xFF3A, r >= 0xFF41 && r <= 0xFF5A:
		return true
	case r < 0x80, r >= 0x2E80 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3, r >= 0xFF00 && r <= 0xFFEF:
		return false // fast path: CJK, kana, hangul syllables, full-width forms
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo, unicode.Yi)
}

// isCombining reports runes that must stay with the rune before them.
func isCombining(r rune) bool {
	if r < 0x0300 || r >= 0x3400 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7A3 || r >= 0xFF00 && r <= 0xFFEF {
		return false // fast path: no marks there
	}
	return r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}
