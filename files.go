package nianbao

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
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

// BatchInputs expands the paths as ReportFiles does and gives each report file its output folder under out:
// a file given by name goes to out itself, a file found in a folder DIR goes to out/<its folder relative to
// DIR>, so that a county's sub-folders (乡镇/, 部门/) are kept and two units' 2025.toml do not collide.
func BatchInputs(paths []string, out string) (inputs []string, outDirs map[string]string, err error) {
	outDirs = map[string]string{}
	var all []string
	for _, p := range paths {
		files, err := ReportFiles([]string{p})
		if err != nil {
			return nil, nil, err
		}
		for _, f := range files {
			dir := out
			if IsFolder(p) {
				if rel, err := filepath.Rel(p, filepath.Dir(f)); err == nil && rel != "." {
					dir = filepath.Join(out, rel)
				}
			}
			if _, seen := outDirs[f]; !seen {
				outDirs[f] = dir
			}
			all = append(all, f)
		}
	}
	return UniqueInputs(all), outDirs, nil
}
