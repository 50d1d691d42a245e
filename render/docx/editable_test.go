package docx

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
)

// textParts are the parts that hold text runs.
var textParts = []string{"word/document.xml", "word/footer1.xml", "word/footer2.xml", "word/header1.xml", "word/header2.xml"}

// TestRunsCarryNoDirectFormatting: fonts and sizes live in the styles. No run anywhere carries run
// properties other than the character style of a run-in lead, so changing a style changes the text.
func TestRunsCarryNoDirectFormatting(t *testing.T) {
	for _, f := range formats {
		p, _ := renderDOCX(t, sampleReport(f), Options{Draft: true})
		runs := 0
		for _, name := range textParts {
			for _, r := range p.parse(t, name).all("r") {
				runs++
				rpr := child(r, "rPr")
				if rpr == nil {
					continue
				}
				if len(rpr.Nodes) != 1 || rpr.Nodes[0].XMLName.Local != "rStyle" || rpr.Nodes[0].attr("val") != styleLead {
					t.Errorf("%s %s: run %q carries direct run properties", f, name, r.text())
				}
			}
		}
		if runs < 100 {
			t.Errorf("%s: only %d runs checked", f, runs)
		}
		if n := strings.Count(string(p.files["word/document.xml"]), "<w:rFonts"); n != 0 {
			t.Errorf("%s: document.xml names fonts %d times, want none (the styles name them)", f, n)
		}
	}
}

// TestTableTextStyles: each table's text size is in its paragraph style (表格文字 12 pt for 二, 表格文字（小五）
// 9 pt for 三 and 四, 表格注释 楷体 9 pt for the note), and every cell paragraph mark — also of empty,
// covered cells — has that size, so text typed into an emptied cell comes out in the table's size.
func TestTableTextStyles(t *testing.T) {
	for _, f := range formats {
		r := sampleReport(f)
		p, _ := renderDOCX(t, r, Options{})
		sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
		tbls := p.parse(t, "word/document.xml").all("tbl")
		for i, id := range []string{"t2", "t3", "t4"} {
			want := itoa(tableLooks[id].size)
			for _, para := range tbls[i].all("p") {
				if got := sheet.styleRunProp(paraStyle(para), "sz", "val"); got != want {
					t.Errorf("%s %s: style %s gives size %s, want %s", f, id, paraStyle(para), got, want)
				}
				if got := sheet.runProp(para, nil, "sz", "val"); got != want {
					t.Errorf("%s %s: paragraph mark of %q has size %s, want %s", f, id, para.text(), got, want)
				}
				east := sheet.runProp(para, nil, "rFonts", "eastAsia")
				if wantFont := fontSong; paraStyle(para) == styleTableNote && east != fontKai || paraStyle(para) != styleTableNote && east != wantFont {
					t.Errorf("%s %s: paragraph mark of %q in %s", f, id, para.text(), east)
				}
			}
		}
	}
}

// TestTwentyEightPerLine checks the arithmetic of the default lines grid: every 3号 text style advances
// 16 pt − 0.25 pt per character, so 28 characters (441 pt) fit the 442.2 pt type block and 29 do not —
// Word and LibreOffice both set characters at their advance plus the character spacing on a lines-only
// grid. With the chars grid the pitch comes from the grid and the styles add no spacing.
func TestTwentyEightPerLine(t *testing.T) {
	g := pageGeometry(layouts.GBT9704)
	block := float64(g.blockW) / 20
	for _, grid := range []string{GridLines, GridChars} {
		p, _ := renderDOCX(t, sampleReport(layouts.F2021), Options{Grid: grid})
		sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
		for _, id := range []string{styleBody, styleHeading1, styleHeading1Table, styleHeading2, styleSignature, styleDate} {
			sz := sheet.styleRunProp(id, "sz", "val")
			sp := sheet.styleRunProp(id, "spacing", "val")
			if grid == GridChars {
				if sp != "" {
					t.Errorf("chars grid: style %s adds character spacing %s", id, sp)
				}
				continue
			}
			half, spacing := float64(atoi(sz)), float64(atoi(sp))
			adv := half/2 + spacing/20
			if n := math.Floor(block / adv); n != 28 {
				t.Errorf("lines grid: style %s sets %s half-points with spacing %s: %.0f characters per %.1f pt line, want 28", id, sz, sp, n, block)
			}
		}
	}
}

// atoi is strconv.Atoi without the error (0 for "").
func atoi(s string) int {
	n := 0
	neg := strings.HasPrefix(s, "-")
	for _, c := range strings.TrimPrefix(s, "-") {
		n = n*10 + int(c-'0')
	}
	if neg {
		return -n
	}
	return n
}

// TestHeadingsBasedOnBuiltins: 一级标题 (and its after-table form) and 二级标题 are based on Word's built-in
// heading 1 and heading 2, so converters and Word's heading features see them.
func TestHeadingsBasedOnBuiltins(t *testing.T) {
	p, _ := renderDOCX(t, sampleReport(layouts.F2021), Options{})
	sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
	for id, builtin := range map[string]string{styleHeading1: "heading 1", styleHeading1Table: "heading 1", styleHeading2: "heading 2"} {
		found := false
		for _, st := range sheet.chain(id)[1:] {
			if child(st, "name").attrOr("val") == builtin {
				found = st.attr("customStyle") == ""
			}
		}
		if !found {
			t.Errorf("style %s is not based on the built-in %s", id, builtin)
		}
	}
}

// TestPandocSeesHeadings converts the DOCX with pandoc (a second reader): every 一、 heading becomes <h1>,
// every （一） heading <h2>, the vertical label reads whole and the three tables arrive as tables.
func TestPandocSeesHeadings(t *testing.T) {
	pandoc := needTool(t, "pandoc", "pandoc")
	for _, f := range formats {
		r := sampleReport(f)
		_, data := renderDOCX(t, r, Options{})
		in := filepath.Join(t.TempDir(), "r.docx")
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pandoc, "-f", "docx", "-t", "html", in).CombinedOutput()
		if err != nil {
			t.Fatalf("pandoc: %v\n%s", err, out)
		}
		html := string(out)
		for _, bl := range render.Blocks(r) {
			tag := map[render.Kind]string{render.Heading1: "h1", render.Heading2: "h2"}[bl.Kind]
			if tag == "" {
				continue
			}
			if !strings.Contains(html, ">"+bl.Text+"</"+tag+">") {
				t.Errorf("%s: pandoc gives no <%s> %s", f, tag, bl.Text)
			}
		}
		if n := strings.Count(html, "<table"); n != 3 {
			t.Errorf("%s: pandoc finds %d tables, want 3", f, n)
		}
		if !strings.Contains(html, "三、本年度办理结果") {
			t.Errorf("%s: pandoc does not read the vertical label whole", f)
		}
	}
}

// TestHeaderRowsKeepWithNext: every paragraph of the header rows of tables 三 and 四 keeps with the
// next, so Word and LibreOffice never leave a header alone at the foot of a page.
func TestHeaderRowsKeepWithNext(t *testing.T) {
	for _, f := range formats {
		p, _ := renderDOCX(t, sampleReport(f), Options{})
		tbls := p.parse(t, "word/document.xml").all("tbl")
		for i, name := range []string{"表三", "表四"} {
			rows := 0
			for _, tr := range tbls[i+1].kids("tr") {
				if child(tr, "trPr").first("tblHeader") == nil {
					continue
				}
				rows++
				for _, para := range tr.all("p") {
					if child(child(para, "pPr"), "keepNext") == nil {
						t.Errorf("%s %s: header paragraph %q does not keep with the next", f, name, para.text())
					}
				}
			}
			if rows == 0 {
				t.Errorf("%s %s: no header rows", f, name)
			}
		}
	}
}

// TestTableCaptions: every table has a caption (its name and heading) and a description for Word's
// accessibility checker.
func TestTableCaptions(t *testing.T) {
	want := map[layouts.Format][]string{
		layouts.F2019: {"表二 主动公开政府信息情况", "表三 收到和处理政府信息公开申请情况", "表四 政府信息公开行政复议、行政诉讼情况"},
		layouts.F2021: {"表二 主动公开政府信息情况", "表三 收到和处理政府信息公开申请情况", "表四 政府信息公开行政复议、行政诉讼情况"},
	}
	for _, f := range formats {
		p, _ := renderDOCX(t, sampleReport(f), Options{})
		for i, tbl := range p.parse(t, "word/document.xml").all("tbl") {
			pr := child(tbl, "tblPr")
			if got := child(pr, "tblCaption").attrOr("val"); got != want[f][i] {
				t.Errorf("%s table %d: caption %q, want %q", f, i, got, want[f][i])
			}
			if d := child(pr, "tblDescription").attrOr("val"); len([]rune(d)) < 20 {
				t.Errorf("%s table %d: description %q too short", f, i, d)
			}
		}
	}
}

// TestWPSCompatibility guards what WPS needs: grid column widths that sum to the table width, cell
// widths equal to the grid columns they span, no exact line spacing in table cells (WPS grows every row
// to the 28 pt body pitch) and no complex fields, TOC or content controls in any part.
func TestWPSCompatibility(t *testing.T) {
	for _, f := range formats {
		p, _ := renderDOCX(t, sampleReport(f), Options{Draft: true})
		sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
		for ti, tbl := range p.parse(t, "word/document.xml").all("tbl") {
			tblW := child(child(tbl, "tblPr"), "tblW")
			var cols []int
			sum := 0
			for _, gc := range child(tbl, "tblGrid").kids("gridCol") {
				cols = append(cols, gc.intAttr("w"))
				sum += gc.intAttr("w")
			}
			if tblW.attr("type") != "dxa" || tblW.intAttr("w") != sum {
				t.Errorf("%s table %d: tblW %v, grid columns sum to %d", f, ti, tblW.Attrs, sum)
			}
			for ri, tr := range tbl.kids("tr") {
				col, rowW := 0, 0
				for _, tc := range tr.kids("tc") {
					span := 1
					if gs := tc.first("gridSpan"); gs != nil {
						span = gs.intAttr("val")
					}
					w := 0
					for j := col; j < col+span && j < len(cols); j++ {
						w += cols[j]
					}
					if got := tc.first("tcW").intAttr("w"); got != w {
						t.Errorf("%s table %d row %d col %d: tcW %d, grid columns give %d", f, ti, ri, col, got, w)
					}
					col += span
					rowW += w
				}
				if col != len(cols) || rowW != sum {
					t.Errorf("%s table %d row %d: covers %d of %d columns, %d twips", f, ti, ri, col, len(cols), rowW)
				}
			}
			for _, para := range tbl.all("p") {
				if rule := sheet.paraProp(para, "spacing", "lineRule"); rule == "exact" {
					t.Errorf("%s table %d: cell %q has exact line spacing", f, ti, para.text())
				}
			}
		}
		for _, name := range p.names {
			s := string(p.files[name])
			for _, bad := range []string{"<w:fldChar", "<w:instrText", "TOC ", "<w:sdt"} {
				if strings.Contains(s, bad) {
					t.Errorf("%s %s: contains %s", f, name, bad)
				}
			}
		}
	}
}

// TestClosingIndents: the 署名 and 成文日期 follow GB/T 9704-2012 7.3.5.3 like the PDF: signature 右空二字 and
// the date two characters right of its start, or, for a date longer than that allows, the date 右空二字 and
// the signature two characters before it.
func TestClosingIndents(t *testing.T) {
	for _, tc := range []struct {
		sig, date string
		s, d      int
	}{
		{"江州市人民政府办公室", "2024年1月20日", 200, 350}, // 10 em and 6.5 em: date ends 3.5 characters in
		{"伊川县城市管理局", "2021年1月20日", 250, 200},   // 8 and 6.5: the date would end 1.5 in
		{"青石镇人民政府", "2025年12月31日", 400, 200},   // 7 and 7
		{"", "2025年1月1日", 200, 200},
		{"某局", "", 200, 200},
		{strings.Repeat("长", 27), "2025年1月1日", 63, 2100}, // never left of the type block
	} {
		if s, d := closingIndents(tc.sig, tc.date, 2763); s != tc.s || d != tc.d {
			t.Errorf("closingIndents(%q, %q) = %d, %d; want %d, %d", tc.sig, tc.date, s, d, tc.s, tc.d)
		}
	}
	p, _ := renderDOCX(t, sampleReport(layouts.F2021), Options{})
	sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
	got := map[string]string{}
	for _, para := range p.parse(t, "word/document.xml").first("body").kids("p") {
		if st := paraStyle(para); st == styleSignature || st == styleDate {
			got[st] = sheet.paraProp(para, "ind", "rightChars")
		}
	}
	// The sample: 伊川县城市管理局 over 2023年1月20日.
	if got[styleSignature] != "250" || got[styleDate] != "200" {
		t.Errorf("signature and date end %v hundredths of a character from the edge, want 250 and 200", got)
	}
}
