package fonts

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// copyTestdata copies testdata files into a fresh directory, to act as a font directory.
func copyTestdata(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fullName reads name ID 4 of standalone sfnt bytes.
func fullName(t *testing.T, data []byte) string {
	t.Helper()
	r := bytes.NewReader(data)
	fds, err := readFaces(r)
	if err != nil {
		t.Fatal(err)
	}
	return fds[0].describe(r).full
}

func TestBundledFacesNamedAndCovering(t *testing.T) {
	s, err := Resolve(Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	samples := map[Role]string{
		Title: "江州市人民政府办公室2023年政府信息公开工作年度报告",
		Body:  "本报告根据《条例》编制，镕基“引号”、（括号）。",
		Hei:   "一、总体情况",
		Kai:   "（一）主动公开情况。",
		Song:  "三、本年度办理结果 — 1 —",
		Latin: "2023 GB/T 9704-2012 (8:30) 12.6%",
	}
	for _, r := range Roles {
		f := s.Face(r)
		if f.Source != Bundled {
			t.Fatalf("%s: source %s, want bundled with NoSystem", r, f.Source)
		}
		data, err := f.Data()
		if err != nil {
			t.Fatal(err)
		}
		if got := fullName(t, data); got != f.Family {
			t.Errorf("%s: embedded font calls itself %q, Face.Family says %q", r, got, f.Family)
		}
		for _, ch := range samples[r] {
			if RoleFor(r, ch) == r && !f.Has(ch) {
				t.Errorf("%s: bundled %s lacks %q", r, f.Family, ch)
			}
		}
	}
}

func TestBundledCoverage(t *testing.T) {
	s, err := Resolve(Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	// 镕 is in 通用规范汉字表 but not in GB2312: the narrative roles cover it, the table font need not.
	for _, r := range []Role{Title, Body, Hei, Kai} {
		if !s.Face(r).Has('镕') || !s.Face(r).Has('啰') {
			t.Errorf("%s: bundled font lacks 镕 or 啰 (通用规范汉字表)", r)
		}
	}
	for _, r := range Roles {
		f := s.Face(r)
		if f.Has('𠮷') || f.Has('\uE000') {
			t.Errorf("%s: claims a glyph for a non-BMP or private-use rune", r)
		}
	}
	if s.Face(Latin).Has('中') {
		t.Error("the Latin font should not cover hanzi")
	}
	a, _ := s.Face(Body).Data()
	b, _ := s.Face(Body).Data()
	if &a[0] != &b[0] {
		t.Error("Data decompressed twice")
	}
}

func TestSystemFangSongPreferredOverBundled(t *testing.T) {
	dir := copyTestdata(t, "fangsong.ttf")
	s, err := Resolve(Options{SystemDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	f := s.Face(Body)
	if f.Source != System || f.Family != "FangSong" || f.File != filepath.Join(dir, "fangsong.ttf") {
		t.Fatalf("body = %+v, want the system FangSong", f)
	}
	if !f.Has('仿') || f.Has('镕') {
		t.Error("coverage of the test FangSong is wrong")
	}
	for _, r := range []Role{Title, Hei, Kai, Song, Latin} {
		if s.Face(r).Source != Bundled {
			t.Errorf("%s: %s from %s, want bundled", r, s.Face(r).Family, s.Face(r).Source)
		}
	}
	// NoSystem ignores it.
	s, _ = Resolve(Options{SystemDirs: []string{dir}, NoSystem: true})
	if s.Face(Body).Source != Bundled {
		t.Error("NoSystem still used a system font")
	}
}

func TestPrecedenceFileDirSystem(t *testing.T) {
	sys := copyTestdata(t, "fangsong.ttf")
	user := copyTestdata(t, "fangsong.ttf", "pair.ttc")
	s, err := Resolve(Options{Dir: user, SystemDirs: []string{sys}})
	if err != nil {
		t.Fatal(err)
	}
	if f := s.Face(Body); f.Source != User || !strings.HasPrefix(f.File, user) {
		t.Errorf("body = %s %s, want the --fonts directory's", f.Source, f.File)
	}
	explicit := filepath.Join("testdata", "pair.ttc")
	s, err = Resolve(Options{Dir: user, SystemDirs: []string{sys}, Files: map[Role]string{Body: explicit}})
	if err != nil {
		t.Fatal(err)
	}
	if f := s.Face(Body); f.Source != User || f.File != explicit || f.Index != 0 {
		t.Errorf("body = %+v, want face 0 of the file given with --font", f)
	}
}

func TestTTCFaceExtraction(t *testing.T) {
	dir := copyTestdata(t, "pair.ttc")
	s, err := Resolve(Options{SystemDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	hei, kai := s.Face(Hei), s.Face(Kai)
	if hei.Family != "SimHei" || hei.Index != 0 || kai.Family != "KaiTi_GB2312" || kai.Index != 1 {
		t.Fatalf("hei = %s #%d, kai = %s #%d", hei.Family, hei.Index, kai.Family, kai.Index)
	}
	data, err := kai.Data()
	if err != nil {
		t.Fatal(err)
	}
	if string(data[:4]) == "ttcf" || fullName(t, data) != "KaiTi_GB2312 Regular" {
		t.Fatalf("extracted face is not the standalone KaiTi_GB2312 (%q)", data[:4])
	}
	if !kai.Has('楷') || kai.Has('镕') {
		t.Error("coverage of the extracted face is wrong")
	}
}

func TestCFFSkippedWithNote(t *testing.T) {
	dir := copyTestdata(t, "kaiti-cff.otf")
	s, err := Resolve(Options{SystemDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Face(Kai).Source != Bundled {
		t.Errorf("a CFF KaiTi was chosen: %+v", s.Face(Kai))
	}
	notes := strings.Join(s.Notes(), "\n")
	if !strings.Contains(notes, "kaiti-cff.otf") || !strings.Contains(notes, "CFF") || strings.Contains(notes, "\n") {
		t.Errorf("want one note naming the CFF file, got %q", notes)
	}
	// Given explicitly, the same file is an error that says why.
	_, err = Resolve(Options{Files: map[Role]string{Kai: filepath.Join(dir, "kaiti-cff.otf")}})
	if err == nil || !strings.Contains(err.Error(), "CFF") || !strings.Contains(err.Error(), "kaiti-cff.otf") {
		t.Errorf("explicit CFF file: err = %v", err)
	}
}

func TestResolveErrors(t *testing.T) {
	_, err := Resolve(Options{Files: map[Role]string{Body: "/nonexistent/仿宋.ttf"}})
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/仿宋.ttf") || !strings.Contains(err.Error(), "--font body=") {
		t.Errorf("missing file: %v", err)
	}
	_, err = Resolve(Options{Files: map[Role]string{Body: "fonts_test.go"}})
	if err == nil || !strings.Contains(err.Error(), "不是可用的字体") {
		t.Errorf("not a font: %v", err)
	}
	_, err = Resolve(Options{Dir: "/nonexistent-dir", NoSystem: true})
	if err == nil || !strings.Contains(err.Error(), "/nonexistent-dir") {
		t.Errorf("missing --fonts dir: %v", err)
	}
}

// handReport builds a small 2021-format report.
func handReport(overview string) *report.Report {
	return &report.Report{
		Agency: "测试县人民政府办公室", Year: 2023, Format: layouts.F2021,
		Title:     "测试县人民政府办公室2023年政府信息公开工作年度报告",
		Preamble:  []string{"本报告根据《中华人民共和国政府信息公开条例》编制。"},
		Overview:  report.Narrative{Paragraphs: []string{"第一段。", overview}, Sections: []report.SubSection{{Title: "主动公开", RunIn: true, Paragraphs: []string{"全年公开信息8127条。"}}}},
		Problems:  report.Narrative{Paragraphs: []string{"一是公开质量有待提高。"}},
		Other:     report.Narrative{Paragraphs: []string{"无。"}},
		Signature: "测试县人民政府办公室", Date: "2024年1月20日",
		T2: map[string]string{}, T3: map[string][7]int64{},
	}
}

func TestCheckReportClean(t *testing.T) {
	s, _ := Resolve(Options{NoSystem: true})
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		r := handReport("朱镕基同志视察。\tTab 与\u00a0空格。")
		r.Format = f
		if m := CheckReport(s, r); len(m) != 0 {
			t.Errorf("format %s: bundled fonts miss %v", f, m)
		}
	}
}

func TestCheckReportMissingGlyphs(t *testing.T) {
	s, _ := Resolve(Options{NoSystem: true, Files: map[Role]string{Body: filepath.Join("testdata", "fangsong.ttf")}})
	r := handReport("总体情况镕A𠮷")
	ms := CheckReport(s, r)
	var found, nonBMP bool
	for _, m := range ms {
		if m.Rune == '镕' && m.Where == "一、总体情况 第2段" {
			found = true
			if m.Role != Body || m.Family != "FangSong Regular" {
				t.Errorf("镕 reported for %s/%s", m.Role, m.Family)
			}
			msg := m.Error()
			for _, want := range []string{"镕", "U+9555", "仿宋_GB2312", "FangSong", "一、总体情况 第2段", "--font body="} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
		}
		if m.Rune == '𠮷' {
			nonBMP = m.Where == "一、总体情况 第2段" && strings.Contains(m.Error(), "U+20BB7")
		}
		if m.Rune == 'A' || m.Rune == '总' {
			t.Errorf("%q is covered (Latin font / test FangSong) but reported: %v", m.Rune, m)
		}
	}
	if !found || !nonBMP {
		t.Errorf("镕 found=%v, 𠮷 found=%v in %v", found, nonBMP, ms)
	}
	// The same rune at the same place is reported once.
	seen := map[Missing]bool{}
	for _, m := range ms {
		if seen[m] {
			t.Errorf("duplicate %v", m)
		}
		seen[m] = true
	}
	// Even with full fonts, a non-BMP rune is reported.
	full, _ := Resolve(Options{NoSystem: true})
	ms = CheckReport(full, handReport("𠮷"))
	if len(ms) != 1 || ms[0].Rune != '𠮷' {
		t.Errorf("non-BMP with bundled fonts: %v", ms)
	}
}

func TestCheckReportTableRoles(t *testing.T) {
	fs := filepath.Join("testdata", "fangsong.ttf")
	s, _ := Resolve(Options{NoSystem: true, Files: map[Role]string{Song: fs}})
	ms := CheckReport(s, handReport("无。"))
	var table3, kai, page bool
	for _, m := range ms {
		if m.Role == Kai {
			kai = true
		}
		if strings.HasPrefix(m.Where, "表三 第") {
			table3 = true
		}
		if m.Where == "页码" && m.Rune == '—' {
			page = true
		}
		if m.Role != Song {
			t.Errorf("only the table font is limited, got %v", m)
		}
	}
	if !table3 || kai || !page {
		t.Errorf("table3=%v kai=%v page=%v: %v", table3, kai, page, ms)
	}
	// The corner note of table 三 is 楷体: with a limited Kai font it is reported there.
	s, _ = Resolve(Options{NoSystem: true, Files: map[Role]string{Kai: fs}})
	corner := false
	for _, m := range CheckReport(s, handReport("无。")) {
		if m.Role == Kai && m.Where == "表三 第1行第1列" {
			corner = true
		}
	}
	if !corner {
		t.Error("table 三 corner note not checked in the Kai role")
	}
}

func TestRolesAndFlags(t *testing.T) {
	for in, want := range map[string]Role{"body": Body, "仿宋": Body, " Title ": Title, "黑体": Hei, "楷体": Kai, "宋体": Song, "latin": Latin} {
		if got, err := ParseRole(in); err != nil || got != want {
			t.Errorf("ParseRole(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseRole("bold"); err == nil || !strings.Contains(err.Error(), "body") {
		t.Errorf("ParseRole(bold): %v", err)
	}
	for _, r := range Roles {
		if r.Official() == string(r) {
			t.Errorf("%s has no official name", r)
		}
	}
	if RoleFor(Body, '7') != Latin || RoleFor(Body, 'x') != Latin || RoleFor(Body, '，') != Body || RoleFor(Kai, '%') != Latin {
		t.Error("RoleFor")
	}
	ff := FileFlags{}
	if err := ff.Set("仿宋=/a/fs.ttf"); err != nil || ff[Body] != "/a/fs.ttf" {
		t.Errorf("FileFlags: %v %v", ff, err)
	}
	if err := ff.Set("song=/b/s.ttf"); err != nil || ff.String() != "body=/a/fs.ttf,song=/b/s.ttf" {
		t.Errorf("FileFlags.String = %q", ff.String())
	}
	if err := ff.Set("body"); err == nil {
		t.Error("FileFlags accepted a value without =FILE")
	}
	r := &report.Report{File: "/x/y/report.toml", Fonts: map[string]string{"仿宋": "fonts/fs.ttf", "kai": "/abs/k.ttf"}}
	files, err := ReportFiles(r)
	if err != nil || files[Body] != "/x/y/fonts/fs.ttf" || files[Kai] != "/abs/k.ttf" {
		t.Errorf("ReportFiles = %v, %v", files, err)
	}
	merged := MergeFiles(files, FileFlags{Body: "/flag.ttf"})
	if merged[Body] != "/flag.ttf" || merged[Kai] != "/abs/k.ttf" {
		t.Errorf("MergeFiles = %v", merged)
	}
	r.Fonts["heavy"] = "x.ttf"
	if _, err := ReportFiles(r); err == nil || !strings.Contains(err.Error(), "heavy") {
		t.Errorf("ReportFiles with a bad role: %v", err)
	}
}

func TestLicensesBundled(t *testing.T) {
	l := Licenses()
	for _, n := range []string{"LICENSE-noto-cjk.txt", "LICENSE-lxgw-wenkai.txt", "LICENSE-liberation.txt"} {
		if !strings.Contains(l[n], "SIL OPEN FONT LICENSE") && !strings.Contains(l[n], "SIL Open Font License") {
			t.Errorf("%s missing or not the OFL", n)
		}
	}
}

func BenchmarkBundledBodyLoad(b *testing.B) {
	for b.Loop() {
		f := &Face{Role: Body, File: bundled[Body].file, Source: Bundled}
		if !f.Has('仿') {
			b.Fatal("no glyph")
		}
	}
}

func BenchmarkCheckReport(b *testing.B) {
	s, _ := Resolve(Options{NoSystem: true})
	r := handReport(strings.Repeat("本年度政府信息公开工作取得新进展。", 50))
	CheckReport(s, r)
	for b.Loop() {
		CheckReport(s, r)
	}
}

// Every example report must print with the bundled fonts alone (a machine without CJK fonts).
func TestExamplesCoveredByBundledFonts(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.toml"))
	if len(files) == 0 {
		t.Skip("no examples yet")
	}
	s, _ := Resolve(Options{NoSystem: true})
	for _, f := range files {
		r, err := report.Load(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, m := range CheckReport(s, r) {
			t.Errorf("%s: %v", f, m)
		}
		if used := RunesUsed(r); used[Body] < 50 || used[Song] < 50 || used[Latin] < 10 {
			t.Errorf("%s: implausible rune counts %v", f, used)
		}
	}
}

func TestFacesLoadLazily(t *testing.T) {
	s, err := Resolve(Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Roles {
		if s.Face(r).data != nil {
			t.Fatalf("%s loaded by Resolve", r)
		}
	}
	if m := CheckText(s, Hei, "一、总体情况", "test"); len(m) != 0 {
		t.Fatal(m)
	}
	for _, r := range Roles {
		if loaded := s.Face(r).data != nil; loaded != (r == Hei) {
			t.Errorf("%s loaded = %v after checking 黑体 text only", r, loaded)
		}
	}
}

func TestBundledCacheOnDisk(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(CacheDirEnv, dir)
	want, err := unpackBytes("latin-serif.ttf")
	if err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Fatalf("cache holds %d files, want 1", len(ents))
	}
	path := filepath.Join(dir, ents[0].Name())
	got, err := unpackBytes("latin-serif.ttf")
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("second read differs: %v", err)
	}
	// A damaged cache file is ignored and replaced.
	os.WriteFile(path, want[:len(want)/2], 0o644)
	got, err = unpackBytes("latin-serif.ttf")
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("damaged cache not ignored: %v", err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, append(append([]byte(nil), want...), cacheFooter(want)...)) {
		t.Error("damaged cache not rewritten")
	}
	t.Setenv(CacheDirEnv, "off")
	if cacheDir() != "" {
		t.Error("cache not disabled")
	}
}
