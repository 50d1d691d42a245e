package serve

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/report"
)

const seedName = "yichuan-chengguanju-2020.toml"

// testServer copies the examples into a temporary folder and serves it (path "" = the folder, else the
// one file of that name).
func testServer(t testing.TB, file string) (*Server, *httptest.Server, string) {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob("../examples/*.toml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := dir
	if file != "" {
		path = filepath.Join(dir, file)
	}
	s, err := New(Options{Path: path, Render: nianbao.RenderOptions{NoSystemFonts: true}, Logf: func(string, ...any) {}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts, dir
}

// call sends one request as the page does (token, same-origin Origin); edit may spoil it.
func call(t testing.TB, s *Server, ts *httptest.Server, method, path string, body any, edit ...func(*http.Request)) *http.Response {
	t.Helper()
	var rd io.Reader
	if b, ok := body.([]byte); ok {
		rd = bytes.NewReader(b)
	} else if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Nianbao-Token", s.Token())
	req.Header.Set("Origin", ts.URL)
	req.Header.Set("Content-Type", "application/json")
	for _, e := range edit {
		e(req)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func decode(t testing.TB, resp *http.Response, v any) {
	t.Helper()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

func open(t testing.TB, s *Server, ts *httptest.Server, name string) openJSON {
	t.Helper()
	resp := call(t, s, ts, "GET", "/api/open?name="+name, nil)
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("open %s: %d %s", name, resp.StatusCode, b)
	}
	var o openJSON
	decode(t, resp, &o)
	return o
}

// snapshot lists every file of a folder with its contents, to prove that nothing was written.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out = append(out, e.Name()+"="+hashOf(data))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func TestIndexCarriesToken(t *testing.T) {
	s, ts, _ := testServer(t, seedName)
	resp, err := ts.Client().Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte(s.Token())) || !bytes.Contains(body, []byte(seedName)) {
		t.Fatalf("index: %d %s", resp.StatusCode, body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
	if r, err := ts.Client().Get(ts.URL + "/static/"); err != nil || r.StatusCode != 404 {
		t.Errorf("/static/ listing: %v %v", err, r.StatusCode)
	} else {
		r.Body.Close()
	}
	for _, p := range []string{"/static/app.js", "/static/app.css"} {
		r, err := ts.Client().Get(ts.URL + p)
		if err != nil || r.StatusCode != 200 {
			t.Errorf("%s: %v %v", p, err, r.StatusCode)
		}
		r.Body.Close()
	}
}

// Every refused request is answered 403/413 and writes nothing.
func TestSecurityRefusals(t *testing.T) {
	s, ts, dir := testServer(t, "")
	o := open(t, s, ts, seedName)
	save := map[string]any{"name": seedName, "doc": o.Doc, "base": o.Base}
	big := append([]byte(`{"name":"`+seedName+`","doc":{"report":{"agency":"`), bytes.Repeat([]byte("甲"), report.MaxFileSize/3+10)...)
	big = append(big, []byte(`"}},"base":""}`)...)
	cases := []struct {
		name   string
		method string
		path   string
		body   any
		edit   func(*http.Request)
		status int
	}{
		{"wrong Host (DNS rebinding)", "POST", "/api/save", save, func(r *http.Request) { r.Host = "evil.example:80" }, 403},
		{"wrong Host on the page", "GET", "/", nil, func(r *http.Request) { r.Host = "attacker.test" }, 403},
		{"wrong Origin", "POST", "/api/save", save, func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") }, 403},
		{"no Origin on a write", "POST", "/api/save", save, func(r *http.Request) { r.Header.Del("Origin") }, 403},
		{"cross-site fetch", "POST", "/api/save", save, func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "cross-site") }, 403},
		{"missing token", "POST", "/api/save", save, func(r *http.Request) { r.Header.Del("X-Nianbao-Token") }, 403},
		{"wrong token", "POST", "/api/save", save, func(r *http.Request) { r.Header.Set("X-Nianbao-Token", strings.Repeat("0", 48)) }, 403},
		{"missing token on a read", "GET", "/api/open?name=" + seedName, nil, func(r *http.Request) { r.Header.Del("X-Nianbao-Token") }, 403},
		{"traversal save", "POST", "/api/save", map[string]any{"name": "../" + seedName, "doc": o.Doc}, nil, 403},
		{"absolute path save", "POST", "/api/save", map[string]any{"name": filepath.Join(dir, "x.toml"), "doc": o.Doc}, nil, 403},
		{"sub-folder save", "POST", "/api/save", map[string]any{"name": "sub/x.toml", "doc": o.Doc}, nil, 403},
		{"not a report name", "POST", "/api/save", map[string]any{"name": "x.sh", "doc": o.Doc}, nil, 403},
		{"hidden file", "POST", "/api/save", map[string]any{"name": ".x.toml", "doc": o.Doc}, nil, 403},
		{"backslash", "POST", "/api/save", map[string]any{"name": `..\x.toml`, "doc": o.Doc}, nil, 403},
		{"traversal open", "GET", "/api/open?name=../../etc/passwd", nil, nil, 403},
		{"traversal new", "POST", "/api/new", map[string]any{"name": "../n.toml", "year": 2024}, nil, 403},
		{"oversized body", "POST", "/api/save", big, nil, 413},
		{"oversized check", "POST", "/api/check", big, nil, 413},
		{"unknown field", "POST", "/api/save", map[string]any{"name": seedName, "doc": o.Doc, "path": "/etc"}, nil, 400},
	}
	before := snapshot(t, dir)
	for _, c := range cases {
		var edits []func(*http.Request)
		if c.edit != nil {
			edits = append(edits, c.edit)
		}
		resp := call(t, s, ts, c.method, c.path, c.body, edits...)
		if resp.StatusCode != c.status {
			b, _ := io.ReadAll(resp.Body)
			t.Errorf("%s: status %d, want %d (%s)", c.name, resp.StatusCode, c.status, b)
		}
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("files changed:\n%s\n---\n%s", before, after)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), seedName)); err == nil {
		t.Error("a file was written outside the folder")
	}
}

// In file mode, the other files of the folder are out of reach.
func TestFileModeOnlyThatFile(t *testing.T) {
	s, ts, dir := testServer(t, seedName)
	before := snapshot(t, dir)
	if r := call(t, s, ts, "GET", "/api/open?name=city-2021.toml", nil); r.StatusCode != 403 {
		t.Errorf("open another file: %d", r.StatusCode)
	}
	o := open(t, s, ts, seedName)
	if r := call(t, s, ts, "POST", "/api/save", map[string]any{"name": "city-2021.toml", "doc": o.Doc}); r.StatusCode != 403 {
		t.Errorf("save as another file: %d", r.StatusCode)
	}
	if r := call(t, s, ts, "POST", "/api/new", map[string]any{"name": "n.toml", "year": 2024}); r.StatusCode != 403 {
		t.Errorf("new in file mode: %d", r.StatusCode)
	}
	var files struct{ Files []fileInfo }
	decode(t, call(t, s, ts, "GET", "/api/files", nil), &files)
	if len(files.Files) != 1 || files.Files[0].Name != seedName {
		t.Errorf("files: %+v", files.Files)
	}
	if after := snapshot(t, dir); after != before {
		t.Error("files changed")
	}
}

// A panicking handler answers 500 with a Chinese message and the server keeps serving.
func TestPanicRecovered(t *testing.T) {
	s, ts, _ := testServer(t, seedName)
	h := s.guard(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "http://127.0.0.1:1/x", nil)
	h.ServeHTTP(rec, req)
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "服务器内部错误") {
		t.Errorf("panic answer: %d %s", rec.Code, rec.Body.String())
	}
	// hostile bodies on the real handlers never panic
	for _, body := range []string{`null`, `{"name":"` + seedName + `","doc":null}`, `{"name":"` + seedName + `","doc":{"table3":{"new":null,"r7":["x"]},"table4":{"review":[]}}}`,
		`{"name":"` + seedName + `","doc":{"table2":{"":{"":""}},"overview":{"sections":[{"paragraphs":null}]}}}`, `[`, `{"name":1}`} {
		for _, p := range []string{"/api/check", "/api/render?kind=pdf", "/api/save"} {
			r := call(t, s, ts, "POST", p, []byte(body))
			if r.StatusCode >= 500 {
				b, _ := io.ReadAll(r.Body)
				t.Errorf("%s %s: %d %s", p, body, r.StatusCode, b)
			}
		}
	}
}

func TestLayout(t *testing.T) {
	s, ts, _ := testServer(t, seedName)
	var l layoutJSON
	decode(t, call(t, s, ts, "GET", "/api/layout?format=2021", nil), &l)
	if len(l.Sections) != 6 || l.Tables["t3"] == nil || len(l.Tables["t3"].Rows) != 3+25 || len(l.T2Items) != 6 {
		t.Errorf("layout: %d sections, t3 %v, %d t2 items", len(l.Sections), l.Tables["t3"] != nil, len(l.T2Items))
	}
	if r := call(t, s, ts, "GET", "/api/layout?format=1999", nil); r.StatusCode != 400 {
		t.Errorf("bad format: %d", r.StatusCode)
	}
}

func TestCheckEndpoint(t *testing.T) {
	s, ts, _ := testServer(t, seedName)
	o := open(t, s, ts, seedName)
	var res CheckResult
	decode(t, call(t, s, ts, "POST", "/api/check", docRequest{Name: seedName, Doc: o.Doc}), &res)
	if !res.Loaded || res.Errors != 0 || len(res.Findings) != 0 {
		t.Fatalf("seed: %+v", res)
	}
	o.Doc.Table3["new"] = []string{"5", "0", "0", "0", "0", "0"}
	o.Doc.Table3["r1"] = []string{"3", "0", "0", "0", "0", "0"}
	o.Doc.Table3["carry"] = []string{"1", "0", "0", "0", "0", "0"}
	decode(t, call(t, s, ts, "POST", "/api/check", docRequest{Name: seedName, Doc: o.Doc}), &res)
	var gouji *Note
	for i, f := range res.Findings {
		if f.Rule == "T3-GOUJI" {
			gouji = &res.Findings[i]
		}
	}
	if gouji == nil || gouji.Target != "t3.carry.NP" || !strings.Contains(gouji.Message, "应为 2") {
		t.Fatalf("findings: %+v", res.Findings)
	}
	o.Doc.Table3["new"][1] = "五"
	decode(t, call(t, s, ts, "POST", "/api/check", docRequest{Name: seedName, Doc: o.Doc}), &res)
	if res.Loaded || len(res.Problems) != 1 || res.Problems[0].Target != "t3.new.CE" || !strings.Contains(res.Problems[0].Message, "必须是整数") {
		t.Fatalf("non-number: %+v", res.Problems)
	}
}

func TestRenderEndpoint(t *testing.T) {
	s, ts, dir := testServer(t, seedName)
	o := open(t, s, ts, seedName)
	resp := call(t, s, ts, "POST", "/api/render?kind=pdf&download=1", docRequest{Name: seedName, Doc: o.Doc})
	pdfBytes, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.HasPrefix(pdfBytes, []byte("%PDF")) || resp.Header.Get("X-Nianbao-Draft") != "0" {
		t.Fatalf("pdf: %d %q draft=%s", resp.StatusCode, pdfBytes[:min(20, len(pdfBytes))], resp.Header.Get("X-Nianbao-Draft"))
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, "yichuan-chengguanju-2020.pdf") {
		t.Errorf("Content-Disposition %q", cd)
	}
	// the same bytes as rendering the file on disk (the form state is the file)
	r, err := report.Load(filepath.Join(dir, seedName))
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := nianbao.RenderPDF(r, nianbao.RenderOptions{NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, pdfBytes) {
		t.Error("preview PDF differs from the PDF of the file")
	}
	resp = call(t, s, ts, "POST", "/api/render?kind=docx", docRequest{Name: seedName, Doc: o.Doc})
	docx, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.HasPrefix(docx, []byte("PK")) {
		t.Errorf("docx: %d", resp.StatusCode)
	}
	resp = call(t, s, ts, "POST", "/api/render?kind=html", docRequest{Name: seedName, Doc: o.Doc})
	page, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.Contains(page, []byte("<html")) || !bytes.Contains(page, []byte("伊川县城市管理局")) || bytes.Contains(page, []byte("草稿")) {
		t.Errorf("html: %d", resp.StatusCode)
	}
	// a report with a rule error is a draft
	o.Doc.Table4["review"] = []string{"1", "0", "0", "0", "5"}
	resp = call(t, s, ts, "POST", "/api/render?kind=pdf", docRequest{Name: seedName, Doc: o.Doc})
	if resp.StatusCode != 200 || resp.Header.Get("X-Nianbao-Draft") != "1" {
		t.Errorf("draft: %d %s", resp.StatusCode, resp.Header.Get("X-Nianbao-Draft"))
	}
	// a report the loader refuses is not rendered
	o.Doc.Table4["review"] = []string{"x", "0", "0", "0"}
	if resp = call(t, s, ts, "POST", "/api/render?kind=pdf", docRequest{Name: seedName, Doc: o.Doc}); resp.StatusCode != 422 {
		t.Errorf("refused report: %d", resp.StatusCode)
	}
	if resp = call(t, s, ts, "POST", "/api/render?kind=exe", docRequest{Name: seedName, Doc: o.Doc}); resp.StatusCode != 400 {
		t.Errorf("bad kind: %d", resp.StatusCode)
	}
}

func TestSaveBackupConflict(t *testing.T) {
	s, ts, dir := testServer(t, seedName)
	file := filepath.Join(dir, seedName)
	orig, _ := os.ReadFile(file)
	o := open(t, s, ts, seedName)
	o.Doc.Table2["xzxk"]["decisions"] = "21"
	resp := call(t, s, ts, "POST", "/api/save", docRequest{Name: seedName, Doc: o.Doc, Base: o.Base})
	var saved struct{ Base string }
	decode(t, resp, &saved)
	if resp.StatusCode != 200 {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	r, err := report.Load(file)
	if err != nil || r.T2["t2.xzxk.decisions"] != "21" {
		t.Fatalf("saved file: %v %v", err, r)
	}
	if bak, _ := os.ReadFile(file + ".bak"); !bytes.Equal(bak, orig) {
		t.Error(".bak is not the previous version")
	}
	if findings := report.Check(r); len(findings) != 0 {
		t.Errorf("saved file has findings: %v", findings)
	}
	// someone edits the file in a text editor; the stale form is refused and shown both versions
	edited := bytes.Replace(mustRead(t, file), []byte("decisions = 21"), []byte("decisions = 30"), 1)
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	o.Doc.Table2["xzxk"]["decisions"] = "22"
	resp = call(t, s, ts, "POST", "/api/save", docRequest{Name: seedName, Doc: o.Doc, Base: saved.Base})
	var conflict struct {
		Disk, DiskBase, Mine string
		DiskDoc              *Doc
		Changes              []Change
	}
	decode(t, resp, &conflict)
	if resp.StatusCode != 409 || conflict.Disk != string(edited) || !strings.Contains(conflict.Mine, "decisions = 22") ||
		conflict.DiskDoc == nil || conflict.DiskDoc.Table2["xzxk"]["decisions"] != "30" {
		t.Fatalf("conflict: %d %+v", resp.StatusCode, conflict)
	}
	if len(conflict.Changes) != 1 || conflict.Changes[0] != (Change{What: "表二“行政许可”“处理决定数量”", Disk: "30", Mine: "22"}) {
		t.Errorf("changes: %+v", conflict.Changes)
	}
	if !bytes.Equal(mustRead(t, file), edited) {
		t.Fatal("the edited file was overwritten")
	}
	// the clerk keeps her version
	resp = call(t, s, ts, "POST", "/api/save", docRequest{Name: seedName, Doc: o.Doc, Base: conflict.DiskBase})
	if resp.StatusCode != 200 {
		t.Fatalf("save after choosing: %d", resp.StatusCode)
	}
	if !bytes.Contains(mustRead(t, file), []byte("decisions = 22")) || !bytes.Equal(mustRead(t, file+".bak"), edited) {
		t.Error("choice not saved, or the overwritten version not kept as .bak")
	}
	// a form the loader refuses is not saved
	before := snapshot(t, dir)
	o.Doc.Table3["new"] = []string{"abc"}
	if resp = call(t, s, ts, "POST", "/api/save", docRequest{Name: seedName, Doc: o.Doc, Base: conflict.DiskBase}); resp.StatusCode != 422 {
		t.Errorf("invalid save: %d", resp.StatusCode)
	}
	if snapshot(t, dir) != before {
		t.Error("invalid form written")
	}
}

func mustRead(t *testing.T, f string) []byte {
	t.Helper()
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNewReport(t *testing.T) {
	s, ts, dir := testServer(t, "")
	resp := call(t, s, ts, "POST", "/api/new", newRequest{Name: "伊川2021.toml", Year: 2021, From: seedName})
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("new: %d %s", resp.StatusCode, b)
	}
	r, err := report.Load(filepath.Join(dir, "伊川2021.toml"))
	if err != nil || r.Agency != "伊川县城市管理局" || r.Year != 2021 || r.Format != "2021" {
		t.Fatalf("new report: %v %+v", err, r)
	}
	o := open(t, s, ts, "伊川2021.toml")
	if o.Doc.Report.Agency != "伊川县城市管理局" {
		t.Errorf("opened: %+v", o.Doc.Report)
	}
	if resp = call(t, s, ts, "POST", "/api/new", newRequest{Name: "伊川2021.toml", Year: 2021}); resp.StatusCode != 409 {
		t.Errorf("existing: %d", resp.StatusCode)
	}
	if resp = call(t, s, ts, "POST", "/api/new", newRequest{Name: "a.toml", Year: 2020, Format: "2021"}); resp.StatusCode != 400 {
		t.Errorf("2021 format for 2020: %d", resp.StatusCode)
	}
	var files struct{ Files []fileInfo }
	decode(t, call(t, s, ts, "GET", "/api/files", nil), &files)
	if len(files.Files) != 4 {
		t.Errorf("files: %+v", files.Files)
	}
}

// The saved file is written by report.Write and keeps the placeholders the clerk typed.
func TestSaveKeepsPlaceholders(t *testing.T) {
	s, ts, dir := testServer(t, seedName)
	o := open(t, s, ts, seedName)
	o.Doc.Other.Paragraphs = []string{"", "本年度收到申请{{收到申请}}件。", "  "}
	resp := call(t, s, ts, "POST", "/api/save", docRequest{Name: seedName, Doc: o.Doc, Base: o.Base})
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("save: %d %s", resp.StatusCode, b)
	}
	text := string(mustRead(t, filepath.Join(dir, seedName)))
	if !strings.Contains(text, `"本年度收到申请{{收到申请}}件。"`) || !strings.Contains(text, "由 nianbao serve 保存") {
		t.Errorf("saved file:\n%s", text)
	}
	r, err := report.Load(filepath.Join(dir, seedName))
	if err != nil || len(r.Other.Paragraphs) != 1 || r.Other.Paragraphs[0] != "本年度收到申请0件。" {
		t.Errorf("reloaded: %v %q", err, r.Other.Paragraphs)
	}
}

// In folder mode the cross-year rules run against last year's report of the same agency in the folder.
func TestCheckAgainstLastYear(t *testing.T) {
	s, ts, _ := testServer(t, "")
	if r := call(t, s, ts, "POST", "/api/new", newRequest{Name: "2021.toml", Year: 2021, From: seedName}); r.StatusCode != 200 {
		t.Fatalf("new: %d", r.StatusCode)
	}
	o := open(t, s, ts, "2021.toml")
	var res CheckResult
	decode(t, call(t, s, ts, "POST", "/api/check", docRequest{Name: "2021.toml", Doc: o.Doc}), &res)
	if res.Prev != seedName {
		t.Fatalf("prev = %q", res.Prev)
	}
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule, "X-") {
			t.Errorf("carried-over skeleton: %+v", f)
		}
	}
	o.Doc.Table3["carried"][0] = "3"
	decode(t, call(t, s, ts, "POST", "/api/check", docRequest{Name: "2021.toml", Doc: o.Doc}), &res)
	found := false
	for _, f := range res.Findings {
		if f.Rule == "X-CARRY" && f.Target == "t3.carried.NP" {
			found = true
		}
	}
	if !found || res.Errors != 1 || res.Draft { // the cross-year rules do not make a draft, as in render
		t.Errorf("X-CARRY not reported on 上年结转 (errors %d, draft %v): %+v", res.Errors, res.Draft, res.Findings)
	}
	// in file mode nothing but the file is read
	s1, ts1, _ := testServer(t, seedName)
	o1 := open(t, s1, ts1, seedName)
	var res1 CheckResult
	decode(t, call(t, s1, ts1, "POST", "/api/check", docRequest{Name: seedName, Doc: o1.Doc}), &res1)
	if res1.Prev != "" || !res1.Loaded {
		t.Errorf("file mode compared with %q", res1.Prev)
	}
}

func TestBrowserAddrAndLoopback(t *testing.T) {
	for _, c := range []struct {
		addr *net.TCPAddr
		want string
	}{{&net.TCPAddr{IP: net.IPv4zero, Port: 80}, "127.0.0.1:80"}, {&net.TCPAddr{IP: net.IPv6unspecified, Port: 81}, "127.0.0.1:81"},
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 82}, "127.0.0.1:82"}, {&net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 83}, "192.168.1.5:83"}} {
		if got := BrowserAddr(c.addr); got != c.want {
			t.Errorf("BrowserAddr(%v) = %s, want %s", c.addr, got, c.want)
		}
	}
	for addr, want := range map[string]bool{"127.0.0.1:1": true, "[::1]:1": true, "localhost:1": true, "0.0.0.0:1": false, "192.168.1.5:1": false, "x": false} {
		if IsLoopback(addr) != want {
			t.Errorf("IsLoopback(%s) != %v", addr, want)
		}
	}
	for host, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:8080": true, "[::1]:8080": true, "192.168.1.5": true,
		"evil.example:8080": false, "127.0.0.1.nip.io:8080": false, "": false} {
		if hostAllowed(host) != want {
			t.Errorf("hostAllowed(%q) != %v", host, want)
		}
	}
}

// TestHostMustNameListenAddress: a Host naming another IP or another port than the connection was made
// to is refused, and nothing is listed; the address itself and localhost on a loopback address pass.
func TestHostMustNameListenAddress(t *testing.T) {
	s, ts, _ := testServer(t, "")
	u, _ := url.Parse(ts.URL)
	_, port, _ := net.SplitHostPort(u.Host)
	for host, want := range map[string]int{u.Host: 200, "localhost:" + port: 200, "192.168.1.9:" + port: 403,
		"127.0.0.2:" + port: 403, "127.0.0.1:1": 403, "127.0.0.1": 403, "evil.example:" + port: 403} {
		resp := call(t, s, ts, "GET", "/api/files", nil, func(r *http.Request) { r.Host = host })
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, resp.StatusCode, want)
		}
	}
	local := &net.TCPAddr{IP: net.ParseIP("::ffff:127.0.0.1"), Port: 8080}
	for host, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:8080": true, "10.0.0.1:8080": false} {
		if hostMatches(host, local) != want {
			t.Errorf("hostMatches(%q, %v) != %v", host, local, want)
		}
	}
}
