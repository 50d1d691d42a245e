package html

// Inline styles. Each element carries every property that affects it, so that the look survives a CMS
// editor that drops classes and style sheets but keeps style attributes (UEditor's whitelist), and so
// that the portal's own style sheet (often text-indent:2em on every p, or td) cannot leak into the
// tables. Sizes are relative (em) so that the portal's font size and its 长者模式 enlargement apply.
const (
	// styleBody is the body of the complete page.
	styleBody = "margin:0;padding:1em;background:#fff;color:#000;"
	// styleArticle centres the report in a readable measure.
	styleArticle = "max-width:52em;margin:0 auto;color:#000;line-height:1.8;text-align:left;"
	// styleDraft is the 草稿 mark at the top of a draft.
	styleDraft = "margin:0 0 1em;padding:0.25em;border:2px solid #c00;color:#c00;font-size:1.5em;font-weight:bold;line-height:1.4;text-align:center;text-indent:0;letter-spacing:1em;"
	// styleTitle is the report title (2号 小标宋 in the PDF).
	styleTitle = "margin:0.5em 0 1em;font-size:1.6em;font-weight:bold;line-height:1.4;text-align:center;text-indent:0;text-wrap:balance;word-wrap:break-word;overflow-wrap:anywhere;"
	// styleH1 is a first-level heading 一、总体情况 (黑体 in the PDF, indented two characters).
	styleH1 = "margin:1em 0 0.5em;font-size:1.2em;font-weight:bold;line-height:1.6;text-align:left;text-indent:2em;text-wrap:pretty;word-wrap:break-word;overflow-wrap:anywhere;"
	// styleH2 is a second-level heading （一）主动公开 on a line of its own (楷体 in the PDF).
	styleH2 = "margin:0.5em 0;font-size:1em;font-weight:bold;line-height:1.8;text-align:left;text-indent:2em;text-wrap:pretty;word-wrap:break-word;overflow-wrap:anywhere;"
	// stylePara is a body paragraph: first line indented two characters, justified.
	stylePara = "margin:0 0 0.5em;line-height:1.8;font-weight:normal;text-align:justify;text-indent:2em;word-wrap:break-word;overflow-wrap:anywhere;"
	// styleLead is the run-in heading at the start of a paragraph.
	styleLead = "font-weight:bold;"
	// styleSignature and styleDate close the report, right-aligned four characters from the right edge;
	// the first of them keeps a blank line above.
	styleSignature = "margin:2em 0 0;padding-right:4em;line-height:1.8;text-align:right;text-indent:0;"
	styleDate      = "margin:0;padding-right:4em;line-height:1.8;text-align:right;text-indent:0;"
	// styleScroll is the container that scrolls a wide table sideways on a phone instead of widening the
	// page.
	styleScroll = "max-width:100%;overflow-x:auto;-webkit-overflow-scrolling:touch;margin:0.5em 0 1em;padding:0;"
	// styleCaption hides the caption visually (the heading above already names the table) but keeps it
	// for screen readers; a CMS that strips the style shows it as a plain line above the table.
	styleCaption = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;"
	// styleCell is the part of every cell's style shared by all cells: its own borders, padding, no
	// indent, vertical centring, regular weight (th is bold by default).
	styleCell = "border:1px solid #000;padding:0.2em;text-indent:0;vertical-align:middle;font-weight:normal;"
)

// tableLook is the size of a table: the text size of its cells and the least width below which the
// table scrolls inside its container (so that 社会公益组织 and 法律服务机构 keep readable columns).
type tableLook struct {
	fontSize string
	minWidth string
}

// tableLooks follow the PDF: table 二 roomier, the dense tables 三 and 四 smaller.
var tableLooks = map[string]tableLook{
	"t2": {fontSize: "0.9375em", minWidth: "20em"},
	"t3": {fontSize: "0.875em", minWidth: "40em"},
	"t4": {fontSize: "0.875em", minWidth: "44em"},
}

// defaultLook serves a table without an entry in tableLooks.
var defaultLook = tableLook{fontSize: "0.875em", minWidth: "30em"}
