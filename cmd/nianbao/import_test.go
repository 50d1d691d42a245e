package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/report"
)

// TestImportSeedThenInitFrom: the seed text imported to a draft that loads and checks, written with -o
// (after the file name), then used by init --from for the next year.
func TestImportSeedThenInitFrom(t *testing.T) {
	seed := "../../importer/testdata/seed-yichuan-2020.txt"
	code, stdout, stderr := runCLI("import", seed)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	if _, err := report.Parse("stdout", []byte(stdout)); err != nil {
		t.Fatalf("the draft on stdout does not load: %v", err)
	}
	if !strings.Contains(stdout, "【待核】") {
		t.Error("the draft has no 【待核】 notes (the seed has label variants)")
	}
	dir := t.TempDir()
	draft := filepath.Join(dir, "2020.toml")
	code, stdout, stderr = runCLI("import", seed, "-o", draft)
	if code != 0 || stdout != "" || !strings.Contains(stderr, draft) {
		t.Fatalf("import -o: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, out, errs := runCLI("check", draft); code != 0 {
		t.Errorf("check of the draft: exit %d\n%s%s", code, out, errs)
	}
	code, stdout, stderr = runCLI("init", "--year", "2021", "--format", "2019", "--from", draft)
	if code != 0 || !strings.Contains(stdout, "prev_items = 17") {
		t.Errorf("init --from the draft: exit %d, 行政许可 上一年项目数量 not carried (15 + 2)\n%s", code, stderr)
	}
}

func TestImportPageWarnsInChinese(t *testing.T) {
	code, stdout, stderr := runCLI("import", "../../importer/testdata/cms-trs-gbk.html")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "提示：表二：无法识别的行“行政确认") || !strings.Contains(stderr, "（八）其他情形") {
		t.Errorf("stderr lacks the dropped rows:\n%s", stderr)
	}
	if !strings.Contains(stdout, `agency = "江州市市场监督管理局"`) {
		t.Errorf("stdout:\n%s", stdout)
	}
}

func TestImportErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.html")
	os.WriteFile(empty, []byte("<html><body>欢迎</body></html>"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "请给出要导入的页面"},
		{[]string{"import", filepath.Join(dir, "missing.html")}, "无法读取"},
		{[]string{"import", empty}, "找不到年度报告的内容"},
		{[]string{"import", "--table", "三", empty}, "只能与 --tsv 一起使用"},
		{[]string{"import", "--format", "2020", empty}, "--format 只能是 2019 或 2021"},
		{[]string{"import", dir}, "不是普通文件"},
	} {
		code, _, stderr := runCLI(c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q (want 2 and %q)", c.args, code, stderr, c.want)
		}
	}
	// -o never leaves a half-written file: an unwritable target fails and nothing appears.
	code, _, stderr := runCLI("import", "../../importer/testdata/seed-yichuan-2020.txt", "-o", filepath.Join(dir, "no", "such", "dir.toml"))
	if code != 2 || !strings.Contains(stderr, "无法写入") {
		t.Errorf("-o into a missing folder: exit %d %q", code, stderr)
	}
}

func TestImportTSV(t *testing.T) {
	dir := t.TempDir()
	rows := filepath.Join(dir, "t4.tsv")
	os.WriteFile(rows, []byte("1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\r\n"), 0o644)
	code, stdout, stderr := runCLI("import", "--tsv", rows, "--into", "../../examples/township-2021.toml")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	r, err := report.Parse("stdout", []byte(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if r.T4[0] != [5]int64{1, 0, 0, 0, 1} || r.Agency == "" {
		t.Errorf("表四 %v, agency %q", r.T4, r.Agency)
	}
}
