package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
)

// The N-TEXT engine. A paragraph is cut into sentences (。！？；); in each sentence the phrases of textTerms
// and the numbers are found; a number followed by a unit (件 宗 起 例 个; 万元 元 for amounts) is compared
// with the table when the phrase right before it — with nothing but filler words between — names a
// quantity. Sentences about another year, a sub-unit or a plan, approximate numbers (约, 余, 以上) and
// subsets introduced by 其中 that are not table cells are not compared.

// vocab is the compiled vocabulary of one format.
type vocab struct {
	scan  *termScanner // every phrase, leftmost-longest (check_scan.go)
	terms []textTerm
}

// lazyVocab is the vocabulary of one format, compiled the first time a report of that format is checked
// (a process usually checks one format only).
type lazyVocab struct {
	once sync.Once
	v    *vocab
}

var vocabs = map[layouts.Format]*lazyVocab{layouts.F2019: {}, layouts.F2021: {}}

func vocabFor(f layouts.Format) *vocab {
	lv, ok := vocabs[f]
	if !ok {
		f, lv = layouts.F2021, vocabs[layouts.F2021]
	}
	lv.once.Do(func() {
		v := &vocab{}
		for _, t := range textTerms {
			if t.format != "" && t.format != f {
				continue
			}
			v.terms = append(v.terms, t)
		}
		v.scan = newTermScanner(v.terms)
		lv.v = v
	})
	return lv.v
}

var (
	// t2FillerRe is what may stand between a table 二 phrase and its number: no 申请 (行政许可申请 are not
	// 处理决定).
	t2FillerRe     = lazyre.New(`^(?:[共计为了达：:，,\s]|的|数量|总数)*$`)
	subsetRe       = lazyre.New(`其中|含|包括|包含`)
	listSepRe      = lazyre.New(`^[、，,；;和及与\s]*$`)
	fillerRe       = lazyre.New(`^(?:[共计为了合达有已均是总数量：:，,、\s“”（(]|的|政府信息公开|信息公开|申请|案件|事项|件数|决定|宗数|处理决定|数量|结果)*$`)
	countUnitRe    = lazyre.New(`^\s*(?:件|宗|起|例|个)`)
	moneyUnitRe    = lazyre.New(`^\s*(万元|元)`)
	percentRe      = lazyre.New(`^\s*[%％]`)
	roughBeforeRe  = lazyre.New(roughBefore)
	roughAfterRe   = lazyre.New(roughAfter)
	otherTimeMark  = lazyre.New(otherTimeRe)
	partPeriodMark = lazyre.New(partPeriodRe)
	wholeYearMark  = lazyre.New(wholeYearRe)
	subUnitMark    = lazyre.New(subUnitRe)
	wholeAreaMark  = lazyre.New(wholeAreaRe)
	goalMark       = lazyre.New(goalRe)
	yearMark       = lazyre.New(`([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年`)
	clauseMark     = lazyre.New(`[，,：:（(]`)
	quoteMark      = lazyre.New(`[，,：:（(、]`)
	withCarried    = lazyre.New(`^\s*[（(]\s*(?:其中)?含上一?年度?结转`)
	leftoverRe     = lazyre.New(`(?:另有|尚有|还有|仍有|剩余|余下|其余|中有)\s*$`)
	shareRe        = lazyre.New(`^\s*[）)]?\s*[，,、]?\s*[（(]?\s*(合计|共计|共|总计|两项合计|二者合计|合计共)?\s*占(?:比)?([^，。；%％0-9０-９]{0,14}?)(?:的)?(?:比例|比重)?(?:为|达)?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]`)
)

// span is a phrase or a number found in a sentence (byte offsets).
type span struct {
	start, end int
	term       *textTerm // nil for a number
	num        numTok
}

type numTok struct {
	n        int64
	v        float64
	decimals int
	unitEnd  int    // end of the unit after the number
	unit     string // 件…, 万元, 元, % or "" (a bare number: an enumerator, a year)
}

// sentence is one sentence of a paragraph with its spans.
type sentence struct {
	text  string
	spans []span
}

func scanSentence(v *vocab, s string) sentence {
	out := sentence{text: s}
	terms := v.scan.scan(s, v.terms, nil)
	inTerm := func(a, b int) bool {
		for _, t := range terms {
			if a < t.end && b > t.start {
				return true
			}
		}
		return false
	}
	var nums []span
	for _, m := range proseNumRe.FindAllStringIndex(s, -1) {
		if inTerm(m[0], m[1]) {
			continue
		}
		tok := s[m[0]:m[1]]
		v, n, dec, ok := proseNumber(tok)
		if !ok {
			continue
		}
		rest := s[m[1]:]
		nt := numTok{n: n, v: v, decimals: dec, unitEnd: m[1]}
		if u := countUnitRe.FindString(rest); u != "" {
			nt.unit, nt.unitEnd = strings.TrimSpace(u), m[1]+len(u)
		} else if u := moneyUnitRe.FindString(rest); u != "" {
			nt.unit, nt.unitEnd = strings.TrimSpace(u), m[1]+len(u)
		} else if u := percentRe.FindString(rest); u != "" {
			nt.unit, nt.unitEnd = "%", m[1]+len(u)
		}
		han := tok[0] >= 0x80
		if han && nt.unit == "" {
			continue // 统一, 一是, 进一步: not numbers
		}
		nums = append(nums, span{start: m[0], end: m[1], num: nt})
	}
	// merge in order
	i, j := 0, 0
	for i < len(terms) || j < len(nums) {
		if j >= len(nums) || (i < len(terms) && terms[i].start < nums[j].start) {
			out.spans = append(out.spans, terms[i])
			i++
		} else {
			out.spans = append(out.spans, nums[j])
			j++
		}
	}
	return out
}

// textCheck is the state of one paragraph's check.
type textCheck struct {
	r   *Report
	p   prose
	out []Finding
	// seen, when set, is told of every number tied to a quantity (before it is compared).
	seen func(id string, n int64, quote string)
}

func checkProse(r *Report, p prose) []Finding {
	c := &textCheck{r: r, p: p}
	v := vocabFor(r.Format)
	for _, s := range splitSentences(p.text) {
		if !countedRe.MatchString(s) && !anyClaim(s) {
			continue // nothing to compare: skip the phrase scan
		}
		sen := scanSentence(v, s)
		c.numbers(sen)
		c.claims(sen)
	}
	return c.out
}

// countedRe finds a number with a unit: a sentence without one states no quantity.
var countedRe = lazyre.New(`[0-9０-９零〇一二两三四五六七八九十百千万]\s*(?:件|宗|起|例|个|万元|元|%|％)`)

func anyClaim(s string) bool {
	may := claimsMay(s)
	for i, cl := range textClaims {
		if may.has(i) && cl.re.MatchString(s) {
			return true
		}
	}
	return false
}

// mention is a number of the prose tied to a quantity.
type mention struct {
	p     prose
	n     int64
	quote string
}

// mentions lists the numbers of the prose that state quantity id (e.g. "carried").
func mentions(r *Report, id string) []mention {
	var out []mention
	v := vocabFor(r.Format)
	for _, p := range r.allProse() {
		c := &textCheck{r: r, p: p}
		c.seen = func(got string, n int64, quote string) {
			if got == id {
				out = append(out, mention{p, n, quote})
			}
		}
		for _, s := range splitSentences(p.text) {
			if countedRe.MatchString(s) {
				c.numbers(scanSentence(v, s))
			}
		}
	}
	return out
}

func splitSentences(p string) []string {
	var out []string
	last := 0
	for i, r := range p {
		switch r {
		case '。', '！', '？', '；', '!', '?', ';':
			end := i + utf8.RuneLen(r)
			out = append(out, p[last:end])
			last = end
		}
	}
	if last < len(p) {
		out = append(out, p[last:])
	}
	return out
}

// scopeOK reports whether a number at byte offset at of the sentence is about this agency in the report
// year: neither the sentence head (before its first counted number) nor the clause of the number names
// another year, an earlier period or a sub-unit.
func (c *textCheck) scopeOK(sen sentence, at int, allowNext bool) bool {
	head := 0
	for _, sp := range sen.spans {
		if sp.term == nil && sp.num.unit != "" {
			head = sp.start
			break
		}
	}
	if head > at {
		head = at
	}
	cl := 0
	if ms := clauseMark.FindAllStringIndex(sen.text[:at], -1); len(ms) > 0 {
		cl = ms[len(ms)-1][1]
	}
	scope := blankCarried(sen, 0, head) + "|" + blankCarried(sen, cl, at)
	if otherTimeMark.MatchString(scope) || subUnitMark.MatchString(scope) || partOfYear(scope) {
		return false
	}
	if !strings.HasSuffix(c.r.Agency, "人民政府") && wholeAreaMark.MatchString(scope) {
		return false
	}
	for _, m := range yearMark.FindAllStringSubmatch(scope, -1) {
		y, ok := yearOf(m[1])
		if !ok {
			continue
		}
		if y != c.r.Year && !(allowNext && y == c.r.Year+1) {
			return false
		}
	}
	return true
}

// partOfYear reports whether s names a part of the year (第一季度, 1月至6月) rather than the whole of it.
func partOfYear(s string) bool {
	for _, m := range partPeriodMark.FindAllStringIndex(s, -1) {
		if !wholeYearMark.MatchString(s[m[0]:]) {
			return true
		}
	}
	return false
}

// blankCarried returns sen.text[a:b] with the phrases 上年结转 and 结转下年度 left out (they name this
// report's own cells, not another year).
func blankCarried(sen sentence, a, b int) string {
	var sb strings.Builder
	pos := a
	for _, sp := range sen.spans {
		if sp.term == nil || sp.end <= a || sp.start >= b {
			continue
		}
		if sp.term.id != "carried" && sp.term.id != "carry" {
			continue
		}
		if sp.start > pos {
			sb.WriteString(sen.text[pos:sp.start])
		}
		sb.WriteString("□")
		pos = max(pos, sp.end)
	}
	if pos < b {
		sb.WriteString(sen.text[pos:b])
	}
	return sb.String()
}

func yearOf(s string) (int, bool) {
	if _, n, _, ok := proseNumber(s); ok && n > 0 {
		return int(n), true
	}
	return 0, false
}

// resolved is the quantity a number is compared with.
type resolved struct {
	q     textQuantity
	id    string
	from  int // start of the phrase, for the quote
	alt   [][]string
	share string // quantity id a share defaults to
}

// numbers compares every counted number of a sentence that a phrase ties to a table quantity.
func (c *textCheck) numbers(sen sentence) {
	var stated []int64 // values already compared in this sentence (for "合计占X%")
	prevEnd := 0
	untied := false // the last count of the sentence was tied to no table quantity
	for i, sp := range sen.spans {
		if sp.term != nil {
			continue
		}
		segStart := prevEnd
		prevEnd = sp.num.unitEnd
		if sp.num.unit == "" || sp.num.unit == "%" {
			continue
		}
		// untied says whether the count stated before this one in the sentence was about something else
		wasUntied := untied
		untied = true
		if roughBeforeRe.MatchString(sen.text[segStart:sp.start]) || roughAfterRe.MatchString(sen.text[sp.num.unitEnd:]) {
			continue
		}
		res, ok := c.resolve(sen, i, segStart)
		if !ok {
			continue
		}
		untied = false
		if wasUntied && (res.id == "r7" || res.id == "handled") && !strings.Contains(sen.text[res.from:sp.start], "申请") {
			// "受理不动产登记业务3,620件，办结3,618件": a bare 办结 after a count of something else is about
			// that, not about 政府信息公开申请
			untied = true
			continue
		}
		if !c.scopeOK(sen, sp.start, res.id == "carry") {
			continue
		}
		if c.seen != nil {
			c.seen(res.id, sp.num.n, c.quote(sen, res.from, sp.num.unitEnd))
		}
		if ok := c.compare(sen, sp, res, stated); ok {
			stated = append(stated, sp.num.n)
		} else {
			stated = nil
		}
	}
}

// resolve finds the quantity the number at spans[i] states, from the phrases before it in its segment
// (since the previous number) and the context of the sentence.
func (c *textCheck) resolve(sen sentence, i, segStart int) (resolved, bool) {
	sp := sen.spans[i]
	var last *span
	for k := i - 1; k >= 0 && sen.spans[k].start >= segStart; k-- {
		if sen.spans[k].term != nil {
			last = &sen.spans[k]
			break
		}
	}
	if last == nil {
		// "另有N件……顺延至下年度": the phrase follows the number in the same clause.
		if leftoverRe.MatchString(sen.text[segStart:sp.start]) {
			for k := i + 1; k < len(sen.spans); k++ {
				t := sen.spans[k]
				if t.term == nil {
					break
				}
				if t.term.id == "carry" {
					return resolved{q: textQuantities["carry"], id: "carry", from: segStart}, true
				}
			}
		}
		return resolved{}, false
	}
	if !fillerRe.MatchString(sen.text[last.end:sp.start]) {
		return resolved{}, false
	}
	// 其中: only a subset that is itself a table cell, named right after 其中.
	seg := sen.text[segStart:last.start]
	if k := strings.LastIndex(seg, "其中"); k >= 0 {
		if !fillerRe.MatchString(seg[k+len("其中"):]) {
			return resolved{}, false
		}
	}
	t := last.term
	if t.kind == tQty && (t.id == "r3" || t.id == "r4" || t.id == "r5" || t.id == "r6") {
		// "因本机关不掌握相关政府信息而无法提供的26件": the reason named before the category is its row.
		for k := i - 1; k >= 0 && sen.spans[k].start >= segStart; k-- {
			if s := sen.spans[k]; s.term != nil && s.start < last.start && strings.HasPrefix(s.term.id, t.id+"_") {
				t = s.term
				break
			}
		}
	}
	switch t.kind {
	case tQty:
		q, ok := quantityOf(c.r, t.id)
		if !ok {
			return resolved{}, false
		}
		if q.table == "表二" && !t2FillerRe.MatchString(sen.text[last.end:sp.start]) {
			return resolved{}, false
		}
		return resolved{q: q, id: t.id, from: last.start}, true
	case tCol:
		// The row or block is the one of the nearest quantity before: "行政处罚案件中维持原决定5件" is not
		// about 行政复议 even when the sentence began with it.
		// A quantity inside a closed parenthesis ("收到申请80件（含上年结转5件），其中自然人60件") is an aside:
		// the row stays the one before it, and the column may count the aside too.
		ctx, aside := "", ""
		for k := i - 1; k >= 0; k-- {
			if s := sen.spans[k]; s.term != nil && s.term.kind == tQty && s.start < last.start {
				if inClosedParen(sen.text, s.start, s.end, last.start) {
					if aside == "" {
						aside = s.term.ctx
					}
					continue
				}
				ctx = s.term.ctx
				break
			}
		}
		res, ok := colQuantity(c.r, t.id, ctx, last.start)
		if ok && aside != "" && aside != ctx {
			if other, ok2 := colQuantity(c.r, t.id, aside, last.start); ok2 && strings.HasPrefix(res.q.keys[0], "t3.") && strings.HasPrefix(other.q.keys[0], "t3.") {
				res.alt = append(res.alt, append(append([]string{}, res.q.keys...), other.q.keys...))
			}
		}
		return res, ok
	case tVerb:
		noun := ""
		// "现行有效的236件行政规范性文件": the document type follows the number.
		for k := i + 1; k < len(sen.spans); k++ {
			if s := sen.spans[k]; s.term != nil {
				if s.term.kind == tNoun && fillerRe.MatchString(sen.text[sp.num.unitEnd:s.start]) {
					noun = s.term.id
				}
				break
			}
		}
		var nouns []string
		if noun == "" && subsetRe.MatchString(sen.text[:last.start]) {
			// "规章13件（含新制定5件，修改4件）": a breakdown, whose parts the table may count otherwise.
			return resolved{}, false
		}
		if noun == "" {
			seen := map[string]bool{}
			for k := i - 1; k >= 0; k-- {
				if s := sen.spans[k]; s.term != nil && s.term.kind == tNoun && !seen[s.term.id] {
					seen[s.term.id] = true
					nouns = append(nouns, s.term.id)
				}
			}
			if len(nouns) == 0 {
				return resolved{}, false
			}
			noun = nouns[0]
		}
		return docQuantity(c.r, t.id, noun, nouns, last.start)
	case tNoun:
		for k := i - 1; k >= 0; k-- {
			if s := sen.spans[k]; s.term != nil && s.term.kind == tVerb {
				// a verb before the previous number carries over a list ("制发规章3件、行政规范性文件5件"),
				// not past other words ("新制作规范性文件3件，对外公开规范性文件总数28件")
				if s.start < segStart && !listSepRe.MatchString(sen.text[segStart:last.start]) {
					return resolved{}, false
				}
				return docQuantity(c.r, s.term.id, t.id, nil, s.start)
			}
		}
	}
	return resolved{}, false
}

// inClosedParen reports whether text[start:end] stands inside a parenthesis （…） or (…) that opens before
// start and closes before limit.
func inClosedParen(text string, start, end, limit int) bool {
	before := text[:start]
	open := max(strings.LastIndex(before, "（"), strings.LastIndex(before, "("))
	if open < 0 || open < max(strings.LastIndex(before, "）"), strings.LastIndex(before, ")")) {
		return false
	}
	if limit <= end {
		return false
	}
	return strings.ContainsAny(text[end:limit], "）)")
}

var colLabel = map[string]string{"NP": "自然人", "CE": "商业企业", "RI": "科研机构", "SW": "社会公益组织", "LS": "法律服务机构"}
var rowLabel = map[string]string{"new": "一、本年新收政府信息公开申请数量", "carried": "二、上年结转政府信息公开申请数量",
	"r7": "（七）总计", "carry": "四、结转下年度继续办理", "r1": "（一）予以公开", "r2": "（二）部分公开"}

// colQuantity is a column of the row (table 三) or block (table 四) the sentence is about.
func colQuantity(r *Report, col, ctx string, from int) (resolved, bool) {
	if ctx == "" {
		return resolved{}, false
	}
	if row, ok := rowLabel[ctx]; ok {
		var keys []string
		name := colLabel[col]
		switch col {
		case "keep", "fix", "other", "pending":
			return resolved{}, false
		case "LEGAL":
			for _, c := range []string{"CE", "RI", "SW", "LS", "OT"} {
				keys = append(keys, "t3."+ctx+"."+c)
			}
			name = "法人或其他组织（商业企业至其他五列之和）"
		default:
			keys = []string{"t3." + ctx + "." + col}
		}
		q := textQuantity{cell: fmt.Sprintf("表三“%s”行“%s”列", row, name), keys: keys, table: "表三"}
		return resolved{q: q, id: ctx + "." + col, from: from, share: "row:" + ctx}, true
	}
	blocks := map[string][]string{"review": {"review"}, "lit": {"direct", "post"}, "direct": {"direct"}, "post": {"post"}}
	bs, ok := blocks[ctx]
	label := map[string]string{"keep": "结果维持", "fix": "结果纠正", "other": "其他结果", "pending": "尚未审结"}[col]
	if !ok || label == "" {
		return resolved{}, false
	}
	var keys []string
	for _, b := range bs {
		keys = append(keys, "t4."+b+"."+col)
	}
	name := map[string]string{"review": "行政复议", "lit": "行政诉讼（未经复议直接起诉与复议后起诉之和）", "direct": "未经复议直接起诉", "post": "复议后起诉"}[ctx]
	q := textQuantity{cell: fmt.Sprintf("表四“%s”栏“%s”", name, label), keys: keys, table: "表四"}
	return resolved{q: q, id: ctx + "." + col, from: from}, true
}

// docQuantity is a table 二 cell of 规章 or 规范性文件: 本年制发 (2019: 本年新制作), 本年废止 or 现行有效.
// others are the document types named earlier in the sentence: "制发规章3件、行政规范性文件5件，废止2件"
// may mean either, or both together.
func docQuantity(r *Report, verb, noun string, others []string, from int) (resolved, bool) {
	item := map[string]string{"gz": "gz", "gfxwj": "xzgfxwj"}[noun]
	field := verb
	if r.Format == layouts.F2019 {
		item = map[string]string{"gz": "gz", "gfxwj": "gfxwj"}[noun]
		if verb != "made" {
			return resolved{}, false
		}
		field = "new_made"
	}
	label := map[string]string{"gz": "规章", "xzgfxwj": "行政规范性文件", "gfxwj": "规范性文件"}[item]
	var flabel string
	for _, it := range layouts.T2Items(r.Format) {
		if it.ID == item {
			for _, f := range it.Fields {
				if f.ID == field {
					flabel = f.Label
				}
			}
		}
	}
	if flabel == "" {
		return resolved{}, false
	}
	q := textQuantity{cell: fmt.Sprintf("表二“%s”行“%s”栏", label, flabel), keys: []string{"t2." + item + "." + field}, table: "表二"}
	res := resolved{q: q, id: item + "." + field, from: from}
	if len(others) > 1 {
		var all []string
		for _, o := range others {
			it := map[string]string{"gz": "gz", "gfxwj": "xzgfxwj"}[o]
			if r.Format == layouts.F2019 {
				it = o
			}
			k := "t2." + it + "." + field
			res.alt = append(res.alt, []string{k})
			all = append(all, k)
		}
		res.alt = append(res.alt, all)
	}
	return res, true
}

// quantityOf returns a quantity of textQuantities, or a row of table 三 by its id (r3_4 …).
func quantityOf(r *Report, id string) (textQuantity, bool) {
	if q, ok := textQuantities[id]; ok {
		return q, true
	}
	for _, row := range layouts.T3Rows(r.Format) {
		if row.ID == id {
			return textQuantity{cell: fmt.Sprintf("表三“%s”总计", row.Name()), keys: []string{"t3." + id + ".TOT"}, base: "r7", table: "表三"}, true
		}
	}
	return textQuantity{}, false
}

// sumKeys adds data keys; "t3.r3*.TOT" sums the rows of a group. ok is false when a key does not exist in
// the report's format.
func sumKeys(r *Report, keys []string) (int64, bool) {
	var n int64
	for _, k := range keys {
		if strings.Contains(k, "*") {
			parts := strings.Split(k, ".")
			prefix := strings.TrimSuffix(parts[1], "*")
			found := false
			for _, row := range layouts.T3Rows(r.Format) {
				if row.ID == prefix || strings.HasPrefix(row.ID, prefix+"_") {
					v, _ := r.Value("t3." + row.ID + "." + parts[2])
					n += v
					found = true
				}
			}
			if !found {
				return 0, false
			}
			continue
		}
		v, ok := r.Value(k)
		if !ok {
			return 0, false
		}
		n += v
	}
	return n, true
}

// amount reads a decimal table 二 cell in 万元.
func amount(r *Report, key string) (float64, bool) {
	s, ok := r.T2[key]
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

func (c *textCheck) quote(sen sentence, from, to int) string {
	cl := 0
	if ms := quoteMark.FindAllStringIndex(sen.text[:from], -1); len(ms) > 0 {
		cl = ms[len(ms)-1][1]
	}
	return strings.TrimSpace(sen.text[min(cl, from):to])
}

func (c *textCheck) add(sev Severity, q textQuantity, quote, msg, want, got string) {
	c.out = append(c.out, Finding{Severity: sev, Rule: "N-TEXT", Row: c.p.where, Cell: q.cell,
		Quote: quote, Expected: want, Actual: got, File: c.r.File, Line: c.p.line,
		Message: c.p.where + "：" + msg})
}

// compare checks one number (and a share that follows it); it reports whether the number agreed.
func (c *textCheck) compare(sen sentence, sp span, res resolved, stated []int64) bool {
	q := res.q
	if q.money {
		want, ok := amount(c.r, q.keys[0])
		if !ok || (sp.num.unit != "万元" && sp.num.unit != "元") {
			return false
		}
		got := sp.num.v
		tol := 0.5*math.Pow(10, -float64(sp.num.decimals)) + 1e-9
		if sp.num.unit == "元" {
			got /= 10000
			tol /= 10000
		}
		if math.Abs(got-want) > tol {
			quote := c.quote(sen, res.from, sp.num.unitEnd)
			c.add(Error, q, quote, fmt.Sprintf("正文“%s”与%s %s 万元不符；请改正文或表格", quote, q.cell, c.r.T2[q.keys[0]]), c.r.T2[q.keys[0]], strconv.FormatFloat(got, 'f', -1, 64))
			return false
		}
		return true
	}
	if sp.num.unit != "件" && sp.num.unit != "宗" && sp.num.unit != "起" && sp.num.unit != "例" && sp.num.unit != "个" {
		return false
	}
	want, ok := sumKeys(c.r, q.keys)
	if !ok {
		return false
	}
	n := sp.num.n
	quote := c.quote(sen, res.from, sp.num.unitEnd)
	rest := sen.text[sp.num.unitEnd:]
	if res.id == "new" && withCarried.MatchString(rest) {
		// "收到申请20件（含上年结转2件）": 新收 + 上年结转.
		w, _ := sumKeys(c.r, []string{"t3.new.TOT", "t3.carried.TOT"})
		if n != w {
			c.add(Error, q, quote, fmt.Sprintf("正文“%s”写的是 %d 件（含上年结转），但%s与表三“二、上年结转政府信息公开申请数量”总计之和为 %d；请改正文或表格", quote, n, q.cell, w), itoa(w), itoa(n))
			return false
		}
		return true
	}
	match := n == want
	for _, alt := range append(append([][]string{}, q.also...), res.alt...) {
		if v, ok := sumKeys(c.r, alt); ok && v == n {
			match = true
		}
	}
	if !match && q.warn != nil {
		if v, ok := sumKeys(c.r, q.warn); ok && v == n {
			c.add(Warning, q, quote, fmt.Sprintf("正文“%s”写的是 %d 件，%s %d 件，而这个数%s", quote, n, q.cell, want, q.warnMsg), itoa(want), itoa(n))
			return true
		}
	}
	if !match && q.soft != "" {
		c.add(Warning, q, quote, fmt.Sprintf("正文“%s”写的是 %d 件，%s为 %d：%s", quote, n, q.cell, want, q.soft), itoa(want), itoa(n))
		return false
	}
	if !match {
		c.add(Error, q, quote, fmt.Sprintf("正文“%s”写的是 %d 件，但%s为 %d；请改正文或表格（正文可用占位符如 {{收到申请}}、{{办结}} 自动引用表格数字）", quote, n, q.cell, want), itoa(want), itoa(n))
		return false
	}
	c.share(sen, sp, res, stated)
	return true
}

// share checks "占X%" after a number that agreed with the table.
func (c *textCheck) share(sen sentence, sp span, res resolved, stated []int64) {
	m := shareRe.FindStringSubmatchIndex(sen.text[sp.num.unitEnd:])
	if m == nil {
		return
	}
	rest := sen.text[sp.num.unitEnd:]
	sum := rest[max(m[2], 0):max(m[3], 0)] != ""
	baseText := rest[m[4]:m[5]]
	pv, _, dec, ok := proseNumber(rest[m[6]:m[7]])
	if !ok || strings.Contains(baseText, "约") {
		return
	}
	var baseQ string
	switch {
	case strings.TrimSpace(baseText) == "":
		baseQ = res.q.base
		if res.share != "" {
			baseQ = res.share
		}
		if baseQ == "" {
			return
		}
	default:
		for _, b := range shareBases {
			if b.re.MatchString(baseText) {
				baseQ = b.qty
				break
			}
		}
		if baseQ == "" {
			return
		}
	}
	var base int64
	var baseCell string
	if row, ok := strings.CutPrefix(baseQ, "row:"); ok {
		base, _ = sumKeys(c.r, []string{"t3." + row + ".TOT"})
		baseCell = fmt.Sprintf("表三“%s”行“总计”列", rowLabel[row])
	} else {
		bq := textQuantities[baseQ]
		base, _ = sumKeys(c.r, bq.keys)
		baseCell = bq.cell
	}
	if base <= 0 {
		return
	}
	nums := []int64{sp.num.n}
	if sum {
		// "予以公开N件、部分公开M件，合计占X%": any run of the numbers just stated, ending with this one.
		nums = nil
		var s int64 = sp.num.n
		nums = append(nums, s)
		for k := len(stated) - 1; k >= 0; k-- {
			if s+stated[k] > base {
				break // a total stated before (办结N件，其中…) is the base, not a part of the sum
			}
			s += stated[k]
			nums = append(nums, s)
		}
	}
	tol := 0.5*math.Pow(10, -float64(dec)) + 1e-9
	step := math.Pow(10, -float64(dec))
	for _, num := range nums {
		pct := 100 * float64(num) / float64(base)
		if math.Abs(pct-pv) <= tol || (pct >= pv && pct < pv+step) {
			return
		}
	}
	num := nums[len(nums)-1]
	pct := 100 * float64(num) / float64(base)
	quote := c.quote(sen, res.from, sp.num.unitEnd+m[1])
	what := fmt.Sprintf("%s %d", res.q.cell, num)
	if len(nums) > 1 {
		what = fmt.Sprintf("合计 %d", num)
	}
	c.add(Error, textQuantity{cell: baseCell}, quote, fmt.Sprintf("正文“%s”所写比例 %s%% 与表格不符：%s ÷ %s %d = %.*f%%；请改正文或表格", quote, strconv.FormatFloat(pv, 'f', -1, 64), what, baseCell, base, max(dec, 1), pct),
		fmt.Sprintf("%.*f%%", max(dec, 1), pct), strconv.FormatFloat(pv, 'f', -1, 64)+"%")
}
