package sml

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxStyles bounds the cell formats (xf) and number formats read from styles.xml (Excel allows 64000).
const maxStyles = 65536

// maxFormatCode bounds a number format code, in characters: Excel allows 255, and formatting a value
// with a code of millions of characters takes minutes.
const maxFormatCode = 1024

// styles is what the reader needs of styles.xml: the number format of each cell format.
type styles struct {
	// xfNumFmt is the numFmtId of each cellXfs entry, by the index a cell's s attribute gives.
	xfNumFmt []int
	// custom holds the format codes of numFmts (formatCode16 over formatCode), the first of an id.
	custom map[int]string
}

// readStyles reads numFmts and cellXfs of a styles part.
func (wb *Workbook) readStyles(zf *zip.File, name string) (styles, error) {
	st := styles{custom: map[int]string{}}
	p, err := wb.openPart(zf, name)
	if err != nil {
		return st, err
	}
	var in string // "numFmts" or "cellXfs" while inside one
	for {
		tok, err := p.next()
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			return st, err
		}
		switch t := tok; t.kind {
		case xmlEnd:
			if t.is(in) {
				in = ""
			}
		case xmlStart:
			switch string(local(t.name)) {
			case "numFmts":
				in = "numFmts"
			case "cellXfs":
				in = "cellXfs"
			case "numFmt":
				if in != "numFmts" {
					continue
				}
				id, err := intAttr(t, "numFmtId", 0)
				if err != nil {
					return st, fmt.Errorf("部件 %s 中数字格式的编号 %v", name, err)
				}
				code, _ := t.attr("formatCode")
				if c16, ok := t.attr("formatCode16"); ok && c16 != "" {
					code = c16
				}
				if n := utf8.RuneCountInString(code); n > maxFormatCode {
					return st, limitError("部件 %s 中编号 %d 的数字格式长 %d 个字符，超过上限 %d（Excel 只允许 255 个）：工作簿已损坏或为恶意构造", name, id, n, maxFormatCode)
				}
				if len(st.custom) >= maxStyles {
					return st, fmt.Errorf("部件 %s 的数字格式超过 %d 个：工作簿已损坏", name, maxStyles)
				}
				if _, dup := st.custom[id]; !dup {
					st.custom[id] = code
				}
			case "xf":
				if in != "cellXfs" {
					continue
				}
				id, err := intAttr(t, "numFmtId", 0)
				if err != nil {
					return st, fmt.Errorf("部件 %s 中单元格格式的数字格式编号 %v", name, err)
				}
				if len(st.xfNumFmt) >= maxStyles {
					return st, fmt.Errorf("部件 %s 的单元格格式超过 %d 个：工作簿已损坏", name, maxStyles)
				}
				st.xfNumFmt = append(st.xfNumFmt, id)
			}
		}
	}
}

// intAttr reads an integer attribute; def when missing.
func intAttr(t *xmlToken, local string, def int) (int, error) {
	v, ok := t.attr(local)
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q 不是非负整数", v)
	}
	return n, nil
}

// numFmt returns the format code of cell format s, and whether there is one: a custom format of
// styles.xml, else a built-in one. Cell format 0, or one out of range, has none (the value is shown
// as stored).
func (st *styles) numFmt(s int) (string, bool) {
	if s <= 0 || s >= len(st.xfNumFmt) {
		return "", false
	}
	id := st.xfNumFmt[s]
	if code, ok := st.custom[id]; ok {
		return code, true
	}
	return builtinNumFmt(id)
}
