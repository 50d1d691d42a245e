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
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return xlsx.Load(path)
	}
	r, err := report.Load(path)
	return r, nil, err
}
