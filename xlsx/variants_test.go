package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Workbooks written part by part, the way generators other than excelize write them, for the
// differential test and the reader's own tests.

const (
	nsMain       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel     = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsStrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main"
	nsStrictRel  = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

// vSheet is one sheet of a written workbook: its name, state and the XML inside <worksheet>.
type vSheet struct {
	name, state, body string
}

// vBook describes a written workbook.
type vBook struct {
	sheets []vSheet
	// sst holds the si elements of sharedStrings.xml (none: no part).
	sst []string
	// numFmts and xfs are the numFmt and cellXfs xf elements of styles.xml (none: no part).
	numFmts, xfs []string
	wbPr         string // attributes of workbookPr
	strict       bool   // strict namespaces (ISO 29500 strict, as Excel saves "Strict Open XML")
	prefix       string // a prefix for every SpreadsheetML element (x:c)
	// targets writes relationship targets "absolute" (/xl/worksheets/sheet1.xml) or "backslash"
	// (worksheets\sheet1.xml); "" relative.
	targets string
	// extra parts, replacing generated ones of the same name.
	extra map[string]string
}

// cells builds a worksheet's sheetData: rows of cells given as "A1:v" (a number), "A1:s:text" (a
// shared string, added to sst), "A1:is:text" (an inline string), "A1:str:text", "A1:b:1", "A1:e:#N/A",
// "A1:d:2025-01-20" (those types), "A1:=formula" (no cached result), "A1:=formula=cached"; the style
// index follows a '|' after the address ("A1|3:v").
func (b *vBook) cells(rows ...[]string) string {
	var out strings.Builder
	out.WriteString("<sheetData>")
	for _, row := range rows {
		if len(row) == 0 {
			continue
		}
		first, _, _ := strings.Cut(row[0], ":")
		first, _, _ = strings.Cut(first, "|")
		_, r := splitRef(first)
		fmt.Fprintf(&out, `<row r="%s">`, r)
		for _, c := range row {
			ref, v, _ := strings.Cut(c, ":")
			style := ""
			if a, s, ok := strings.Cut(ref, "|"); ok {
				ref, style = a, ` s="`+s+`"`
			}
			kind, text, _ := strings.Cut(v, ":")
			switch {
			case kind == "is":
				fmt.Fprintf(&out, `<c r="%s"%s t="inlineStr"><is><t>%s</t></is></c>`, ref, style, xmlText(text))
			case kind == "str" || kind == "b" || kind == "e" || kind == "d":
				fmt.Fprintf(&out, `<c r="%s"%s t="%s"><v>%s</v></c>`, ref, style, kind, xmlText(text))
			case strings.HasPrefix(v, "s:"):
				b.sst = append(b.sst, "<si><t>"+xmlText(v[2:])+"</t></si>")
				fmt.Fprintf(&out, `<c r="%s"%s t="s"><v>%d</v></c>`, ref, style, len(b.sst)-1)
			case strings.HasPrefix(v, "="):
				f, cached, has := strings.Cut(v[1:], "=")
				if has {
					fmt.Fprintf(&out, `<c r="%s"%s><f>%s</f><v>%s</v></c>`, ref, style, xmlText(f), cached)
				} else {
					fmt.Fprintf(&out, `<c r="%s"%s><f>%s</f></c>`, ref, style, xmlText(f))
				}
			default:
				fmt.Fprintf(&out, `<c r="%s"%s><v>%s</v></c>`, ref, style, v)
			}
		}
		out.WriteString("</row>")
	}
	out.WriteString("</sheetData>")
	return out.String()
}

func splitRef(ref string) (string, string) {
	i := strings.IndexAny(ref, "0123456789")
	return ref[:i], ref[i:]
}

func xmlText(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var elementName = regexp.MustCompile(`<(/?)([A-Za-z][A-Za-z0-9]*)([ />])`)

// bytes writes the workbook's zip archive.
func (b *vBook) bytes(t testing.TB) []byte {
	t.Helper()
	main, rel := nsMain, nsRel
	if b.strict {
		main, rel = nsStrictMain, nsStrictRel
	}
	relType := func(kind string) string {
		if b.strict {
			return nsStrictRel + "/" + kind
		}
		return nsRel + "/" + kind
	}
	// part turns a SpreadsheetML part's body into the part, with its namespace and prefix.
	part := func(root, attrs, body string) string {
		if b.prefix != "" {
			body = elementName.ReplaceAllString(body, "<${1}"+b.prefix+":${2}${3}")
			return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<%s:%s xmlns:%s="%s" xmlns:r="%s"%s>%s</%s:%s>`,
				b.prefix, root, b.prefix, main, rel, attrs, body, b.prefix, root)
		}
		return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<%s xmlns="%s" xmlns:r="%s"%s>%s</%s>`, root, main, rel, attrs, body, root)
	}
	target := func(path string) string { // path relative to xl/
		switch b.targets {
		case "absolute":
			return "/xl/" + path
		case "backslash":
			return strings.ReplaceAll(path, "/", `\`)
		}
		return path
	}
	parts := map[string]string{}
	var wbSheets, wbRels strings.Builder
	for i, s := range b.sheets {
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, xmlText(s.name), i+1, state, i+1)
		fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%s" Target="%s"/>`, i+1, relType("worksheet"), target(fmt.Sprintf("worksheets/sheet%d.xml", i+1)))
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = part("worksheet", "", s.body)
	}
	n := len(b.sheets)
	if b.sst != nil {
		parts["xl/sharedStrings.xml"] = part("sst", fmt.Sprintf(` count="%d" uniqueCount="%d"`, len(b.sst), len(b.sst)), strings.Join(b.sst, ""))
		fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%s" Target="%s"/>`, n+1, relType("sharedStrings"), target("sharedStrings.xml"))
	}
	if b.xfs != nil {
		body := ""
		if len(b.numFmts) > 0 {
			body += fmt.Sprintf(`<numFmts count="%d">%s</numFmts>`, len(b.numFmts), strings.Join(b.numFmts, ""))
		}
		body += `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`
		body += fmt.Sprintf(`<cellXfs count="%d">%s</cellXfs>`, len(b.xfs), strings.Join(b.xfs, ""))
		parts["xl/styles.xml"] = part("styleSheet", "", body)
		fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%s" Target="%s"/>`, n+2, relType("styles"), target("styles.xml"))
	}
	wbPr := ""
	if b.wbPr != "" {
		wbPr = "<workbookPr " + b.wbPr + "/>"
	}
	parts["xl/workbook.xml"] = part("workbook", "", wbPr+"<sheets>"+wbSheets.String()+"</sheets>")
	parts["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + nsPkgRel + `">` + wbRels.String() + `</Relationships>`
	office := nsRel + "/officeDocument"
	if b.strict {
		office = nsStrictRel + "/officeDocument"
	}
	parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + nsPkgRel + `"><Relationship Id="rId1" Type="` + office + `" Target="xl/workbook.xml"/></Relationships>`
	ct := `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
	override := func(part, kind string) {
		ct += `<Override PartName="/` + part + `" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.` + kind + `+xml"/>`
	}
	override("xl/workbook.xml", "sheet.main")
	for i := range b.sheets {
		override(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), "worksheet")
	}
	if b.sst != nil {
		override("xl/sharedStrings.xml", "sharedStrings")
	}
	if b.xfs != nil {
		override("xl/styles.xml", "styles")
	}
	parts["[Content_Types].xml"] = ct + "</Types>"
	for k, v := range b.extra {
		if v == "" {
			delete(parts, k)
		} else {
			parts[k] = v
		}
	}
	var names []string
	for k := range parts {
		names = append(names, k)
	}
	sort.Strings(names)
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, k := range names {
		fw, err := w.Create(k)
		if err == nil {
			_, err = fw.Write([]byte(parts[k]))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
