package report

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"
)

const example = "../examples/township-2021.toml"

func readExample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// wantProblem parses data and asserts a load error on line whose message contains msg.
func wantProblem(t *testing.T, data []byte, line int, msg string) {
	t.Helper()
	_, err := Parse("x.toml", data)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want a load error with %q, got %v", msg, err)
	}
	p := le.Problems[0]
	if p.Line != line || !strings.Contains(p.Msg, msg) {
		t.Fatalf("got %s, want line %d with %q", shorten(p.String()), line, msg)
	}
}

// Deep nesting used to overflow the decoder's stack (8 MB of '[') or take gigabytes (nested inline
// tables); it is refused by a linear pre-scan, with the line.
func TestNestingIsBounded(t *testing.T) {
	wantProblem(t, bytes.Repeat([]byte("["), 8<<20-1), 1, "嵌套过深")
	inline := "[report]\nagency = \"甲\"\n\n" + "a = " + strings.Repeat("{a=", 11000) + "1" + strings.Repeat("}", 11000) + "\n"
	wantProblem(t, []byte(inline), 4, "嵌套过深")
	wantProblem(t, []byte("x = "+strings.Repeat("[", MaxNesting+1)), 1, "嵌套过深")
	wantProblem(t, []byte("[report]\n"+strings.Repeat("a.", 1<<20)+"b = 1\n"), 2, "层级过多")
	wantProblem(t, []byte("["+strings.Repeat("a.", 1<<20)+"a]\n"), 1, "层级过多")

	// Many keys, values or tables: the decoder's memory grows with them (500 000 inline keys took 320 MB,
	// 500 000 table headers more than 30 s).
	var keys, tables strings.Builder
	for i := range 500000 {
		fmt.Fprintf(&keys, "k%d=1,", i)
		fmt.Fprintf(&tables, "[t%d]\n", i)
	}
	wantProblem(t, []byte("a = {"+keys.String()+"}\n"), 1, "过多")
	wantProblem(t, []byte(tables.String()), MaxItems/5+1, "过多")
	wantProblem(t, []byte("a = ["+strings.Repeat("1,", 3000000)+"]\n"), 1, "过多")

	// Brackets, braces and dots inside strings and comments do not count.
	src := string(readExample(t))
	deep := strings.Repeat("[{", 100) + strings.Repeat("}]", 100) + strings.Repeat(".", 100)
	src = strings.Replace(src, "[report]", "[report] # "+deep+"\n", 1)
	src = strings.Replace(src, `agency    = "青石镇人民政府"`, `agency    = "青石镇人民政府`+deep+`"`+"\nsignature2 = '''\n"+deep+"'''\nsignature3 = \"\"\"\n\\\"\"\""+deep+"\"\"\"", 1)
	_, err := Parse("x.toml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), `未知的键 "signature2"`) || strings.Contains(err.Error(), "嵌套") || strings.Contains(err.Error(), "层级") {
		t.Fatalf("brackets inside strings and comments counted: %v", err)
	}
}

// Load reads at most MaxFileSize+1 bytes and refuses what is not a regular file, saying what it is.
func TestLoadRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("#"), MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/dev/zero": "是字符设备", fifo: "是命名管道（FIFO）", dir: "是目录", big: "文件过大",
		filepath.Join(dir, "missing.toml"): "不存在", filepath.Join(big, "x.toml"): "路径中有一段是文件",
	} {
		done := make(chan error, 1)
		go func() { _, err := Load(path); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("Load(%s) = %v, want %q", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Load(%s) blocks", path)
		}
	}
}

// A UTF-8 file with one stray byte used to be re-read as GB18030 in full (mojibake, no error); it is a
// UTF-8 file with an error at a line and column.
func TestStrayByteIsAnError(t *testing.T) {
	data := readExample(t)
	i := bytes.Index(data, []byte("主动公开政府信息"))
	bad := append(append(append([]byte{}, data[:i]...), 0xB0), data[i:]...)
	line := bytes.Count(data[:i], []byte("\n")) + 1
	_, err := Parse("x.toml", bad)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("x.toml:%d: 第 %d 行第 ", line, line)) || !strings.Contains(err.Error(), "0xB0") {
		t.Fatalf("stray byte: %v", err)
	}
	// Several stray bytes are counted.
	bad = bytes.ReplaceAll(data, []byte("。"), []byte("。\xff"))
	if _, err := Parse("x.toml", bad); err == nil || !strings.Contains(err.Error(), "全文共") {
		t.Fatalf("stray bytes: %v", err)
	}
	// ASCII text with a byte that is neither UTF-8 nor GB18030.
	if _, err := Parse("x.toml", []byte("[report]\nagency = \"a\xffb\"\n")); err == nil || !strings.Contains(err.Error(), "x.toml:2: 第 2 行第 12 列") {
		t.Fatalf("ASCII with 0xFF: %v", err)
	}
}

// Real GB18030 text still loads (testdata/load/gbk.toml in TestLoadEncodings); UTF-16 with a BOM loads to
// the same report as UTF-8; UTF-16 without a BOM is refused with "另存为 UTF-8", not "NUL 字节".
func TestUTF16AndLineEnds(t *testing.T) {
	data := readExample(t)
	want, err := Parse("x.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		u16, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes(data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Parse("x.toml", u16)
		if err != nil {
			t.Fatalf("UTF-16 with BOM: %v", err)
		}
		if !reflect.DeepEqual(got.Overview, want.Overview) || got.Agency != want.Agency {
			t.Errorf("UTF-16 report differs from the UTF-8 one")
		}
		noBOM, _ := unicode.UTF16(e, unicode.IgnoreBOM).NewEncoder().Bytes(data)
		if _, err := Parse("x.toml", noBOM); err == nil || !strings.Contains(err.Error(), "另存为 UTF-8") {
			t.Errorf("UTF-16 without BOM: %v", err)
		}
	}
	cr := bytes.ReplaceAll(data, []byte("\n"), []byte("\r"))
	got, err := Parse("x.toml", cr)
	if err != nil {
		t.Fatalf("CR line ends: %v", err)
	}
	if !reflect.DeepEqual(got.Overview, want.Overview) {
		t.Errorf("CR-only report differs")
	}
}

// Messages shorten long keys and values and list at most MaxProblems problems.
func TestMessagesAreBounded(t *testing.T) {
	key := strings.Repeat("k", 1<<20)
	_, err := Parse("x.toml", []byte("[report]\nagency = \"甲\"\nyear = 2023\n"+key+" = 1\n"))
	if err == nil || len(err.Error()) > 1000 || !strings.Contains(err.Error(), "共 1048576 字") {
		t.Fatalf("1 MiB key: %d bytes of message", len(err.Error()))
	}
	_, err = Parse("x.toml", []byte("[report]\nagency = \"甲\"\nyear = "+`"`+strings.Repeat("y", 1<<20)+`"`+"\n"))
	if err == nil || len(err.Error()) > 1000 {
		t.Fatalf("1 MiB value: %d bytes of message", len(err.Error()))
	}
	var b strings.Builder
	b.WriteString("[report]\nagency = \"甲\"\nyear = 2023\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	_, err = Parse("x.toml", []byte(b.String()))
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != MaxProblems+1 || !strings.Contains(lines[MaxProblems], "还有 99950 处") {
		t.Fatalf("100 000 unknown keys: %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}
