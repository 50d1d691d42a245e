package publish

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/report"
)

func TestNewUnitStatus(t *testing.T) {
	warn := report.Finding{Severity: report.Warning, Rule: "N-FEE", Message: "w"}
	bad := report.Finding{Severity: report.Error, Rule: "T4-SUM", Message: "e"}
	for _, c := range []struct {
		res   nianbao.Result
		err   error
		label string
	}{
		{nianbao.Result{Input: "a.toml", Outputs: []string{"out/a.pdf"}}, nil, "通过"},
		{nianbao.Result{Input: "a.toml", Findings: []report.Finding{warn, warn}}, nil, "2 条警告"},
		{nianbao.Result{Input: "a.toml", Findings: []report.Finding{warn, bad}}, nianbao.ErrRules, "1 条错误"},
		{nianbao.Result{Input: "a.toml"}, &report.LoadError{}, "无法读取"},
		{nianbao.Result{Input: "a.toml"}, errors.New("磁盘满"), "失败"},
	} {
		u := NewUnit(&c.res, c.err, "out")
		if u.Label != c.label {
			t.Errorf("%v %v: %s, want %s", c.res.Findings, c.err, u.Label, c.label)
		}
		if c.label == "通过" && (len(u.Outputs) != 1 || u.Outputs[0] != "a.pdf") {
			t.Errorf("outputs %v", u.Outputs)
		}
	}
}

func TestIndexEscapes(t *testing.T) {
	s := NewSummary([]Unit{{Input: "<b>x.toml", Agency: "甲&乙局", Format: "2021", Status: Passed, Label: "通过",
		Outputs: []string{"javascript:alert(1).pdf", "乡镇/城关 镇#1.html"}}})
	page := string(s.Index("标题"))
	for _, want := range []string{`href="./javascript:alert%281%29.pdf"`, `href="./%E4%B9%A1%E9%95%87/%E5%9F%8E%E5%85%B3%20%E9%95%87%231.html"`, "甲&amp;乙局", "&lt;b&gt;x.toml"} {
		if !strings.Contains(page, want) {
			t.Errorf("index lacks %s:\n%s", want, page)
		}
	}
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := NewProgress(&b, 3, true)
	clock := p.start
	p.now = func() time.Time { return clock }
	clock = clock.Add(2 * time.Second)
	p.Add(Unit{Status: Passed})
	p.Add(Unit{Status: Unreadable})
	if got := b.String(); !strings.HasSuffix(got, "\r\x1b[K[2/3] 未通过 1 · 用时 2.0 秒 · 每秒 1.0 份") || strings.Count(got, "\r") != 2 {
		t.Errorf("terminal line %q", got)
	}
	p.Finish(NewSummary([]Unit{{Status: Passed}, {Status: Unreadable}}))
	if !strings.Contains(b.String(), "\n共 2 份：通过 1，有警告 0，有错误 0，无法读取 1") {
		t.Errorf("finish %q", b.String())
	}
	b.Reset()
	q := NewProgress(&b, 3, false)
	q.Add(Unit{Status: Passed})
	if b.Len() != 0 {
		t.Errorf("redirected progress writes %q per file", b.String())
	}
}
