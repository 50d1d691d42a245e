package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestCmdFonts(t *testing.T) {
	var out, errb bytes.Buffer
	if code := cmdFonts([]string{"--no-system", "../../examples/city-2021.toml"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	for _, want := range []string{"仿宋_GB2312", "Report Serif SC Light", "bundled", "字形：齐全", "每个字都有字形"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	out.Reset()
	code := cmdFonts([]string{"--no-system", "--font", "body=../../fonts/testdata/fangsong.ttf", "../../examples/city-2021.toml"}, &out, &errb)
	if code != 1 {
		t.Fatalf("a body font with a dozen glyphs: exit %d, want 1", code)
	}
	for _, want := range []string{"FangSong", "user", "字形：缺", "没有字形，位置：前言 第1段"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	for _, args := range [][]string{
		{"--font", "bold=x.ttf"},
		{"--font", "body=/nonexistent.ttf"},
		{"/nonexistent/report.toml"},
		{"a.toml", "b.toml"},
	} {
		errb.Reset()
		if code := cmdFonts(args, &out, &errb); code != 2 || errb.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, errb.String())
		}
	}
}

// `nianbao fonts` names the per-character fallback of the bundled 朱雀仿宋 and, for a report that uses
// characters it lacks, which ones the fallback sets.
func TestCmdFontsFallback(t *testing.T) {
	dir := t.TempDir()
	src := "[report]\nagency = \"甲局\"\nyear = 2024\npreamble = [\"温度达到25℃，编号①。\"]\n"
	file := dir + "/r.toml"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := cmdFonts([]string{"--no-system", file}, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %s\n%s", code, errb.String(), out.String())
	}
	for _, want := range []string{"Report Fangsong SC Regular", "后备：Report Serif SC Light", "后备字体补上 2 个字：℃①"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
