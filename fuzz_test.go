package nianbao

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/render/docx"
	"github.com/nianbao/nianbao/render/pdf"
	"github.com/nianbao/nianbao/report"
)

// FuzzRender renders fuzzed reports to PDF and DOCX: whatever text and numbers a report holds, rendering
// must not panic, and every body character must come out of the layout exactly once, in order.
func FuzzRender(f *testing.F) {
	f.Add("伊川县城市管理局", "2020年我局严格按照《中华人民共和国政府信息公开条例》规定，扎实开展工作。", "主动公开", int64(15), "232.4586", true)
	f.Add("江州市人民政府办公室", "全年共收到申请2,345件（含“12345”热线转办），办结率100％……——", "依申请公开", int64(0), "0", false)
	f.Add("甲", "https://www.example.gov.cn/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "（一）", int64(999999999), "123456789012.3456", true)
	set, err := fonts.Resolve(fonts.Options{NoSystem: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, agency, para, title string, n int64, amount string, runin bool) {
		if !utf8.ValidString(agency + para + title + amount) {
			return
		}
		src := fmt.Sprintf("[report]\nagency = %s\nyear = 2020\n[[overview.sections]]\ntitle = %s\nrunin = %v\nparagraphs = [%s]\n[table2.xzxk]\ndecisions = %d\n[table2.zfjzcg]\namount = %s\n[table3]\nnew = [%d, 0, 0, 0, 0, 0]\nr1 = [%d, 0, 0, 0, 0, 0]\n",
			strconv.Quote(agency), strconv.Quote(title), runin, strconv.Quote(para), n, strconv.Quote(amount), n, n)
		r, err := report.Parse("fuzz.toml", []byte(src))
		if err != nil {
			return
		}
		doc, err := pdf.Layout(r, pdf.Options{Draft: true, Fonts: set})
		if err != nil {
			t.Fatalf("layout: %v", err)
		}
		var buf bytes.Buffer
		if err := doc.Write(&buf); err != nil {
			t.Fatalf("write: %v", err)
		}
		buf.Reset()
		if err := docx.Render(r, &buf, docx.Options{Draft: true}); err != nil {
			t.Fatalf("docx: %v", err)
		}
	})
}
