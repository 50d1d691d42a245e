package xlsx

import (
	"fmt"
	"path/filepath"

	"github.com/nianbao/nianbao/layouts"

	"github.com/nianbao/nianbao/report"
)

// Import is a workbook read back: the report, its report file and what the reader noticed.
type Import struct {
	// Report is the report as the TOML loader validates and completes it; File is the workbook's path.
	Report *report.Report
	// TOML is the report file (report.Write with every total written, so `check` compares them).
	TOML []byte
	// Blanks lists the value cells left empty (read as 0) and rows that are not rows of a table, one
	// message each, naming sheet!cell.
	Blanks []string
	// Where maps a data key ("t3.r3_1.CE") to the cell it was read from ("表三!E12").
	Where map[string]string
}

// Read reads a workbook by its labels. Errors are *report.LoadError values naming sheet!cell and the
// official label of every bad cell.
func Read(path string) (imp *Import, err error) {
	defer guard(path, &err)
	wb, err := open(path)
	if err != nil {
		return nil, err
	}
	rd := &reader{file: path, wb: wb}
	return rd.finish(rd.read())
}

// guard turns a panic while reading a damaged workbook into a load error; the reader is meant never to
// panic, this is defence in depth.
func guard(name string, err *error) {
	if p := recover(); p != nil {
		*err = problem(name, "工作簿已损坏，无法读取（%v）；请在 Excel/WPS 中打开后另存为 .xlsx 再试", p)
	}
}

// ReadBytes is Read on a workbook held in memory; name is used in messages.
func ReadBytes(name string, data []byte) (imp *Import, err error) {
	defer guard(name, &err)
	wb, err := openBytes(name, data)
	if err != nil {
		return nil, err
	}
	rd := &reader{file: name, wb: wb}
	return rd.finish(rd.read())
}

// finish turns what was read into a report file and loads it with the report loader, so that a workbook
// is held to exactly the rules of a TOML report.
func (rd *reader) finish(raw *report.Report) (*Import, error) {
	if len(rd.problems) > 0 {
		return nil, &report.LoadError{Problems: rd.problems}
	}
	data := report.Write(raw, report.WriteOptions{Totals: true,
		Header: []string{fmt.Sprintf("由 nianbao xlsx import 从 %s 读入；表三、表四的总计照工作簿写出，nianbao check 核对它们", filepath.Base(rd.file))}})
	r, err := report.Parse(rd.file, data)
	if err != nil {
		if le, ok := err.(*report.LoadError); ok {
			var ps []report.Problem
			for _, p := range le.Problems {
				ps = append(ps, report.Problem{File: rd.file, Msg: p.Msg})
			}
			return nil, &report.LoadError{Problems: ps}
		}
		return nil, err
	}
	r.Lines = map[string]int{} // lines of the generated file mean nothing to the reader of the workbook
	return &Import{Report: r, TOML: data, Blanks: rd.blanks, Where: rd.where}, nil
}

// Load reads a workbook for `render` and `check`: the report, and the blank cells as warnings
// (rule XLSX-BLANK).
func Load(path string) (*report.Report, []report.Finding, error) {
	r, fs, _, err := LoadLocated(path)
	return r, fs, err
}

// Locate puts the workbook cell a finding is about in front of its message ("表三!J12 表三“…”行“总计”列应为
// 34…"), for the findings of `check` on a workbook; findings about prose are returned unchanged.
func (imp *Import) Locate(fs []report.Finding) []report.Finding {
	out := make([]report.Finding, len(fs))
	for i, f := range fs {
		out[i] = f
		if key := keyOf(imp.Report, f); key != "" {
			if at, ok := imp.Where[key]; ok {
				out[i].Message = at + " " + f.Message
			}
		}
	}
	return out
}

// keyOf finds the data key of the cell a finding names by its table, row and column labels.
func keyOf(r *report.Report, f report.Finding) string {
	switch f.Table {
	case "表二":
		for _, it := range layouts.T2Items(r.Format) {
			for _, fd := range it.Fields {
				if it.Label == f.Row && fd.Label == f.Column {
					return "t2." + it.ID + "." + fd.ID
				}
			}
		}
	case "表三":
		for _, row := range layouts.T3Rows(r.Format) {
			for _, col := range layouts.T3Columns {
				if row.Name() == f.Row && col.Label == f.Column {
					return "t3." + row.ID + "." + col.ID
				}
			}
		}
	case "表四":
		for _, blk := range layouts.T4Blocks {
			for _, res := range layouts.T4Results {
				if blk.Label == f.Row && res.Label == f.Column {
					return "t4." + blk.ID + "." + res.ID
				}
			}
		}
	}
	return ""
}

// LoadLocated is Load that also returns Locate for the findings of the checks run on the report.
func LoadLocated(path string) (*report.Report, []report.Finding, func([]report.Finding) []report.Finding, error) {
	imp, err := Read(path)
	if err != nil {
		return nil, nil, nil, err
	}
	var fs []report.Finding
	for _, b := range imp.Blanks {
		fs = append(fs, report.Finding{Severity: report.Warning, Rule: "XLSX-BLANK", Message: b, File: path})
	}
	return imp.Report, fs, imp.Locate, nil
}
