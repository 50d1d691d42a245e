package nianbao

import (
	"path/filepath"
	"strings"

	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/xlsx"
)

// LoadAny loads a report from a TOML file or, by its extension .xlsx, from an Excel workbook (read by the
// labels of its sheets, see package xlsx). Notes are warnings found while reading (blank cells of a
// workbook, rule XLSX-BLANK); errors are *report.LoadError values.
func LoadAny(path string) (*report.Report, []report.Finding, error) {
	r, notes, _, err := loadLocated(path)
	return r, notes, err
}

// loadLocated is LoadAny that also returns a function adding to the findings of the checks the place
// they are about that the report's lines cannot give: the sheet!cell of a workbook.
func loadLocated(path string) (*report.Report, []report.Finding, func([]report.Finding) []report.Finding, error) {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return xlsx.LoadLocated(path)
	}
	r, err := report.Load(path)
	return r, nil, func(fs []report.Finding) []report.Finding { return fs }, err
}
