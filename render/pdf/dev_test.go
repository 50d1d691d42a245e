package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"nianbao/report"
)

func TestDevRenderExamples(t *testing.T) {
	if os.Getenv("PDFDEV") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../../examples/*.toml")
	for _, f := range files {
		r, err := report.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := os.Create("/tmp/pdfeng/" + filepath.Base(f) + ".pdf")
		if err := Render(r, out, Options{Version: "dev", Draft: os.Getenv("DRAFT") != ""}); err != nil {
			t.Fatal(err)
		}
		out.Close()
	}
}

func TestDevDump(t *testing.T) {
	if os.Getenv("PDFDEV") == "" {
		t.Skip()
	}
	r, err := report.Load("../../examples/yichuan-chengguanju-2020.toml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Layout(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ln := range d.Pages[0].Lines[:8] {
		t.Logf("%v full=%v x=%.2f w=%.2f %s", ln.Part, ln.Full, ln.X, ln.Width, ln.String())
		s := ""
		for i := 1; i < len(ln.Xs); i++ {
			s += fmt.Sprintf("%.2f ", ln.Xs[i]-ln.Xs[i-1])
		}
		t.Log(s)
	}
}

func TestDevDraft(t *testing.T) {
	if os.Getenv("PDFDEV") == "" {
		t.Skip()
	}
	r, _ := report.Load("../../examples/township-2021.toml")
	d, err := Layout(r, Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	d.Pages = d.Pages[:1]
	d.Pages[0].Texts = d.Pages[0].Texts[:1]
	d.Pages[0].Texts[0].Gray = 0.3
	f, _ := os.Create("/tmp/pdfeng/draft.pdf")
	d.Write(f)
	f.Close()
}
