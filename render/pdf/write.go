package pdf

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"

	"github.com/nianbao/nianbao/fonts"
)

// Write writes the display list as a PDF 1.7 file to w. Every run is placed where the layout put it (an
// absolute position, character spacing with Tc); each font role used is embedded as a subset (Type0,
// Identity-H) with a ToUnicode map so the text extracts. The same document always gives the same bytes.
func (d *Document) Write(w io.Writer) error {
	b, err := d.Bytes()
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("PDF：写出失败：%v", err)
	}
	return nil
}

// Bytes returns the PDF file that Write writes.
func (d *Document) Bytes() ([]byte, error) {
	if d == nil {
		return nil, errors.New("PDF：没有可写出的文档")
	}
	// The runes drawn with each role; the roles in a fixed order.
	used := map[fonts.Role][]rune{}
	for _, p := range d.Pages {
		for _, t := range p.Texts {
			used[t.Role] = append(used[t.Role], []rune(t.Text)...)
		}
	}
	roles := make([]string, 0, len(used))
	for r := range used {
		roles = append(roles, string(r))
	}
	sort.Strings(roles)

	pw := newPDFWriter()
	catalog, pages, info, resources := pw.alloc(), pw.alloc(), pw.alloc(), pw.alloc()
	// Subset the faces one after the other (one compressor for the whole file; a batch renders reports in
	// parallel instead), size the file, then write them in role order.
	parts := make([]*fontParts, len(roles))
	size, maxFile := 16<<10, 0
	for i, r := range roles {
		role := fonts.Role(r)
		fi := d.faces[role]
		if fi == nil {
			return nil, fmt.Errorf("PDF：%s角色的字体没有载入", r)
		}
		var err error
		if parts[i], err = buildFont(fi, role, used[role]); err != nil {
			return nil, fmt.Errorf("PDF：%s角色的字体 %s 无法嵌入：%v", r, fi.face.Family, err)
		}
		size += len(parts[i].file) + len(parts[i].cmap)/4 + len(parts[i].widths) + 1024
		maxFile = max(maxFile, len(parts[i].file))
	}
	pw.buf.Grow(size + 4<<10*len(d.Pages))
	pw.scratch = make([]byte, 0, maxFile+maxFile/16+1024) // the largest stream, the body font, compressed
	embedded := map[fonts.Role]*embeddedFont{}
	fontDict := "<< /Font <<"
	for i, r := range roles {
		role := fonts.Role(r)
		ef, err := pw.writeFont(parts[i], "F"+strconv.Itoa(i+1))
		if err != nil {
			return nil, fmt.Errorf("PDF：写出失败：%v", err)
		}
		parts[i] = nil
		embedded[role] = ef
		fontDict += " /" + ef.res + " " + ref(ef.obj)
	}
	pw.object(resources, fontDict+" >> /ProcSet [/PDF /Text] >>")

	// An empty document still gives a valid one-page file.
	pageList := d.Pages
	if len(pageList) == 0 {
		pageList = []Page{{Number: 1}}
	}
	var mediaBox []byte
	mediaBox = append(mediaBox, " /MediaBox [0 0 "...)
	mediaBox = appendNum(mediaBox, d.Width, 2)
	mediaBox = append(mediaBox, ' ')
	mediaBox = appendNum(mediaBox, d.Height, 2)
	mediaBox = append(mediaBox, ']')
	kids := make([]byte, 0, 8*len(pageList))
	pageObj := make([]int, 0, len(pageList))
	var content []byte
	for _, p := range pageList {
		pg, cs := pw.alloc(), pw.alloc()
		pageObj = append(pageObj, pg)
		if len(kids) > 0 {
			kids = append(kids, ' ')
		}
		kids = append(kids, ref(pg)...)
		pw.object(pg, "<< /Type /Page /Parent "+ref(pages)+string(mediaBox)+" /Resources "+ref(resources)+
			" /Contents "+ref(cs)+" >>")
		content = d.appendPage(content[:0], p, embedded)
		if err := pw.stream(cs, "", content); err != nil {
			return nil, fmt.Errorf("PDF：写出失败：%v", err)
		}
	}
	pw.object(pages, "<< /Type /Pages /Kids ["+string(kids)+"] /Count "+strconv.Itoa(len(pageList))+string(mediaBox)+" >>")
	cat := "<< /Type /Catalog /Pages " + ref(pages) + " /Lang (zh-CN)"
	if outline := d.writeOutline(pw, d.headings(), pageObj); outline != 0 {
		cat += " /Outlines " + ref(outline) + " /PageMode /UseOutlines"
	}
	pw.object(catalog, cat+" >>")

	inf := "<<"
	for _, kv := range [][2]string{{"Title", d.Title}, {"Author", d.Author}, {"Subject", d.Subject},
		{"Creator", d.Creator}, {"Producer", d.Creator}} {
		if kv[1] != "" {
			inf += " /" + kv[0] + " " + textString(kv[1])
		}
	}
	date := pdfDate(d.Date)
	inf += " /CreationDate " + date + " /ModDate " + date + " >>"
	pw.object(info, inf)

	return pw.finish(catalog, info), nil
}

// appendPage appends the content stream of one page: the rules, then the runs in display-list order
// (the draft mark comes first, beneath the text). Positions flip to the PDF's bottom-left origin.
func (d *Document) appendPage(b []byte, p Page, embedded map[fonts.Role]*embeddedFont) []byte {
	lw := math.NaN()
	for _, rl := range p.Rules {
		if rl.Width != lw {
			b = appendNum(b, rl.Width, 3)
			b = append(b, " w\n"...)
			lw = rl.Width
		}
		b = appendNum(b, rl.X1, 2)
		b = append(b, ' ')
		b = appendNum(b, d.Height-rl.Y1, 2)
		b = append(b, " m "...)
		b = appendNum(b, rl.X2, 2)
		b = append(b, ' ')
		b = appendNum(b, d.Height-rl.Y2, 2)
		b = append(b, " l S\n"...)
	}
	var cur *embeddedFont
	size, tc, gray, tz := 0.0, 0.0, 0.0, 1.0
	for _, t := range p.Texts {
		ef := embedded[t.Role]
		if ef == nil || t.Text == "" {
			continue
		}
		if g := math.Min(math.Max(t.Gray, 0), 1); g != gray {
			b = appendNum(b, g, 3)
			b = append(b, " g\n"...)
			gray = g
		}
		b = append(b, "BT "...)
		if ef != cur || t.Size != size {
			b = append(b, '/')
			b = append(b, ef.res...)
			b = append(b, ' ')
			b = appendNum(b, t.Size, 2)
			b = append(b, " Tf "...)
			cur, size = ef, t.Size
		}
		scale := t.Scale
		if scale <= 0 {
			scale = 1
		}
		if scale != tz {
			b = appendNum(b, 100*scale, 2)
			b = append(b, " Tz "...)
			tz = scale
		}
		// Tz scales the character spacing too: Tc is given unscaled so the step stays Spacing.
		if sp := t.Spacing / scale; sp != tc {
			b = appendNum(b, sp, 4)
			b = append(b, " Tc "...)
			tc = sp
		}
		x, y := t.X, d.Height-t.Y
		if t.Angle != 0 {
			// Rotate counter-clockwise about the origin of the run (the draft mark).
			rad := t.Angle * math.Pi / 180
			c, s := math.Cos(rad), math.Sin(rad)
			for _, v := range []float64{c, s, -s, c} {
				b = appendNum(b, v, 5)
				b = append(b, ' ')
			}
			b = appendNum(b, x, 2)
			b = append(b, ' ')
			b = appendNum(b, y, 2)
			b = append(b, " Tm "...)
		} else {
			b = appendNum(b, x, 2)
			b = append(b, ' ')
			b = appendNum(b, y, 2)
			b = append(b, " Td "...)
		}
		b = ef.encode(b, t.Text)
		b = append(b, " Tj ET\n"...)
	}
	return b
}
