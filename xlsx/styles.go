package xlsx

import (
	"github.com/xuri/excelize/v2"
)

// styles holds the style ids of one workbook.
type styles struct {
	title      int // sheet title: 黑体-like bold, centred
	label      int // locked label, centred
	labelLeft  int // locked row label, left-aligned
	labelVert  int // locked vertical label (三、本年度办理结果)
	note       int // locked 楷体 note (corner of table 三)
	value      int // unlocked integer cell
	decimal    int // unlocked decimal cell (General: shows what was typed)
	computed   int // locked formula cell, grey
	text       int // unlocked wrapped text (基本信息 values, 正文)
	textLocked int // locked wrapped text (基本信息 format)
	check      int // locked check-row cell
	hint       int // small grey instructions
	red        int // conditional format: broken 勾稽关系
	decimals   map[int]int
}

func border() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "000000", Style: 1})
	}
	return b
}

func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{decimals: map[int]int{}}
	font := &excelize.Font{Family: fontSong, Size: fontSize}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	locked := &excelize.Protection{Locked: true}
	unlocked := &excelize.Protection{Locked: false}
	defs := []struct {
		id *int
		st *excelize.Style
	}{
		{&s.title, &excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 14, Bold: true}, Alignment: center, Protection: locked}},
		{&s.label, &excelize.Style{Font: font, Border: border(), Alignment: center, Protection: locked}},
		{&s.labelLeft, &excelize.Style{Font: font, Border: border(), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}, Protection: locked}},
		{&s.labelVert, &excelize.Style{Font: font, Border: border(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", TextRotation: 255, WrapText: true}, Protection: locked}},
		{&s.note, &excelize.Style{Font: &excelize.Font{Family: fontKai, Size: fontSize}, Border: border(), Alignment: center, Protection: locked}},
		{&s.value, &excelize.Style{Font: font, Border: border(), Alignment: center, Protection: unlocked, NumFmt: 1}},
		{&s.decimal, &excelize.Style{Font: font, Border: border(), Alignment: center, Protection: unlocked}},
		{&s.computed, &excelize.Style{Font: font, Border: border(), Alignment: center, Protection: locked, NumFmt: 1,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}}},
		{&s.text, &excelize.Style{Font: font, Border: border(), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}, Protection: unlocked}},
		{&s.textLocked, &excelize.Style{Font: font, Border: border(), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}}},
		{&s.check, &excelize.Style{Font: &excelize.Font{Family: fontSong, Size: 9, Color: "375623"}, Border: border(), Alignment: center, Protection: locked}},
		{&s.hint, &excelize.Style{Font: &excelize.Font{Family: fontSong, Size: 9, Color: "595959"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.st)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	red, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006", Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	if err != nil {
		return nil, err
	}
	s.red = red
	return s, nil
}

// decimalStyle returns an unlocked cell style showing exactly n decimals (so 232.4500 keeps its zeros).
func (s *styles) decimalStyle(f *excelize.File, n int) (int, error) {
	if n == 0 {
		return s.decimal, nil
	}
	if id, ok := s.decimals[n]; ok {
		return id, nil
	}
	fmtCode := "0."
	for range n {
		fmtCode += "0"
	}
	id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontSong, Size: fontSize}, Border: border(),
		Alignment:  &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Protection: &excelize.Protection{Locked: false}, CustomNumFmt: &fmtCode})
	if err != nil {
		return 0, err
	}
	s.decimals[n] = id
	return id, nil
}
