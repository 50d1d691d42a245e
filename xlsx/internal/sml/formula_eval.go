package sml

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// CalcLimits bound the work of computing one formula.
type CalcLimits struct {
	// MaxDepth bounds how deep formulas may refer to formulas (the formula computed is depth 0).
	MaxDepth int
	// MaxCells bounds the cells read, those of ranges included.
	MaxCells int
}

type valKind uint8

const (
	valEmpty valKind = iota // an empty cell
	valNumber
	valString
	valBool
	valError // an Excel error value: text holds its code (#DIV/0!)
	valArea  // a reference to a range of this sheet, read when needed
	valArray // the values of an expression over ranges (A1:A3*B1:B3)
)

// value is the result of a formula or of a part of one.
type value struct {
	kind valKind
	num  float64
	text string
	area Area
	arr  [][]value
}

func number(x float64) value {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return errValue("#NUM!")
	}
	if x == 0 {
		x = 0 // no negative zero
	}
	return value{kind: valNumber, num: x}
}

func boolean(b bool) value {
	if b {
		return value{kind: valBool, num: 1}
	}
	return value{kind: valBool}
}

func errValue(code string) value { return value{kind: valError, text: code} }

// calcCache holds the values of the sheet's formula cells computed so far.
type calcCache struct {
	done   map[[2]int]value
	active map[[2]int]bool
}

// evaluator computes formulas of one sheet.
type evaluator struct {
	s     *Grid
	lim   CalcLimits
	cells int
	depth int
}

// Calc computes the formula of the position (col, row) (the top-left cell of its merged range) from
// the cells of this sheet, within lim: numbers, text, TRUE and FALSE, references and ranges of this
// sheet, the operators + - * / ^ & % = <> < > <= >= and the functions SUM, IF, AND, OR, NOT, MIN, MAX,
// ABS, ROUND, INT, COUNT, COUNTA, AVERAGE and SUMPRODUCT, with Excel's rules for empty cells, text and
// booleans. Formula cells it refers to are computed again (their cached results may be stale); a
// reference back to a cell being computed is refused. The result is written as excelize's
// CalcCellValue writes it (numbers to 15 significant digits, TRUE, FALSE); an Excel error value (#DIV/0!)
// is returned as an error with that text, a formula it cannot compute as an error saying why.
func (s *Grid) Calc(col, row int, lim CalcLimits) (string, error) {
	col, row = s.topLeft(col, row)
	if s.calc == nil {
		s.calc = &calcCache{done: map[[2]int]value{}, active: map[[2]int]bool{}}
	}
	e := &evaluator{s: s, lim: lim}
	v, err := e.formulaCell(col, row)
	if err != nil {
		return "", err
	}
	v, err = e.scalar(v)
	if err != nil {
		return "", err
	}
	switch v.kind {
	case valNumber:
		return formatNumber(v.num), nil
	case valBool:
		if v.num != 0 {
			return "TRUE", nil
		}
		return "FALSE", nil
	case valString:
		return v.text, nil
	case valError:
		return "", errors.New(v.text)
	}
	return "0", nil
}

// formatNumber writes a result as CalcCellValue does: in plain decimals when they have at most 15
// digits, else to 15 significant digits (1.23456789012346E+17, 0.3 for 0.1+0.2).
func formatNumber(x float64) string {
	if x == 0 {
		return "0"
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if len(s)-strings.Count(s, ".") > 15 {
		return strings.ToUpper(strconv.FormatFloat(x, 'G', 15, 64))
	}
	return s
}

// formulaCell computes the formula of a cell.
func (e *evaluator) formulaCell(col, row int) (value, error) {
	key := [2]int{col, row}
	cache := e.s.calc
	if v, ok := cache.done[key]; ok {
		return v, nil
	}
	c := e.s.cellAt(col, row)
	f := ""
	if c != nil {
		f = e.s.formulaOf(c, row)
	}
	if f == "" {
		return value{}, errors.New("单元格没有公式")
	}
	if cache.active[key] {
		return value{}, fmt.Errorf("循环引用（%s 的公式直接或间接引用了它自己）", CellName(col, row, false))
	}
	if e.depth > e.lim.MaxDepth {
		return value{}, fmt.Errorf("公式层层引用超过 %d 层", e.lim.MaxDepth)
	}
	n, err := parseFormula(f)
	if err == nil {
		cache.active[key] = true
		e.depth++
		var v value
		if v, err = e.eval(n); err == nil {
			v, err = e.deref(v)
		}
		e.depth--
		delete(cache.active, key)
		if err == nil {
			return e.done(key, v), nil
		}
	}
	var ce *cellError
	if e.depth > 0 && !errors.As(err, &ce) {
		err = &cellError{cell: CellName(col, row, false), formula: f, err: err}
	}
	return value{}, err
}

// cellError is an error in the formula of a cell another formula refers to.
type cellError struct {
	cell, formula string
	err           error
}

func (e *cellError) Error() string {
	return fmt.Sprintf("%s 的公式 =%s：%v", e.cell, e.formula, e.err)
}

func (e *cellError) Unwrap() error { return e.err }

// done records the value a formula cell computed to.
func (e *evaluator) done(key [2]int, v value) value {
	if v.kind == valArray {
		v = topLeftOf(v)
	}
	if v.kind == valEmpty {
		v = number(0) // =C1 of an empty C1 is 0
	}
	e.s.calc.done[key] = v
	return v
}

func topLeftOf(v value) value {
	if len(v.arr) > 0 && len(v.arr[0]) > 0 {
		return v.arr[0][0]
	}
	return errValue("#VALUE!")
}

// cell returns the value of a cell: its formula computed, else its stored value (no merged-range
// lookup: a covered cell is empty, as in Excel).
func (e *evaluator) cell(col, row int) (value, error) {
	if e.cells++; e.cells > e.lim.MaxCells {
		return value{}, fmt.Errorf("公式引用的单元格超过 %d 个", e.lim.MaxCells)
	}
	c := e.s.cellAt(col, row)
	if c == nil {
		return value{}, nil
	}
	if c.hasF && e.s.formulaOf(c, row) != "" {
		return e.formulaCell(col, row)
	}
	switch c.typ {
	case typeBool:
		b, err := strconv.ParseBool(strings.TrimSpace(c.value))
		if err != nil {
			return errValue("#VALUE!"), nil
		}
		return boolean(b), nil
	case typeError:
		return errValue(c.value), nil
	case typeShared, typeInline:
		return value{kind: valString, text: c.value}, nil
	case typeStr:
		if c.value == "" {
			return value{}, nil
		}
		return value{kind: valString, text: c.value}, nil
	case typeDate:
		if ok, _, x := isNumeric(c.value); ok {
			return number(x), nil
		}
		return value{kind: valString, text: c.value}, nil
	}
	if c.value == "" {
		return value{}, nil
	}
	if ok, _, x := isNumeric(strings.TrimSpace(c.value)); ok {
		return number(x), nil
	}
	return errValue("#VALUE!"), nil
}

// deref turns a reference into the value of its cell (a single cell) or the values of its cells.
func (e *evaluator) deref(v value) (value, error) {
	if v.kind != valArea {
		return v, nil
	}
	a := v.area
	if a.FromCol == a.ToCol && a.FromRow == a.ToRow {
		return e.cell(a.FromCol, a.FromRow)
	}
	rows := a.ToRow - a.FromRow + 1
	cols := a.ToCol - a.FromCol + 1
	if rows*cols > e.lim.MaxCells {
		return value{}, fmt.Errorf("公式引用的单元格超过 %d 个", e.lim.MaxCells)
	}
	arr := make([][]value, rows)
	for r := range arr {
		arr[r] = make([]value, cols)
		for c := range arr[r] {
			x, err := e.cell(a.FromCol+c, a.FromRow+r)
			if err != nil {
				return value{}, err
			}
			arr[r][c] = x
		}
	}
	return value{kind: valArray, arr: arr}, nil
}

// scalar returns a single value: a reference's only cell, or the first of a range or array.
func (e *evaluator) scalar(v value) (value, error) {
	if v.kind == valArea {
		a := v.area
		return e.cell(a.FromCol, a.FromRow)
	}
	if v.kind == valArray {
		return topLeftOf(v), nil
	}
	return v, nil
}

// operand evaluates a node for an operator: a value, or the values of a range.
func (e *evaluator) operand(n *node) (value, error) {
	v, err := e.eval(n)
	if err != nil {
		return value{}, err
	}
	return e.deref(v)
}

func (e *evaluator) eval(n *node) (value, error) {
	switch n.kind {
	case nodeNumber:
		return number(n.num), nil
	case nodeString:
		return value{kind: valString, text: n.text}, nil
	case nodeBool:
		return boolean(n.num != 0), nil
	case nodeError:
		return errValue(n.text), nil
	case nodeRef:
		if n.ref.sheet != "" {
			return value{}, fmt.Errorf("不支持引用其他工作表（%s）", strings.TrimSuffix(n.ref.sheet, "!"))
		}
		f, t := n.ref.from, n.ref.to
		a := Area{f.col, f.row, t.col, t.row}
		if f.col == 0 { // whole rows
			a.FromCol, a.ToCol = 1, MaxCol
		}
		if f.row == 0 { // whole columns
			a.FromRow, a.ToRow = 1, MaxRow
		}
		a = Area{min(a.FromCol, a.ToCol), min(a.FromRow, a.ToRow), max(a.FromCol, a.ToCol), max(a.FromRow, a.ToRow)}
		return value{kind: valArea, area: a}, nil
	case nodeNeg, nodePercent:
		x, err := e.operand(n.args[0])
		if err != nil {
			return value{}, err
		}
		return mapValues(x, func(v value) value {
			num := toNumber(v)
			if num.kind != valNumber {
				return num
			}
			if n.kind == nodeNeg {
				return number(-num.num)
			}
			return number(num.num / 100)
		}), nil
	case nodeBinary:
		l, err := e.operand(n.args[0])
		if err != nil {
			return value{}, err
		}
		r, err := e.operand(n.args[1])
		if err != nil {
			return value{}, err
		}
		if lr, lc := dims(l); lr > 1 || lc > 1 {
			if rr, rc := dims(r); max(lr, rr)*max(lc, rc) > e.lim.MaxCells {
				return value{}, fmt.Errorf("公式的数组运算超过 %d 个单元格", e.lim.MaxCells)
			}
		} else if rr, rc := dims(r); rr*rc > e.lim.MaxCells {
			return value{}, fmt.Errorf("公式的数组运算超过 %d 个单元格", e.lim.MaxCells)
		}
		return combine(l, r, func(a, b value) value { return binary(n.text, a, b) }), nil
	case nodeFunc:
		return e.call(n)
	}
	return value{}, errSyntax
}

// dims returns the rows and columns of an array, 1 × 1 for a single value.
func dims(v value) (int, int) {
	if v.kind != valArray {
		return 1, 1
	}
	return len(v.arr), len(v.arr[0])
}

// mapValues applies fn to a value or to each value of an array.
func mapValues(v value, fn func(value) value) value {
	if v.kind != valArray {
		return fn(v)
	}
	out := make([][]value, len(v.arr))
	for r, row := range v.arr {
		out[r] = make([]value, len(row))
		for c, x := range row {
			out[r][c] = fn(x)
		}
	}
	return value{kind: valArray, arr: out}
}

// combine applies fn to two values, element by element when either is an array (a single value or a
// single row or column is repeated; positions one array lacks are #N/A).
func combine(a, b value, fn func(value, value) value) value {
	if a.kind != valArray && b.kind != valArray {
		return fn(a, b)
	}
	at := func(v value, r, c int) value {
		if v.kind != valArray {
			return v
		}
		rows, cols := dims(v)
		if rows == 1 {
			r = 0
		}
		if cols == 1 {
			c = 0
		}
		if r >= rows || c >= cols {
			return errValue("#N/A")
		}
		return v.arr[r][c]
	}
	ar, ac := dims(a)
	br, bc := dims(b)
	rows, cols := max(ar, br), max(ac, bc)
	out := make([][]value, rows)
	for r := range out {
		out[r] = make([]value, cols)
		for c := range out[r] {
			out[r][c] = fn(at(a, r, c), at(b, r, c))
		}
	}
	return value{kind: valArray, arr: out}
}

// binary applies an infix operator to two single values.
func binary(op string, a, b value) value {
	switch op {
	case "&":
		x, y := toText(a), toText(b)
		if x.kind == valError {
			return x
		}
		if y.kind == valError {
			return y
		}
		return value{kind: valString, text: x.text + y.text}
	case "=", "<>", "<", ">", "<=", ">=":
		if a.kind == valError {
			return a
		}
		if b.kind == valError {
			return b
		}
		c := compare(a, b)
		switch op {
		case "=":
			return boolean(c == 0)
		case "<>":
			return boolean(c != 0)
		case "<":
			return boolean(c < 0)
		case ">":
			return boolean(c > 0)
		case "<=":
			return boolean(c <= 0)
		}
		return boolean(c >= 0)
	}
	x, y := toNumber(a), toNumber(b)
	if x.kind == valError {
		return x
	}
	if y.kind == valError {
		return y
	}
	switch op {
	case "+":
		return number(x.num + y.num)
	case "-":
		return number(x.num - y.num)
	case "*":
		return number(x.num * y.num)
	case "/":
		if y.num == 0 {
			return errValue("#DIV/0!")
		}
		return number(x.num / y.num)
	case "^":
		if x.num == 0 && y.num == 0 {
			return errValue("#NUM!")
		}
		if x.num == 0 && y.num < 0 {
			return errValue("#DIV/0!")
		}
		return number(math.Pow(x.num, y.num))
	}
	return errValue("#VALUE!")
}

// toNumber converts a single value for arithmetic: TRUE is 1, an empty cell 0, text that is a number
// (" 12 ", "1.5E3", "50%") that number, other text #VALUE!.
func toNumber(v value) value {
	switch v.kind {
	case valNumber, valError:
		return v
	case valBool:
		return number(v.num)
	case valEmpty:
		return number(0)
	case valString:
		if x, ok := textNumber(v.text); ok {
			return number(x)
		}
	}
	return errValue("#VALUE!")
}

// textNumber reads text as Excel converts it to a number: optional sign, digits with a decimal point
// and exponent, an optional percent sign, white space around.
func textNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 || body == "" || !(body[0] >= '0' && body[0] <= '9' || body[0] == '.') {
		return 0, false
	}
	if j := scanNumber(body, 0); j != len(body) {
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	if pct {
		x /= 100
	}
	return x, true
}

// toText converts a single value for &: numbers as the cell shows them in General format.
func toText(v value) value {
	switch v.kind {
	case valString, valError:
		return v
	case valNumber:
		return value{kind: valString, text: formatNumber(v.num)}
	case valBool:
		if v.num != 0 {
			return value{kind: valString, text: "TRUE"}
		}
		return value{kind: valString, text: "FALSE"}
	}
	return value{kind: valString}
}

// toBool converts a single value for IF, AND, OR, NOT: a number is TRUE unless 0, an empty cell FALSE,
// text "TRUE" or "FALSE" in any case that boolean, other text #VALUE!.
func toBool(v value) value {
	switch v.kind {
	case valBool, valError:
		return v
	case valNumber:
		return boolean(v.num != 0)
	case valEmpty:
		return boolean(false)
	case valString:
		switch strings.ToUpper(strings.TrimSpace(v.text)) {
		case "TRUE":
			return boolean(true)
		case "FALSE":
			return boolean(false)
		}
	}
	return errValue("#VALUE!")
}

// compare orders two single values as Excel's comparison operators do: numbers before text before
// booleans, text without regard to case, numbers to 15 significant digits; an empty cell is 0, "" or
// FALSE, whichever it is compared with.
func compare(a, b value) int {
	if a.kind == valEmpty {
		a = emptyAs(b)
	}
	if b.kind == valEmpty {
		b = emptyAs(a)
	}
	rank := func(v value) int {
		switch v.kind {
		case valNumber:
			return 0
		case valString:
			return 1
		}
		return 2
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	switch a.kind {
	case valString:
		return strings.Compare(strings.ToUpper(a.text), strings.ToUpper(b.text))
	case valNumber:
		x, y := round15(a.num), round15(b.num)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	return int(a.num - b.num)
}

func emptyAs(other value) value {
	switch other.kind {
	case valString:
		return value{kind: valString}
	case valBool:
		return boolean(false)
	}
	return number(0)
}

// round15 rounds to 15 significant digits, the precision Excel compares and rounds with.
func round15(x float64) float64 {
	y, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	if err != nil {
		return x
	}
	return y
}
