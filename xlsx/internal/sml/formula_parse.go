package sml

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// maxNesting bounds how deeply parentheses, function calls and signs may nest in a formula (each level
// of parentheses counts twice).
const maxNesting = 100

type nodeKind uint8

const (
	nodeNumber nodeKind = iota
	nodeString
	nodeBool
	nodeError
	nodeRef     // a reference to a cell or range of this sheet
	nodeFunc    // name(args)
	nodeNeg     // -x
	nodePercent // x%
	nodeBinary  // x op y
)

// node is a formula parsed into a tree.
type node struct {
	kind nodeKind
	num  float64
	text string // string, error code, operator or function name
	ref  reference
	args []*node
}

// parser reads tokens into a tree by operator precedence, as Excel does: comparison below &, below + -,
// below * /, below ^; negation binds tighter than ^ (-2^2 is 4) and % tighter still.
type parser struct {
	toks  []token
	pos   int
	depth int
}

// parseFormula parses a formula (without "=").
func parseFormula(f string) (*node, error) {
	toks, err := lex(strings.TrimPrefix(strings.TrimSpace(f), "="))
	if err != nil {
		return nil, err
	}
	p := &parser{}
	for i, t := range toks {
		if t.kind == tokSpace {
			if i > 0 && i+1 < len(toks) && endsOperand(toks[i-1]) && startsOperand(toks[i+1]) {
				return nil, errors.New("不支持交集运算（以空格分隔的两个引用）")
			}
			continue
		}
		p.toks = append(p.toks, t)
	}
	if len(p.toks) == 0 {
		return nil, errSyntax
	}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, errSyntax
	}
	return n, nil
}

func (p *parser) peek() (token, bool) {
	if p.pos < len(p.toks) {
		return p.toks[p.pos], true
	}
	return token{}, false
}

// binaryPrec returns the precedence of an infix operator, 0 for none.
func binaryPrec(op string) int {
	switch op {
	case "=", "<>", "<", ">", "<=", ">=":
		return 1
	case "&":
		return 2
	case "+", "-":
		return 3
	case "*", "/":
		return 4
	case "^":
		return 5
	}
	return 0
}

func (p *parser) enter() error {
	if p.depth++; p.depth > maxNesting {
		return fmt.Errorf("公式嵌套超过 %d 层", maxNesting)
	}
	return nil
}

// expr parses operators of at least precedence min (all are left-associative, ^ included, as in Excel).
func (p *parser) expr(min int) (*node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tokOp {
			return left, nil
		}
		prec := binaryPrec(t.text)
		if prec == 0 || prec < min {
			return left, nil
		}
		p.pos++
		right, err := p.expr(prec + 1)
		if err != nil {
			return nil, err
		}
		left = &node{kind: nodeBinary, text: t.text, args: []*node{left, right}}
	}
}

// unary parses prefix signs, an operand and postfix percent signs.
func (p *parser) unary() (*node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	t, ok := p.peek()
	if !ok {
		return nil, errSyntax
	}
	if t.kind == tokOp && (t.text == "-" || t.text == "+") {
		p.pos++
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		if t.text == "+" {
			return x, nil
		}
		return &node{kind: nodeNeg, args: []*node{x}}, nil
	}
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tokOp || t.text != "%" {
			return x, nil
		}
		p.pos++
		x = &node{kind: nodePercent, args: []*node{x}}
	}
}

func (p *parser) primary() (*node, error) {
	t, ok := p.peek()
	if !ok {
		return nil, errSyntax
	}
	p.pos++
	switch t.kind {
	case tokNumber:
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, errSyntax
		}
		return &node{kind: nodeNumber, num: v}, nil
	case tokString:
		return &node{kind: nodeString, text: t.text}, nil
	case tokError:
		return &node{kind: nodeError, text: t.text}, nil
	case tokOpen:
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if c, ok := p.peek(); !ok || c.kind != tokClose {
			return nil, errSyntax
		}
		p.pos++
		return x, nil
	case tokBraceOpen:
		return nil, errors.New("不支持数组常量")
	case tokWord:
		if n, ok := p.peek(); ok && n.kind == tokOpen {
			p.pos++
			return p.call(t.text)
		}
		switch strings.ToUpper(t.text) {
		case "TRUE":
			return &node{kind: nodeBool, num: 1}, nil
		case "FALSE":
			return &node{kind: nodeBool}, nil
		}
		if ref, ok := parseReference(t.text); ok {
			return &node{kind: nodeRef, ref: ref}, nil
		}
		return nil, fmt.Errorf("不支持名称 %s", t.text)
	}
	return nil, errSyntax
}

// call parses the arguments of a function after its "("; an empty argument reads as 0.
func (p *parser) call(name string) (*node, error) {
	n := &node{kind: nodeFunc, text: strings.ToUpper(name)}
	if t, ok := p.peek(); ok && t.kind == tokClose {
		p.pos++
		return n, nil
	}
	for {
		t, ok := p.peek()
		if !ok {
			return nil, errSyntax
		}
		if t.kind == tokComma || t.kind == tokClose {
			n.args = append(n.args, &node{kind: nodeNumber})
		} else {
			arg, err := p.expr(0)
			if err != nil {
				return nil, err
			}
			n.args = append(n.args, arg)
		}
		t, ok = p.peek()
		if !ok {
			return nil, errSyntax
		}
		p.pos++
		switch t.kind {
		case tokClose:
			return n, nil
		case tokComma:
		default:
			return nil, errSyntax
		}
	}
}
