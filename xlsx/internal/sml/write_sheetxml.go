package sml

import (
	"strconv"

	"github.com/nianbao/nianbao/internal/ooxml"
)

// sstOut is the shared string table being filled while the sheets are written.
type sstOut struct {
	list  []string
	index map[string]int
	refs  int // cells that refer to the table
}

func (t *sstOut) add(s string) int {
	t.refs++
	if i, ok := t.index[s]; ok {
		return i
	}
	t.list = append(t.list, s)
	t.index[s] = len(t.list) - 1
	return len(t.list) - 1
}

// dimension returns the range the sheet's cells cover ("A1" for an empty sheet).
func (s *BookSheet) dimension() string {
	first := true
	var rg cellRange
	for r, row := range s.rows {
		for c := range row.cells {
			if first {
				rg, first = cellRange{c, r, c, r}, false
				continue
			}
			rg = cellRange{min(rg.c1, c), min(rg.r1, r), max(rg.c2, c), max(rg.r2, r)}
		}
	}
	if first {
		return "A1"
	}
	return rg.String()
}

// xml returns the worksheet part of the sheet at position index, adding its text to the shared strings.
// The elements follow the order of CT_Worksheet.
func (s *BookSheet) xml(index int, sst *sstOut) string {
	var b xmlOut
	b.S(ooxml.XMLHeader, `<worksheet xmlns="`, smlMainNS, `" xmlns:r="`, smlRelNS, `">`)
	if s.Page != nil && s.Page.FitToPage {
		b.S(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	b.S(`<dimension ref="`, s.dimension(), `"/><sheetViews><sheetView`)
	if index == s.book.Active {
		b.S(` tabSelected="1"`)
	}
	b.S(` workbookViewId="0"`)
	if s.freezeCol == 0 && s.freezeRow == 0 {
		b.S(`/>`)
	} else {
		b.S(`><pane`)
		if s.freezeCol > 0 {
			b.S(` xSplit="`, strconv.Itoa(s.freezeCol), `"`)
		}
		if s.freezeRow > 0 {
			b.S(` ySplit="`, strconv.Itoa(s.freezeRow), `"`)
		}
		pane := "bottomRight"
		switch {
		case s.freezeCol == 0:
			pane = "bottomLeft"
		case s.freezeRow == 0:
			pane = "topRight"
		}
		b.S(` topLeftCell="`, CellName(s.freezeCol+1, s.freezeRow+1, false), `" activePane="`, pane, `" state="frozen"/></sheetView>`)
	}
	b.S(`</sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	s.colsXML(&b)
	s.dataXML(&b, sst)
	if p := s.Protection; p != nil {
		// Each attribute says what is protected: the opposite of what the options allow.
		b.S(`<sheetProtection sheet="1"`)
		for _, a := range []struct {
			name    string
			allowed bool
		}{{"objects", p.EditObjects}, {"scenarios", p.EditScenarios}, {"formatCells", p.FormatCells},
			{"formatColumns", p.FormatColumns}, {"formatRows", p.FormatRows}, {"insertColumns", p.InsertColumns},
			{"insertRows", p.InsertRows}, {"insertHyperlinks", p.InsertHyperlinks}, {"deleteColumns", p.DeleteColumns},
			{"deleteRows", p.DeleteRows}, {"selectLockedCells", p.SelectLockedCells}, {"sort", p.Sort},
			{"autoFilter", p.AutoFilter}, {"pivotTables", p.PivotTables}, {"selectUnlockedCells", p.SelectUnlockedCells}} {
			b.S(` `, a.name, `="`, bit(!a.allowed), `"`)
		}
		b.S(`/>`)
	}
	if len(s.merges) > 0 {
		b.S(`<mergeCells count="`, strconv.Itoa(len(s.merges)), `">`)
		for _, m := range s.merges {
			b.S(`<mergeCell ref="`, m.String(), `"/>`)
		}
		b.S(`</mergeCells>`)
	}
	for i, cf := range s.conds {
		b.S(`<conditionalFormatting sqref="`, cf.ranges, `"><cfRule type="expression" dxfId="`, strconv.Itoa(cf.dxf),
			`" priority="`, strconv.Itoa(i+1), `"><formula>`)
		b.text(cf.formula, false)
		b.S(`</formula></cfRule></conditionalFormatting>`)
	}
	if len(s.valids) > 0 {
		b.S(`<dataValidations count="`, strconv.Itoa(len(s.valids)), `">`)
		for _, v := range s.valids {
			b.S(`<dataValidation type="`, v.Type, `"`)
			if v.ErrorStyle != "" {
				b.S(` errorStyle="`, v.ErrorStyle, `"`)
			}
			if v.Operator != "" {
				b.S(` operator="`, v.Operator, `"`)
			}
			if v.AllowBlank {
				b.S(` allowBlank="1"`)
			}
			if v.ErrorStyle != "" {
				b.S(` showErrorMessage="1"`)
				b.attr("errorTitle", v.ErrorTitle)
				b.attr("error", v.Error)
			}
			b.S(` sqref="`, v.Ranges, `"><formula1>`)
			b.text(v.Formula1, false)
			b.S(`</formula1>`)
			if v.Formula2 != "" {
				b.S(`<formula2>`)
				b.text(v.Formula2, false)
				b.S(`</formula2>`)
			}
			b.S(`</dataValidation>`)
		}
		b.S(`</dataValidations>`)
	}
	if p := s.Page; p != nil {
		if p.CenterHorizontally {
			b.S(`<printOptions horizontalCentered="1"/>`)
		}
		if m := p.Margins; m != nil {
			b.S(`<pageMargins left="`, numberText(m.Left), `" right="`, numberText(m.Right), `" top="`, numberText(m.Top),
				`" bottom="`, numberText(m.Bottom), `" header="`, numberText(m.Header), `" footer="`, numberText(m.Footer), `"/>`)
		}
		b.S(`<pageSetup`)
		if p.PaperSize != 0 {
			b.S(` paperSize="`, strconv.Itoa(p.PaperSize), `"`)
		}
		if p.FitToPage {
			b.S(` fitToWidth="`, strconv.Itoa(p.FitWidth), `" fitToHeight="`, strconv.Itoa(p.FitHeight), `"`)
		}
		if p.Landscape {
			b.S(` orientation="landscape"/>`)
		} else {
			b.S(` orientation="portrait"/>`)
		}
	}
	b.S(`</worksheet>`)
	return b.String()
}

// colsXML writes the column widths, one element for each run of adjacent columns of the same width.
func (s *BookSheet) colsXML(b *xmlOut) {
	if len(s.cols) == 0 {
		return
	}
	keys := rowColKeys(s.cols)
	b.S(`<cols>`)
	for i := 0; i < len(keys); {
		j := i
		for j+1 < len(keys) && keys[j+1] == keys[j]+1 && s.cols[keys[j+1]] == s.cols[keys[i]] {
			j++
		}
		b.S(`<col min="`, strconv.Itoa(keys[i]), `" max="`, strconv.Itoa(keys[j]), `" width="`, numberText(s.cols[keys[i]]),
			`" customWidth="1"/>`)
		i = j + 1
	}
	b.S(`</cols>`)
}

// dataXML writes sheetData: the rows in order, each with its height and its cells in order.
func (s *BookSheet) dataXML(b *xmlOut, sst *sstOut) {
	b.S(`<sheetData>`)
	for _, r := range rowColKeys(s.rows) {
		row := s.rows[r]
		if len(row.cells) == 0 && row.height == 0 {
			continue
		}
		rs := strconv.Itoa(r)
		b.S(`<row r="`, rs, `"`)
		if row.height > 0 {
			b.S(` ht="`, numberText(row.height), `" customHeight="1"`)
		}
		if len(row.cells) == 0 {
			b.S(`/>`)
			continue
		}
		b.S(`>`)
		for _, c := range rowColKeys(row.cells) {
			cell := row.cells[c]
			b.S(`<c r="`, ColName(c), rs, `"`)
			if cell.format != 0 {
				b.S(` s="`, strconv.Itoa(cell.format), `"`)
			}
			switch {
			case cell.formula != "":
				if cell.kind == cellString {
					b.S(` t="str"`)
				}
				b.S(`><f>`)
				b.text(cell.formula, false)
				b.S(`</f>`)
				if cell.kind != cellBlank {
					b.S(`<v>`)
					b.text(cell.value, cell.kind == cellString)
					b.S(`</v>`)
				}
				b.S(`</c>`)
			case cell.kind == cellString:
				b.S(` t="s"><v>`, strconv.Itoa(sst.add(cell.value)), `</v></c>`)
			case cell.kind == cellNumber:
				b.S(`><v>`, cell.value, `</v></c>`)
			default:
				b.S(`/>`)
			}
		}
		b.S(`</row>`)
	}
	b.S(`</sheetData>`)
}
