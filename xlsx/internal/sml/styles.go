package sml

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/internal/ooxml"
)

// CellFormat is the look of a cell (an entry of cellXfs in xl/styles.xml): font, fill, border, alignment,
// protection and number format. Book.AddFormat returns its index, which the sheets' SetFormat takes.
type CellFormat struct {
	Font       *Font           // nil: the workbook's default font (Calibri 11)
	Fill       string          // colour of a solid fill, RRGGBB; "" for none
	Border     *Border         // nil: no border
	Alignment  *Alignment      // nil: general, bottom
	Protection *CellProtection // nil: locked and not hidden, Excel's default
	NumFmt     int             // built-in number format, 0 … 163 (0 General, 1 "0", 2 "0.00" …)
	NumFmtCode string          // a custom number format such as "0.0000"; replaces NumFmt when set
}

// Font is a cell's font.
type Font struct {
	Name   string  // family name, e.g. 宋体
	Size   float64 // in points, 1 … 409
	Bold   bool
	Italic bool
	Color  string // RRGGBB or AARRGGBB; "" for automatic
	Family int    // font family class of ST_FontFamily (1 roman, 2 swiss, 3 modern …); 0 leaves it out
}

// Border is a cell's border, side by side.
type Border struct{ Left, Right, Top, Bottom Edge }

// Edge is one side of a border: a style of ST_BorderStyle (thin, medium, thick, dashed, dotted, double,
// hair …; "" for none) and a colour RRGGBB.
type Edge struct{ Style, Color string }

// BoxBorder returns a border with the same edge on all four sides.
func BoxBorder(style, color string) *Border {
	e := Edge{style, color}
	return &Border{e, e, e, e}
}

// Alignment places text in a cell.
type Alignment struct {
	Horizontal   string // general, left, center, right, fill, justify, centerContinuous, distributed; "" general
	Vertical     string // top, center, bottom, justify, distributed; "" bottom
	WrapText     bool
	TextRotation int // degrees 0 … 180 (91 … 180 turn clockwise), or 255 for letters stacked top to bottom
}

// CellProtection is what sheet protection does to a cell.
type CellProtection struct {
	Locked bool // the cell cannot be edited while the sheet is protected
	Hidden bool // its formula is not shown while the sheet is protected
}

// DiffFormat is the format a conditional format applies (an entry of dxfs): only what it changes.
type DiffFormat struct {
	Bold, Italic bool
	Color        string // font colour RRGGBB; "" leaves it
	Fill         string // colour of a solid fill RRGGBB; "" leaves it
}

// xfRecord is a CellFormat with its parts replaced by their indexes in the style tables.
type xfRecord struct {
	numFmt, font, fill, border int
	align                      Alignment
	hasAlign                   bool
	prot                       CellProtection
	hasProt                    bool
}

// styleTable holds the distinct fonts, fills, borders, number formats, cell formats and differential
// formats of a workbook in the order they were first used; entry 0 of each is Excel's default.
type styleTable struct {
	fonts   interned[Font]
	fills   interned[string]
	borders interned[Border]
	numFmts interned[string] // custom formats, ids 164 on
	xfs     interned[xfRecord]
	dxfs    interned[DiffFormat]
}

// defaultFont is font 0: the Normal style's font, whose digit width sets the unit of column widths.
var defaultFont = Font{Name: "Calibri", Size: 11, Family: 2}

func newStyleTable() styleTable {
	var t styleTable
	t.fonts.add(defaultFont)
	t.fills.add("")
	t.fills.list = append(t.fills.list, "gray125") // fill 1 is reserved by Excel
	t.borders.add(Border{})
	t.xfs.add(xfRecord{})
	return t
}

// interned is a list of distinct values and the index of each in it.
type interned[K comparable] struct {
	list []K
	idx  map[K]int
}

// add returns the index of k, appending it when it is new.
func (t *interned[K]) add(k K) int {
	if i, ok := t.idx[k]; ok {
		return i
	}
	if t.idx == nil {
		t.idx = map[K]int{}
	}
	t.list = append(t.list, k)
	t.idx[k] = len(t.list) - 1
	return len(t.list) - 1
}

// has reports whether k is in the list.
func (t *interned[K]) has(k K) bool {
	_, ok := t.idx[k]
	return ok
}

// Limits of the style tables: Excel refuses a workbook with more cell formats than 64000.
const (
	maxFormats     = 64000
	maxDiffFormats = 64000
)

// AddFormat adds a cell format to the workbook and returns its index; a format equal to one added before
// gets the same index. Index 0 is the default format.
func (b *Book) AddFormat(f CellFormat) (int, error) {
	t := &b.styles
	var x xfRecord
	if f.Font != nil {
		font, err := checkFont(*f.Font)
		if err != nil {
			return 0, err
		}
		x.font = t.fonts.add(font)
	}
	if f.Fill != "" {
		c, err := argb(f.Fill)
		if err != nil {
			return 0, fmt.Errorf("填充%w", err)
		}
		x.fill = t.fills.add(c)
	}
	if f.Border != nil {
		bd, err := checkBorder(*f.Border)
		if err != nil {
			return 0, err
		}
		x.border = t.borders.add(bd)
	}
	if f.Alignment != nil {
		if err := checkAlignment(*f.Alignment); err != nil {
			return 0, err
		}
		x.align, x.hasAlign = *f.Alignment, true
	}
	if f.Protection != nil {
		x.prot, x.hasProt = *f.Protection, true
	}
	switch {
	case f.NumFmtCode != "":
		if n := utf16Units(f.NumFmtCode); n > 255 || strings.ContainsAny(f.NumFmtCode, "\x00\r\n") {
			return 0, fmt.Errorf("数字格式 %q 无效：最多 255 个字符，不含换行", f.NumFmtCode)
		}
		x.numFmt = 164 + t.numFmts.add(f.NumFmtCode)
	case f.NumFmt < 0 || f.NumFmt > 163:
		return 0, fmt.Errorf("内置数字格式 %d 无效：应为 0 到 163", f.NumFmt)
	default:
		x.numFmt = f.NumFmt
	}
	if !t.xfs.has(x) && len(t.xfs.list) >= maxFormats {
		return 0, fmt.Errorf("单元格格式超过 %d 种", maxFormats)
	}
	return t.xfs.add(x), nil
}

// AddDiffFormat adds the format of a conditional format and returns its index for AddCondFormat.
func (b *Book) AddDiffFormat(d DiffFormat) (int, error) {
	var err error
	if d.Color != "" {
		if d.Color, err = argb(d.Color); err != nil {
			return 0, fmt.Errorf("字体颜色%w", err)
		}
	}
	if d.Fill != "" {
		if d.Fill, err = argb(d.Fill); err != nil {
			return 0, fmt.Errorf("填充%w", err)
		}
	}
	t := &b.styles
	if !t.dxfs.has(d) && len(t.dxfs.list) >= maxDiffFormats {
		return 0, fmt.Errorf("条件格式的格式超过 %d 种", maxDiffFormats)
	}
	return t.dxfs.add(d), nil
}

// argb checks a colour RRGGBB or AARRGGBB and returns it as AARRGGBB in capitals (opaque when no alpha).
func argb(c string) (string, error) {
	if len(c) != 6 && len(c) != 8 {
		return "", fmt.Errorf("颜色 %q 无效：应为 RRGGBB 六位十六进制数", c)
	}
	for i := 0; i < len(c); i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c[i])) {
			return "", fmt.Errorf("颜色 %q 无效：应为 RRGGBB 六位十六进制数", c)
		}
	}
	if len(c) == 6 {
		c = "FF" + c
	}
	return strings.ToUpper(c), nil
}

func checkFont(f Font) (Font, error) {
	bad := func(r rune) bool { return r < ' ' || r == 0xFFFE || r == 0xFFFF }
	if f.Name == "" || utf16Units(f.Name) > 31 || !utf8.ValidString(f.Name) || strings.ContainsFunc(f.Name, bad) {
		return f, fmt.Errorf("字体名 %q 无效：应为 1 到 31 个字符", f.Name)
	}
	if !(f.Size >= 1 && f.Size <= 409) {
		return f, fmt.Errorf("字号 %v 无效：应为 1 到 409 磅", f.Size)
	}
	if f.Family < 0 || f.Family > 14 {
		return f, fmt.Errorf("字体类别 %d 无效：应为 0 到 14", f.Family)
	}
	if f.Color != "" {
		c, err := argb(f.Color)
		if err != nil {
			return f, fmt.Errorf("字体颜色%w", err)
		}
		f.Color = c
	}
	return f, nil
}

var borderStyles = map[string]bool{"": true, "none": true, "thin": true, "medium": true, "dashed": true,
	"dotted": true, "thick": true, "double": true, "hair": true, "mediumDashed": true, "dashDot": true,
	"mediumDashDot": true, "dashDotDot": true, "mediumDashDotDot": true, "slantDashDot": true}

func checkBorder(b Border) (Border, error) {
	for _, e := range []*Edge{&b.Left, &b.Right, &b.Top, &b.Bottom} {
		if !borderStyles[e.Style] {
			return b, fmt.Errorf("边框样式 %q 无效", e.Style)
		}
		if e.Style == "" || e.Style == "none" {
			*e = Edge{}
			continue
		}
		if e.Color != "" {
			c, err := argb(e.Color)
			if err != nil {
				return b, fmt.Errorf("边框颜色%w", err)
			}
			e.Color = c
		}
	}
	return b, nil
}

var (
	horizontals = map[string]bool{"": true, "general": true, "left": true, "center": true, "right": true,
		"fill": true, "justify": true, "centerContinuous": true, "distributed": true}
	verticals = map[string]bool{"": true, "top": true, "center": true, "bottom": true, "justify": true,
		"distributed": true}
)

func checkAlignment(a Alignment) error {
	if !horizontals[a.Horizontal] {
		return fmt.Errorf("水平对齐 %q 无效", a.Horizontal)
	}
	if !verticals[a.Vertical] {
		return fmt.Errorf("垂直对齐 %q 无效", a.Vertical)
	}
	if !(a.TextRotation >= 0 && a.TextRotation <= 180 || a.TextRotation == 255) {
		return fmt.Errorf("文字方向 %d 无效：应为 0 到 180 度或 255（竖排）", a.TextRotation)
	}
	return nil
}

// xml returns xl/styles.xml.
func (t *styleTable) xml() string {
	var b xmlOut
	b.S(ooxml.XMLHeader, `<styleSheet xmlns="`, smlMainNS, `">`)
	if len(t.numFmts.list) > 0 {
		b.S(`<numFmts count="`, strconv.Itoa(len(t.numFmts.list)), `">`)
		for i, code := range t.numFmts.list {
			b.S(`<numFmt numFmtId="`, strconv.Itoa(164+i), `"`)
			b.attr("formatCode", code)
			b.S(`/>`)
		}
		b.S(`</numFmts>`)
	}
	b.S(`<fonts count="`, strconv.Itoa(len(t.fonts.list)), `">`)
	for i, f := range t.fonts.list {
		b.S(`<font>`)
		if f.Bold {
			b.S(`<b/>`)
		}
		if f.Italic {
			b.S(`<i/>`)
		}
		b.S(`<sz val="`, numberText(f.Size), `"/>`)
		switch {
		case f.Color != "":
			b.S(`<color rgb="`, f.Color, `"/>`)
		case i == 0:
			b.S(`<color theme="1"/>`) // the default font's colour: dark 1 of the theme, black
		}
		b.S(`<name`)
		b.attr("val", f.Name)
		b.S(`/>`)
		if f.Family != 0 {
			b.S(`<family val="`, strconv.Itoa(f.Family), `"/>`)
		}
		b.S(`</font>`)
	}
	b.S(`</fonts><fills count="`, strconv.Itoa(len(t.fills.list)), `">`)
	for i, c := range t.fills.list {
		switch {
		case i == 0:
			b.S(`<fill><patternFill patternType="none"/></fill>`)
		case i == 1:
			b.S(`<fill><patternFill patternType="gray125"/></fill>`)
		default:
			b.S(`<fill><patternFill patternType="solid"><fgColor rgb="`, c, `"/></patternFill></fill>`)
		}
	}
	b.S(`</fills><borders count="`, strconv.Itoa(len(t.borders.list)), `">`)
	for _, bd := range t.borders.list {
		b.S(`<border>`)
		for _, side := range []struct {
			name string
			e    Edge
		}{{"left", bd.Left}, {"right", bd.Right}, {"top", bd.Top}, {"bottom", bd.Bottom}} {
			if side.e.Style == "" {
				b.S(`<`, side.name, `/>`)
				continue
			}
			b.S(`<`, side.name, ` style="`, side.e.Style, `">`)
			if side.e.Color != "" {
				b.S(`<color rgb="`, side.e.Color, `"/>`)
			}
			b.S(`</`, side.name, `>`)
		}
		b.S(`<diagonal/></border>`)
	}
	b.S(`</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	b.S(`<cellXfs count="`, strconv.Itoa(len(t.xfs.list)), `">`)
	for _, x := range t.xfs.list {
		b.S(`<xf numFmtId="`, strconv.Itoa(x.numFmt), `" fontId="`, strconv.Itoa(x.font), `" fillId="`, strconv.Itoa(x.fill),
			`" borderId="`, strconv.Itoa(x.border), `" xfId="0"`)
		for _, a := range []struct {
			name string
			on   bool
		}{{"applyNumberFormat", x.numFmt != 0}, {"applyFont", x.font != 0}, {"applyFill", x.fill != 0},
			{"applyBorder", x.border != 0}, {"applyAlignment", x.hasAlign}, {"applyProtection", x.hasProt}} {
			if a.on {
				b.S(` `, a.name, `="1"`)
			}
		}
		if !x.hasAlign && !x.hasProt {
			b.S(`/>`)
			continue
		}
		b.S(`>`)
		if x.hasAlign {
			a := x.align
			b.S(`<alignment`)
			if a.Horizontal != "" {
				b.S(` horizontal="`, a.Horizontal, `"`)
			}
			if a.Vertical != "" {
				b.S(` vertical="`, a.Vertical, `"`)
			}
			if a.TextRotation != 0 {
				b.S(` textRotation="`, strconv.Itoa(a.TextRotation), `"`)
			}
			if a.WrapText {
				b.S(` wrapText="1"`)
			}
			b.S(`/>`)
		}
		if x.hasProt {
			b.S(`<protection locked="`, bit(x.prot.Locked), `" hidden="`, bit(x.prot.Hidden), `"/>`)
		}
		b.S(`</xf>`)
	}
	b.S(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`)
	if len(t.dxfs.list) > 0 {
		b.S(`<dxfs count="`, strconv.Itoa(len(t.dxfs.list)), `">`)
		for _, d := range t.dxfs.list {
			b.S(`<dxf>`)
			if d.Bold || d.Italic || d.Color != "" {
				b.S(`<font>`)
				if d.Bold {
					b.S(`<b/>`)
				}
				if d.Italic {
					b.S(`<i/>`)
				}
				if d.Color != "" {
					b.S(`<color rgb="`, d.Color, `"/>`)
				}
				b.S(`</font>`)
			}
			if d.Fill != "" {
				// A differential solid fill takes its colour from bgColor.
				b.S(`<fill><patternFill patternType="solid"><bgColor rgb="`, d.Fill, `"/></patternFill></fill>`)
			}
			b.S(`</dxf>`)
		}
		b.S(`</dxfs>`)
	}
	b.S(`</styleSheet>`)
	return b.String()
}

// bit writes a boolean attribute value.
func bit(v bool) string {
	if v {
		return "1"
	}
	return "0"
}
