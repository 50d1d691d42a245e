package sml

import (
	"fmt"
	"math"
)

// call computes a function.
func (e *evaluator) call(n *node) (value, error) {
	arity := func(lo, hi int) error {
		if len(n.args) < lo || len(n.args) > hi {
			if lo == hi {
				return fmt.Errorf("函数 %s 需要 %d 个参数", n.text, lo)
			}
			if hi >= 255 {
				return fmt.Errorf("函数 %s 至少需要 %d 个参数", n.text, lo)
			}
			return fmt.Errorf("函数 %s 需要 %d 到 %d 个参数", n.text, lo, hi)
		}
		return nil
	}
	switch n.text {
	case "SUM", "MIN", "MAX", "AVERAGE", "COUNT", "COUNTA":
		if n.text == "SUM" && len(n.args) == 0 {
			return number(0), nil // as excelize and LibreOffice (Excel does not take it)
		}
		if err := arity(1, 255); err != nil {
			return value{}, err
		}
		return e.aggregate(n.text, n.args)
	case "AND", "OR":
		if err := arity(1, 255); err != nil {
			return value{}, err
		}
		return e.logical(n.text == "AND", n.args)
	case "NOT", "ABS", "INT":
		if err := arity(1, 1); err != nil {
			return value{}, err
		}
		x, err := e.single(n.args[0])
		if err != nil {
			return value{}, err
		}
		switch n.text {
		case "NOT":
			b := toBool(x)
			if b.kind == valError {
				return b, nil
			}
			return boolean(b.num == 0), nil
		case "ABS":
			x = toNumber(x)
			if x.kind == valError {
				return x, nil
			}
			return number(math.Abs(x.num)), nil
		}
		x = toNumber(x)
		if x.kind == valError {
			return x, nil
		}
		return number(math.Floor(x.num)), nil
	case "ROUND":
		if err := arity(2, 2); err != nil {
			return value{}, err
		}
		x, err := e.single(n.args[0])
		if err != nil {
			return value{}, err
		}
		d, err := e.single(n.args[1])
		if err != nil {
			return value{}, err
		}
		if x = toNumber(x); x.kind == valError {
			return x, nil
		}
		if d = toNumber(d); d.kind == valError {
			return d, nil
		}
		return number(roundDecimal(x.num, d.num)), nil
	case "IF":
		if err := arity(2, 3); err != nil {
			return value{}, err
		}
		c, err := e.single(n.args[0])
		if err != nil {
			return value{}, err
		}
		b := toBool(c)
		if b.kind == valError {
			return b, nil
		}
		if b.num != 0 {
			return e.eval(n.args[1])
		}
		if len(n.args) < 3 {
			return boolean(false), nil
		}
		return e.eval(n.args[2])
	case "SUMPRODUCT":
		if err := arity(1, 255); err != nil {
			return value{}, err
		}
		return e.sumProduct(n.args)
	}
	return value{}, fmt.Errorf("不支持函数 %s", n.text)
}

// single evaluates an argument that must be one value: a reference to one cell reads that cell, a
// larger range or an array gives #VALUE!.
func (e *evaluator) single(n *node) (value, error) {
	v, err := e.eval(n)
	if err != nil {
		return value{}, err
	}
	v, err = e.deref(v)
	if err != nil {
		return value{}, err
	}
	if v.kind == valArray {
		if len(v.arr) == 1 && len(v.arr[0]) == 1 {
			return v.arr[0][0], nil
		}
		return errValue("#VALUE!"), nil
	}
	return v, nil
}

// each calls fn with the values of the arguments: byRef is true for those read from a reference or an
// array, where Excel's functions skip text and booleans, false for values given directly.
func (e *evaluator) each(args []*node, fn func(v value, byRef bool) *value) (*value, error) {
	for _, a := range args {
		v, err := e.eval(a)
		if err != nil {
			return nil, err
		}
		byRef := v.kind == valArea || v.kind == valArray
		if v, err = e.deref(v); err != nil {
			return nil, err
		}
		if v.kind != valArray {
			if stop := fn(v, byRef); stop != nil {
				return stop, nil
			}
			continue
		}
		for _, row := range v.arr {
			for _, x := range row {
				if stop := fn(x, true); stop != nil {
					return stop, nil
				}
			}
		}
	}
	return nil, nil
}

// aggregate computes SUM, MIN, MAX, AVERAGE, COUNT and COUNTA.
func (e *evaluator) aggregate(fn string, args []*node) (value, error) {
	sum, count := 0.0, 0
	lo, hi := math.Inf(1), math.Inf(-1)
	stop, err := e.each(args, func(v value, byRef bool) *value {
		switch fn {
		case "COUNTA":
			if v.kind != valEmpty {
				count++
			}
			return nil
		case "COUNT":
			switch {
			case v.kind == valNumber:
				count++
			case !byRef && (v.kind == valBool || v.kind == valString && toNumber(v).kind == valNumber):
				count++
			}
			return nil
		}
		if v.kind == valError {
			return &v
		}
		if byRef && v.kind != valNumber {
			return nil
		}
		if v.kind == valEmpty {
			return nil
		}
		x := toNumber(v)
		if x.kind == valError {
			return &x
		}
		sum += x.num
		count++
		lo, hi = math.Min(lo, x.num), math.Max(hi, x.num)
		return nil
	})
	if err != nil {
		return value{}, err
	}
	if stop != nil {
		return *stop, nil
	}
	switch fn {
	case "SUM":
		return number(sum), nil
	case "COUNT", "COUNTA":
		return number(float64(count)), nil
	case "AVERAGE":
		if count == 0 {
			return errValue("#DIV/0!"), nil
		}
		return number(sum / float64(count)), nil
	case "MIN":
		if count == 0 {
			return number(0), nil
		}
		return number(lo), nil
	}
	if count == 0 {
		return number(0), nil
	}
	return number(hi), nil
}

// logical computes AND (all) or OR (any) of booleans and numbers; text and empty cells of a range are
// skipped, text given directly must read TRUE or FALSE; with no boolean at all the result is #VALUE!.
func (e *evaluator) logical(all bool, args []*node) (value, error) {
	seen, result := false, all
	stop, err := e.each(args, func(v value, byRef bool) *value {
		if v.kind == valError {
			return &v
		}
		if byRef && v.kind != valNumber && v.kind != valBool || v.kind == valEmpty {
			return nil
		}
		b := toBool(v)
		if b.kind == valError {
			return &b
		}
		seen = true
		if all {
			result = result && b.num != 0
		} else {
			result = result || b.num != 0
		}
		return nil
	})
	if err != nil {
		return value{}, err
	}
	if stop != nil {
		return *stop, nil
	}
	if !seen {
		return errValue("#VALUE!"), nil
	}
	return boolean(result), nil
}

// sumProduct multiplies arrays of the same size element by element and adds the products; what is not
// a number counts as 0.
func (e *evaluator) sumProduct(args []*node) (value, error) {
	var arrays [][][]value
	for _, a := range args {
		v, err := e.operand(a)
		if err != nil {
			return value{}, err
		}
		if v.kind != valArray {
			if v.kind == valError {
				return v, nil
			}
			v = value{kind: valArray, arr: [][]value{{v}}}
		}
		if len(arrays) > 0 && (len(v.arr) != len(arrays[0]) || len(v.arr[0]) != len(arrays[0][0])) {
			return errValue("#VALUE!"), nil
		}
		arrays = append(arrays, v.arr)
	}
	sum := 0.0
	for r := range arrays[0] {
		for c := range arrays[0][r] {
			p := 1.0
			for _, arr := range arrays {
				x := arr[r][c]
				switch x.kind {
				case valError:
					return x, nil
				case valNumber:
					p *= x.num
				default:
					p = 0
				}
			}
			sum += p
		}
	}
	return number(sum), nil
}

// roundDecimal rounds x to d decimal places (d < 0: to tens, hundreds …) half away from zero, on the 15
// significant digits Excel keeps, so that ROUND(1.005, 2) is 1.01.
func roundDecimal(x, d float64) float64 {
	digits := int(math.Trunc(d))
	switch {
	case digits > 15:
		return x
	case digits < -308:
		return 0
	}
	if digits >= 0 {
		scale := math.Pow(10, float64(digits))
		return math.Round(round15(round15(x)*scale)) / scale
	}
	scale := math.Pow(10, float64(-digits))
	return math.Round(round15(round15(x)/scale)) * scale
}
