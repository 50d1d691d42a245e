package xlsx

import (
	"github.com/nianbao/nianbao/xlsx/internal/sml"
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

// tableFont returns a font of the workbook (family class 2, as the workbooks written before have it).
func tableFont(name string, size float64) *sml.Font {
	return &sml.Font{Name: name, Size: size, Family: 2}
}

// thinBorder is the border of every table cell: thin black lines on all four sides.
var thinBorder = sml.BoxBorder("thin", "000000")

// greyFill is the fill of the cells a clerk does not type into.
const greyFill = "E7E6E6"

func newStyles(f *sml.Book) (*styles, error) {
	s := &styles{decimals: map[int]int{}}
	song := tableFont(fontSong, fontSize)
	center := &sml.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	locked := &sml.CellProtection{Locked: true}
	unlocked := &sml.CellProtection{Locked: false}
	bold := tableFont("黑体", 14)
	bold.Bold = true
	check := tableFont(fontSong, 9)
	check.Color = "375623"
	hint := tableFont(fontSong, 9)
	hint.Color = "595959"
	defs := []struct {
		id *int
		st sml.CellFormat
	}{
		{&s.title, sml.CellFormat{Font: bold, Alignment: center, Protection: locked}},
		{&s.label, sml.CellFormat{Font: song, Border: thinBorder, Alignment: center, Protection: locked}},
		{&s.labelLeft, sml.CellFormat{Font: song, Border: thinBorder, Alignment: &sml.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}, Protection: locked}},
		{&s.labelVert, sml.CellFormat{Font: song, Border: thinBorder, Alignment: &sml.Alignment{Horizontal: "center", Vertical: "center", TextRotation: 255, WrapText: true}, Protection: locked}},
		{&s.note, sml.CellFormat{Font: tableFont(fontKai, fontSize), Border: thinBorder, Alignment: center, Protection: locked}},
		{&s.value, sml.CellFormat{Font: song, Border: thinBorder, Alignment: center, Protection: unlocked, NumFmt: 1}},
		{&s.decimal, sml.CellFormat{Font: song, Border: thinBorder, Alignment: center, Protection: unlocked}},
		{&s.computed, sml.CellFormat{Font: song, Border: thinBorder, Alignment: center, Protection: locked, NumFmt: 1, Fill: greyFill}},
		{&s.text, sml.CellFormat{Font: song, Border: thinBorder, Alignment: &sml.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}, Protection: unlocked}},
		{&s.textLocked, sml.CellFormat{Font: song, Border: thinBorder, Alignment: &sml.Alignment{Vertical: "top", WrapText: true}, Protection: locked, Fill: greyFill}},
		{&s.check, sml.CellFormat{Font: check, Border: thinBorder, Alignment: center, Protection: locked}},
		{&s.hint, sml.CellFormat{Font: hint, Alignment: &sml.Alignment{Vertical: "top", WrapText: true}, Protection: locked}},
	}
	for _, d := range defs {
		id, err := f.AddFormat(d.st)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	red, err := f.AddDiffFormat(sml.DiffFormat{Bold: true, Color: "9C0006", Fill: "FFC7CE"})
	if err != nil {
		return nil, err
	}
	s.red = red
	return s, nil
}

// decimalStyle returns an unlocked cell style showing exactly n decimals (so 232.4500 keeps its zeros).
func (s *styles) decimalStyle(f *sml.Book, n int) (int, error) {
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
	id, err := f.AddFormat(sml.CellFormat{Font: tableFont(fontSong, fontSize), Border: thinBorder,
		Alignment:  &sml.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Protection: &sml.CellProtection{Locked: false}, NumFmtCode: fmtCode})
	if err != nil {
		return 0, err
	}
	s.decimals[n] = id
	return id, nil
}
