package docx

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/render"
	"github.com/nianbao/nianbao/report"
)

// loDoc is one DOCX converted by LibreOffice: the report and the text of each page of the PDF.
type loDoc struct {
	name  string
	r     *report.Report
	pages []string
}

// exampleReports loads every example report in examples/*.toml.
func exampleReports(t *testing.T) map[string]*report.Report {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*report.Report{}
	for _, f := range files {
		r, err := report.Load(f)
		if err != nil {
			t.Fatalf("loading example %s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".toml")] = r
	}
	return out
}

// TestLibreOfficeConvertsEveryExample renders every example (and the hand-built samples, one of them with
// the 28-character grid) to DOCX,
// converts them all with LibreOffice in one call, and checks the PDF text: every label, number and
// paragraph is there, and where table 三 crosses a page its header rows appear again on the next page.
// LibreOffice gets the bundled fonts through a private fontconfig file mapping the official names.
func TestLibreOfficeConvertsEveryExample(t *testing.T) {
	lo, err := exec.LookPath("libreoffice")
	if err != nil {
		if lo, err = exec.LookPath("soffice"); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal("libreoffice is not installed (CI installs libreoffice-writer-nogui)")
			}
			t.Skip("libreoffice is not installed")
		}
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is needed with libreoffice")
	}
	dir := t.TempDir()
	if keep := os.Getenv("NIANBAO_DOCX_KEEP"); keep != "" {
		dir = keep // keep the DOCX and PDF files for looking at them
	}
	reports := exampleReports(t)
	if len(reports) == 0 {
		t.Fatal("no examples found in examples/*.toml")
	}
	reports["sample-2019"] = sampleReport(layouts.F2019)
	reports["sample-2021"] = sampleReport(layouts.F2021)
	reports["sample-2021-chars"] = sampleReport(layouts.F2021) // rendered with the 28-character grid
	var names, paths []string
	for name := range reports {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var buf bytes.Buffer
		o := Options{Draft: name == "sample-2019"}
		if strings.HasSuffix(name, "-chars") {
			o.Grid = GridChars
		}
		if err := Render(reports[name], &buf, o); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		if name == editedExample {
			p = filepath.Join(dir, "edited.docx")
			if err := os.WriteFile(p, editLikeWord(t, buf.Bytes()), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
	}
	fcFile := writeFontconfig(t, dir)
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile"),
		"--headless", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}, paths...)
	cmd := exec.Command(lo, args...)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+fcFile, "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice failed: %v\n%s", err, out)
	}
	crossed := 0
	for _, name := range names {
		pdf := filepath.Join(dir, "pdf", name+".pdf")
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Errorf("%s: LibreOffice produced no readable PDF: %v", name, err)
			continue
		}
		d := loDoc{name: name, r: reports[name], pages: strings.Split(strings.TrimRight(string(out), "\f"), "\f")}
		if !d.stripPageFurniture(t, name == "sample-2019") {
			continue
		}
		d.checkText(t)
		if d.checkTable3Header(t) {
			crossed++
		}
	}
	if crossed == 0 {
		t.Error("in no document does table 三 cross a page: the header-repetition check did not run")
	}
	py := needPython(t, "pdfminer", "python3-pdfminer")
	for _, name := range names {
		if !strings.HasSuffix(name, "-chars") {
			checkCharsPerLine(t, py, name, filepath.Join(dir, "pdf", name+".pdf"))
		}
		chars := readChars(t, py, filepath.Join(dir, "pdf", name+".pdf"))
		checkVerticalLabel(t, chars, name)
		if !strings.HasSuffix(name, "-chars") { // LibreOffice letter-spaces the chars grid
			checkClosing(t, chars, name, reports[name])
		}
	}
	checkEdited(t, py, filepath.Join(dir, "pdf", "edited.pdf"))
	checkRoundTrip(t, lo, dir, fcFile, reports[editedExample])
}

// checkRoundTrip opens the edited example in LibreOffice and saves it as DOCX again (what a user of
// LibreOffice or WPS does), then reads the result with python-docx: the styles, their bases, the new
// font of 公文正文, the table sizes, the inserted row and the vertical label survive, and LibreOffice
// added no direct formatting to the body runs.
func checkRoundTrip(t *testing.T, lo, dir, fcFile string, r *report.Report) {
	t.Helper()
	py := needPython(t, "docx", "python3-docx")
	cmd := exec.Command(lo, "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"), "--headless",
		"--convert-to", "docx", "--outdir", filepath.Join(dir, "roundtrip"), filepath.Join(dir, "edited.docx"))
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+fcFile, "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice (DOCX → DOCX) failed: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "roundtrip", "edited.docx"))
	if err != nil {
		t.Fatal(err)
	}
	d := readPyDocx(t, py, data)
	if got := d.styleEast([]string{"公文正文"}); got != editBodyFont {
		t.Errorf("round trip: 公文正文 in %q, want %s", got, editBodyFont)
	}
	for style, base := range map[string]string{"一级标题": "Heading 1", "二级标题": "Heading 2"} {
		if b := d.Styles[style].Base; len(b) == 0 || b[0] != base {
			t.Errorf("round trip: %s based on %v, want %s", style, b, base)
		}
	}
	if got := d.styleSize(append([]string{"表格文字（小五）"}, d.Styles["表格文字（小五）"].Base...)); got != 9 {
		t.Errorf("round trip: 表格文字（小五） is %.1f pt, want 9", got)
	}
	for _, p := range d.Paragraphs {
		for _, run := range p.Runs {
			if run.Size != nil || run.East != nil {
				t.Errorf("round trip: run %q gained direct formatting", run.Text)
			}
		}
	}
	_, lt3, _ := r.Tables()
	if len(d.Tables) != 3 || len(d.Tables[1]) != len(lt3.Rows)+1 {
		t.Fatalf("round trip: %d tables, want 3 with table 三 one row longer", len(d.Tables))
	}
	label, span := 0, 0
	for _, c := range lt3.Cells {
		if c.Vertical {
			span = c.RowSpan + 1 // the inserted row lies inside the label
		}
	}
	for _, row := range d.Tables[1] {
		if len(row) > 0 && row[0] == "三、本年度办理结果" {
			label++
		}
	}
	if label != span {
		t.Errorf("round trip: the vertical label covers %d rows, want %d", label, span)
	}
}

// pdfChar is one character of a PDF as testdata/pdfchars.py --chars reads it (pdfminer; points, y up).
type pdfChar struct {
	Page           int
	Text           string
	X0, Y0, X1, Y1 float64
	Size           float64
}

// readChars returns the characters of a PDF.
func readChars(t *testing.T, py, pdf string) []pdfChar {
	t.Helper()
	out, err := exec.Command(py, "testdata/pdfchars.py", pdf, "--chars").Output()
	if err != nil {
		t.Errorf("%s: pdfchars.py: %v", pdf, err)
		return nil
	}
	var chars []pdfChar
	if err := json.Unmarshal(out, &chars); err != nil {
		t.Fatal(err)
	}
	return chars
}

// checkClosing measures where LibreOffice ends the 署名 and 成文日期 lines: closingIndents' distances from
// the right edge of the type block (GB/T 9704-2012 7.3.5.3), within 1.5 pt. Their left ends are not
// checked: LibreOffice adds space between Chinese and digits (it ignores autoSpaceDE), which widens the
// date by about a character.
func checkClosing(t *testing.T, chars []pdfChar, name string, r *report.Report) {
	t.Helper()
	var sig, date string
	for _, bl := range render.Blocks(r) {
		switch bl.Kind {
		case render.Signature:
			sig = squeeze(bl.Text)
		case render.Date:
			date = squeeze(bl.Text)
		}
	}
	if sig == "" || date == "" {
		return
	}
	g := pageGeometry(layouts.GBT9704)
	right := float64(g.left+g.blockW) / 20
	wantSig, wantDate := closingIndents(sig, date, g.blockW*100/g.bodyChar)
	type key struct {
		page int
		y    float64
	}
	rows := map[key][]pdfChar{}
	for _, c := range chars {
		k := key{c.Page, c.Y0}
		rows[k] = append(rows[k], c)
	}
	found := 0
	for _, row := range rows {
		sort.Slice(row, func(i, j int) bool { return row[i].X0 < row[j].X0 })
		var text strings.Builder
		for _, c := range row {
			text.WriteString(c.Text)
		}
		want := -1
		switch squeeze(text.String()) {
		case sig:
			want = wantSig
		case date:
			want = wantDate
		default:
			continue
		}
		found++
		gap := right - row[len(row)-1].X1
		if math.Abs(gap-float64(want)/100*16) > 1.5 {
			t.Errorf("%s: %s ends %.1f pt from the right edge, want %.1f (%.2f characters)", name, text.String(), gap, float64(want)/100*16, float64(want)/100)
		}
	}
	if found != 2 {
		t.Errorf("%s: found %d of the signature and date lines", name, found)
	}
}

// checkVerticalLabel finds 三、本年度办理结果 in a LibreOffice PDF (pdfminer) as a column of upright
// characters: one above the other at the same x, each one character size below the last, none lost.
func checkVerticalLabel(t *testing.T, chars []pdfChar, name string) {
	t.Helper()
	label := []rune("三、本年度办理结果")
	for i := range chars {
		k := 0
		for ; k < len(label) && i+k < len(chars); k++ {
			c, first := chars[i+k], chars[i]
			if []rune(c.Text)[0] != label[k] || c.Page != first.Page || math.Abs(c.X0-first.X0) > 0.5 ||
				math.Abs(first.Y0-c.Y0-float64(k)*first.Size) > 1 || math.Abs(c.X1-c.X0-first.Size) > 0.5 {
				break
			}
		}
		if k == len(label) {
			return
		}
	}
	t.Errorf("%s: no upright column 三、本年度办理结果 in the PDF", name)
}

// editedExample is the example that TestLibreOfficeConvertsEveryExample also converts after
// editLikeWord.
const editedExample = "yichuan-chengguanju-2020"

// checkCharsPerLine measures a LibreOffice PDF with typocheck (tools/typocheck): full body lines hold 28
// characters — never 29, and 28 on the longest; where a 禁则 rule moves a character to the next line
// (LibreOffice does not squeeze punctuation to keep it) a justified line holds 27. With ten or more full
// lines the median must be 28.
func checkCharsPerLine(t *testing.T, py, name, pdf string) {
	t.Helper()
	cmd := exec.Command(py, "../../tools/typocheck/typocheck.py", pdf, "--json", "--lines")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Errorf("%s: typocheck: %v\n%s", name, err, stderr.String())
		return
	}
	var m struct {
		FullLineCJK *float64 `json:"full_line_cjk"`
		FullLines   int      `json:"full_lines"`
		BodySize    float64  `json:"body_size"`
		BadEnds     int      `json:"bad_ends"`
		Examples    struct {
			BadStarts [][2]any `json:"bad_starts"`
		} `json:"examples"`
	}
	if err := json.Unmarshal(out, &m); err != nil {
		t.Errorf("%s: typocheck output: %v", name, err)
		return
	}
	// 禁则: no line ends with an opening mark, and the only "line" starting with a closing mark is the 、
	// of the vertical label, which typocheck, reading upright characters one baseline at a time, takes
	// for a line of its own (checkVerticalLabel shows it directly below 三 in the same column).
	if m.BadEnds != 0 {
		t.Errorf("%s: typocheck finds %d lines ending with an opening mark", name, m.BadEnds)
	}
	if bs := m.Examples.BadStarts; len(bs) > 1 || len(bs) == 1 && bs[0][1] != "、" {
		t.Errorf("%s: typocheck finds lines starting with a closing mark: %v", name, bs)
	}
	longest, n := 0.0, 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		f := strings.Fields(line)
		// "p1 full   28.0- 183.6  28.0 text": page, kind, left-, right, capacity, text.
		if len(f) < 5 || f[1] != "full" {
			continue
		}
		c, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			continue
		}
		n++
		if c > longest {
			longest = c
		}
		if c > 28.5 {
			t.Errorf("%s: a full line holds %.1f characters: %s", name, c, line)
		}
	}
	if m.BodySize != 16 || n == 0 || longest < 27.9 {
		t.Errorf("%s: body %.1f pt, %d full lines, the longest holding %.1f characters; want 16 pt and 28", name, m.BodySize, n, longest)
	}
	if m.FullLines >= 10 && (m.FullLineCJK == nil || *m.FullLineCJK != 28) {
		t.Errorf("%s: median full line %v characters over %d lines, want 28", name, m.FullLineCJK, m.FullLines)
	}
}

// checkEdited reads the PDF LibreOffice made of the edited example: the typed and inserted text of
// table 三 is 9 pt in the table font, the body and the signature are in the bundled face of 黑体 (the new
// font of 公文正文), the 二级标题 keep 楷体.
func checkEdited(t *testing.T, py, pdf string) {
	t.Helper()
	out, err := exec.Command(py, "testdata/pdfchars.py", pdf).Output()
	if err != nil {
		t.Errorf("edited: pdfchars.py: %v", err)
		return
	}
	var lines []struct {
		Text  string
		Fonts []string
		Sizes []float64
	}
	if err := json.Unmarshal(out, &lines); err != nil {
		t.Fatal(err)
	}
	found := map[string]int{}
	for _, l := range lines {
		text := squeeze(l.Text)
		font := strings.Join(l.Fonts, ",")
		for _, want := range []string{editNewRowValue, editTypedValue, "新增测试"} {
			if strings.Contains(text, want) {
				found[want]++
				if want == "新增测试" && (!strings.Contains(font, "ReportSerifSC-Regular") || len(l.Fonts) != 1) {
					t.Errorf("edited: inserted row label %q in %s, want the table font", l.Text, font)
				}
				for _, sz := range l.Sizes {
					if sz != 9 {
						t.Errorf("edited: %q set at %.1f pt, want 9", l.Text, sz)
					}
				}
			}
		}
		switch {
		case strings.HasPrefix(text, "本报告根据") || strings.HasPrefix(text, "2020年我局严格按照"):
			found["body"]++
			if font != "ReportSansSC-Regular" {
				t.Errorf("edited: body line %q in %s, want ReportSansSC-Regular (黑体)", l.Text, font)
			}
		case strings.HasPrefix(text, "（一）") && strings.Contains(text, "推进情况"):
			found["heading2"]++
			if font != "ReportKaiSC-Regular" {
				t.Errorf("edited: 二级标题 %q in %s, want ReportKaiSC-Regular", l.Text, font)
			}
		}
	}
	for _, want := range []string{editTypedValue, "新增测试", "body", "heading2"} {
		if found[want] == 0 {
			t.Errorf("edited: no line with %s in the PDF", want)
		}
	}
	if found[editNewRowValue] == 0 {
		t.Errorf("edited: the inserted row's numbers are not in the PDF")
	}
}

// squeeze removes all white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// near reports whether the runes of want occur in order in hay within a window of at most
// 3·len(want)+40 runes: table cells wrap and pdftotext interleaves cells that stand side by side.
func near(hay []rune, want string) bool {
	limit := 3*len([]rune(want)) + 40
	w := []rune(want)
	if len(w) == 0 {
		return true
	}
	for start := range hay {
		if hay[start] != w[0] {
			continue
		}
		k := 1
		for i := start + 1; i < len(hay) && i-start < limit && k < len(w); i++ {
			if hay[i] == w[k] {
				k++
			}
		}
		if k == len(w) {
			return true
		}
	}
	return false
}

// stripPageFurniture checks that every page carries its number "— N —" (and, for a draft, 草稿) on a
// line of its own and removes them, so that paragraphs running across pages read whole. pdftotext may
// put the footer before table cells at the bottom of the page. It reports success.
func (d *loDoc) stripPageFurniture(t *testing.T, draft bool) bool {
	ok := true
	for i, pg := range d.pages {
		want := map[string]bool{fmt.Sprintf("—%d—", i+1): true}
		if draft {
			want["草稿"] = true
		}
		var keep []string
		for _, line := range strings.Split(pg, "\n") {
			if l := squeeze(line); want[l] {
				delete(want, l)
				continue
			}
			keep = append(keep, line)
		}
		for w := range want {
			t.Errorf("%s: page %d lacks %s on a line of its own", d.name, i+1, w)
			ok = false
		}
		d.pages[i] = strings.Join(keep, "\n")
	}
	return ok
}

// checkText checks that the whole text of the report reached the PDF.
func (d loDoc) checkText(t *testing.T) {
	all := strings.Join(d.pages, "\n")
	flat := squeeze(all)
	hay := []rune(flat)
	for _, bl := range render.Blocks(d.r) {
		if bl.Kind == render.Table {
			continue
		}
		if txt := squeeze(bl.Lead + bl.Text); !strings.Contains(flat, txt) {
			t.Errorf("%s: %s missing from the PDF text: %q", d.name, bl.Where, bl.Lead+bl.Text)
		}
	}
	tokens := map[string]int{}
	for _, tok := range strings.Fields(all) {
		tokens[tok]++
	}
	need := map[string]int{}
	t2, t3, t4 := d.r.Tables()
	for _, tbl := range []*layouts.Table{t2, t3, t4} {
		for _, c := range tbl.Cells {
			if c.Key != "" {
				need[d.r.CellText(c.Key)]++
			} else if c.Vertical && !strings.Contains(flat, squeeze(c.Text)) || !c.Vertical && !near(hay, squeeze(c.Text)) {
				// A vertical label reads whole, top to bottom, with nothing lost (LibreOffice drops 、 in
				// a tbRl cell when the font lacks vertical metrics).
				t.Errorf("%s: %s label %q missing from the PDF text", d.name, tbl.Name, c.Text)
			}
		}
	}
	for v, n := range need {
		if tokens[v] < n {
			t.Errorf("%s: value %s printed %d times, the tables hold it in %d cells", d.name, v, tokens[v], n)
		}
	}
}

// checkTable3Header finds the pages that hold rows of table 三 and checks that each starts with the
// table's header rows. It reports whether the table crosses a page.
func (d loDoc) checkTable3Header(t *testing.T) bool {
	_, t3, _ := d.r.Tables()
	var labels []string
	for _, c := range t3.Cells {
		if c.Row >= t3.HeaderRows() && c.Key == "" && !c.Vertical && c.RowSpan == 1 {
			labels = append(labels, squeeze(c.Text))
		}
	}
	// A page holds rows of the table when it holds one of its row labels exactly (short labels do not
	// wrap; a looser match would find labels such as 2.重复申请 in the prose).
	pages := map[int]bool{}
	for i, pg := range d.pages {
		flat := squeeze(pg)
		for _, l := range labels {
			if strings.Contains(flat, l) {
				pages[i] = true
			}
		}
	}
	if len(pages) == 0 {
		t.Errorf("%s: no page holds the rows of table 三", d.name)
	}
	for i := range pages {
		pg := squeeze(d.pages[i])
		if !strings.Contains(pg, "申请人情况") || !strings.Contains(pg, "法人或其他组织") {
			t.Errorf("%s: page %d holds rows of table 三 but not its header rows", d.name, i+1)
		}
	}
	return len(pages) > 1
}

// writeFontconfig extracts the bundled fonts into dir/fonts and writes a fontconfig file that offers
// only them, with aliases from the official names the DOCX uses to the bundled families: CI machines
// have no CJK system fonts.
func writeFontconfig(t *testing.T, dir string) string {
	t.Helper()
	set, err := fonts.Resolve(fonts.Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	fontDir := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fontDir, 0o755); err != nil {
		t.Fatal(err)
	}
	var aliases strings.Builder
	for _, role := range fonts.Roles {
		face := set.Face(role)
		data, err := face.Data()
		if err != nil {
			t.Fatalf("bundled font of role %s: %v", role, err)
		}
		if err := os.WriteFile(filepath.Join(fontDir, string(role)+".ttf"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		family, style := nameRecord(data, 1), nameRecord(data, 2)
		if family == "" {
			family = face.Family
		}
		fmt.Fprintf(&aliases, "  <alias binding=\"same\"><family>%s</family><prefer><family>%s</family></prefer></alias>\n",
			role.Official(), family)
		if style == "Bold" { // the title face shares its family with the regular table face
			fmt.Fprintf(&aliases, "  <match target=\"pattern\"><test name=\"family\"><string>%s</string></test>"+
				"<edit name=\"weight\" mode=\"assign\"><const>bold</const></edit></match>\n", role.Official())
		}
	}
	conf := fmt.Sprintf(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>%s</dir>
  <cachedir>%s</cachedir>
%s</fontconfig>
`, fontDir, filepath.Join(dir, "fc-cache"), aliases.String())
	p := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(p, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// nameRecord reads a name-table string (ID 1 family, ID 2 style; Windows Unicode) of a TrueType font,
// or "".
func nameRecord(data []byte, nameID uint16) string {
	be := binary.BigEndian
	if len(data) < 12 {
		return ""
	}
	n := int(be.Uint16(data[4:]))
	for i := 0; i < n && 12+16*i+16 <= len(data); i++ {
		rec := data[12+16*i:]
		if string(rec[:4]) != "name" {
			continue
		}
		off := int(be.Uint32(rec[8:]))
		if off+6 > len(data) {
			return ""
		}
		tbl := data[off:]
		count, strOff := int(be.Uint16(tbl[2:])), int(be.Uint16(tbl[4:]))
		for j := 0; j < count && 6+12*j+12 <= len(tbl); j++ {
			r := tbl[6+12*j:]
			platform, enc, id := be.Uint16(r), be.Uint16(r[2:]), be.Uint16(r[6:])
			length, so := int(be.Uint16(r[8:])), int(be.Uint16(r[10:]))
			if platform != 3 || enc != 1 || id != nameID || strOff+so+length > len(tbl) {
				continue
			}
			raw := tbl[strOff+so : strOff+so+length]
			u := make([]uint16, len(raw)/2)
			for k := range u {
				u[k] = be.Uint16(raw[2*k:])
			}
			return string(utf16.Decode(u))
		}
	}
	return ""
}
