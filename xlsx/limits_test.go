package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	wantRefused(t, "lying part", err, "lying.xlsx: ") // excelize drops the overrunning part: its labels are missing
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
// limit) took 10 s and 900 MB in the XML decoder; it is refused by the nesting scan before excelize reads
// it. A real workbook's parts pass the scan, and so do binary parts with '<' bytes in them.
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
