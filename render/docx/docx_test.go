package docx

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nianbao/nianbao/internal/ooxml"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// renderDOCX renders r and unpacks the result.
func renderDOCX(t testing.TB, r *report.Report, o Options) (*pkg, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(r, &buf, o); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return unpack(t, buf.Bytes()), buf.Bytes()
}

var formats = []layouts.Format{layouts.F2019, layouts.F2021}

func TestPackagePartsAndRelationships(t *testing.T) {
	for _, draft := range []bool{false, true} {
		p, _ := renderDOCX(t, sampleReport(layouts.F2021), Options{Draft: draft})
		if p.names[0] != "[Content_Types].xml" {
			t.Errorf("first zip entry is %s, want [Content_Types].xml", p.names[0])
		}
		want := []string{"_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
			"word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
			"word/footer1.xml", "word/footer2.xml"}
		if draft {
			want = append(want, "word/header1.xml", "word/header2.xml")
		}
		if len(p.names) != len(want)+1 {
			t.Errorf("draft=%v: parts %v, want %d parts", draft, p.names, len(want)+1)
		}
		ct := p.parse(t, "[Content_Types].xml")
		overrides := map[string]bool{}
		for _, o := range ct.all("Override") {
			overrides[o.attr("PartName")] = true
		}
		for _, name := range want {
			p.parse(t, name) // well-formed
			if !strings.HasSuffix(name, ".rels") && !overrides["/"+name] {
				t.Errorf("draft=%v: %s has no content type override", draft, name)
			}
		}
		for relsName, base := range map[string]string{"_rels/.rels": "", "word/_rels/document.xml.rels": "word/"} {
			for _, rel := range p.parse(t, relsName).all("Relationship") {
				if _, ok := p.files[base+rel.attr("Target")]; !ok {
					t.Errorf("%s: relationship %s points to missing part %s", relsName, rel.attr("Id"), rel.attr("Target"))
				}
			}
		}
	}
}

// tableOf finds the w:tbl whose text contains marker.
func tableOf(t *testing.T, doc *node, marker string) *node {
	t.Helper()
	for _, tbl := range doc.all("tbl") {
		if strings.Contains(tbl.text(), marker) {
			return tbl
		}
	}
	t.Fatalf("no table contains %q", marker)
	return nil
}

// TestTablesFollowLayouts reconstructs every table from gridSpan/vMerge and compares it, cell by cell,
// with the layouts definition: positions, spans, labels and values.
func TestTablesFollowLayouts(t *testing.T) {
	g := pageGeometry(layouts.GBT9704)
	for _, f := range formats {
		r := sampleReport(f)
		p, _ := renderDOCX(t, r, Options{})
		doc := p.parse(t, "word/document.xml")
		sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
		tbls := doc.all("tbl")
		t2, t3, t4 := r.Tables()
		if len(tbls) != 3 {
			t.Fatalf("%s: %d tables, want 3", f, len(tbls))
		}
		for i, lt := range []*layouts.Table{t2, t3, t4} {
			tbl := tbls[i]
			if tbl.first("tblLayout").attr("type") != "fixed" {
				t.Errorf("%s %s: table layout is not fixed", f, lt.Name)
			}
			sum, n := 0, 0
			for _, gc := range tbl.first("tblGrid").kids("gridCol") {
				sum += gc.intAttr("w")
				n++
			}
			if n != lt.Cols || sum != g.blockW {
				t.Errorf("%s %s: %d grid columns summing to %d twips, want %d summing to %d", f, lt.Name, n, sum, lt.Cols, g.blockW)
			}
			cells, rows := readGrid(t, tbl)
			if len(rows) != len(lt.Rows) {
				t.Fatalf("%s %s: %d rows, want %d", f, lt.Name, len(rows), len(lt.Rows))
			}
			if len(cells) != len(lt.Cells) {
				t.Fatalf("%s %s: %d merged cells, want %d", f, lt.Name, len(cells), len(lt.Cells))
			}
			for k, want := range lt.Cells {
				got := cells[k]
				text := want.Text
				if want.Key != "" {
					text = r.CellText(want.Key)
				}
				if got.row != want.Row || got.col != want.Col || got.rowSpan != want.RowSpan || got.colSpan != want.ColSpan || got.text != text {
					t.Errorf("%s %s cell %d: got (%d,%d) %dx%d %q, want (%d,%d) %dx%d %q", f, lt.Name, k,
						got.row, got.col, got.rowSpan, got.colSpan, got.text, want.Row, want.Col, want.RowSpan, want.ColSpan, text)
				}
				if got.tc.first("vAlign").attr("val") != "center" {
					t.Errorf("%s %s cell %d is not centred vertically", f, lt.Name, k)
				}
				// The table text styles turn the document grid off (checked in TestStylesAndPage) and
				// give the table's size; no run carries its own.
				para := got.tc.first("p")
				wantStyle := tableLooks[lt.ID].style
				if want.Kai {
					wantStyle = styleTableNote
				}
				if s := paraStyle(para); s != wantStyle {
					t.Errorf("%s %s cell %d: paragraph in style %s, want %s", f, lt.Name, k, s, wantStyle)
				}
				for _, run := range para.all("r") {
					if sz := sheet.runProp(para, run, "sz", "val"); sz != itoa(tableLooks[lt.ID].size) {
						t.Errorf("%s %s cell %d: text size %s half-points, want %d", f, lt.Name, k, sz, tableLooks[lt.ID].size)
					}
				}
			}
			for ri, tr := range rows {
				pr := tr.first("trPr")
				if pr == nil || pr.first("cantSplit") == nil {
					t.Errorf("%s %s row %d: no cantSplit", f, lt.Name, ri)
				}
				hasHeader := pr != nil && pr.first("tblHeader") != nil
				if hasHeader != lt.Rows[ri].Header {
					t.Errorf("%s %s row %d: tblHeader %v, want %v", f, lt.Name, ri, hasHeader, lt.Rows[ri].Header)
				}
			}
		}
	}
}

// TestTable3Merges checks the merges named in the issue directly on the XML.
func TestTable3Merges(t *testing.T) {
	for _, tc := range []struct {
		f       layouts.Format
		results int
	}{{layouts.F2019, 20}, {layouts.F2021, 22}} {
		p, _ := renderDOCX(t, sampleReport(tc.f), Options{})
		sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
		cells, rows := readGrid(t, tableOf(t, p.parse(t, "word/document.xml"), "申请人情况"))
		find := func(text string) *gridCell {
			for _, c := range cells {
				if c.text == text {
					return c
				}
			}
			t.Fatalf("%s: no cell %q in table 三", tc.f, text)
			return nil
		}
		corner := cells[0]
		if !strings.Contains(corner.text, "勾稽关系") || corner.rowSpan != 3 || corner.colSpan != 3 {
			t.Errorf("%s: corner cell %q spans %dx%d, want 3x3", tc.f, corner.text, corner.rowSpan, corner.colSpan)
		}
		if p := corner.tc.first("p"); !strings.Contains(sheet.runProp(p, p.first("r"), "rFonts", "eastAsia"), "楷体") {
			t.Errorf("%s: corner note is not in 楷体", tc.f)
		}
		if c := find("申请人情况"); c.colSpan != 7 || c.rowSpan != 1 {
			t.Errorf("%s: 申请人情况 spans %dx%d, want 1x7", tc.f, c.rowSpan, c.colSpan)
		}
		if c := find("法人或其他组织"); c.colSpan != 5 {
			t.Errorf("%s: 法人或其他组织 spans %d columns, want 5", tc.f, c.colSpan)
		}
		v := find("三、本年度办理结果")
		if v.rowSpan != tc.results || v.col != 0 || v.row != 5 {
			t.Errorf("%s: 三、本年度办理结果 at row %d col %d spans %d rows, want row 5 col 0 over %d", tc.f, v.row, v.col, v.rowSpan, tc.results)
		}
		// One run of text in a top-to-bottom cell, as a Word user types it.
		if n := len(v.tc.all("r")); n != 1 || len(v.tc.all("br")) != 0 || v.tc.first("r").text() != "三、本年度办理结果" {
			t.Errorf("%s: vertical label is %d runs with %d breaks, want one run 三、本年度办理结果", tc.f, n, len(v.tc.all("br")))
		}
		if td := v.tc.first("tcPr").first("textDirection"); td == nil || td.attr("val") != "tbRl" {
			t.Errorf("%s: vertical label cell has no textDirection tbRl", tc.f)
		}
		header := 0
		for _, tr := range rows {
			if tr.first("tblHeader") != nil {
				header++
			}
		}
		if header != 3 {
			t.Errorf("%s: %d header rows carry tblHeader, want 3", tc.f, header)
		}
	}
}

func TestFootersHoldPageFields(t *testing.T) {
	p, _ := renderDOCX(t, sampleReport(layouts.F2021), Options{})
	for name, jc := range map[string]string{"word/footer1.xml": "right", "word/footer2.xml": "left"} {
		ftr := p.parse(t, name)
		// A simple field: WPS and every reader update it; no complex fldChar field.
		if n := len(ftr.all("fldChar")) + len(ftr.all("instrText")); n != 0 {
			t.Errorf("%s: %d complex-field elements, want none", name, n)
		}
		fld := ftr.first("fldSimple")
		if fld == nil || strings.TrimSpace(fld.attr("instr")) != "PAGE" || fld.text() != "1" {
			t.Errorf("%s: no w:fldSimple PAGE field with a placeholder number", name)
		}
		if got := ftr.first("jc").attr("val"); got != jc {
			t.Errorf("%s: aligned %s, want %s", name, got, jc)
		}
		if txt := ftr.text(); !strings.HasPrefix(txt, "— ") || !strings.HasSuffix(txt, " —") {
			t.Errorf("%s: text %q, want — PAGE —", name, txt)
		}
	}
	refs := map[string]string{}
	doc := p.parse(t, "word/document.xml")
	for _, fr := range doc.first("sectPr").kids("footerReference") {
		refs[fr.attr("type")] = fr.attr("id")
	}
	rels := map[string]string{}
	for _, rel := range p.parse(t, "word/_rels/document.xml.rels").all("Relationship") {
		rels[rel.attr("Id")] = rel.attr("Target")
	}
	if rels[refs["default"]] != "footer1.xml" || rels[refs["even"]] != "footer2.xml" {
		t.Errorf("footer references %v → %v, want default footer1.xml and even footer2.xml", refs, rels)
	}
	settings := p.parse(t, "word/settings.xml")
	if settings.first("evenAndOddHeaders") == nil {
		t.Error("settings.xml lacks evenAndOddHeaders: even pages would use the odd footer")
	}
	if c := settings.first("characterSpacingControl"); c == nil || c.attr("val") != "compressPunctuation" {
		t.Error("settings.xml does not compress punctuation")
	}
}

func TestStylesAndPage(t *testing.T) {
	g := pageGeometry(layouts.GBT9704)
	p, _ := renderDOCX(t, sampleReport(layouts.F2021), Options{})
	styles := map[string]*node{}
	for _, s := range p.parse(t, "word/styles.xml").all("style") {
		styles[s.attr("styleId")] = s
	}
	sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
	for id, want := range map[string]struct {
		name, east string
		outline    string
		size       int
	}{
		styleTitle:         {"公文标题", "方正小标宋简体", "", 44},
		styleHeading1:      {"一级标题", "黑体", "0", 32},
		styleHeading1Table: {"表后一级标题", "黑体", "0", 32},
		styleHeading2:      {"二级标题", "楷体_GB2312", "1", 32},
		styleBody:          {"公文正文", "仿宋_GB2312", "", 32},
		styleSignature:     {"署名", "仿宋_GB2312", "", 32},
		styleDate:          {"成文日期", "仿宋_GB2312", "", 32},
		styleTable:         {"表格文字", "宋体", "", 24},
		styleTableSmall:    {"表格文字（小五）", "宋体", "", 18},
		styleTableNote:     {"表格注释", "楷体_GB2312", "", 18},
	} {
		s := styles[id]
		if s == nil {
			t.Errorf("style %s missing", id)
			continue
		}
		if got := s.first("name").attr("val"); got != want.name {
			t.Errorf("style %s is named %q, want %q", id, got, want.name)
		}
		if got := sheet.styleRunProp(id, "rFonts", "eastAsia"); got != want.east {
			t.Errorf("style %s: eastAsia font %q, want %q", id, got, want.east)
		}
		if id != styleTitle && sheet.styleRunProp(id, "rFonts", "ascii") == "" {
			t.Errorf("style %s names no Latin font", id)
		}
		if ol := sheet.styleParaProp(id, "outlineLvl", "val"); ol != want.outline {
			t.Errorf("style %s: outline level %q, want %q", id, ol, want.outline)
		}
		if got := sheet.styleRunProp(id, "sz", "val"); got != itoa(want.size) {
			t.Errorf("style %s: size %s half-points, want %d", id, got, want.size)
		}
	}
	if sg := styles[styleTable].first("snapToGrid"); sg == nil || sg.attr("val") != "0" {
		t.Error("table text style does not turn snapToGrid off: cell lines would snap to the 29 pt grid")
	}
	body := styles[styleBody]
	sp := body.first("spacing")
	if sp.attr("lineRule") != "exact" || sp.intAttr("line")*22 > g.blockH || (sp.intAttr("line")+1)*22 <= g.blockH {
		t.Errorf("body line spacing %s %s does not fit exactly 22 lines in %d twips", sp.attr("line"), sp.attr("lineRule"), g.blockH)
	}
	if ind := body.first("ind"); ind.attr("firstLineChars") != "200" || ind.intAttr("firstLine") != 640 {
		t.Errorf("body first-line indent %v, want 2 characters", ind.Attrs)
	}
	defaults := p.parse(t, "word/styles.xml").first("pPrDefault")
	for _, el := range []struct{ name, val string }{{"kinsoku", "1"}, {"overflowPunct", "1"}, {"autoSpaceDE", "0"}} {
		if e := defaults.first(el.name); e == nil || e.attr("val") != el.val {
			t.Errorf("document defaults: %s not set to %s", el.name, el.val)
		}
	}

	doc := p.parse(t, "word/document.xml")
	sect := doc.first("sectPr")
	if sz := sect.first("pgSz"); sz.intAttr("w") != 11906 || sz.intAttr("h") != 16838 {
		t.Errorf("page size %v, want A4 11906×16838", sz.Attrs)
	}
	mar := sect.first("pgMar")
	for side, mm := range map[string]float64{"top": 37, "left": 28, "bottom": 35, "right": 26} {
		if d := float64(mar.intAttr(side))*25.4/1440 - mm; d > 0.1 || d < -0.1 {
			t.Errorf("margin %s is %s twips, want %.0f mm", side, mar.attr(side), mm)
		}
	}
	if grid := sect.first("docGrid"); grid.attr("type") != "lines" || grid.intAttr("linePitch") != sp.intAttr("line") {
		t.Errorf("default docGrid %v, want type lines with the body pitch", grid.Attrs)
	}
	p2, _ := renderDOCX(t, sampleReport(layouts.F2021), Options{Grid: GridChars})
	grid := p2.parse(t, "word/document.xml").first("sectPr").first("docGrid")
	pitch := 16 + float64(grid.intAttr("charSpace"))/4096 // pt
	if grid.attr("type") != "linesAndChars" || int(float64(g.blockW)/20/pitch) != 28 {
		t.Errorf("chars docGrid %v gives %.2f characters per line, want linesAndChars with 28", grid.Attrs, float64(g.blockW)/20/pitch)
	}
}

// TestParagraphsFollowBlocks checks that the document holds the blocks of render.Blocks in order, each
// in its style, and that a run-in lead is a 楷体 run at the start of its paragraph.
func TestParagraphsFollowBlocks(t *testing.T) {
	for _, f := range formats {
		r := sampleReport(f)
		p, _ := renderDOCX(t, r, Options{})
		sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
		g := pageGeometry(layouts.GBT9704)
		body := p.parse(t, "word/document.xml").first("body")
		var paras []*node
		for _, n := range body.Nodes {
			if n.XMLName.Local == "p" {
				paras = append(paras, n)
			}
		}
		style := map[render.Kind]string{render.Title: styleTitle, render.Heading2: styleHeading2,
			render.Paragraph: styleBody, render.Signature: styleSignature, render.Date: styleDate}
		i, leads := 0, 0
		for _, bl := range render.Blocks(r) {
			if bl.Kind == render.Table {
				continue
			}
			if i >= len(paras) {
				t.Fatalf("%s: only %d paragraphs for the blocks", f, len(paras))
			}
			pp := paras[i]
			i++
			if got := pp.first("pStyle").attr("val"); bl.Kind == render.Heading1 && got != styleHeading1 && got != styleHeading1Table ||
				bl.Kind != render.Heading1 && got != style[bl.Kind] {
				t.Errorf("%s: %s in style %s, want %s", f, bl.Where, got, style[bl.Kind])
			}
			if got := pp.text(); got != bl.Lead+bl.Text {
				t.Errorf("%s: %s reads %q, want %q", f, bl.Where, got, bl.Lead+bl.Text)
			}
			for _, run := range pp.all("r") {
				if sheet.runProp(pp, run, "rFonts", "eastAsia") == "" {
					t.Errorf("%s: %s has a run without an East Asian font", f, bl.Where)
				}
			}
			if bl.Lead != "" {
				leads++
				first := pp.first("r")
				if first.text() != bl.Lead || sheet.runProp(pp, first, "rFonts", "eastAsia") != fontKai {
					t.Errorf("%s: %s: lead run %q is not the 楷体 %q", f, bl.Where, first.text(), bl.Lead)
				}
				if sheet.runProp(pp, first, "sz", "val") != itoa(g.bodyHalf) {
					t.Errorf("%s: %s: lead run is not 3号", f, bl.Where)
				}
			}
		}
		if leads == 0 {
			t.Errorf("%s: the sample has a run-in sub-section but no paragraph carries a lead", f)
		}
		if i != len(paras) {
			t.Errorf("%s: %d paragraphs in the body, %d blocks", f, len(paras), i)
		}
		// The heading after each table gets half a line of space before it, from its style.
		for k, n := range body.Nodes {
			if n.XMLName.Local != "tbl" || k+1 >= len(body.Nodes) {
				continue
			}
			next := body.Nodes[k+1]
			if paraStyle(next) != styleHeading1Table || sheet.paraProp(next, "spacing", "before") != itoa(g.linePitch/2) {
				t.Errorf("%s: the paragraph after a table (%q) is in style %s with space before %s, want %s with half a line",
					f, next.text(), paraStyle(next), sheet.paraProp(next, "spacing", "before"), styleHeading1Table)
			}
			if child(child(next, "pPr"), "spacing") != nil {
				t.Errorf("%s: the heading after a table (%q) sets its spacing directly", f, next.text())
			}
		}
	}
}

func TestDraftHeader(t *testing.T) {
	p, _ := renderDOCX(t, sampleReport(layouts.F2019), Options{})
	if _, ok := p.files["word/header1.xml"]; ok {
		t.Error("header part written without Draft")
	}
	if p.parse(t, "word/document.xml").first("headerReference") != nil {
		t.Error("header referenced without Draft")
	}
	p, _ = renderDOCX(t, sampleReport(layouts.F2019), Options{Draft: true})
	types := map[string]bool{}
	for _, hr := range p.parse(t, "word/document.xml").first("sectPr").kids("headerReference") {
		types[hr.attr("type")] = true
	}
	if !types["default"] || !types["even"] {
		t.Errorf("draft header references %v, want default and even (every page)", types)
	}
	for _, name := range []string{"word/header1.xml", "word/header2.xml"} {
		if got := p.parse(t, name).text(); got != "草稿" {
			t.Errorf("%s reads %q, want 草稿", name, got)
		}
	}
}

func TestMetadata(t *testing.T) {
	r := sampleReport(layouts.F2021)
	p, _ := renderDOCX(t, r, Options{Version: "1.2.3"})
	core := p.parse(t, "docProps/core.xml")
	if got := core.first("title").Text; got != r.Title {
		t.Errorf("title %q, want %q", got, r.Title)
	}
	if got := core.first("creator").Text; got != r.Agency {
		t.Errorf("creator %q, want %q", got, r.Agency)
	}
	if got := core.first("created").Text; got != r.Issued.Format("2006-01-02")+"T00:00:00Z" {
		t.Errorf("created %q, want the 成文日期 %s", got, r.Issued.Format("2006-01-02"))
	}
	app := p.parse(t, "docProps/app.xml")
	if got := app.first("Application").Text; got != "nianbao 1.2.3" {
		t.Errorf("Application %q, want nianbao 1.2.3", got)
	}
	if got := app.first("AppVersion").Text; got != "01.0002" {
		t.Errorf("AppVersion %q, want 01.0002", got)
	}
	r.Issued = time.Time{}
	p, _ = renderDOCX(t, r, Options{})
	if got := p.parse(t, "docProps/core.xml").first("created").Text; got != "2023-01-01T00:00:00Z" {
		t.Errorf("created without 成文日期: %q, want 1 January after the report year", got)
	}
}

func TestAppVersion(t *testing.T) {
	for in, want := range map[string]string{"": "00.0000", "1.2.3": "01.0002", "v0.10": "00.0010", "dev": "00.0000", "123.4": "00.0000", "2": "02.0000"} {
		if got := appVersion(in); got != want {
			t.Errorf("appVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range formats {
		_, a := renderDOCX(t, sampleReport(f), Options{Draft: true, Version: "1.0"})
		p, b := renderDOCX(t, sampleReport(f), Options{Draft: true, Version: "1.0"})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders of the same report differ", f)
		}
		for _, zf := range p.zr.File {
			if !zf.Modified.Equal(ooxml.ZipTime) {
				t.Errorf("%s: %s has timestamp %v, want the fixed %v", f, zf.Name, zf.Modified, ooxml.ZipTime)
			}
		}
	}
}

func TestEscapesText(t *testing.T) {
	r := sampleReport(layouts.F2021)
	r.Agency = `A&B <局> "甲"`
	r.Title = r.Agency + "年报"
	r.Overview.Paragraphs = []string{"x < y & z > w \x01控制符\ufffe被删\t制表\n换行"}
	p, _ := renderDOCX(t, r, Options{})
	doc := p.parse(t, "word/document.xml")
	if got := doc.first("p").text(); got != r.Title {
		t.Errorf("title reads %q, want %q", got, r.Title)
	}
	found := false
	for _, para := range doc.all("p") {
		if strings.HasPrefix(para.text(), "x < y & z > w 控制符被删") {
			found = true
			if para.first("tab") == nil || para.first("br") == nil {
				t.Error("tab and newline not written as w:tab and w:br")
			}
		}
	}
	if !found {
		t.Error("paragraph with markup characters not found intact")
	}
	if got := p.parse(t, "docProps/core.xml").first("creator").Text; got != r.Agency {
		t.Errorf("creator %q, want %q", got, r.Agency)
	}
}

func TestRenderErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(nil, &buf, Options{}); err == nil {
		t.Error("nil report accepted")
	}
	err := Render(sampleReport(layouts.F2021), &buf, Options{Grid: "grid"})
	if err == nil || !strings.Contains(err.Error(), `"grid"`) || !strings.Contains(err.Error(), `"chars"`) {
		t.Errorf("bad grid: error %v should name the value and the choices", err)
	}
	r := sampleReport(layouts.F2021)
	r.Format = "2020"
	r.File = "a.toml"
	if err := Render(r, &buf, Options{}); err == nil || !strings.Contains(err.Error(), "a.toml") || !strings.Contains(err.Error(), "2020") {
		t.Errorf("bad format: error %v should name the file and the format", err)
	}
	if err := Render(sampleReport(layouts.F2021), failWriter{}, Options{}); err == nil {
		t.Error("write error not reported")
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

var errWrite = errors.New("disk full")

func TestGridWidthsSumExactly(t *testing.T) {
	for _, w := range [][]float64{{0.34, 0.22, 0.22, 0.22}, layouts.Table4().Widths, layouts.Table3(layouts.F2021).Widths} {
		got := gridWidths(w, 8845)
		sum := 0
		for i, x := range got {
			sum += x
			if d := float64(x) - w[i]*8845; d > 1.5 || d < -1.5 {
				t.Errorf("column %d: %d twips for relative width %.4f", i, x, w[i])
			}
		}
		if sum != 8845 {
			t.Errorf("widths %v sum to %d, want 8845", got, sum)
		}
	}
}

// BenchmarkRenderDOCX renders every example report (and the two samples) to DOCX; one op is all of
// them. Budget: 10 ms per report.
func BenchmarkRenderDOCX(b *testing.B) {
	reports := []*report.Report{sampleReport(layouts.F2019), sampleReport(layouts.F2021)}
	files, _ := filepath.Glob("../../examples/*.toml")
	for _, f := range files {
		r, err := report.Load(f)
		if err != nil {
			b.Fatalf("loading example %s: %v", f, err)
		}
		reports = append(reports, r)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range reports {
			buf.Reset()
			if err := Render(r, &buf, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(reports))/1e6, "ms/report")
}
