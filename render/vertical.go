package render

// closingMarks are the marks that never start a line (避头) and so never start a stacked unit.
const closingMarks = "、，。．：；？！”’）］｝〕】〗〉》」』"

// VerticalUnits splits a label written one character per line (三、本年度办理结果) into its stacked units:
// one character each, with a closing mark kept on the line of the character before it ("三、" / "本" /
// "年" …), so that no stacked line starts with 、 — the same 禁则 the horizontal text keeps.
func VerticalUnits(s string) []string {
	var out []string
	for _, r := range s {
		if len(out) > 0 && isClosing(r) {
			out[len(out)-1] += string(r)
			continue
		}
		out = append(out, string(r))
	}
	return out
}

func isClosing(r rune) bool {
	for _, m := range closingMarks {
		if m == r {
			return true
		}
	}
	return false
}
