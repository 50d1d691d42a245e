package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/nianbao/nianbao/report"
)

func wantRefused(t *testing.T, what string, err error, words string) {
	t.Helper()
	var le *report.LoadError
	if !errors.As(err, &le) || !strings.Contains(le.Error(), words) {
		t.Errorf("%s: want a LoadError saying %q, got %v", what, words, err)
	}
}

// TestHugeFileRefused: a 50 MB file is refused from its size, without being read.
func TestHugeFileRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.xlsx")
	f, err := os.Create(p)
	must(t, err)
	must(t, f.Truncate(50<<20))
	f.Close()
	_, err = Read(p)
	wantRefused(t, "50 MB", err, "文件过大")
}

// zipOf builds a zip archive from parts; a part with declared > 0 is written raw, claiming that size.
func zipOf(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, data := range parts {
		fw, err := w.Create(name)
		must(t, err)
		_, err = fw.Write(data)
		must(t, err)
	}
	must(t, w.Close())
	return b.Bytes()
}

// TestZipBombRefused: parts that unpack to more than MaxUnpacked are refused from the central directory,
// before anything is inflated; a part that lies about its size is refused when it overruns it.
func TestZipBombRefused(t *testing.T) {
	bomb := zipOf(t, map[string][]byte{"xl/worksheets/sheet1.xml": make([]byte, 200<<20)})
	if len(bomb) > 1<<20 {
		t.Fatalf("bomb is %d bytes", len(bomb))
	}
	_, err := ReadBytes("bomb.xlsx", bomb)
	wantRefused(t, "zip bomb", err, "疑似压缩炸弹")
	many := map[string][]byte{}
	for i := range MaxParts + 1 {
		many["x/"+itoa(i)] = nil
	}
	_, err = ReadBytes("many.xlsx", zipOf(t, many))
	wantRefused(t, "many parts", err, "个部件")

	// A part whose header claims 100 bytes but inflates to 40 MiB: archive/zip stops at the claim.
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	real := exportBytes(t, city(t))
	zr, err := zip.NewReader(bytes.NewReader(real), int64(len(real)))
	must(t, err)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		must(t, err)
		var part bytes.Buffer
		_, err = part.ReadFrom(rc)
		must(t, err)
		rc.Close()
		if zf.Name == "xl/sharedStrings.xml" {
			part.Write(make([]byte, 40<<20))
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		must(t, err)
		_, err = fw.Write(part.Bytes())
		must(t, err)
	}
	must(t, zw.Close())
	lying := patchSizes(t, b.Bytes(), "xl/sharedStrings.xml", 100)
	_, err = ReadBytes("lying.xlsx", lying)
	wantRefused(t, "lying part", err, "lying.xlsx: 无法读取 Excel 工作簿的部件 xl/sharedStrings.xml")
}

// patchSizes rewrites the uncompressed size of one part in its local header and central directory entry.
func patchSizes(t *testing.T, data []byte, name string, size uint32) []byte {
	t.Helper()
	out := append([]byte(nil), data...)
	n := []byte(name)
	le := func(b []byte, v uint32) { b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24) }
	patched := 0
	for i := 0; i+46 < len(out); i++ {
		switch {
		case bytes.Equal(out[i:i+4], []byte("PK\x01\x02")) && bytes.HasPrefix(out[i+46:], n):
			le(out[i+24:], size)
			patched++
		case bytes.Equal(out[i:i+4], []byte("PK\x03\x04")) && bytes.HasPrefix(out[i+30:], n):
			le(out[i+22:], size)
			patched++
		}
	}
	if patched == 0 {
		t.Fatalf("part %s not found", name)
	}
	return out
}

// TestNotAWorkbook: a text file and an old .xls are refused with a hint.
func TestNotAWorkbook(t *testing.T) {
	_, err := ReadBytes("report.xlsx", []byte("[report]\nagency = \"x\"\n"))
	wantRefused(t, "text", err, "不是 Excel 工作簿")
	_, err = ReadBytes("old.xlsx", append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 512)...))
	wantRefused(t, "xls", err, "另存为")
}

// BenchmarkRefuseBomb measures refusing a 200 MiB zip bomb (a few hundred kilobytes on disk).
func BenchmarkRefuseBomb(b *testing.B) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	fw, _ := w.Create("xl/worksheets/sheet1.xml")
	fw.Write(make([]byte, 200<<20))
	w.Close()
	data := buf.Bytes()
	b.ResetTimer()
	for range b.N {
		if _, err := ReadBytes("bomb.xlsx", data); err == nil {
			b.Fatal("bomb read")
		}
	}
}

// BenchmarkRefuseHuge measures refusing a 50 MB file from its size.
func BenchmarkRefuseHuge(b *testing.B) {
	p := filepath.Join(b.TempDir(), "big.xlsx")
	f, _ := os.Create(p)
	f.Truncate(50 << 20)
	f.Close()
	for range b.N {
		if _, err := Read(p); err == nil {
			b.Fatal("read")
		}
	}
}

// BenchmarkRead measures reading the exported city example back.
func BenchmarkRead(b *testing.B) {
	r, err := report.Load("../examples/city-2021.toml")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Export(r, &buf, Options{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := ReadBytes("city.xlsx", buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExport measures writing the city example as a workbook.
func BenchmarkExport(b *testing.B) {
	r, err := report.Load("../examples/city-2021.toml")
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		var buf bytes.Buffer
		if err := Export(r, &buf, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDeeplyNestedPartRefused: a sheet of millions of nested elements (50 KB zipped, within the unpacked
// limit) took 10 s and 900 MB in the XML decoder; it is refused by the nesting scan before the reader
// parses it. A real workbook's parts pass the scan, and so do binary parts with '<' bytes in them.
func TestDeeplyNestedPartRefused(t *testing.T) {
	real := exportBytes(t, city(t))
	zr, err := zip.NewReader(bytes.NewReader(real), int64(len(real)))
	must(t, err)
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		must(t, err)
		var part bytes.Buffer
		_, err = part.ReadFrom(rc)
		must(t, err)
		rc.Close()
		parts[zf.Name] = part.Bytes()
		if d, err := xmlDepth(bytes.NewReader(part.Bytes()), maxXMLDepth); err != nil || d > 12 {
			t.Errorf("%s: depth %d, %v", zf.Name, d, err)
		}
	}
	parts["xl/media/image1.png"] = bytes.Repeat([]byte("<a<b<c"), 1000)
	if _, err := ReadBytes("image.xlsx", zipOf(t, parts)); err != nil {
		t.Errorf("workbook with a binary part: %v", err)
	}
	sheet := parts["xl/worksheets/sheet3.xml"]
	i := bytes.Index(sheet, []byte("<sheetData>")) + len("<sheetData>")
	deep := append(append(append([]byte(nil), sheet[:i]...), bytes.Repeat([]byte("<x>"), 4000000)...), bytes.Repeat([]byte("</x>"), 4000000)...)
	parts["xl/worksheets/sheet3.xml"] = append(deep, sheet[i:]...)
	_, err = ReadBytes("deep.xlsx", zipOf(t, parts))
	wantRefused(t, "deep nesting", err, "嵌套超过")
	// A part in UTF-16 is named as such, not taken for endless nesting (every '<' is followed by a zero).
	parts["xl/worksheets/sheet3.xml"] = append([]byte{0xFF, 0xFE}, utf16le(string(sheet))...)
	_, err = ReadBytes("utf16.xlsx", zipOf(t, parts))
	if err == nil || !strings.Contains(err.Error(), "部件 xl/worksheets/sheet3.xml 是 UTF-16 编码的 XML") || strings.Contains(err.Error(), "嵌套") {
		t.Errorf("UTF-16 part: %v", err)
	}
	// The scanner skips what is not an element.
	for in, want := range map[string]int{
		`<a><!-- <b><c> --><![CDATA[<d><e>]]><?pi <f>?><g x="<h>" y='>'/></a>`: 1,
		`<a><b><c/></b><b></b></a>`: 2,
	} {
		if d, _ := xmlDepth(strings.NewReader(in), maxXMLDepth); d != want {
			t.Errorf("%s: depth %d, want %d", in, d, want)
		}
	}
}

// TestOversizedSheetReportedOnce: a sheet beyond the row limit is named once, not once per table looked
// for (表三's sheet was read again for 正文), and the other sheets are still read.
func TestOversizedSheetReportedOnce(t *testing.T) {
	data := edit(t, city(t), func(f *excelize.File) {
		must(t, f.SetCellInt("表三", "A"+itoa(maxRows+10), 1))
	})
	_, err := ReadBytes("rows.xlsx", data)
	if err == nil {
		t.Fatal("oversized sheet accepted")
	}
	if n := strings.Count(err.Error(), "超过上限"); n != 1 {
		t.Errorf("limit named %d times: %v", n, err)
	}
	if strings.Contains(err.Error(), "找不到表四") || strings.Contains(err.Error(), "找不到表二") {
		t.Errorf("tables on the other sheets not read: %v", err)
	}
}

// rezip unpacks a workbook, lets change edit its parts (a nil part is removed) and packs it again.
func rezip(t *testing.T, data []byte, change func(parts map[string][]byte)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	parts := map[string][]byte{}
	var names []string
	for _, zf := range zr.File {
		rc, err := zf.Open()
		must(t, err)
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		must(t, err)
		rc.Close()
		parts[zf.Name] = b.Bytes()
		names = append(names, zf.Name)
	}
	change(parts)
	for name := range parts {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, name := range names {
		if parts[name] == nil {
			continue
		}
		fw, err := w.Create(name)
		must(t, err)
		_, err = fw.Write(parts[name])
		must(t, err)
	}
	must(t, w.Close())
	return out.Bytes()
}

// sheetPart returns the part of a sheet of an exported workbook (sheets are written in order).
func sheetPart(name string) string {
	for i, s := range []string{SheetInfo, "表二", "表三", "表四", SheetNarrative} {
		if s == name {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		}
	}
	return ""
}

// intoSheetData puts cells (row elements) at the end of a sheet's sheetData.
func intoSheetData(part []byte, rows string) []byte {
	return bytes.Replace(part, []byte("</sheetData>"), []byte(rows+"</sheetData>"), 1)
}

// TestHostileWorkbooks: damaged and hostile workbooks are refused in Chinese, saying what is wrong and
// where, at a cost bounded by their size: a cell at XFD1048576 allocates no grid.
func TestHostileWorkbooks(t *testing.T) {
	real := exportBytes(t, city(t))
	for _, c := range []struct {
		name   string
		change func(parts map[string][]byte)
		want   string
	}{
		{"far cell", func(p map[string][]byte) {
			p[sheetPart("表三")] = intoSheetData(p[sheetPart("表三")], `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`)
		}, "工作表“表三”有 1048576 行，超过上限 5000 行：不像年度报告的表格"},
		{"far row", func(p map[string][]byte) {
			p[sheetPart("表二")] = intoSheetData(p[sheetPart("表二")], `<row r="6001"><c r="A6001" t="inlineStr"><is><t>x</t></is></c></row>`)
		}, "工作表“表二”有 6001 行，超过上限 5000 行"},
		{"wide row", func(p map[string][]byte) {
			p[sheetPart("表四")] = intoSheetData(p[sheetPart("表四")], `<row r="40"><c r="A40"><v>1</v></c><c r="XFD40"><v>1</v></c></row><row r="41"><c r="HA41"><v>1</v></c></row>`)
		}, "工作表“表四”第 40 行有 16384 列，超过上限 200 列"},
		{"string index", func(p map[string][]byte) {
			p[sheetPart("表四")] = intoSheetData(p[sheetPart("表四")], `<row r="40"><c r="B40" t="s"><v>99999</v></c></row>`)
		}, "工作表“表四”单元格 B40 引用的共享字符串第 99999 项不存在（共享字符串表只有"},
		{"garbage row", func(p map[string][]byte) {
			p[sheetPart("表三")] = intoSheetData(p[sheetPart("表三")], `<row r="1e3"><c><v>1</v></c></row>`)
		}, "工作表“表三”的行号 \"1e3\" 无效（应为 1 到 1048576）：工作簿已损坏；请在 Excel/WPS 中打开后另存为 .xlsx 再试"},
		{"garbage style", func(p map[string][]byte) {
			p[sheetPart("表三")] = intoSheetData(p[sheetPart("表三")], `<row r="60"><c r="A60" s="x"><v>1</v></c></row>`)
		}, "工作表“表三”单元格 A60 的样式编号 \"x\" 无效"},
		{"missing sheet", func(p map[string][]byte) { p[sheetPart("表二")] = nil }, "工作表“表二”的部件 xl/worksheets/sheet2.xml 不存在：工作簿已损坏"},
		{"broken rels", func(p map[string][]byte) {
			p["xl/_rels/workbook.xml.rels"] = []byte(`<Relationships><Relationship Id="rId1" Target=`)
		}, "部件 xl/_rels/workbook.xml.rels 不是有效的 XML"},
		{"no workbook", func(p map[string][]byte) { p["xl/workbook.xml"] = nil }, "找不到工作簿部件 xl/workbook.xml"},
		{"duplicate sheets", func(p map[string][]byte) {
			p["xl/workbook.xml"] = bytes.Replace(p["xl/workbook.xml"], []byte(`name="表四"`), []byte(`name="表三"`), 1)
		}, "工作簿中有两个同名的工作表“表三”和“表三”"},
		{"billion laughs", func(p map[string][]byte) {
			lol := `<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">` + strings.Repeat(`<!ENTITY a "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">`, 1) + `]>`
			p["xl/sharedStrings.xml"] = bytes.Replace(p["xl/sharedStrings.xml"], []byte("<sst"), []byte(lol+"<sst"), 1)
			p["xl/sharedStrings.xml"] = bytes.Replace(p["xl/sharedStrings.xml"], []byte("<t>"), []byte("<t>&a;"), 1)
		}, "部件 xl/sharedStrings.xml 不是有效的 XML（第 2 行：invalid character entity &a;"},
		{"huge merge", func(p map[string][]byte) {
			p[sheetPart("表三")] = bytes.Replace(p[sheetPart("表三")], []byte("</mergeCells>"), []byte(`<mergeCell ref="A100:GR5000"/></mergeCells>`), 1)
		}, "工作表“表三”的合并单元格共覆盖超过 200000 个单元格"},
		{"many cells", func(p map[string][]byte) {
			var rows strings.Builder
			for r := 100; r < 100+maxCells/100+1; r++ {
				fmt.Fprintf(&rows, `<row r="%d">%s</row>`, r, strings.Repeat(`<c><v>1</v></c>`, 100))
			}
			p[sheetPart("正文")] = intoSheetData(p[sheetPart("正文")], rows.String())
		}, "工作表“正文”中有值的单元格超过 100000 个"},
	} {
		data := rezip(t, real, c.change)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := ReadBytes(c.name+".xlsx", data)
		runtime.ReadMemStats(&after)
		wantRefused(t, c.name, err, c.name+".xlsx: ")
		wantRefused(t, c.name, err, c.want)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
			t.Errorf("%s: reading allocated %d MB", c.name, grew>>20)
		}
	}
}

// TestUnusualWorkbooksRead: a chart sheet, strict namespaces and prefixed elements, hidden sheets and
// formulas without cached results are read like any workbook.
func TestUnusualWorkbooksRead(t *testing.T) {
	r := city(t)
	real := exportBytes(t, r)
	chart := rezip(t, real, func(p map[string][]byte) {
		p["xl/workbook.xml"] = bytes.Replace(p["xl/workbook.xml"], []byte("<sheets>"), []byte(`<sheets><sheet name="图表" sheetId="99" r:id="rId99"/>`), 1)
		p["xl/_rels/workbook.xml.rels"] = bytes.Replace(p["xl/_rels/workbook.xml.rels"], []byte("</Relationships>"),
			[]byte(`<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`), 1)
		p["xl/chartsheets/sheet1.xml"] = []byte(`<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></chartsheet>`)
	})
	strict := rezip(t, real, func(p map[string][]byte) {
		for name, data := range p {
			data = bytes.ReplaceAll(data, []byte(nsMain), []byte(nsStrictMain))
			data = bytes.ReplaceAll(data, []byte(nsRel), []byte(nsStrictRel))
			p[name] = data
		}
	})
	for name, data := range map[string][]byte{"chart sheet": chart, "strict": strict} {
		imp, err := ReadBytes(name+".xlsx", data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		sameReport(t, name, r, imp.Report)
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func TestDuplicatePartRefused(t *testing.T) {
	real := exportBytes(t, city(t))
	zr, err := zip.NewReader(bytes.NewReader(real), int64(len(real)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		names := []string{zf.Name}
		if zf.Name == "xl/worksheets/sheet3.xml" {
			names = append(names, "XL/worksheets/Sheet3.xml") // the same part name, case aside
		}
		for _, n := range names {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			w, err := zw.Create(n)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(w, rc); err != nil {
				t.Fatal(err)
			}
			rc.Close()
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = ReadBytes("dup.xlsx", buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), "部件 XL/worksheets/Sheet3.xml 出现了两次") {
		t.Fatalf("a workbook with a part twice: %v", err)
	}
	if _, err := ReadBytes("real.xlsx", real); err != nil {
		t.Fatalf("the workbook itself: %v", err)
	}
}
