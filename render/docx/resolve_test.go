package docx

import "testing"

// styleSheet resolves the effective properties of runs and paragraphs through styles.xml the way Word
// does: direct formatting, then the run's character style, then the paragraph style and the styles it is
// based on, then the document defaults. Each attribute is looked up on its own (Word merges w:spacing and
// w:rFonts attribute by attribute along the chain).
type styleSheet struct {
	byID      map[string]*node
	rDefaults *node // w:rPrDefault/w:rPr
	pDefaults *node // w:pPrDefault/w:pPr
}

// newStyleSheet reads a parsed word/styles.xml.
func newStyleSheet(t testing.TB, styles *node) *styleSheet {
	t.Helper()
	s := &styleSheet{byID: map[string]*node{}}
	for _, st := range styles.all("style") {
		s.byID[st.attr("styleId")] = st
	}
	if d := styles.first("rPrDefault"); d != nil {
		s.rDefaults = child(d, "rPr")
	}
	if d := styles.first("pPrDefault"); d != nil {
		s.pDefaults = child(d, "pPr")
	}
	return s
}

// child returns the first direct child of n with the given local name, or nil (also for a nil n).
func child(n *node, local string) *node {
	if n == nil {
		return nil
	}
	if k := n.kids(local); len(k) > 0 {
		return k[0]
	}
	return nil
}

// lookup returns the attribute attr of the element elem inside the container (w:rPr or w:pPr), and
// whether it was there.
func lookup(container *node, elem, attr string) (string, bool) {
	e := child(container, elem)
	if e == nil {
		return "", false
	}
	for _, a := range e.Attrs {
		if a.Name.Local == attr {
			return a.Value, true
		}
	}
	return "", false
}

// chain returns the style with the given id and the styles it is based on, nearest first.
func (s *styleSheet) chain(id string) []*node {
	var out []*node
	seen := map[string]bool{}
	for id != "" && !seen[id] {
		seen[id] = true
		st := s.byID[id]
		if st == nil {
			break
		}
		out = append(out, st)
		id = child(st, "basedOn").attrOr("val")
	}
	return out
}

// attrOr is attr on a possibly nil node.
func (n *node) attrOr(local string) string {
	if n == nil {
		return ""
	}
	return n.attr(local)
}

// paraStyle is the style id of paragraph p ("Normal" when it names none).
func paraStyle(p *node) string {
	if id := child(child(p, "pPr"), "pStyle").attrOr("val"); id != "" {
		return id
	}
	return "Normal"
}

// runProp returns the effective run property elem/attr of run r in paragraph p. With r == nil it
// returns the property of the paragraph mark, which is what text typed into the empty paragraph gets.
func (s *styleSheet) runProp(p, r *node, elem, attr string) string {
	var direct []*node
	if r != nil {
		rpr := child(r, "rPr")
		direct = append(direct, rpr)
		for _, st := range s.chain(child(rpr, "rStyle").attrOr("val")) {
			direct = append(direct, child(st, "rPr"))
		}
	} else {
		direct = append(direct, child(child(p, "pPr"), "rPr"))
	}
	return s.resolveRun(direct, paraStyle(p), elem, attr)
}

// styleRunProp returns the run property elem/attr that text without direct formatting gets in a
// paragraph of the given style.
func (s *styleSheet) styleRunProp(style, elem, attr string) string {
	return s.resolveRun(nil, style, elem, attr)
}

// resolveRun looks elem/attr up in the direct containers, then along the paragraph style's chain, then
// in the document defaults.
func (s *styleSheet) resolveRun(direct []*node, style, elem, attr string) string {
	for _, st := range s.chain(style) {
		direct = append(direct, child(st, "rPr"))
	}
	direct = append(direct, s.rDefaults)
	for _, c := range direct {
		if v, ok := lookup(c, elem, attr); ok {
			return v
		}
	}
	return ""
}

// paraProp returns the effective paragraph property elem/attr of paragraph p.
func (s *styleSheet) paraProp(p *node, elem, attr string) string {
	list := []*node{child(p, "pPr")}
	for _, st := range s.chain(paraStyle(p)) {
		list = append(list, child(st, "pPr"))
	}
	list = append(list, s.pDefaults)
	for _, c := range list {
		if v, ok := lookup(c, elem, attr); ok {
			return v
		}
	}
	return ""
}

// styleParaProp returns the paragraph property elem/attr a paragraph of the given style gets.
func (s *styleSheet) styleParaProp(style, elem, attr string) string {
	var list []*node
	for _, st := range s.chain(style) {
		list = append(list, child(st, "pPr"))
	}
	list = append(list, s.pDefaults)
	for _, c := range list {
		if v, ok := lookup(c, elem, attr); ok {
			return v
		}
	}
	return ""
}
