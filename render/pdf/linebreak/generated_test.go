package linebreak

import (
	"math/rand"
	"strings"
	"testing"
)

// alphabet mixes what report text holds with what breaks breakers:
// ideographs, every 避头/避尾 mark, dashes and ellipses, digits, Latin,
// spaces, forced breaks, zero-width and combining characters.
var alphabet = []string{
	"政", "府", "信", "息", "公", "开", "年", "度", "报", "告",
	"，", "。", "、", "：", "；", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》",
	"〔", "〕", "【", "】", "〖", "〗", "〈", "〉", "「", "」", "『", "』", "［", "］", "｛", "｝",
	"——", "……", "—", "…", "·", "・", "‧", "～", "／", "％", "‰", "℃", "＄", "￥", "￡",
	"1", "2", "0", "33", "2025", "GB/T", "9704", "abc", "https://x.y/z",
	" ", " ", "\n", "\r\n", "\u200b", "\ufeff", "e\u0301", "\u3000", "．", "ａ",
}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(alphabet[rng.Intn(len(alphabet))])
	}
	return b.String()
}

// TestGeneratedInvariants runs the invariants over 6 000 generated
// paragraphs at body, heading and narrow table-cell widths.
func TestGeneratedInvariants(t *testing.T) {
	rng := rand.New(rand.NewSource(9704))
	widths := []float64{28, 27.5, 12, 5, 3, 1.5, 1, 0.5}
	for i := 0; i < 6000; i++ {
		lead := randomText(rng, rng.Intn(4))
		body := randomText(rng, rng.Intn(120))
		runs := []Run{{Text: lead, Style: 1}, {Text: body, Style: 0}}
		w := widths[i%len(widths)] * pitch
		o := Options{Width: w, Justify: i%3 != 0}
		if w >= 4*pitch {
			o.Indent = float64(i%3) * pitch
		}
		lines := Break(runs, gridMeasure, o)
		checkInvariants(t, runs, gridMeasure, o, lines)
	}
}
