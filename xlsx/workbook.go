// Package xlsx writes the 政府信息公开工作年度报告 as an Excel workbook and reads it back: one sheet per
// statistical table (表二, 表三, 表四) laid out from the grids of package layouts, a sheet 基本信息 (机关名称,
// 报告年度, 报告格式, 成文日期 …) and a sheet 正文 (one paragraph per row). Labels are locked, value cells are
// unlocked with data validation, computed cells are formulas and a check row on 表三 turns red when the
// 勾稽关系 breaks. Reading goes by the official labels, never by fixed cell addresses.
package xlsx

import (
	"github.com/nianbao/nianbao/layouts"
)

// Sheet names of the workbook.
const (
	SheetInfo      = "基本信息"
	SheetNarrative = "正文"
)

// sheetName returns the sheet that holds a table: 表二, 表三 or 表四.
func sheetName(t *layouts.Table) string { return t.Name }

// sectionHeading returns the level-1 heading of the section that holds table id, e.g. 三、收到和处理政府信息公开申请情况.
func sectionHeading(f layouts.Format, id string) string {
	for _, s := range layouts.Sections(f) {
		if s.Key == id {
			return s.Heading()
		}
	}
	return id
}

// Table fonts: the national templates set the tables in 宋体 and the note of table 三 in 楷体.
const (
	fontSong = "宋体"
	fontKai  = "楷体_GB2312"
	fontSize = 10.5 // 五号
)
