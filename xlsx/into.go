package xlsx

import (
	"io"
	"os"
	"reflect"
	"strings"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/report"
)

// Into returns the report file at path with its tables replaced by those of imp: the lines of [table2.…],
// [table3] and [table4] (with the comment lines right above them) give way to the imported tables, and
// every other line — [report], the narrative with its {{placeholders}}, comments, [fonts] — stays as
// written. The result is loaded again and must hold the imported tables.
func Into(path string, imp *Import) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, problem(path, "无法读取文件：%v", plainErr(err))
	}
	data, err := io.ReadAll(io.LimitReader(fh, report.MaxFileSize+1))
	fh.Close()
	if err != nil {
		return nil, problem(path, "无法读取文件：%v", err)
	}
	old, err := report.Parse(path, data)
	if err != nil {
		return nil, err
	}
	nr := imp.Report
	if old.Format != nr.Format {
		return nil, problem(imp.Report.File, "工作簿是 %s 格式，%s 是 %s 格式：表格的行不同，不能替换；请用 nianbao xlsx template --format %s 生成模板", nr.Format, path, old.Format, old.Format)
	}
	if old.Year != nr.Year {
		return nil, problem(imp.Report.File, "工作簿“基本信息”的报告年度是 %d，%s 是 %d 年的报告：请确认没有选错文件（或改正“报告年度”）", nr.Year, path, old.Year)
	}
	src, err := report.Decode(data)
	if err != nil {
		return nil, problem(path, "%v", err)
	}
	tables := strings.Join(keepChunks(string(imp.TOML), true), "")
	out := strings.Join(replaceTables(src, tables), "")
	got, err := report.Parse(path, []byte(out))
	if err != nil {
		return nil, problem(path, "替换表格后无法读入（%v）：文件中可能用其他写法写了表格（如 table3.new = …）；请把表格改写成 [table3] 这样的表头后再试", err)
	}
	// The narrative is not compared: its {{placeholders}} now expand to the new numbers, as they should.
	if !reflect.DeepEqual(got.T2, nr.T2) || !reflect.DeepEqual(got.T3, nr.T3) || got.T4 != nr.T4 ||
		len(got.Overview.Sections) != len(old.Overview.Sections) || got.Agency != old.Agency {
		return nil, problem(path, "替换表格后的报告与预期不符：文件中可能还有别处写了表格的值；请把表格集中写在 [table2.…]、[table3]、[table4] 表头之下后再试")
	}
	return []byte(out), nil
}

var headerLine = lazyre.New(`^\s*\[\[?\s*([^\]]+?)\s*\]\]?`)

// chunk is a run of lines of a TOML file: the lines before the first table header, or one header with
// the comment lines right above it and everything up to the next.
type chunk struct {
	lines []string
	table bool // a [table2.…], [table3] or [table4] chunk
}

// chunks splits a TOML file at its table headers, keeping multi-line strings whole.
func chunks(src string) []chunk {
	lines := strings.SplitAfter(src, "\n")
	out := []chunk{{}}
	inStr := ""
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if inStr != "" {
			if strings.Contains(t, inStr) {
				inStr = ""
			}
			out[len(out)-1].lines = append(out[len(out)-1].lines, line)
			continue
		}
		if m := headerLine.FindStringSubmatch(t); m != nil && !strings.HasPrefix(t, "#") {
			top := strings.Trim(strings.TrimSpace(strings.SplitN(m[1], ".", 2)[0]), `"'`)
			prev := &out[len(out)-1]
			// The comment lines right above the header belong to it.
			k := len(prev.lines)
			for k > 0 && strings.HasPrefix(strings.TrimSpace(prev.lines[k-1]), "#") {
				k--
			}
			moved := append([]string(nil), prev.lines[k:]...)
			prev.lines = prev.lines[:k]
			out = append(out, chunk{lines: append(moved, line), table: top == "table2" || top == "table3" || top == "table4"})
			continue
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(t, q)%2 == 1 {
				inStr = q
			}
		}
		out[len(out)-1].lines = append(out[len(out)-1].lines, line)
	}
	return out
}

// keepChunks returns the text of the table chunks (table true) or of the others.
func keepChunks(src string, table bool) []string {
	var out []string
	for _, c := range chunks(src) {
		if c.table == table {
			out = append(out, strings.Join(c.lines, ""))
		}
	}
	return out
}

// replaceTables puts tables where the first table chunk of src was (at the end when there was none) and
// drops the other table chunks.
func replaceTables(src, tables string) []string {
	var out []string
	done := false
	for _, c := range chunks(src) {
		if !c.table {
			out = append(out, strings.Join(c.lines, ""))
			continue
		}
		if !done {
			out = append(out, tables)
			done = true
		}
	}
	if !done {
		if n := len(out); n > 0 && !strings.HasSuffix(out[n-1], "\n") {
			out = append(out, "\n")
		}
		out = append(out, "\n", tables)
	}
	return out
}
