package nianbao

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nianbao/nianbao/aggregate"
	"github.com/nianbao/nianbao/report"
)

// ReportFiles expands the command line's paths into report files: a file is kept as given, a folder is
// walked recursively for *.toml and *.xlsx files (in lexical order; hidden files and folders, and Office's
// ~$ lock files, skipped). A path that does not exist is an error.
func ReportFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s：找不到这个文件或文件夹", p)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			if !d.IsDir() && d.Type().IsRegular() && (ext == ".toml" || ext == ".xlsx") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s：文件夹无法读取：%v", p, err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return UniqueInputs(out), nil
}

// IsFolder reports whether path names an existing folder.
func IsFolder(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// LoadChildren loads and checks each report file (TOML or .xlsx) for package aggregate: an unreadable file
// becomes a Child with Err set and its LOAD findings, never a failure of the whole set.
func LoadChildren(files []string) []aggregate.Child {
	out := make([]aggregate.Child, len(files))
	for i, f := range files {
		r, notes, locate, err := loadLocated(f)
		if err != nil {
			out[i] = aggregate.Child{File: f, Err: err, Findings: report.LoadFindings(f, err)}
			continue
		}
		out[i] = aggregate.Child{File: f, Report: r, Findings: append(notes, locate(report.Check(r))...)}
	}
	return out
}

// SameFile reports whether two paths name the same file (or would, once created).
func SameFile(a, b string) bool { return samePath(a, b) }
