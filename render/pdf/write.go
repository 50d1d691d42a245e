package pdf

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"codeberg.org/go-pdf/fpdf"

	"nianbao/fonts"
)

// Write replays the display list with fpdf and writes the PDF to w. It places every run itself (Text at
// an absolute position, character spacing with Tc) and never lets fpdf wrap or break pages.
func (d *Document) Write(w io.Writer) error {
	if d == nil {
		return errors.New("PDF：没有可写出的文档")
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: d.Width, Ht: d.Height}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(d.Date)
	pdf.SetModificationDate(d.Date)
	pdf.SetTitle(d.Title, true)
	pdf.SetAuthor(d.Author, true)
	pdf.SetSubject(d.Subject, true)
	pdf.SetCreator(d.Creator, true)
	pdf.SetProducer(d.Creator, true)

	// Register the faces the pages use, in a fixed order.
	used := map[fonts.Role][]rune{}
	for _, p := range d.Pages {
		for _, t := range p.Texts {
			used[t.Role] = append(used[t.Role], []rune(t.Text)...)
		}
	}
	var roles []string
	for r := range used {
		roles = append(roles, string(r))
	}
	sort.Strings(roles)
	for _, r := range roles {
		fi := d.faces[fonts.Role(r)]
		if fi == nil {
			return fmt.Errorf("PDF：%s角色的字体没有载入", r)
		}
		data, err := subsetFont(fi.data, fi.m, used[fonts.Role(r)])
		if err != nil {
			return fmt.Errorf("PDF：%s角色的字体 %s 无法嵌入：%v", r, fi.face.Family, err)
		}
		pdf.AddUTF8FontFromBytes(r, "", data)
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("PDF：%s角色的字体 %s 无法嵌入：%v", r, fi.face.Family, err)
		}
	}

	for _, p := range d.Pages {
		pdf.AddPage()
		tc := 0.0
		gray := 0.0
		curRole, curSize := fonts.Role(""), 0.0
		for _, rl := range p.Rules {
			pdf.SetLineWidth(rl.Width)
			pdf.Line(rl.X1, rl.Y1, rl.X2, rl.Y2)
		}
		for _, t := range p.Texts {
			if t.Role != curRole || t.Size != curSize {
				pdf.SetFont(string(t.Role), "", t.Size)
				curRole, curSize = t.Role, t.Size
			}
			if t.Gray != gray {
				g := int(255 * t.Gray)
				pdf.SetTextColor(g, g, g)
				gray = t.Gray
			}
			if t.Spacing != tc {
				pdf.RawWriteStr(fmt.Sprintf("%.4f Tc\n", t.Spacing))
				tc = t.Spacing
			}
			if t.Angle != 0 {
				pdf.TransformBegin()
				pdf.TransformRotate(t.Angle, t.X, t.Y)
				pdf.Text(t.X, t.Y, t.Text)
				pdf.TransformEnd()
				continue
			}
			pdf.Text(t.X, t.Y, t.Text)
		}
		if tc != 0 {
			pdf.RawWriteStr("0 Tc\n")
		}
		if gray != 0 {
			pdf.SetTextColor(0, 0, 0)
		}
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("PDF：写出失败：%v", err)
	}
	return nil
}
