package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// schemaFor names the vendored schema (testdata/ooxml-xsd) that validates a part, or "".
func schemaFor(part string) string {
	switch {
	case strings.HasSuffix(part, ".rels"):
		return "opc-xsd/opc-relationships.xsd"
	case part == "[Content_Types].xml":
		return "opc-xsd/opc-contentTypes.xsd"
	case part == "xl/workbook.xml", part == "xl/styles.xml", part == "xl/sharedStrings.xml",
		strings.HasPrefix(part, "xl/worksheets/"):
		return "sml.xsd"
	case strings.HasPrefix(part, "xl/theme/"):
		return "dml-main.xsd"
	}
	return ""
}

var ignorable = regexp.MustCompile(` mc:Ignorable="([^"]*)"`)

// compatible applies Markup Compatibility as Excel does before reading a part: it drops the elements and
// attributes of the namespaces the part declares ignorable, and mc:AlternateContent.
func compatible(s string) string {
	m := ignorable.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	s = strings.Replace(s, m[0], "", 1)
	for _, p := range strings.Fields(m[1]) {
		q := regexp.QuoteMeta(p)
		s = regexp.MustCompile(`<`+q+`:\w+\b[^>]*/>`).ReplaceAllString(s, "")
		s = regexp.MustCompile(`(?s)<`+q+`:(\w+)\b[^>]*>.*?</`+q+`:\w+>`).ReplaceAllString(s, "")
		s = regexp.MustCompile(` `+q+`:\w+="[^"]*"`).ReplaceAllString(s, "")
	}
	return regexp.MustCompile(`(?s)<mc:AlternateContent.*?</mc:AlternateContent>`).ReplaceAllString(s, "")
}

// TestSchemaValid validates the SpreadsheetML parts of every exported example and of both templates
// against the ECMA-376 schemas with xmllint: Excel repairs or refuses a workbook whose elements are out of
// order, which LibreOffice and excelize accept silently.
func TestSchemaValid(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is not installed (CI installs libxml2-utils)")
		}
		t.Skip("xmllint is not installed")
	}
	xsd, err := filepath.Abs("testdata/ooxml-xsd")
	must(t, err)
	books := map[string][]byte{}
	for name, r := range examples(t) {
		books[name] = exportBytes(t, r)
	}
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		var b bytes.Buffer
		must(t, Template(report.SkeletonOptions{Format: f, Year: map[layouts.Format]int{layouts.F2019: 2020, layouts.F2021: 2024}[f]}, &b))
		books["template-"+string(f)] = b.Bytes()
	}
	dir := t.TempDir()
	bySchema := map[string][]string{}
	for name, data := range books {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		must(t, err)
		for _, zf := range zr.File {
			s := schemaFor(zf.Name)
			if s == "" {
				continue
			}
			rc, err := zf.Open()
			must(t, err)
			body, err := io.ReadAll(rc)
			rc.Close()
			must(t, err)
			p := filepath.Join(dir, name, filepath.FromSlash(zf.Name))
			must(t, os.MkdirAll(filepath.Dir(p), 0o755))
			// ECMA-376's schema types t as a simple ST_Xstring without xml:space, which Excel writes
			// and reads on text that begins or ends with white space.
			text := strings.ReplaceAll(compatible(string(body)), `<t xml:space="preserve">`, `<t>`)
			must(t, os.WriteFile(p, []byte(text), 0o644))
			bySchema[s] = append(bySchema[s], p)
		}
	}
	checked := 0
	for s, files := range bySchema {
		out, err := exec.Command(xmllint, append([]string{"--noout", "--schema", filepath.Join(xsd, s)}, files...)...).CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", s, err, out)
		}
		checked += len(files)
	}
	if len(bySchema["sml.xsd"]) < 5*len(books) {
		t.Errorf("only %d SpreadsheetML parts validated", len(bySchema["sml.xsd"]))
	}
	t.Logf("%d parts of %d workbooks valid", checked, len(books))
}
