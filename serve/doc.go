package serve

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/nianbao/nianbao/report"
)

// Doc is the state of the form: the report file's TOML document with every value as the clerk typed it
// (text), so that a cell holding "abc" can be sent to the strict loader and reported there. The shape
// mirrors docs/format.md: a table 三 row is 6 texts, or 7 when the clerk typed its 总计; the rows r7 and
// carry and the table 四 总计 are absent unless typed (then the loader computes them).
type Doc struct {
	Report   Meta                         `json:"report"`
	Overview Narr                         `json:"overview"`
	Problems Narr                         `json:"problems"`
	Other    Narr                         `json:"other"`
	Table2   map[string]map[string]string `json:"table2"`
	Table3   map[string][]string          `json:"table3"`
	Table4   map[string][]string          `json:"table4"`
	// Fonts is the report's [fonts] table, kept as it was (the form does not edit it).
	Fonts map[string]string `json:"fonts,omitempty"`
}

// Meta is the [report] table.
type Meta struct {
	Agency     string   `json:"agency"`
	Year       string   `json:"year"`
	Format     string   `json:"format"`
	Title      string   `json:"title"`
	TitleLines []string `json:"title_lines"`
	Preamble   []string `json:"preamble"`
	Signature  string   `json:"signature"`
	Date       string   `json:"date"`
	AmountNote string   `json:"amount_note"`
}

// Narr is a narrative section ([overview], [problems], [other]).
type Narr struct {
	Paragraphs []string `json:"paragraphs"`
	Sections   []Sub    `json:"sections"`
}

// Sub is one [[X.sections]] sub-section.
type Sub struct {
	Title      string   `json:"title"`
	RunIn      bool     `json:"runin"`
	Paragraphs []string `json:"paragraphs"`
}

// DocFromTOML reads a report file's bytes into the form state. It accepts every value the loader may
// reject (the form shows the loader's message); it refuses only what the form cannot hold (unknown keys,
// a wrong shape), naming the key, so that nothing in the file is silently dropped.
func DocFromTOML(data []byte) (*Doc, error) {
	if len(data) > report.MaxFileSize {
		return nil, fmt.Errorf("文件过大（%d 字节），报告文件不得超过 %d MiB", len(data), report.MaxFileSize>>20)
	}
	src, err := report.Decode(data)
	if err != nil {
		return nil, err
	}
	// The loader's guards run before its TOML decoder (nesting that would exhaust the stack); whatever they
	// refuse is refused here too, before this decoder sees it.
	var le *report.LoadError
	if _, err := report.Parse("", data); errors.As(err, &le) && len(le.Problems) == 1 && guardProblem(le.Problems[0].Msg) {
		return nil, errors.New(le.Problems[0].String())
	}
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		return nil, fmt.Errorf("TOML 语法错误：%v（请用文本编辑器改正后再打开）", err)
	}
	d := &Doc{Table2: map[string]map[string]string{}, Table3: map[string][]string{}, Table4: map[string][]string{}}
	c := &conv{}
	for _, k := range sortedKeys(m) {
		switch k {
		case "report":
			c.meta(m[k], &d.Report)
		case "overview", "problems", "other":
			n := c.narr(k, m[k])
			switch k {
			case "overview":
				d.Overview = n
			case "problems":
				d.Problems = n
			default:
				d.Other = n
			}
		case "table2":
			for _, item := range sortedKeys(c.table(k, m[k])) {
				fields := c.table("table2."+item, m[k].(map[string]any)[item])
				d.Table2[item] = map[string]string{}
				for _, f := range sortedKeys(fields) {
					d.Table2[item][f] = c.scalar("table2."+item+"."+f, fields[f])
				}
			}
		case "table3", "table4":
			rows := c.table(k, m[k])
			dst := d.Table3
			if k == "table4" {
				dst = d.Table4
			}
			for _, row := range sortedKeys(rows) {
				dst[row] = c.list(k+"."+row, rows[row])
			}
		case "fonts":
			fs := c.table(k, m[k])
			d.Fonts = map[string]string{}
			for _, role := range sortedKeys(fs) {
				d.Fonts[role] = c.scalar("fonts."+role, fs[role])
			}
		default:
			c.bad(k, "未知的键")
		}
	}
	if len(c.problems) > 0 {
		return nil, fmt.Errorf("表单无法显示这些内容，请先用文本编辑器改正（nianbao check 会说明原因）：%s", strings.Join(c.problems, "；"))
	}
	return d, nil
}

// guardProblem reports whether a load problem comes from the loader's pre-decode guards.
func guardProblem(msg string) bool {
	return strings.Contains(msg, "嵌套过深") || strings.Contains(msg, "层级过多")
}

// conv converts decoded TOML values to form texts, collecting what does not fit.
type conv struct{ problems []string }

func (c *conv) bad(path, why string) { c.problems = append(c.problems, path+" "+why) }

func (c *conv) table(path string, v any) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		c.bad(path, "应是一个表")
		return nil
	}
	return m
}

// scalar turns a number, text or date into the text the clerk sees.
func (c *conv) scalar(path string, v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return x.Format("2006-01-02")
	}
	c.bad(path, "应是一个值")
	return ""
}

func (c *conv) list(path string, v any) []string {
	if s, ok := v.(string); ok { // the loader accepts one string for a one-paragraph array
		return []string{s}
	}
	arr, ok := v.([]any)
	if !ok {
		c.bad(path, "应是一个数组")
		return nil
	}
	out := make([]string, len(arr))
	for i, e := range arr {
		out[i] = c.scalar(fmt.Sprintf("%s[%d]", path, i), e)
	}
	return out
}

func (c *conv) meta(v any, m *Meta) {
	t := c.table("report", v)
	for _, k := range sortedKeys(t) {
		p := "report." + k
		switch k {
		case "agency":
			m.Agency = c.scalar(p, t[k])
		case "year":
			m.Year = c.scalar(p, t[k])
		case "format":
			m.Format = c.scalar(p, t[k])
		case "title":
			m.Title = c.scalar(p, t[k])
		case "title_lines":
			m.TitleLines = c.list(p, t[k])
		case "preamble":
			m.Preamble = c.list(p, t[k])
		case "signature":
			m.Signature = c.scalar(p, t[k])
		case "date":
			m.Date = c.scalar(p, t[k])
		case "amount_note":
			m.AmountNote = c.scalar(p, t[k])
		default:
			c.bad(p, "未知的键")
		}
	}
}

func (c *conv) narr(key string, v any) Narr {
	var n Narr
	t := c.table(key, v)
	for _, k := range sortedKeys(t) {
		switch k {
		case "paragraphs":
			n.Paragraphs = c.list(key+".paragraphs", t[k])
		case "sections":
			var subs []map[string]any
			switch x := t[k].(type) {
			case []map[string]any:
				subs = x
			case []any:
				for _, e := range x {
					if mm, ok := e.(map[string]any); ok {
						subs = append(subs, mm)
					} else {
						c.bad(key+".sections", "应写成 [["+key+".sections]] 表数组")
					}
				}
			default:
				c.bad(key+".sections", "应写成 [["+key+".sections]] 表数组")
			}
			for i, s := range subs {
				var sub Sub
				p := fmt.Sprintf("%s.sections[%d]", key, i)
				for _, sk := range sortedKeys(s) {
					switch sk {
					case "title":
						sub.Title = c.scalar(p+".title", s[sk])
					case "paragraphs":
						sub.Paragraphs = c.list(p+".paragraphs", s[sk])
					case "runin":
						b, ok := s[sk].(bool)
						if !ok {
							c.bad(p+".runin", "应是 true 或 false")
						}
						sub.RunIn = b
					default:
						c.bad(p+"."+sk, "未知的键")
					}
				}
				n.Sections = append(n.Sections, sub)
			}
		default:
			c.bad(key+"."+k, "未知的键")
		}
	}
	return n
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
