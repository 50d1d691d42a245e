package aggregate

import (
	"fmt"
	"os"
	"strings"

	"github.com/nianbao/nianbao/report"
)

// LoadRoster reads a roster file: one unit (its 机关名称 as its report writes it) per line; blank lines and
// lines starting with # are skipped. A name given twice is an error naming both lines.
func LoadRoster(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("单位名单 %s 无法读取：%v", path, err)
	}
	text, err := report.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("单位名单 %s：%v", path, err)
	}
	var units []string
	seen := map[string]int{}
	for i, line := range strings.Split(text, "\n") {
		name := strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		if prev, ok := seen[name]; ok {
			return nil, fmt.Errorf("单位名单 %s:%d：“%s”与第 %d 行重复，请删去一行", path, i+1, name, prev)
		}
		seen[name] = i + 1
		units = append(units, name)
	}
	return units, nil
}

// compareRoster returns the roster units with no readable report and the reporting units not on the roster.
// An unreadable child counts as present for the roster names that contain its file name (without
// extension): 县农业农村局.toml stands for 青山县农业农村局.
func compareRoster(roster []string, children []Child) (missing, extra []string) {
	if roster == nil {
		return nil, nil
	}
	present := map[string]bool{}
	var unreadable []string
	for _, c := range children {
		if c.Report != nil {
			present[c.Report.Agency] = true
		} else {
			unreadable = append(unreadable, fileUnit(c.File))
		}
	}
	on := map[string]bool{}
	for _, u := range roster {
		on[u] = true
		for _, f := range unreadable {
			if f != "" && strings.Contains(u, f) {
				present[u] = true
			}
		}
		if !present[u] {
			missing = append(missing, u)
		}
	}
	for _, c := range children {
		if c.Report != nil && !on[c.Report.Agency] {
			extra = append(extra, c.Report.Agency)
		}
	}
	return missing, extra
}

func fileUnit(path string) string {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}
