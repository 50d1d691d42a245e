// Package nianbao turns a report file (TOML) into the 政府信息公开工作年度报告: a print-ready PDF in the
// GB/T 9704 公文 layout, an editable DOCX and the HTML 文字版 for the portal. It wires the stages together:
// report (load, checks) → fonts (roles, glyph coverage) → render/pdf, render/docx and render/html, and
// writes output files safely (temp file in the target folder, then rename). The CLI in cmd/nianbao only
// parses flags and calls this package.
package nianbao

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/render/docx"
	"github.com/nianbao/nianbao/render/html"
	"github.com/nianbao/nianbao/render/pdf"
	"github.com/nianbao/nianbao/report"
)

// Version is the program version, printed by `nianbao version` and written into PDF and DOCX metadata.
const Version = "0.1.0"

// RenderOptions configure Render.
type RenderOptions struct {
	// OutDir is the output folder; empty means the input file's folder. It is created when missing.
	OutDir string
	// PDF, DOCX and HTML select the outputs; when none is set (nor HTMLFragment) all three are written.
	PDF, DOCX, HTML bool
	// HTMLFragment writes the HTML output as the <article> fragment only (for a CMS editor's source
	// view) instead of a complete page; it selects the HTML output like HTML.
	HTMLFragment bool
	// Draft renders despite rule errors and missing glyphs, with a visible 草稿 mark on every page.
	Draft bool
	// FontDir and FontFiles override font discovery (--fonts DIR, --font role=FILE).
	FontDir   string
	FontFiles map[fonts.Role]string
	// DocxGrid is "lines" (default) or "chars" (the Word 28 × 22 linesAndChars grid).
	DocxGrid string
	// NoSystemFonts skips system font discovery (tests).
	NoSystemFonts bool
}

// Result is the outcome of rendering one report file.
type Result struct {
	Input string
	// Agency and Format are the report's 机关名称 and format once it is loaded (empty when unreadable).
	Agency string
	Format string
	// Outputs lists the files written.
	Outputs []string
	// Findings are the rule findings (errors stop rendering unless Draft).
	Findings []report.Finding
	// Missing lists characters without a glyph in their role's font.
	Missing []fonts.Missing
	// Notes are informational lines (e.g. fonts that were skipped).
	Notes []string
}

// ErrRules is returned by Render when the report breaks a rule (exit code 1).
var ErrRules = errors.New("报告未通过检查，未生成文件（用 --draft 可生成草稿）")

// ErrGlyphs is returned by Render when a character has no glyph in its font (exit code 1).
var ErrGlyphs = errors.New("有字符在字体中没有字形，未生成文件（用 --draft 可生成草稿，缺字以〓代替）")

// Render loads, checks and renders one report file. A *report.LoadError means the input is unreadable or
// invalid (exit code 2); ErrRules or ErrGlyphs mean the report was checked and refused (exit code 1). On any
// error no output file is left behind.
func Render(input string, o RenderOptions) (*Result, error) {
	res := &Result{Input: input}
	r, notes, locate, err := loadLocated(input)
	if err != nil {
		return res, err
	}
	res.Agency, res.Format = r.Agency, string(r.Format)
	res.Findings = append(notes, locate(report.Check(r))...)
	if report.HasErrors(res.Findings) && !o.Draft {
		return res, ErrRules
	}
	wantPDF, wantDOCX, wantHTML := o.wants()
	targets := Targets(input, o)
	outDir := filepath.Dir(targets[0])
	for _, t := range targets {
		if samePath(t, input) {
			return res, fmt.Errorf("输出文件 %s 会覆盖输入文件 %s；请用 -o 指定另一个输出文件夹", t, input)
		}
	}
	var pdfBytes []byte
	var docxBytes, htmlBytes bytes.Buffer
	if wantPDF {
		set, err := fonts.Resolve(fontOptions(r, o))
		if err != nil {
			return res, err
		}
		res.Notes = append(res.Notes, set.Notes()...)
		set.Preload(r) // the fonts of the roles used, in parallel
		if err := set.Check(); err != nil {
			return res, err
		}
		res.Missing = fonts.CheckReport(set, r)
		if len(res.Missing) > 0 && !o.Draft {
			return res, ErrGlyphs
		}
		if pdfBytes, err = pdf.RenderBytes(r, pdf.Options{Fonts: set, Draft: o.Draft, Version: Version}); err != nil {
			return res, fmt.Errorf("PDF: %w", err)
		}
	}
	if wantDOCX {
		if err := docx.Render(r, &docxBytes, docx.Options{Draft: o.Draft, Grid: o.DocxGrid, Version: Version}); err != nil {
			return res, fmt.Errorf("DOCX: %w", err)
		}
	}
	if wantHTML {
		if err := html.Render(r, &htmlBytes, html.Options{Fragment: o.HTMLFragment, Draft: o.Draft, Version: Version}); err != nil {
			return res, fmt.Errorf("HTML: %w", err)
		}
	}
	if err := makeOutDir(outDir); err != nil {
		return res, err
	}
	var data [][]byte
	for _, t := range targets {
		switch {
		case strings.HasSuffix(t, ".docx"):
			data = append(data, docxBytes.Bytes())
		case strings.HasSuffix(t, ".html"):
			data = append(data, htmlBytes.Bytes())
		default:
			data = append(data, pdfBytes)
		}
	}
	if err := writeGroup(targets, data); err != nil {
		return res, err
	}
	res.Outputs = append(res.Outputs, targets...)
	return res, nil
}

// Targets returns the files Render writes for input: DIR/<name>.pdf, DIR/<name>.docx and DIR/<name>.html
// (those selected), where DIR is o.OutDir or the input's folder.
func Targets(input string, o RenderOptions) []string {
	outDir := o.OutDir
	if outDir == "" {
		outDir = filepath.Dir(input)
	}
	base := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	var targets []string
	wantPDF, wantDOCX, wantHTML := o.wants()
	if wantPDF {
		targets = append(targets, filepath.Join(outDir, base+".pdf"))
	}
	if wantDOCX {
		targets = append(targets, filepath.Join(outDir, base+".docx"))
	}
	if wantHTML {
		targets = append(targets, filepath.Join(outDir, base+".html"))
	}
	return targets
}

// wants returns the outputs selected: those asked for, or all three when none is.
func (o RenderOptions) wants() (pdf, docx, html bool) {
	html = o.HTML || o.HTMLFragment
	if !o.PDF && !o.DOCX && !html {
		return true, true, true
	}
	return o.PDF, o.DOCX, html
}

// fontOptions merges the report's [fonts] table (paths relative to the report file) with the options;
// command-line files win.
func fontOptions(r *report.Report, o RenderOptions) fonts.Options {
	fo := fonts.Options{Dir: o.FontDir, Files: map[fonts.Role]string{}, NoSystem: o.NoSystemFonts}
	for role, file := range r.Fonts {
		if !filepath.IsAbs(file) {
			file = filepath.Join(filepath.Dir(r.File), file)
		}
		fo.Files[fonts.Role(role)] = file
	}
	for role, file := range o.FontFiles {
		fo.Files[role] = file
	}
	return fo
}

// samePath reports whether two paths name the same file (or would, once created).
func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// CheckFile loads a report (TOML or .xlsx, see LoadAny) and runs the checks; prev, when not empty, is last
// year's report for the cross-year rules.
func CheckFile(path, prev string) ([]report.Finding, error) {
	fs, _, err := CheckFileFigures(path, prev)
	return fs, err
}

// CheckFileFigures is CheckFile that also returns the figures evaluators derive from the tables
// (实质公开率, 复议纠错率, 诉讼纠错率; see report.DerivedFigures).
func CheckFileFigures(path, prev string) ([]report.Finding, []report.Figure, error) {
	r, fs, locate, err := loadLocated(path)
	if err != nil {
		return nil, nil, err
	}
	fs = append(fs, locate(report.Check(r))...)
	figs := report.DerivedFigures(r)
	if prev != "" {
		p, _, err := LoadAny(prev)
		if err != nil {
			return fs, figs, err
		}
		fs = append(report.DropCarriedRepeats(fs, p, r), locate(report.CheckPair(p, r))...)
	}
	return fs, figs, nil
}
