package docx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
)

// The edits a clerk makes in Word, replayed on the XML the way Word writes them.
const (
	editNewRowLabel = "（八）新增测试行" // the label typed into the inserted row of table 三
	editNewRowValue = "86420"    // the number typed into each data cell of the inserted row
	editTypedValue  = "97531"    // typed into the emptied cell of （一）予以公开
	editBodyFont    = "黑体"       // the font 公文正文 is restyled to
)

// editLikeWord applies to a DOCX what a clerk does in Word: empties the first data cell of （一）予以公开 in
// table 三 and types a number into it, inserts a row below （六）其他处理 with Insert Row Below (Word copies
// the row's w:trPr, each cell's w:tcPr and each paragraph's w:pPr, not the text) and types into it, and
// changes the font of the style 公文正文 to 黑体. Typed text takes the run properties of the paragraph mark,
// as in Word. It returns the new DOCX.
func editLikeWord(t *testing.T, docx []byte) []byte {
	t.Helper()
	p := unpack(t, docx)
	doc := string(p.files["word/document.xml"])
	// Table 三 is the second table.
	start := nthIndex(doc, "<w:tbl>", 1)
	end := start + strings.Index(doc[start:], "</w:tbl>")
	if start < 0 || end < start {
		t.Fatal("edit: table 三 not found")
	}
	tbl := doc[start:end]

	// Empty a cell and type into it.
	row, rs, re := rowWith(t, tbl, "（一）予以公开")
	cells := splitCells(row)
	data := -1
	for i, c := range cells[1:] {
		if (strings.Contains(c, "<w:t>") || strings.Contains(c, "<w:t ")) && !strings.Contains(c, "（一）予以公开") && !strings.Contains(c, "w:val=\"restart\"") {
			data = i + 1
			break
		}
	}
	if data < 0 {
		t.Fatal("edit: no data cell in （一）予以公开")
	}
	cells[data] = typeInto(emptyCell(cells[data]), editTypedValue)
	tbl = tbl[:rs] + strings.Join(cells, "") + "</w:tr>" + tbl[re:]

	// Insert Row Below （六）其他处理.
	row, _, re = rowWith(t, tbl, "（六）其他处理")
	var added []string
	for _, c := range splitCells(row)[1:] {
		label := strings.Contains(c, "（六）其他处理")
		c = emptyCell(c)
		switch {
		case strings.Contains(c, "<w:vMerge/>"): // continues the vertical label: stays empty
		case label:
			c = typeInto(c, editNewRowLabel)
		default:
			c = typeInto(c, editNewRowValue)
		}
		added = append(added, c)
	}
	trPr := row[:strings.Index(row, "<w:tc>")]
	tbl = tbl[:re] + trPr + strings.Join(added, "") + "</w:tr>" + tbl[re:]
	doc = doc[:start] + tbl + doc[end:]

	// Restyle 公文正文.
	styles := string(p.files["word/styles.xml"])
	i := strings.Index(styles, `w:styleId="`+styleBody+`"`)
	j := i + strings.Index(styles[i:], "</w:style>")
	body := strings.Replace(styles[i:j], `w:eastAsia="`+fontBody+`"`, `w:eastAsia="`+editBodyFont+`"`, 1)
	if body == styles[i:j] {
		t.Fatal("edit: 公文正文 names no East Asian font to change")
	}
	styles = styles[:i] + body + styles[j:]

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range p.names {
		data := p.files[name]
		switch name {
		case "word/document.xml":
			data = []byte(doc)
		case "word/styles.xml":
			data = []byte(styles)
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// nthIndex returns the index of the n-th (from 0) occurrence of sub in s, or -1.
func nthIndex(s, sub string, n int) int {
	off := 0
	for k := 0; ; k++ {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		if k == n {
			return off + i
		}
		off += i + len(sub)
	}
}

// rowWith returns the w:tr of tbl holding text, without its closing tag, with its start and the end of
// its closing tag.
func rowWith(t *testing.T, tbl, text string) (row string, start, end int) {
	t.Helper()
	at := strings.Index(tbl, ">"+text+"<")
	if at < 0 {
		t.Fatalf("edit: no row holds %s", text)
	}
	start = strings.LastIndex(tbl[:at], "<w:tr>")
	close := at + strings.Index(tbl[at:], "</w:tr>")
	return tbl[start:close], start, close + len("</w:tr>")
}

// splitCells splits a row (without </w:tr>) into its w:trPr prefix and cells; the prefix comes first.
func splitCells(row string) []string {
	parts := strings.Split(row, "<w:tc>")
	out := []string{parts[0]}
	for _, p := range parts[1:] {
		out = append(out, "<w:tc>"+p)
	}
	return out
}

// emptyCell removes every run from a cell, keeping its w:tcPr and paragraph properties.
func emptyCell(c string) string {
	for {
		i := strings.Index(c, "<w:r>")
		if i < 0 {
			return c
		}
		j := i + strings.Index(c[i:], "</w:r>") + len("</w:r>")
		c = c[:i] + c[j:]
	}
}

// typeInto types text into the (empty) first paragraph of a cell: one run with the paragraph mark's run
// properties, as Word writes typed text.
func typeInto(c, text string) string {
	rpr := ""
	if i := strings.Index(c, "<w:rPr>"); i >= 0 && i < strings.Index(c, "</w:pPr>") {
		rpr = c[i : i+strings.Index(c[i:], "</w:rPr>")+len("</w:rPr>")]
	}
	i := strings.Index(c, "</w:pPr>") + len("</w:pPr>")
	return c[:i] + "<w:r>" + rpr + "<w:t>" + text + "</w:t></w:r>" + c[i:]
}

// TestEditLikeWord edits a report the way a clerk does in Word (editLikeWord) and checks, through the
// styles, what Word shows: the typed and inserted text of table 三 is 9 pt 宋体 like its neighbours, the
// new row has the table's borders and grid, and every body paragraph — signature and date too — is now
// in 黑体 while headings and tables keep their fonts. LibreOffice and python-docx read the same file in
// TestLibreOfficeConvertsEveryExample and TestPythonDocxReads.
func TestEditLikeWord(t *testing.T) {
	for _, f := range formats {
		_, data := renderDOCX(t, sampleReport(f), Options{})
		p := unpack(t, editLikeWord(t, data))
		doc := p.parse(t, "word/document.xml")
		sheet := newStyleSheet(t, p.parse(t, "word/styles.xml"))
		tbls := doc.all("tbl")
		t3 := tbls[1]
		cells, rows := readGrid(t, t3)
		_, lt3, _ := sampleReport(f).Tables()
		if len(rows) != len(lt3.Rows)+1 {
			t.Fatalf("%s: table 三 has %d rows after the insert, want %d", f, len(rows), len(lt3.Rows)+1)
		}
		typed, inserted := 0, 0
		for _, c := range cells {
			if c.text != editTypedValue && c.text != editNewRowValue && c.text != editNewRowLabel {
				continue
			}
			if c.text == editTypedValue {
				typed++
			} else {
				inserted++
			}
			para := c.tc.first("p")
			run := para.first("r")
			if got := sheet.runProp(para, run, "sz", "val"); got != "18" {
				t.Errorf("%s: typed %q is %s half-points, want 18 (9 pt)", f, c.text, got)
			}
			if got := sheet.runProp(para, run, "rFonts", "eastAsia"); got != fontSong {
				t.Errorf("%s: typed %q is in %q, want %s", f, c.text, got, fontSong)
			}
		}
		want := 0
		for _, c := range lt3.Cells {
			if c.Text == "（六）其他处理" {
				want = len(lt3.CellsInRow(c.Row))
			}
		}
		if typed != 1 || inserted != want || want == 0 {
			t.Errorf("%s: found %d typed and %d inserted cells, want 1 and %d", f, typed, inserted, want)
		}
		// The vertical label now covers the inserted row too.
		for _, c := range cells {
			if c.text == "三、本年度办理结果" && c.rowSpan != map[layouts.Format]int{layouts.F2019: 21, layouts.F2021: 23}[f] {
				t.Errorf("%s: the vertical label spans %d rows after the insert", f, c.rowSpan)
			}
		}
		body := 0
		for _, para := range doc.first("body").kids("p") {
			want := map[string]string{styleBody: editBodyFont, styleSignature: editBodyFont, styleDate: editBodyFont,
				styleHeading1: fontHei, styleHeading1Table: fontHei, styleHeading2: fontKai, styleTitle: fontTitle}[paraStyle(para)]
			for _, run := range para.all("r") {
				got := sheet.runProp(para, run, "rFonts", "eastAsia")
				if child(child(run, "rPr"), "rStyle").attrOr("val") == styleLead {
					if got != fontKai {
						t.Errorf("%s: run-in lead %q in %s after restyling, want %s", f, run.text(), got, fontKai)
					}
					continue
				}
				if got != want {
					t.Errorf("%s: %s run %q in %q after restyling 公文正文, want %q", f, paraStyle(para), run.text(), got, want)
				}
				if paraStyle(para) == styleBody {
					body++
				}
			}
		}
		if body == 0 {
			t.Errorf("%s: no body runs checked", f)
		}
		for _, para := range tbls[0].all("p") {
			if got := sheet.runProp(para, nil, "rFonts", "eastAsia"); got != fontSong {
				t.Errorf("%s: table 二 text in %q after restyling the body", f, got)
			}
		}
	}
}
