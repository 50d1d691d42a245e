package publish

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"strings"
	"sync"
)

// Index returns OUT/index.html: one row per unit (agency, format, status, links to its outputs and to its
// findings), the counts by status on top and, below, the findings of every unit that has any. The page is
// self-contained (no script, no external resource) and deterministic.
func (s *Summary) Index(title string) []byte {
	type link struct {
		Href template.URL
		Text string
	}
	type row struct {
		N           int
		Unit        Unit
		Name, Class string
		Links       []link
		Anchor      string
		Findings    []string
	}
	var rows []row
	for i, u := range s.Units {
		r := row{N: i + 1, Unit: u, Name: u.Agency, Class: classOf(u.Status)}
		if r.Name == "" {
			r.Name = path.Base(strings.ReplaceAll(u.Input, `\`, "/"))
		}
		for _, o := range u.Outputs {
			r.Links = append(r.Links, link{Href: relURL(o), Text: strings.ToUpper(strings.TrimPrefix(path.Ext(o), "."))})
		}
		if len(u.Findings) > 0 || u.Problem != "" {
			r.Anchor = "u" + itoa(i+1)
			if u.Problem != "" {
				r.Findings = append(r.Findings, u.Problem)
			}
			for _, f := range u.Findings {
				r.Findings = append(r.Findings, f.String())
			}
		}
		rows = append(rows, r)
	}
	data := struct {
		Title     string
		S         *Summary
		Rows      []row
		Aggregate template.URL
	}{Title: title, S: s, Rows: rows}
	if s.Aggregate != "" {
		data.Aggregate = relURL(s.Aggregate)
	}
	var b bytes.Buffer
	if err := indexTemplate().Execute(&b, data); err != nil {
		return []byte("<!DOCTYPE html><p>" + template.HTMLEscapeString(err.Error()) + "</p>\n")
	}
	return b.Bytes()
}

func classOf(status string) string {
	switch status {
	case Passed:
		return "ok"
	case Warned:
		return "warn"
	}
	return "bad"
}

// relURL makes a relative link from a slash path: each segment escaped, "./" in front so that no segment is
// read as a scheme (a file named javascript:….pdf stays a file).
func relURL(p string) template.URL {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return template.URL("./" + strings.Join(segs, "/"))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

// indexTemplate is the page of Index, parsed the first time a page is written rather than when the
// package is initialised (every nianbao process links publish).
var indexTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; }
p.counts span { display: inline-block; margin-right: 1.2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .35em .6em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.n { text-align: right; color: #666; }
.file { color: #666; font-size: .85em; }
.ok { color: #17692b; }
.warn { color: #8a5a00; }
.bad { color: #b00020; font-weight: bold; }
td a { margin-right: .6em; }
section.findings h3 { font-size: 1.05em; margin: 1.4em 0 .4em; }
section.findings li { margin: .2em 0; font-size: .92em; word-break: break-all; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="counts"><span>共 {{.S.Total}} 份</span><span class="ok">通过 {{.S.Passed}}</span><span class="warn">有警告 {{.S.Warned}}</span><span class="bad">有错误 {{.S.Errored}}</span><span class="bad">无法读取 {{.S.Unreadable}}</span>{{if .S.Failed}}<span class="bad">其他失败 {{.S.Failed}}</span>{{end}}</p>
{{if .Aggregate}}<p>本级汇总：<a href="{{.Aggregate}}">{{.S.Aggregate}}</a></p>
{{end}}<table>
<thead><tr><th>序号</th><th>单位</th><th>格式</th><th>状态</th><th>文件</th><th>问题</th></tr></thead>
<tbody>
{{range .Rows}}<tr id="row{{.N}}"><td class="n">{{.N}}</td><td>{{.Name}}<br><span class="file">{{.Unit.Input}}</span></td><td>{{if .Unit.Format}}{{.Unit.Format}} 版{{else}}—{{end}}</td><td class="{{.Class}}">{{.Unit.Label}}</td><td>{{range .Links}}<a href="{{.Href}}">{{.Text}}</a>{{else}}—{{end}}</td><td>{{if .Anchor}}<a href="#{{.Anchor}}">查看 {{len .Findings}} 条</a>{{else}}—{{end}}</td></tr>
{{end}}</tbody>
</table>
<section class="findings">
<h2>检查结果</h2>
{{range .Rows}}{{if .Anchor}}<h3 id="{{.Anchor}}">{{.N}}. {{.Name}}（<span class="{{.Class}}">{{.Unit.Label}}</span>）</h3>
<ul>
{{range .Findings}}<li>{{.}}</li>
{{end}}</ul>
{{end}}{{end}}</section>
</body>
</html>
`))
})
