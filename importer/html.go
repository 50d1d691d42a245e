package importer

import (
	"bytes"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/nianbao/nianbao/report"
)

// HTML imports a report page. contentType is the HTTP Content-Type if known ("" otherwise); the charset
// comes from it, a BOM or the page's <meta>, and an undeclared non-UTF-8 page is read as GB18030.
func HTML(data []byte, contentType string, o Options) (*Result, error) {
	if len(data) > MaxInput {
		return nil, fmt.Errorf("%s：输入过大（%d 字节），导入最多读取 %d MiB", o.name(), len(data), MaxInput>>20)
	}
	src, err := decodeHTML(data, contentType)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", o.name(), err)
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements exceeds") {
			return nil, fmt.Errorf("%s：页面的元素嵌套太深（超过 512 层，多为标签没有闭合），无法按 HTML 读取；请在浏览器中打开页面，全选复制正文，存为 .txt 后再导入", o.name())
		}
		return nil, fmt.Errorf("%s：无法解析 HTML：%v", o.name(), err)
	}
	root, source, masks := contentRoot(doc)
	x := &extractor{masks: masks}
	x.walk(root, 0)
	x.flush()
	title := pageTitle(doc)
	res, err := assemble(x.blocks, title, o, source)
	if err != nil {
		return nil, err
	}
	if x.deep {
		res.warn(fmt.Sprintf("页面的元素嵌套超过 %d 层，更深处的内容已舍弃", maxDepth))
	}
	if x.bigTable {
		res.warn("页面中有超大的表格，超出部分已舍弃")
	}
	return res, nil
}

// decodeHTML turns the page into UTF-8 text.
func decodeHTML(data []byte, contentType string) (string, error) {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if !certain && name == "windows-1252" {
		// No declaration and not UTF-8: Chinese government pages without a charset are GBK.
		return report.Decode(data)
	}
	if name == "utf-8" {
		s := string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
		if !utf8.ValidString(s) {
			// Declared UTF-8 but the bytes are GBK: a page saved from a site whose HTTP header said GBK
			// while its <meta> says UTF-8 (the browser followed the header).
			if d, err := report.Decode(data); err == nil {
				return d, nil
			}
			s = strings.ToValidUTF8(s, "\ufffd")
		}
		return s, nil
	}
	if isGB(name) && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) && utf8.Valid(data) && hasMultiByte(data) {
		// Declared GBK/GB2312 but the bytes are UTF-8 (re-saved by an editor or a browser that kept the
		// old <meta>): GBK text with Chinese characters is practically never valid UTF-8.
		return string(data), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("页面声明的编码 %s 无法解码：%v", name, err)
	}
	return string(out), nil
}

func isGB(name string) bool { return name == "gbk" || name == "gb18030" || name == "gb2312" }

// hasMultiByte reports whether data holds a multi-byte UTF-8 sequence (any non-ASCII byte).
func hasMultiByte(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

// skipped elements hold no report text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Iframe: true, atom.Object: true, atom.Svg: true, atom.Select: true, atom.Button: true,
	atom.Input: true, atom.Textarea: true, atom.Math: true, atom.Frameset: true, atom.Nav: true,
}

// blockLevel elements end the paragraph before and after them.
var blockLevel = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Section: true, atom.Article: true,
	atom.Blockquote: true, atom.Header: true, atom.Footer: true, atom.Center: true, atom.Dd: true,
	atom.Dt: true, atom.Dl: true, atom.Form: true, atom.Address: true, atom.Figure: true,
	atom.Figcaption: true, atom.Caption: true, atom.Hr: true, atom.Pre: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Main: true, atom.Aside: true, atom.Body: true, atom.Html: true,
}

// extractor walks the content and cuts it into blocks.
type extractor struct {
	// masks tells which section headings each element holds (from contentRoot): a table holding
	// headings is a layout table, read as containers, not as a data grid.
	masks    map[*html.Node]uint8
	blocks   []block
	cur      strings.Builder
	head     int
	deep     bool
	bigTable bool
}

func (x *extractor) flush() {
	t := strings.TrimSpace(cleanSpace(x.cur.String()))
	x.cur.Reset()
	if t != "" && len(x.blocks) <= maxBlocks {
		x.blocks = append(x.blocks, block{text: t, head: x.head})
	}
	x.head = 0
}

func (x *extractor) walk(n *html.Node, depth int) {
	if depth > maxDepth {
		x.deep = true
		return
	}
	switch n.Type {
	case html.TextNode:
		if x.cur.Len() < report.MaxTextRunes*4 {
			x.cur.WriteString(n.Data)
		}
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			x.flush()
			return
		case atom.Table:
			if x.masks[n] != 0 {
				break // a layout table around the report
			}
			x.flush()
			rows := x.grid(n)
			if len(rows) > 0 && len(x.blocks) <= maxBlocks {
				x.blocks = append(x.blocks, block{rows: rows})
			}
			return
		}
		if blockLevel[n.DataAtom] {
			x.flush()
			if h := headLevel(n.DataAtom); h > 0 {
				x.head = h
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				x.walk(c, depth+1)
			}
			h := x.head
			if hl := headLevel(n.DataAtom); hl > 0 {
				h = hl
			}
			x.head = h
			x.flush()
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.walk(c, depth+1)
	}
}

func headLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// tableRows returns the <tr> elements of a table (through thead/tbody/tfoot, not of nested tables).
func tableRows(t *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				out = append(out, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				if depth < 3 {
					walk(c, depth+1)
				}
			}
		}
	}
	walk(t, 0)
	return out
}

// grid expands a table's rowspan and colspan into a grid of rows.
func (x *extractor) grid(t *html.Node) []gridRow {
	trs := tableRows(t)
	var grid []gridRow
	// pending[r][c] holds a cell spanning down into row r.
	pending := map[[2]int]gridCell{}
	total := 0
	for ri, tr := range trs {
		row := gridRow{}
		col := 0
		place := func() {
			for {
				if c, ok := pending[[2]int{ri, col}]; ok {
					row = append(row, c)
					delete(pending, [2]int{ri, col})
					col++
					continue
				}
				return
			}
		}
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			place()
			rs, cs := span(c, "rowspan"), span(c, "colspan")
			text := cellText(c)
			for k := 0; k < cs && col < maxCellsRow; k++ {
				row = append(row, gridCell{text: text, origin: k == 0})
				for d := 1; d < rs; d++ {
					pending[[2]int{ri + d, col}] = gridCell{text: text}
				}
				col++
			}
			if col >= maxCellsRow {
				break
			}
		}
		place()
		total += len(row)
		if total > maxGridCells {
			x.bigTable = true
			break
		}
		grid = append(grid, row)
	}
	return grid
}

// span reads a rowspan or colspan attribute, 1 when absent or invalid, at most maxSpan.
func span(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if a.Key == name {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, maxSpan)
		}
	}
	return 1
}

// cellText returns the text of a table cell: its paragraphs joined by a space (dropped between Chinese
// characters: "商业<p>企业" reads 商业企业), &nbsp; padding gone.
func cellText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth || b.Len() > 4096 {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br || blockLevel[n.DataAtom] {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if n.Type == html.ElementNode && blockLevel[n.DataAtom] {
			b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, 1)
	}
	return strings.TrimSpace(cleanSpace(b.String()))
}

// nodeText returns the text of an element, cut at limit bytes.
func nodeText(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth || b.Len() > limit {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && skipped[n.DataAtom] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return cleanSpace(b.String())
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// contentMarkers are class names of the article body in common portal CMSs.
var contentMarkers = []string{"trs_editor", "trs_ueditor", "custom_unionstyle", "view trs", "article-content", "article_content", "zoom"}

// contentRoot finds the element holding the report: the CMS content block (TRS_Editor …) if it holds the
// headings, else the innermost element that holds as many of the six headings as the page has.
func contentRoot(doc *html.Node) (*html.Node, string, map[*html.Node]uint8) {
	masks := map[*html.Node]uint8{}
	// calc returns the headings a node holds and the length of its text (capped).
	var calc func(n *html.Node, depth int) (uint8, int)
	calc = func(n *html.Node, depth int) (uint8, int) {
		if depth > maxDepth {
			return 0, 0
		}
		var m uint8
		size := 0
		switch n.Type {
		case html.TextNode:
			if s := sectionOf(n.Data); s >= 0 {
				m = 1 << s
			}
			return m, len(n.Data)
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return 0, 0
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			cm, cs := calc(c, depth+1)
			m |= cm
			size = min(size+cs, 1<<20)
		}
		if n.Type == html.ElementNode && blockLevel[n.DataAtom] && m == 0 && size > 0 && size < 200 {
			// A heading split over inline elements: <p><b>一、</b><b>总体情况</b></p>.
			if s := sectionOf(nodeText(n, 200)); s >= 0 {
				m = 1 << s
			}
		}
		masks[n] = m
		return m, size
	}
	all, _ := calc(doc, 0)
	best := bits.OnesCount8(all)
	if best == 0 {
		return body(doc), "整个页面（未找到六个部分的标题）", masks
	}
	// The CMS content block, if it holds all the headings found.
	var marked *html.Node
	var find func(n *html.Node, depth int)
	find = func(n *html.Node, depth int) {
		if marked != nil || depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode {
			cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
			for _, mk := range contentMarkers {
				if strings.Contains(cls, mk) && bits.OnesCount8(masks[n]) == best {
					marked = n
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c, depth+1)
		}
	}
	find(doc, 0)
	if marked != nil {
		return marked, "正文块 class=" + strings.TrimSpace(attr(marked, "class")), masks
	}
	n := doc
	for {
		var next *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if bits.OnesCount8(masks[c]) == best {
				next = c
				break
			}
		}
		if next == nil || next.Type == html.TextNode {
			break
		}
		n = next
	}
	// Go up to the block holding the headings as siblings (the title and preamble usually sit beside them).
	for n.Parent != nil && n.Type == html.ElementNode && !blockLevel[n.DataAtom] {
		n = n.Parent
	}
	return n, "含六个标题的最小元素 <" + n.Data + ">", masks
}

func body(doc *html.Node) *html.Node {
	var found *html.Node
	var find func(n *html.Node, depth int)
	find = func(n *html.Node, depth int) {
		if found != nil || depth > 4 {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c, depth+1)
		}
	}
	find(doc, 0)
	if found == nil {
		return doc
	}
	return found
}

// pageTitle finds the report's headline: the CMS meta ArticleTitle, a heading or a *title* element that
// reads like a report title, else the <title> without the site name.
func pageTitle(doc *html.Node) string {
	var meta, heading, classed, title string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "name"), "ArticleTitle") && meta == "":
				meta = attr(n, "content")
			case n.DataAtom == atom.Title && title == "":
				title = nodeText(n, 400)
			case headLevel(n.DataAtom) > 0 && heading == "":
				if t := nodeText(n, 400); isTitle(t) {
					heading = t
				}
			case classed == "" && strings.Contains(strings.ToLower(attr(n, "class")+attr(n, "id")), "title"):
				if t := nodeText(n, 400); len(t) < 400 && isTitle(t) {
					classed = t
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	for _, t := range []string{meta, heading, classed} {
		if t = strings.TrimSpace(cleanSpace(t)); t != "" && isTitle(t) {
			return t
		}
	}
	for _, sep := range []string{"_", "|", " - ", "－", "—"} {
		if i := strings.Index(title, sep); i > 0 {
			title = title[:i]
		}
	}
	if t := strings.TrimSpace(title); isTitle(t) {
		return t
	}
	return ""
}
