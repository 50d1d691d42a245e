package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/internal/lazyre"
)

// Qualitative claims of prose (rule N-TEXT): "未收到政府信息公开申请", "未发生行政复议", "均获维持",
// "无纠错". Each is compared with the table cells it denies; plans and goals (力争, 确保, 杜绝 …) and
// sentences about another year or a sub-unit are not claims.

// claimKind is what a claim says.
type claimKind int

const (
	claimNoApplication claimKind = iota // no application received: 本年新收 = 0
	claimNoReview                       // no 行政复议: 行政复议总计 = 0
	claimNoLitigation                   // no 行政诉讼: 未经复议直接起诉 + 复议后起诉 = 0
	claimAllKept                        // all upheld: 结果纠正 = 尚未审结 = 0 in the blocks named
	claimNoFix                          // nothing corrected: 结果纠正 = 0 in the blocks named
)

// textClaims is the vocabulary of claims.
var textClaims = []struct {
	re   *lazyre.RE
	kind claimKind
}{
	{lazyre.New(`(?:未|没有)(?:收到|受理|接到|接收|收悉)(?:过)?(?:任何)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请`), claimNoApplication},
	{lazyre.New(`(?:未|没有|无)(?:发生|出现|被申请|收到|有|涉及|产生)[^。；，,！？]{0,16}?(?:行政)?复议`), claimNoReview},
	{lazyre.New(`(?:未|没有|无)(?:发生|出现|被提起|被起诉|被诉|被申请|收到|有|涉及|产生)[^。；，,！？]{0,24}?(?:行政)?诉讼`), claimNoLitigation},
	{lazyre.New(`零(?:行政)?复议`), claimNoReview},
	{lazyre.New(`零(?:行政)?诉讼`), claimNoLitigation},
	{lazyre.New(`均(?:获|被|予以|已被|已获|为)?(?:法院|复议机关)?(?:判决|决定)?维持|全部(?:获|被|予以)?维持|均胜诉|全部胜诉`), claimAllKept},
	{lazyre.New(`(?:无|未|没有|零|均未|未发生|未出现)(?:一起|一件|任何)?(?:案件)?(?:被)?(?:行政复议|行政诉讼|复议机关|法院|复议|诉讼)?(?:被|予以)?(?:纠错|纠正|撤销|败诉|确认违法)`), claimNoFix},
}

var (
	fixWords   = lazyre.New(`纠错|纠正|败诉|撤销|确认违法`)
	reviewWord = lazyre.New(`复议`)
	litWord    = lazyre.New(`诉讼|起诉`)
	postWord   = lazyre.New(`复议后(?:提起)?(?:行政)?(?:诉讼|起诉)`)
)

// claims checks the qualitative claims of one sentence.
func (c *textCheck) claims(sen sentence) {
	s := sen.text
	if goalMark.MatchString(s) {
		return
	}
	may := claimsMay(s)
	for i, cl := range textClaims {
		if !may.has(i) {
			continue
		}
		for _, m := range cl.re.FindAllStringIndex(s, -1) {
			if !c.scopeOK(sen, m[0], false) {
				continue
			}
			frag := s[m[0]:m[1]]
			kind := cl.kind
			if kind == claimNoReview || kind == claimNoLitigation || kind == claimNoApplication {
				// "未出现行政复议被纠错的情况" denies a correction, not the case.
				end := len(s)
				if k := strings.IndexAny(s[m[1]:], "，,。；"); k >= 0 {
					end = m[1] + k
				}
				if fixWords.MatchString(s[m[0]:end]) {
					continue // the claimNoFix pattern reads it
				}
			}
			c.claim(sen, kind, m[0], frag)
		}
	}
}

// blocksNamed returns the table 四 blocks a sentence talks about: review (0), direct (1), post (2).
func blocksNamed(s string) []int {
	t := postWord.ReplaceAllString(s, "□")
	hasPost := t != s
	review := reviewWord.MatchString(t)
	lit := litWord.MatchString(t) || hasPost
	switch {
	case review && lit:
		return []int{0, 1, 2}
	case review:
		return []int{0}
	case lit:
		return []int{1, 2}
	}
	return nil
}

func (c *textCheck) claim(sen sentence, kind claimKind, at int, frag string) {
	r := c.r
	quote := claimQuote(sen.text[:at+len(frag)])
	fail := func(cell, want, got, why string) {
		q := textQuantity{cell: cell, table: "表四"}
		if kind == claimNoApplication {
			q.table = "表三"
		}
		c.add(Error, q, quote, fmt.Sprintf("正文说“%s”，但%s；请改正文或表格", quote, why), want, got)
	}
	switch kind {
	case claimNoApplication:
		if n := r.T3["new"][6]; n != 0 {
			fail("表三“一、本年新收政府信息公开申请数量”总计", "0", itoa(n), fmt.Sprintf("表三“一、本年新收政府信息公开申请数量”总计为 %d", n))
		}
	case claimNoReview:
		if n := r.T4[0][4]; n != 0 {
			fail("表四“行政复议”总计", "0", itoa(n), fmt.Sprintf("表四“行政复议”总计为 %d", n))
		}
	case claimNoLitigation:
		if n := r.T4[1][4] + r.T4[2][4]; n != 0 {
			fail("表四“未经复议直接起诉”与“复议后起诉”总计之和", "0", itoa(n), fmt.Sprintf("表四“未经复议直接起诉”与“复议后起诉”总计之和为 %d", n))
		}
	case claimAllKept, claimNoFix:
		blocks := blocksNamed(sen.text)
		if len(blocks) == 0 {
			return
		}
		// the finding names only the blocks whose cell contradicts the claim
		var fix, pending int64
		var fixNames, pendNames []string
		for _, b := range blocks {
			if n := r.T4[b][1]; n > 0 {
				fix += n
				fixNames = append(fixNames, "“"+blockName(b)+"”")
			}
			if n := r.T4[b][3]; n > 0 {
				pending += n
				pendNames = append(pendNames, "“"+blockName(b)+"”")
			}
		}
		switch {
		case fix > 0:
			where := "表四" + strings.Join(fixNames, "、")
			fail(where+"栏“结果纠正”", "0", itoa(fix), fmt.Sprintf("%s栏“结果纠正”共 %d 件", where, fix))
		case kind == claimAllKept && pending > 0:
			where := "表四" + strings.Join(pendNames, "、")
			fail(where+"栏“尚未审结”", "0", itoa(pending), fmt.Sprintf("%s栏“尚未审结”共 %d 件，尚未审结的案件不能说已获维持", where, pending))
		}
	}
}

func blockName(b int) string {
	return []string{"行政复议", "未经复议直接起诉", "复议后起诉"}[b]
}

// claimQuote is the end of a sentence up to a claim: at most 30 characters, from a clause start.
func claimQuote(s string) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) > 30 {
		rs = rs[len(rs)-30:]
		t := string(rs)
		if k := strings.IndexAny(t, "，,："); k >= 0 {
			_, size := utf8.DecodeRuneInString(t[k:])
			rs = []rune(t[k+size:])
		}
	}
	return strings.TrimSpace(string(rs))
}
