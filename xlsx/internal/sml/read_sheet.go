package sml

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Limits bound what ReadSheet keeps of a worksheet, so that a hostile sheet costs no more than its
// size: a cell at XFD1048576 is counted, not kept in a grid.
type Limits struct {
	// MaxRow and MaxCol bound the cells kept; beyond them a cell only moves LastRow or WideRow.
	MaxRow, MaxCol int
	// MaxCells bounds the cells with a value or formula kept (and shared formula masters).
	MaxCells int
	// MaxMerges bounds the merged ranges, MaxMergedCells the positions within MaxRow × MaxCol they cover.
	MaxMerges, MaxMergedCells int
}

// ErrLimit is what the errors of a sheet or workbook beyond the limits it is read within are (as
// errors.Is reports), unlike those of a damaged one.
var ErrLimit = errors.New("超过读入上限")

type limitErr struct{ msg string }

func (e *limitErr) Error() string { return e.msg }
func (e *limitErr) Unwrap() error { return ErrLimit }

func limitError(format string, args ...any) error {
	return &limitErr{fmt.Sprintf(format, args...)}
}

// Area is a rectangle of cells, 1-based and inclusive: From is the top-left corner.
type Area struct {
	FromCol, FromRow, ToCol, ToRow int
}

// cell types, from the t attribute.
const (
	typeNumber uint8 = iota // n, absent, or an unknown type
	typeShared              // s: value holds the shared string
	typeStr                 // str: a formula's text result
	typeInline              // inlineStr: value holds the inline string (or v without is)
	typeBool                // b
	typeError               // e
	typeDate                // d: an ISO 8601 date and time
)

// sheetCell is one cell of a worksheet that holds a value or a formula.
type sheetCell struct {
	col   int
	typ   uint8
	value string
	style int
	// formula is the formula text (for a shared formula's master and dependents, see shared).
	formula string
	hasF    bool
	// shared is si+1 for a cell of a shared formula (master or dependent), 0 otherwise.
	shared int
}

type sheetRow struct {
	num   int
	cells []sheetCell
}

// sharedMaster is the cell a shared formula group's text is written in.
type sharedMaster struct {
	col, row int
	text     string
	tokens   []token
	err      error
}

// Grid is a worksheet as read: its cells with a value or formula, its merged ranges.
type Grid struct {
	// Name is the sheet's name.
	Name string
	// LastRow is the last row holding a value or formula, kept or not (beyond Limits.MaxRow).
	LastRow int
	// WideRow is the first row holding a value or formula beyond Limits.MaxCol (0: none), and WideCols
	// the last column holding one in that row.
	WideRow, WideCols int

	wb      *Workbook
	rows    []sheetRow
	merges  []Area
	masters map[int]*sharedMaster
	// covered maps a position within the limits that a merged range covers to that range's index.
	covered map[[2]int]int
	calc    *calcCache
}

// ReadSheet reads sheet i of the workbook within lim. A chart sheet reads as a sheet without cells.
func (wb *Workbook) ReadSheet(i int, lim Limits) (*Grid, error) {
	info := wb.Sheets[i]
	s := &Grid{Name: info.Name, wb: wb, masters: map[int]*sharedMaster{}}
	if info.Part == "" {
		return nil, fmt.Errorf("工作表“%s”在工作簿的关系部件中没有对应的部件：工作簿已损坏", info.Name)
	}
	zf := wb.part(info.Part)
	if zf == nil {
		return nil, fmt.Errorf("工作表“%s”的部件 %s 不存在：工作簿已损坏", info.Name, info.Part)
	}
	p, err := wb.openPart(zf, info.Part)
	if err != nil {
		return nil, err
	}
	r := sheetReader{p: p, s: s, lim: lim}
	if err := r.read(); err != nil {
		return nil, err
	}
	if err := s.finish(&r); err != nil {
		return nil, err
	}
	return s, nil
}

// sheetReader holds the state of reading one worksheet part.
type sheetReader struct {
	p   *partReader
	s   *Grid
	lim Limits
	row int // the current row's number
	col int // the last cell's column in the current row
	// rowFromCell: the current row has no r; the first cell that has one gives its number.
	rowFromCell bool
	kept        int
	unsorted    bool
	rawMerge    []Area
}

func (r *sheetReader) read() error {
	depth := 0 // 1 in the root element, 2 in sheetData or mergeCells, 3 in a row
	inData, inMerges := false, false
	for {
		tok, err := r.p.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok; t.kind {
		case xmlEnd:
			depth--
			switch string(local(t.name)) {
			case "sheetData":
				inData = false
			case "mergeCells":
				inMerges = false
			}
		case xmlStart:
			depth++
			switch {
			case depth == 1:
			case depth == 2 && t.is("sheetData"):
				inData = true
			case depth == 2 && t.is("mergeCells"):
				inMerges = true
			case depth == 3 && inData && t.is("row"):
				if err := r.startRow(t); err != nil {
					return err
				}
			case depth == 4 && inData && t.is("c"):
				depth--
				if err := r.cell(t); err != nil {
					return err
				}
			case depth == 3 && inMerges && t.is("mergeCell"):
				depth--
				if err := r.mergeCell(t); err != nil {
					return err
				}
				if err := r.p.skip(); err != nil {
					return err
				}
			default:
				depth--
				if err := r.p.skip(); err != nil {
					return err
				}
			}
		}
	}
}

// startRow begins a row: its number from r, else the one after the previous row.
func (r *sheetReader) startRow(se *xmlToken) error {
	r.col = 0
	v, ok := se.attr("r")
	if !ok {
		r.row++
		r.rowFromCell = true
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > MaxRow {
		return fmt.Errorf("工作表“%s”的行号 %q 无效（应为 1 到 %d）：工作簿已损坏", r.s.Name, v, MaxRow)
	}
	if n <= r.row {
		r.unsorted = true
	}
	r.row = n
	r.rowFromCell = false
	return nil
}

// cell reads a c element: its position, type, style, value, inline string and formula.
func (r *sheetReader) cell(se *xmlToken) error {
	col := r.col + 1
	if ref, ok := se.attr("r"); ok {
		c, row, err := ParseCell(strings.TrimSpace(ref))
		if err != nil {
			return fmt.Errorf("工作表“%s”的单元格地址 %q 无效：工作簿已损坏", r.s.Name, ref)
		}
		if r.rowFromCell {
			if row < r.row {
				r.unsorted = true
			}
			r.row, r.rowFromCell = row, false
		}
		if c <= r.col {
			r.unsorted = true
		}
		col = c
	} else if col > MaxCol {
		return fmt.Errorf("工作表“%s”第 %d 行的单元格超过 %d 列：工作簿已损坏", r.s.Name, r.row, MaxCol)
	}
	if r.row < 1 {
		r.row = 1
	}
	r.rowFromCell = false
	r.col = col
	where := func() string { return CellName(col, r.row, false) }
	c := sheetCell{col: col}
	if v, ok := se.attr("s"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 {
			return fmt.Errorf("工作表“%s”单元格 %s 的样式编号 %q 无效：工作簿已损坏", r.s.Name, where(), v)
		}
		c.style = n
	}
	t, _ := se.attr("t")
	switch t {
	case "s":
		c.typ = typeShared
	case "str":
		c.typ = typeStr
	case "inlineStr":
		c.typ = typeInline
	case "b":
		c.typ = typeBool
	case "e":
		c.typ = typeError
	case "d":
		c.typ = typeDate
	}
	var v, inline string
	hasV, hasIS := false, false
	var fType, fRef, fSI string
	hasSI := false
	for {
		ce, err := r.p.next()
		if err != nil {
			return err
		}
		if ce.kind == xmlEnd {
			break
		}
		if ce.kind != xmlStart {
			continue
		}
		switch string(local(ce.name)) {
		case "v":
			if v, err = r.p.text(); err != nil {
				return err
			}
			hasV = true
		case "is":
			if inline, err = r.p.richText(); err != nil {
				return err
			}
			hasIS = true
		case "f":
			fType, _ = ce.attr("t")
			fRef, _ = ce.attr("ref")
			fSI, hasSI = ce.attr("si")
			if c.formula, err = r.p.text(); err != nil {
				return err
			}
			if len(c.formula) > MaxFormulaLen {
				return fmt.Errorf("工作表“%s”单元格 %s 的公式超过 %d 个字符：工作簿已损坏", r.s.Name, where(), MaxFormulaLen)
			}
			c.hasF = true
		default:
			if err := r.p.skip(); err != nil {
				return err
			}
		}
	}
	if c.hasF && fType == "shared" && hasSI {
		si, err := strconv.Atoi(strings.TrimSpace(fSI))
		if err != nil || si < 0 {
			return fmt.Errorf("工作表“%s”单元格 %s 的共享公式编号 %q 无效：工作簿已损坏", r.s.Name, where(), fSI)
		}
		c.shared = si + 1
		if fRef != "" {
			if err := r.master(si, col, c.formula); err != nil {
				return err
			}
		}
		c.formula = ""
	}
	switch {
	case c.typ == typeInline && hasIS:
		c.value = inline
	case c.typ == typeShared && hasV:
		idx, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || idx < 0 {
			return fmt.Errorf("工作表“%s”单元格 %s 的共享字符串编号 %q 无效：工作簿已损坏", r.s.Name, where(), v)
		}
		if idx >= len(r.s.wb.sst) {
			return fmt.Errorf("工作表“%s”单元格 %s 引用的共享字符串第 %d 项不存在（共享字符串表只有 %d 项）：工作簿已损坏", r.s.Name, where(), idx, len(r.s.wb.sst))
		}
		c.value = r.s.wb.sst[idx]
	case c.typ == typeDate:
		// An ISO 8601 date reads as the serial number Excel loads it as.
		c.value = v
		if serial, ok := isoToSerial(v, r.s.wb.Date1904); ok {
			c.value = serial
		}
	default:
		c.value = v
	}
	if c.value == "" && !c.hasF {
		return nil // an empty (styled) cell shows nothing and is not kept
	}
	if r.row > r.s.LastRow {
		r.s.LastRow = r.row
	}
	if r.row > r.lim.MaxRow {
		return nil
	}
	if col > r.lim.MaxCol {
		if r.s.WideRow == 0 || r.row < r.s.WideRow {
			r.s.WideRow, r.s.WideCols = r.row, col
		} else if r.row == r.s.WideRow && col > r.s.WideCols {
			r.s.WideCols = col
		}
		return nil
	}
	if r.row == r.s.WideRow && col > r.s.WideCols {
		r.s.WideCols = col
	}
	r.kept++
	if r.kept > r.lim.MaxCells {
		return limitError("工作表“%s”中有值的单元格超过 %d 个：不像年度报告的表格", r.s.Name, r.lim.MaxCells)
	}
	rows := r.s.rows
	if n := len(rows); n == 0 || rows[n-1].num != r.row {
		r.s.rows = append(rows, sheetRow{num: r.row})
	}
	last := &r.s.rows[len(r.s.rows)-1]
	last.cells = append(last.cells, c)
	return nil
}

// master records the cell holding a shared formula's text; the first one (row by row) of a group counts.
func (r *sheetReader) master(si, col int, text string) error {
	if m, ok := r.s.masters[si]; ok && (m.row < r.row || m.row == r.row && m.col <= col) {
		return nil
	}
	if _, ok := r.s.masters[si]; !ok {
		r.kept++
		if r.kept > r.lim.MaxCells {
			return limitError("工作表“%s”中有值的单元格超过 %d 个：不像年度报告的表格", r.s.Name, r.lim.MaxCells)
		}
	}
	m := &sharedMaster{col: col, row: r.row, text: text}
	m.tokens, m.err = lex(text)
	r.s.masters[si] = m
	return nil
}

// mergeCell reads the ref of a merged range; a malformed one is ignored.
func (r *sheetReader) mergeCell(se *xmlToken) error {
	ref, _ := se.attr("ref")
	rg, ok := parseRange(ref)
	if !ok {
		return nil
	}
	if len(r.rawMerge) >= r.lim.MaxMerges {
		return limitError("工作表“%s”的合并单元格超过 %d 处：不像年度报告的表格", r.s.Name, r.lim.MaxMerges)
	}
	r.rawMerge = append(r.rawMerge, rg)
	return nil
}

// parseRange reads "A1:C3" or "A1" (with or without $) into a range with From at the top left.
func parseRange(ref string) (Area, bool) {
	ref = strings.ReplaceAll(strings.TrimSpace(ref), "$", "")
	a, b, two := strings.Cut(ref, ":")
	if !two {
		b = a
	}
	c1, r1, err1 := ParseCell(a)
	c2, r2, err2 := ParseCell(b)
	if err1 != nil || err2 != nil {
		return Area{}, false
	}
	return Area{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}

// finish puts rows and cells in order (a later cell at the same position replaces an earlier one),
// joins overlapping merged ranges as excelize does and indexes the positions they cover.
func (s *Grid) finish(r *sheetReader) error {
	if r.unsorted {
		sort.SliceStable(s.rows, func(i, j int) bool { return s.rows[i].num < s.rows[j].num })
		var rows []sheetRow
		for _, row := range s.rows {
			if n := len(rows); n > 0 && rows[n-1].num == row.num {
				rows[n-1].cells = append(rows[n-1].cells, row.cells...)
			} else {
				rows = append(rows, row)
			}
		}
		for i := range rows {
			cells := rows[i].cells
			sort.SliceStable(cells, func(a, b int) bool { return cells[a].col < cells[b].col })
			out := cells[:0]
			for _, c := range cells {
				if n := len(out); n > 0 && out[n-1].col == c.col {
					out[n-1] = c
				} else {
					out = append(out, c)
				}
			}
			rows[i].cells = out
		}
		s.rows = rows
	}
	s.merges = joinOverlapping(r.rawMerge)
	s.covered = map[[2]int]int{}
	area := 0
	for i, m := range s.merges {
		for row := m.FromRow; row <= min(m.ToRow, r.lim.MaxRow); row++ {
			for col := m.FromCol; col <= min(m.ToCol, r.lim.MaxCol); col++ {
				if area++; area > r.lim.MaxMergedCells {
					return limitError("工作表“%s”的合并单元格共覆盖超过 %d 个单元格：不像年度报告的表格", s.Name, r.lim.MaxMergedCells)
				}
				if _, ok := s.covered[[2]int{col, row}]; !ok {
					s.covered[[2]int{col, row}] = i
				}
			}
		}
	}
	return nil
}

// joinOverlapping replaces merged ranges that overlap by the range spanning them, until none do, as
// excelize's GetMergeCells does (two ranges overlap when a corner of one lies in the other).
func joinOverlapping(in []Area) []Area {
	list := append([]Area(nil), in...)
	for joined := true; joined; {
		joined = false
		used := make([]bool, len(list))
		var out []Area
		for i := range list {
			if used[i] {
				continue
			}
			a := list[i]
			for j := i + 1; j < len(list); j++ {
				if !used[j] && overlap(a, list[j]) {
					b := list[j]
					a = Area{min(a.FromCol, b.FromCol), min(a.FromRow, b.FromRow), max(a.ToCol, b.ToCol), max(a.ToRow, b.ToRow)}
					used[j], joined = true, true
				}
			}
			out = append(out, a)
		}
		list = out
	}
	return list
}

func (m Area) contains(col, row int) bool {
	return col >= m.FromCol && col <= m.ToCol && row >= m.FromRow && row <= m.ToRow
}

func overlap(a, b Area) bool {
	return b.contains(a.FromCol, a.FromRow) || b.contains(a.ToCol, a.FromRow) ||
		b.contains(a.FromCol, a.ToRow) || b.contains(a.ToCol, a.ToRow) || a.contains(b.FromCol, b.FromRow) ||
		a.contains(b.ToCol, b.FromRow) || a.contains(b.FromCol, b.ToRow) || a.contains(b.ToCol, b.ToRow)
}
