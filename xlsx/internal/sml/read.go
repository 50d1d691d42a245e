package sml

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"strings"
)

// MaxSheets is the largest number of sheets Open accepts (a report workbook has five).
const MaxSheets = 256

// Workbook is an .xlsx package (a workbook) opened for reading: its sheets in workbook order, its date
// system, its shared strings and the number formats of its cell styles. A worksheet is read when asked
// for (ReadSheet).
type Workbook struct {
	// Sheets lists the sheets in workbook order, hidden ones included.
	Sheets []SheetInfo
	// Date1904 reports the 1904 date system (workbookPr date1904): serial 0 is 1904-01-01.
	Date1904 bool

	parts    map[string]*zip.File // by part name, backslashes read as slashes
	folded   map[string]*zip.File // by lower-case part name (part names are case-insensitive)
	inflated map[*zip.File][]byte // parts the caller has read already
	sst      []string
	styles   styles
	formats  map[string][]nfSection // number format codes parsed so far
}

// SheetInfo is one sheet of the workbook as workbook.xml lists it.
type SheetInfo struct {
	// Name is the sheet's name; State is "" (visible), "hidden" or "veryHidden".
	Name, State string
	// Part is the name of the part holding the sheet, "" when its relationship is missing.
	Part string
	// Kind is the relationship type's last word: "worksheet", "chartsheet", "dialogsheet", "macrosheet".
	Kind string
}

// relationship is one entry of a .rels part.
type relationship struct {
	id, kind, target string
	external         bool
}

// Open reads the package structure of a workbook: the workbook part found through _rels/.rels, its sheets
// and relationships, the shared strings and the styles. inflated may hold the contents of parts the
// caller has read already (they are not inflated again). Errors are in Chinese and name the part.
func Open(zr *zip.Reader, inflated map[*zip.File][]byte) (*Workbook, error) {
	wb := &Workbook{parts: map[string]*zip.File{}, folded: map[string]*zip.File{}, inflated: inflated, formats: map[string][]nfSection{}}
	for _, zf := range zr.File {
		name := strings.TrimPrefix(strings.ReplaceAll(zf.Name, "\\", "/"), "/")
		if _, dup := wb.parts[name]; !dup {
			wb.parts[name] = zf
		}
		if low := strings.ToLower(name); wb.folded[low] == nil {
			wb.folded[low] = zf
		}
	}
	wbPart := ""
	if rels, err := wb.readRels("_rels/.rels"); err != nil {
		return nil, err
	} else {
		for _, r := range rels {
			if r.kind == "officeDocument" && !r.external {
				wbPart = resolveTarget("", r.target)
				break
			}
		}
	}
	if wbPart == "" || wb.part(wbPart) == nil {
		wbPart = "xl/workbook.xml"
	}
	if wb.part(wbPart) == nil {
		return nil, fmt.Errorf("找不到工作簿部件 %s：不是 Excel 工作簿，或已损坏", wbPart)
	}
	sheets, rids, err := wb.readWorkbook(wbPart)
	if err != nil {
		return nil, err
	}
	dir := path.Dir(wbPart)
	if dir == "." {
		dir = ""
	}
	rels, err := wb.readRels(path.Join(dir, "_rels", path.Base(wbPart)+".rels"))
	if err != nil {
		return nil, err
	}
	byID := map[string]relationship{}
	sstPart, stylesPart := "", ""
	for _, r := range rels {
		if r.external {
			continue
		}
		if _, dup := byID[r.id]; !dup {
			byID[r.id] = r
		}
		switch r.kind {
		case "sharedStrings":
			if sstPart == "" {
				sstPart = resolveTarget(dir, r.target)
			}
		case "styles":
			if stylesPart == "" {
				stylesPart = resolveTarget(dir, r.target)
			}
		}
	}
	seen := map[string]string{}
	for i, s := range sheets {
		key := strings.ToLower(s.Name)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("工作簿中有两个同名的工作表“%s”和“%s”（工作表名不区分大小写）：工作簿已损坏", prev, s.Name)
		}
		seen[key] = s.Name
		if r, ok := byID[rids[i]]; ok {
			sheets[i].Part = resolveTarget(dir, r.target)
			sheets[i].Kind = r.kind
		}
	}
	wb.Sheets = sheets
	if sstPart == "" || wb.part(sstPart) == nil {
		sstPart = path.Join(dir, "sharedStrings.xml")
	}
	if zf := wb.part(sstPart); zf != nil {
		if wb.sst, err = wb.readSharedStrings(zf, sstPart); err != nil {
			return nil, err
		}
	}
	if stylesPart == "" || wb.part(stylesPart) == nil {
		stylesPart = path.Join(dir, "styles.xml")
	}
	if zf := wb.part(stylesPart); zf != nil {
		if wb.styles, err = wb.readStyles(zf, stylesPart); err != nil {
			return nil, err
		}
	}
	return wb, nil
}

// part finds a part by name, exactly or else ignoring case.
func (wb *Workbook) part(name string) *zip.File {
	if zf := wb.parts[name]; zf != nil {
		return zf
	}
	return wb.folded[strings.ToLower(name)]
}

// resolveTarget turns a relationship target into a part name: relative to the folder of the part the
// relationship belongs to, or to the package root when it starts with "/". Backslashes read as slashes.
func resolveTarget(dir, target string) string {
	target = strings.ReplaceAll(strings.TrimSpace(target), "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	p := path.Clean(path.Join("/", dir, target))
	return strings.TrimPrefix(p, "/")
}

// readRels reads a relationships part; a missing part has none.
func (wb *Workbook) readRels(name string) ([]relationship, error) {
	zf := wb.part(name)
	if zf == nil {
		return nil, nil
	}
	p, err := wb.openPart(zf, name)
	if err != nil {
		return nil, err
	}
	var out []relationship
	for {
		tok, err := p.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if tok.kind != xmlStart || !tok.is("Relationship") {
			continue
		}
		id, _ := tok.attr("Id")
		kind, _ := tok.attr("Type")
		target, _ := tok.attr("Target")
		mode, _ := tok.attr("TargetMode")
		if i := strings.LastIndexByte(kind, '/'); i >= 0 {
			kind = kind[i+1:]
		}
		out = append(out, relationship{id: id, kind: kind, target: target, external: strings.EqualFold(mode, "External")})
	}
}

// readWorkbook reads the sheets (name, state, relationship id) and the date system of workbook.xml.
func (wb *Workbook) readWorkbook(name string) ([]SheetInfo, []string, error) {
	p, err := wb.openPart(wb.part(name), name)
	if err != nil {
		return nil, nil, err
	}
	var sheets []SheetInfo
	var rids []string
	inSheets := false
	for {
		tok, err := p.next()
		if err == io.EOF {
			return sheets, rids, nil
		}
		if err != nil {
			return nil, nil, err
		}
		if tok.kind == xmlEnd && tok.is("sheets") {
			inSheets = false
		}
		if tok.kind != xmlStart {
			continue
		}
		switch string(local(tok.name)) {
		case "sheets":
			inSheets = true
		case "workbookPr":
			wb.Date1904 = boolAttr(tok, "date1904", false)
		case "sheet":
			if !inSheets {
				continue
			}
			if len(sheets) >= MaxSheets {
				return nil, nil, limitError("工作簿的工作表超过 %d 个：不像年度报告工作簿", MaxSheets)
			}
			n, _ := tok.attr("name")
			state, _ := tok.attr("state")
			rid, _ := tok.prefixedAttr("id")
			sheets = append(sheets, SheetInfo{Name: n, State: state})
			rids = append(rids, rid)
		}
	}
}
