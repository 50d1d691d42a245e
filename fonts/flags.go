package fonts

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nianbao/nianbao/report"
)

// FileFlags collects repeated --font role=FILE flags; it implements flag.Value.
type FileFlags map[Role]string

// String lists the flags as role=FILE, sorted by role (flag.Value).
func (f FileFlags) String() string {
	var parts []string
	for r, file := range f {
		parts = append(parts, string(r)+"="+file)
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// Set parses one "role=FILE" (role as accepted by ParseRole, e.g. body=/fonts/仿宋_GB2312.ttf).
func (f FileFlags) Set(v string) error {
	role, file, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(file) == "" {
		return fmt.Errorf("--font %q：应写成 角色=字体文件，例如 --font body=/path/仿宋_GB2312.ttf", v)
	}
	r, err := ParseRole(role)
	if err != nil {
		return err
	}
	f[r] = strings.TrimSpace(file)
	return nil
}

// ReportFiles returns the report's [fonts] table as files per role; relative paths are taken relative to
// the directory of the report file.
func ReportFiles(r *report.Report) (map[Role]string, error) {
	out := map[Role]string{}
	keys := make([]string, 0, len(r.Fonts))
	for k := range r.Fonts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		role, err := ParseRole(k)
		if err != nil {
			return nil, fmt.Errorf("%s [fonts] 表的键 %q：%v", r.File, k, err)
		}
		file := r.Fonts[k]
		if file == "" {
			continue
		}
		if !filepath.IsAbs(file) && r.File != "" {
			file = filepath.Join(filepath.Dir(r.File), file)
		}
		out[role] = file
	}
	return out, nil
}

// MergeFiles returns the files of the report's [fonts] table overridden by the command-line flags.
func MergeFiles(fromReport map[Role]string, flags FileFlags) map[Role]string {
	out := map[Role]string{}
	for r, f := range fromReport {
		out[r] = f
	}
	for r, f := range flags {
		out[r] = f
	}
	return out
}
