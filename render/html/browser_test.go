package html

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	xhtml "golang.org/x/net/html"

	"github.com/nianbao/nianbao/internal/browsertest"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// measured is what the browser reports about a loaded page.
type measured struct {
	// ClientWidth is the width of the viewport without a scrollbar.
	ClientWidth float64 `json:"clientWidth"`
	ScrollWidth float64 `json:"scrollWidth"`
	Tables      []struct {
		WrapClient float64 `json:"wrapClient"`
		WrapScroll float64 `json:"wrapScroll"`
		// Rows are the [top, bottom] of each tr.
		Rows  [][2]float64   `json:"rows"`
		Cells []measuredCell `json:"cells"`
	} `json:"tables"`
	// TextRight is the widest right edge of a heading or paragraph.
	TextRight float64 `json:"textRight"`
	// Mode is the document's compatibility mode and encoding: "CSS1Compat UTF-8" (no quirks).
	Mode string `json:"mode"`
}

// measuredCell is one th/td as laid out.
type measuredCell struct {
	Row      int    `json:"row"`
	RowSpan  int    `json:"rowSpan"`
	ColSpan  int    `json:"colSpan"`
	Text     string `json:"text"`
	Header   bool   `json:"header"`
	Overflow bool   `json:"overflow"`
	// Box is left, top, right, bottom in CSS pixels.
	Box [4]float64 `json:"box"`
	// LineTops are the tops of the rects of the cell's text nodes (one per stacked unit of a vertical label).
	LineTops []float64 `json:"lineTops"`
	// LineCentres are their horizontal centres.
	LineCentres []float64 `json:"lineCentres"`
	// Style is the computed text-indent, top border, vertical alignment and font weight.
	Style string `json:"style"`
}

// measureJS collects the geometry of every table cell, every row, the scroll containers and the page.
const measureJS = `(() => {
  const out = {clientWidth: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth, tables: [], textRight: 0,
    mode: document.compatMode + " " + document.characterSet};
  for (const e of document.querySelectorAll("article > h1, article > h2, article > h3, article > p")) {
    out.textRight = Math.max(out.textRight, e.getBoundingClientRect().right);
  }
  for (const tb of document.querySelectorAll("table")) {
    const wrap = tb.parentElement;
    const t = {wrapClient: wrap.clientWidth, wrapScroll: wrap.scrollWidth, rows: [], cells: []};
    for (const tr of tb.rows) {
      const r = tr.getBoundingClientRect();
      t.rows.push([r.top, r.bottom]);
      for (const c of tr.cells) {
        const b = c.getBoundingClientRect(), cs = getComputedStyle(c);
        const tops = [], centres = [];
        for (const n of c.childNodes) {
          if (n.nodeType !== 3) continue;
          const rg = document.createRange();
          rg.selectNodeContents(n);
          for (const q of rg.getClientRects()) { tops.push(q.top); centres.push((q.left + q.right) / 2); }
        }
        t.cells.push({row: tr.rowIndex, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.textContent,
          header: c.tagName === "TH", overflow: c.scrollWidth > c.clientWidth + 1,
          box: [b.left, b.top, b.right, b.bottom], lineTops: tops, lineCentres: centres,
          style: [cs.textIndent, cs.borderTopStyle, cs.borderTopWidth, cs.borderLeftStyle, cs.verticalAlign, cs.fontWeight].join(" ")});
      }
    }
    out.tables.push(t);
  }
  return out;
})()`

// placed is a measured cell at its grid position.
type placed struct {
	measuredCell
	col int
}

// placeCells expands the measured cells into the grid by rowspan/colspan, as the browser does.
func placeCells(cells []measuredCell, rows int) ([][]*placed, []*placed) {
	grid := make([][]*placed, rows)
	var all []*placed
	next := make([]int, rows)
	for _, c := range cells {
		r := c.Row
		col := next[r]
		for col < len(grid[r]) && grid[r][col] != nil {
			col++
		}
		p := &placed{c, col}
		all = append(all, p)
		for i := r; i < r+c.RowSpan && i < rows; i++ {
			for j := col; j < col+c.ColSpan; j++ {
				for len(grid[i]) <= j {
					grid[i] = append(grid[i], nil)
				}
				grid[i][j] = p
			}
		}
		next[r] = col + c.ColSpan
	}
	return grid, all
}

// tol is the tolerance of geometry comparisons in CSS pixels (collapsed borders are split between cells).
const tol = 1.01

func near(a, b float64) bool { return math.Abs(a-b) <= tol }

// checkGeometry checks one laid-out table against its layout: the browser's grid is the layout's (same
// cells, spans and text), and every cell's box spans exactly its rows and columns — its top is the top of
// its first row, its bottom the bottom of its last row, its left and right edges those of its first and
// last columns (taken from the cells one column wide).
func checkGeometry(t *testing.T, where string, lt *layouts.Table, r *report.Report, rows [][2]float64, cells []measuredCell) (colL, colR []float64, byText map[string]*placed) {
	t.Helper()
	if len(rows) != len(lt.Rows) {
		t.Errorf("%s %s: the browser lays out %d rows, want %d", where, lt.Name, len(rows), len(lt.Rows))
		return
	}
	grid, all := placeCells(cells, len(rows))
	byText = map[string]*placed{}
	for _, p := range all {
		if p.Header {
			byText[p.Text] = p
		}
	}
	for _, c := range lt.Cells {
		if c.Row >= len(grid) || c.Col >= len(grid[c.Row]) || grid[c.Row][c.Col] == nil {
			t.Errorf("%s %s: no cell at (%d,%d) in the browser", where, lt.Name, c.Row, c.Col)
			continue
		}
		p := grid[c.Row][c.Col]
		want := c.Text
		if c.Key != "" {
			want = r.CellText(c.Key)
		}
		if p.Row != c.Row || p.col != c.Col || p.RowSpan != c.RowSpan || p.ColSpan != c.ColSpan || p.Text != want || p.Header != (c.Key == "") {
			t.Errorf("%s %s: at (%d,%d) the browser has %q at (%d,%d) %d×%d, want %q %d×%d", where, lt.Name, c.Row, c.Col,
				p.Text, p.Row, p.col, p.RowSpan, p.ColSpan, want, c.RowSpan, c.ColSpan)
		}
	}
	if len(all) != len(lt.Cells) {
		t.Errorf("%s %s: %d cells in the browser, want %d", where, lt.Name, len(all), len(lt.Cells))
	}
	colL, colR = make([]float64, lt.Cols), make([]float64, lt.Cols)
	seen := make([]bool, lt.Cols)
	for _, p := range all {
		if p.ColSpan == 1 && p.col < lt.Cols && !seen[p.col] {
			seen[p.col] = true
			colL[p.col], colR[p.col] = p.Box[0], p.Box[2]
		}
	}
	for j, ok := range seen {
		if !ok {
			t.Fatalf("%s %s: no one-column cell in column %d to measure it", where, lt.Name, j)
		}
	}
	for _, p := range all {
		last, lastCol := p.Row+p.RowSpan-1, p.col+p.ColSpan-1
		if last >= len(rows) || lastCol >= lt.Cols {
			continue // reported above
		}
		if !near(p.Box[1], rows[p.Row][0]) || !near(p.Box[3], rows[last][1]) || !near(p.Box[0], colL[p.col]) || !near(p.Box[2], colR[lastCol]) {
			t.Errorf("%s %s: cell %q box %v does not span rows %d–%d (%.1f–%.1f) and columns %d–%d (%.1f–%.1f)", where, lt.Name,
				p.Text, p.Box, p.Row, last, rows[p.Row][0], rows[last][1], p.col, lastCol, colL[p.col], colR[lastCol])
		}
		if p.Overflow {
			t.Errorf("%s %s: the text of cell %q overflows its box", where, lt.Name, p.Text)
		}
		if p.Style != "0px solid 1px solid middle 400" {
			t.Errorf("%s %s: cell %q computes to %q, want no indent, its own solid borders, centred vertically, regular weight", where, lt.Name, p.Text, p.Style)
		}
	}
	return colL, colR, byText
}

// view is one browser viewport the pages are checked in.
type view struct {
	name          string
	width, height int64
	scale         float64
	mobile        bool
}

var views = []view{
	{"desktop", 1280, 900, 1, false},
	{"phone", 390, 844, 2, true},
}

// TestBrowserLayout loads the HTML of every example and of the samples of both formats in headless
// Chromium at desktop and phone widths, takes full-page screenshots (kept in NIANBAO_HTML_SHOTS when set),
// and checks the layout from the DOM: the browser's table grids equal the layouts grids, every merged
// cell's box spans exactly its rows and columns (三、本年度办理结果 from （一）予以公开 to （七）总计, the
// header cells over their columns), the stacked label has one unit per line, no cell text overflows,
// the page never scrolls sideways, and on a phone the wide tables 三 and 四 scroll inside their
// container. The same checks run on the fragment after stripping every attribute the CMS whitelist drops,
// and on that stripped fragment inside a portal template whose style sheet indents, pads, un-borders and
// bolds every cell: each cell must still compute to no indent, its own solid borders, vertical centring
// and regular weight.
func TestBrowserLayout(t *testing.T) {
	ctx := browsertest.New(t)
	dir := os.Getenv("NIANBAO_HTML_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	reports := allReports(t)
	var names []string
	for name := range reports {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		r := reports[name]
		pages := map[string]string{"": renderHTML(t, r, Options{})}
		// The fragment as a CMS stores it after its attribute filter, shown in a bare page.
		doc, err := xhtml.Parse(strings.NewReader(renderHTML(t, r, Options{Fragment: true})))
		if err != nil {
			t.Fatal(err)
		}
		strip(doc, func(el, a string) bool { return whitelist[a] })
		var buf bytes.Buffer
		if err := xhtml.Render(&buf, doc); err != nil {
			t.Fatal(err)
		}
		pages["-whitelist"] = buf.String()
		// The same fragment inside a portal template whose style sheet does what CMS templates do to
		// article bodies: indent every paragraph and cell, remove borders, pad cells, bold th.
		pages["-cms"] = cmsPage(t, buf.String())
		for suffix, src := range pages {
			file := filepath.Join(dir, name+suffix+".html")
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, v := range views {
				if suffix == "-whitelist" && v.mobile {
					continue
				}
				where := fmt.Sprintf("%s%s at %s width %d", name, suffix, v.name, v.width)
				if err := chromedp.Do(ctx, browsertest.Viewport(v.width, v.height, v.scale, v.mobile), chromedp.Navigate("file://"+file)); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				m, err := chromedp.Run(ctx, chromedp.Evaluate[measured](measureJS))
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				checkPage(t, where, r, v, m)
				if suffix == "" && !strings.HasPrefix(name, "sample") {
					shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
					if err != nil {
						t.Fatalf("%s: screenshot: %v", where, err)
					}
					img, err := png.Decode(bytes.NewReader(shot))
					if err != nil || img.Bounds().Dx() != int(m.ClientWidth*v.scale) {
						t.Errorf("%s: screenshot %v: %v", where, img.Bounds(), err)
					}
					out := filepath.Join(dir, name+"-"+v.name+".png")
					if err := os.WriteFile(out, shot, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Logf("%s: %s (%d×%d)", where, out, img.Bounds().Dx(), img.Bounds().Dy())
				}
				if v.mobile {
					scrollTables(t, ctx, where, filepath.Join(dir, name+"-"+v.name+"-scrolled.png"), suffix == "" && !strings.HasPrefix(name, "sample"))
				}
			}
		}
	}
}

// checkPage checks one loaded page.
func checkPage(t *testing.T, where string, r *report.Report, v view, m measured) {
	t.Helper()
	if want := "CSS1Compat UTF-8"; m.Mode != want && !strings.Contains(where, "-whitelist") {
		t.Errorf("%s: document mode %q, want %q", where, m.Mode, want)
	}
	if m.ScrollWidth > m.ClientWidth+0.5 || m.TextRight > m.ClientWidth {
		t.Errorf("%s: the page is %.0f px wide (text to %.0f) in a %.0f px viewport", where, m.ScrollWidth, m.TextRight, m.ClientWidth)
	}
	t2, t3, t4 := r.Tables()
	lts := []*layouts.Table{t2, t3, t4}
	if len(m.Tables) != 3 {
		t.Fatalf("%s: %d tables", where, len(m.Tables))
	}
	for i, lt := range lts {
		mt := m.Tables[i]
		colL, colR, byText := checkGeometry(t, where, lt, r, mt.Rows, mt.Cells)
		if byText == nil {
			continue
		}
		scrolls := mt.WrapScroll > mt.WrapClient+0.5
		if wantScroll := v.mobile && lt.ID != "t2"; scrolls != wantScroll {
			t.Errorf("%s %s: scrolls inside its container %v (content %.0f px in %.0f px), want %v", where, lt.Name, scrolls, mt.WrapScroll, mt.WrapClient, wantScroll)
		}
		// The merged cells named in the issue, checked by name as well.
		spans := func(text string, row0, row1, col0, col1 int) {
			p := byText[text]
			if p == nil {
				t.Errorf("%s %s: no header cell %q", where, lt.Name, text)
				return
			}
			ok := near(p.Box[1], mt.Rows[row0][0]) && near(p.Box[3], mt.Rows[row1][1]) && near(p.Box[0], colL[col0]) && near(p.Box[2], colR[col1])
			if !ok {
				t.Errorf("%s %s: %q box %v, want rows %d–%d, columns %d–%d", where, lt.Name, text, p.Box, row0, row1, col0, col1)
			}
		}
		switch lt.ID {
		case "t3":
			first, total := rowIndex(lt, "r1"), rowIndex(lt, "r7")
			spans("三、本年度办理结果", first, total, 0, 0)
			spans("（三）不予公开", rowIndex(lt, "r3_1"), rowIndex(lt, "r3_8"), 1, 1)
			spans("申请人情况", 0, 0, 3, 9)
			spans("法人或其他组织", 1, 1, 4, 8)
			spans("自然人", 1, 2, 3, 3)
			spans("总计", 1, 2, 9, 9)
			spans("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0, 2, 0, 2)
			if p := byText["三、本年度办理结果"]; p != nil {
				units := render.VerticalUnits(p.Text)
				stacked := len(p.LineTops) == len(units)
				for k := 1; stacked && k < len(p.LineTops); k++ {
					stacked = p.LineTops[k] > p.LineTops[k-1] && near(p.LineCentres[k], p.LineCentres[0])
				}
				if !stacked {
					t.Errorf("%s: 三、本年度办理结果 is not stacked one unit per line: tops %v centres %v", where, p.LineTops, p.LineCentres)
				}
			}
		case "t4":
			spans("行政复议", 0, 0, 0, 4)
			spans("行政诉讼", 0, 0, 5, 14)
			spans("未经复议直接起诉", 1, 1, 5, 9)
			spans("复议后起诉", 1, 1, 10, 14)
		}
	}
}

// rowIndex returns the grid row of a data row id.
func rowIndex(t *layouts.Table, id string) int {
	for i, r := range t.Rows {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// scrollTables scrolls every table container to its right end, as a thumb does on a phone, and checks
// that the wide tables 三 and 四 move inside their containers while the page stays put; with shot it
// saves a screenshot of the scrolled page.
func scrollTables(t *testing.T, ctx context.Context, where, file string, shot bool) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
  const out = [];
  for (const tb of document.querySelectorAll("table")) { const w = tb.parentElement; w.scrollLeft = w.scrollWidth; out.push(w.scrollLeft); }
  out.push(scrollX);
  return out;
})()`))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if len(got) != 4 || got[0] != 0 || got[1] <= 0 || got[2] <= 0 || got[3] != 0 {
		t.Errorf("%s: scrolled table containers to %v (tables 二 三 四, then the page), want 0, >0, >0, 0", where, got)
	}
	if !shot {
		return
	}
	img, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("%s: screenshot: %v", where, err)
	}
	if err := os.WriteFile(file, img, 0o644); err != nil {
		t.Fatal(err)
	}
}

// cmsStyle imitates the style sheet of a portal template (TRS_Editor) at its most hostile to pasted tables.
const cmsStyle = `.TRS_Editor p, .TRS_Editor td, .TRS_Editor th { text-indent: 2em; text-align: left; padding: 12px;
  border: none; font-weight: bold; vertical-align: top; font-size: 18px; line-height: 2.2 }
.TRS_Editor table { border: 0; width: auto; border-collapse: separate; border-spacing: 2px }
.TRS_Editor h2 { font-size: 28px; color: #06c } .TRS_Editor caption { font-size: 40px }`

// cmsPage puts a stored fragment (the body of a parsed and re-rendered tree) into a portal-like page.
func cmsPage(t *testing.T, stored string) string {
	t.Helper()
	i, j := strings.Index(stored, "<body>"), strings.LastIndex(stored, "</body>")
	if i < 0 || j < i {
		t.Fatalf("no body in the stored fragment")
	}
	return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
		"<style>" + cmsStyle + "</style></head><body><div class=\"TRS_Editor\">" + stored[i+len("<body>"):j] + "</div></body></html>\n"
}
