package report

import "strings"

// loadTitleLines reads title_lines = ["第一行", "第二行"] of [report]: the title's lines as the clerk breaks
// them. Joined, they must equal the title (when title is given; else they make the title).
func (l *loader) loadTitleLines(rep map[string]any) {
	v, ok := rep["title_lines"]
	if !ok {
		return
	}
	const path = "report.title_lines"
	arr, isArr := v.([]any)
	if !isArr || len(arr) == 0 {
		l.errf(path, "title_lines（标题分行）必须是非空的字符串数组，每项一行，例如 title_lines = [\"某某局\", \"2023年政府信息公开工作年度报告\"]；现在是 %s", show(v))
		return
	}
	var lines []string
	for i, e := range arr {
		s, isStr := e.(string)
		if s = cleanText(s); !isStr || s == "" {
			l.errf(path, "title_lines（标题分行）第 %d 项必须是非空的字符串；现在是 %s", i+1, show(e))
			return
		}
		lines = append(lines, s)
	}
	joined := strings.Join(lines, "")
	if _, given := rep["title"]; given && joined != l.r.Title {
		l.errf(path, "title_lines（标题分行）连起来是“%s”，与 title “%s”不同；请让各行连起来正好等于标题，或删去 title 只写 title_lines", titleShort(joined), titleShort(l.r.Title))
		return
	}
	l.r.Title, l.r.TitleLines = joined, lines
}

// titleShort cuts a long text for a message.
func titleShort(s string) string {
	if rs := []rune(s); len(rs) > 60 {
		return string(rs[:60]) + "……"
	}
	return s
}
