package report

import "fmt"

// MaxSections is the largest number of sub-sections （一）（二）… in all narrative sections together. Every
// sub-section prints a heading; a real report has a few dozen. The limit keeps the layout of any legal input
// to seconds (each heading is kept with what follows it).
const MaxSections = 500

// limitSections counts the sub-sections of the narrative at key against MaxSections. Past the limit it reports
// an error naming the first sub-section too many and returns nil (the sub-sections are not loaded).
func (l *loader) limitSections(key string, subs []map[string]any) []map[string]any {
	before := l.sectionCount
	l.sectionCount += len(subs)
	if l.sectionCount <= MaxSections {
		return subs
	}
	if before <= MaxSections {
		first := MaxSections - before // index of the first sub-section past the limit
		l.errf(fmt.Sprintf("%s.sections.%d", key, first),
			"小节过多：全文最多 %d 个小节（[[…sections]]，每个小节印一个（一）级标题），%s.sections 的第 %d 个起超出；年度报告通常只有几十个小节，请合并或删除多余的小节",
			MaxSections, key, first+1)
	}
	return nil
}
