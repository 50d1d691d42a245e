package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/layouts"
)

// schemaFor names the vendored ECMA-376 schema (testdata/ooxml-xsd, see its README) that validates a
// package part.
func schemaFor(part string) string {
	switch {
	case strings.HasSuffix(part, ".rels"):
		return "opc-xsd/opc-relationships.xsd"
	case part == "[Content_Types].xml":
		return "opc-xsd/opc-contentTypes.xsd"
	case part == "docProps/core.xml":
		return "opc-xsd/opc-coreProperties.xsd"
	case part == "docProps/app.xml":
		return "shared-documentPropertiesExtended.xsd"
	case strings.HasPrefix(part, "word/"):
		return "wml.xsd"
	}
	return ""
}

// TestSchemaValid validates every part of the DOCX of every example and sample (draft and not, both
// grids) against the ECMA-376 transitional schemas with xmllint: Word refuses files whose child
// elements are out of order, which LibreOffice and Go's XML parser accept silently.
func TestSchemaValid(t *testing.T) {
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	xsd, err := filepath.Abs("testdata/ooxml-xsd")
	if err != nil {
		t.Fatal(err)
	}
	type variant struct {
		name string
		o    Options
	}
	reports := exampleReports(t)
	reports["sample-2019"] = sampleReport(layouts.F2019)
	reports["sample-2021"] = sampleReport(layouts.F2021)
	var names []string
	for n := range reports {
		names = append(names, n)
	}
	sort.Strings(names)
	dir := t.TempDir()
	bySchema := map[string][]string{} // schema → files
	for _, n := range names {
		for _, v := range []variant{{"", Options{}}, {"-draft-chars", Options{Draft: true, Grid: GridChars, Version: "1.2.3"}}} {
			p, _ := renderDOCX(t, reports[n], v.o)
			for _, part := range p.names {
				s := schemaFor(part)
				if s == "" {
					t.Errorf("%s%s: no schema for part %s", n, v.name, part)
					continue
				}
				f := filepath.Join(dir, n+v.name, filepath.FromSlash(part))
				if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(f, p.files[part], 0o644); err != nil {
					t.Fatal(err)
				}
				bySchema[s] = append(bySchema[s], f)
			}
		}
	}
	var schemas []string
	for s := range bySchema {
		schemas = append(schemas, s)
	}
	sort.Strings(schemas)
	checked := 0
	for _, s := range schemas {
		files := bySchema[s]
		out, err := exec.Command(xmllint, append([]string{"--noout", "--nonet", "--schema", filepath.Join(xsd, s)}, files...)...).CombinedOutput()
		if err != nil {
			t.Errorf("xmllint --schema %s: %v\n%s", s, err, out)
			continue
		}
		for _, f := range files {
			if !strings.Contains(string(out), f+" validates") {
				t.Errorf("%s: not reported valid against %s:\n%s", f, s, out)
			}
			checked++
		}
	}
	if checked < 10*len(names) {
		t.Errorf("validated %d parts, want every part of %d documents", checked, 2*len(names))
	}
}
