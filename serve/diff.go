package serve

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// Change is one place where two versions of a report differ, named as the clerk reads it.
type Change struct {
	What string `json:"what"`
	Disk string `json:"disk"`
	Mine string `json:"mine"`
}

// changes lists what differs between the report on disk and the clerk's version: the [report] values,
// every table cell, and each narrative section as a whole (with the first differing paragraph).
func changes(disk, mine *report.Report) []Change {
	var out []Change
	add := func(what, a, b string) {
		if a != b {
			out = append(out, Change{What: what, Disk: a, Mine: b})
		}
	}
	add("机关名称", disk.Agency, mine.Agency)
	add("报告年度", strconv.Itoa(disk.Year), strconv.Itoa(mine.Year))
	add("报告格式", string(disk.Format), string(mine.Format))
	add("标题", disk.Title, mine.Title)
	add("署名", disk.Signature, mine.Signature)
	add("成文日期", disk.Date, mine.Date)
	add("前言", strings.Join(disk.Preamble, "\n"), strings.Join(mine.Preamble, "\n"))
	if disk.Format == mine.Format {
		names := map[string]string{}
		for k, v := range cellIndex(mine) {
			names[v] = k
		}
		for _, t := range tables(mine) {
			for _, c := range t.Cells {
				if c.Key == "" {
					continue
				}
				parts := strings.SplitN(names[c.Key], "|", 3)
				what := c.Key
				if len(parts) == 3 {
					what = fmt.Sprintf("%s“%s”“%s”", parts[0], parts[1], parts[2])
				}
				add(what, disk.CellText(c.Key), mine.CellText(c.Key))
			}
		}
	}
	for _, s := range layouts.Sections(mine.Format) {
		if s.Kind != layouts.Narrative {
			continue
		}
		a, b := disk.Narrative(s.Key), mine.Narrative(s.Key)
		if !reflect.DeepEqual(a, b) {
			da, db := flatten(a), flatten(b)
			i := 0
			for i < len(da) && i < len(db) && da[i] == db[i] {
				i++
			}
			out = append(out, Change{What: s.Heading() + "的文字", Disk: at(da, i), Mine: at(db, i)})
		}
	}
	return out
}

// flatten lists a narrative as text lines: sub-section titles and paragraphs in order.
func flatten(n report.Narrative) []string {
	out := append([]string(nil), n.Paragraphs...)
	for _, s := range n.Sections {
		out = append(out, "（小节）"+s.Title)
		out = append(out, s.Paragraphs...)
	}
	return out
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return "（无）"
}
