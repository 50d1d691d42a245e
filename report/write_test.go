package report

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sameReport fails the test when a and b differ in anything a report file states (File, Lines and the
// record of given totals excepted).
func sameReport(t *testing.T, what string, a, b *Report) {
	t.Helper()
	x, y := *a, *b
	x.File, y.File = "", ""
	x.Lines, y.Lines = nil, nil
	x.givenRow, y.givenRow = nil, nil
	if !reflect.DeepEqual(x, y) {
		t.Errorf("%s: reports differ\n got: %+v\nwant: %+v", what, y, x)
	}
}

func TestWriteRoundTripsExamples(t *testing.T) {
	files, err := filepath.Glob("../examples/*.toml")
	if err != nil || len(files) < 3 {
		t.Fatalf("examples: %v (%d files)", err, len(files))
	}
	for _, name := range files {
		orig, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, totals := range []bool{false, true} {
			out := Write(orig, WriteOptions{Totals: totals})
			back, err := Parse(name+"(written)", out)
			if err != nil {
				t.Fatalf("%s totals=%v: written file does not load: %v\n%s", name, totals, err, out)
			}
			sameReport(t, name, orig, back)
			if findings := Check(back); len(findings) != len(Check(orig)) {
				t.Errorf("%s totals=%v: %d findings after the round trip, %d before: %v", name, totals, len(findings), len(Check(orig)), findings)
			}
			if again := Write(back, WriteOptions{Totals: totals}); !bytes.Equal(again, out) {
				t.Errorf("%s totals=%v: writing the loaded file again gives other bytes", name, totals)
			}
			if want := totals || orig.Given("t3.r7"); want != strings.Contains(string(out), "r7      = [") {
				t.Errorf("%s totals=%v: r7 written = %v", name, totals, !want)
			}
		}
	}
}

func TestWriteComments(t *testing.T) {
	orig, err := Load("../examples/yichuan-chengguanju-2020.toml")
	if err != nil {
		t.Fatal(err)
	}
	out := string(Write(orig, WriteOptions{
		Header: []string{"由 nianbao import 生成", "第二行"},
		Comments: map[string]string{
			"table3.r3_2":           "原文“2.其他法律法规禁止公开”\n按“2.其他法律行政法规禁止公开”读入",
			"table2.xzxk.decisions": "数字粘连",
			"nowhere.key":           "无处可放\x00的说明",
		},
		Totals: true,
	}))
	for _, want := range []string{
		"# 由 nianbao import 生成\n# 第二行\n",
		"# 【待核】原文“2.其他法律法规禁止公开”\n# 【待核】按“2.其他法律行政法规禁止公开”读入\nr3_2    = [",
		"# 【待核】数字粘连\ndecisions = 19",
		"# nowhere.key：无处可放 的说明\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	back, err := Parse("commented", []byte(out))
	if err != nil {
		t.Fatal(err)
	}
	sameReport(t, "commented", orig, back)
}

func TestTOMLStringEscapes(t *testing.T) {
	r, err := Load("../examples/township-2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	odd := "引号\"、反斜杠\\、制表\t、换行\n、\x01控制、\u2028分隔、{{收到申请}}"
	r.Overview.Paragraphs = []string{odd}
	r.Signature = `C:\盘"符`
	back, err := Parse("odd", Write(r, WriteOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	// The loader cleans pasted text (tabs, line breaks and control characters go) and expands placeholders.
	want := "引号\"、反斜杠\\、制表、换行、控制、\u2028分隔、0"
	if got := back.Overview.Paragraphs[0]; got != want {
		t.Errorf("paragraph = %q, want %q", got, want)
	}
	if back.Signature != r.Signature {
		t.Errorf("signature = %q, want %q", back.Signature, r.Signature)
	}
}
