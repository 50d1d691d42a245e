package serve

import (
	"os"
	"sort"
	"time"

	"github.com/nianbao/nianbao/report"
)

// prevEntry is a parsed report file of the folder, valid while the file keeps its size and time.
type prevEntry struct {
	mod  time.Time
	size int64
	r    *report.Report // nil when the file does not load
}

// previous finds last year's report of the same agency among the folder's files (folder mode only: in file
// mode the server reads nothing but its file), for the cross-year rules X-CARRY and X-STOCK that `nianbao
// check --prev` runs. With several candidates the first by name is used; nil when there is none.
func (w *workspace) previous(name string, cur *report.Report) *report.Report {
	if w.single != "" {
		return nil
	}
	entries, err := os.ReadDir(w.dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && validName(e.Name()) && e.Name() != name {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	w.prevMu.Lock()
	defer w.prevMu.Unlock()
	if w.prevCache == nil {
		w.prevCache = map[string]prevEntry{}
	}
	for _, n := range names {
		info, err := os.Stat(w.dir + string(os.PathSeparator) + n)
		if err != nil {
			continue
		}
		e, ok := w.prevCache[n]
		if !ok || !e.mod.Equal(info.ModTime()) || e.size != info.Size() {
			e = prevEntry{mod: info.ModTime(), size: info.Size()}
			if data, _, err := w.read(n); err == nil {
				e.r, _ = report.Parse(n, data)
			}
			w.prevCache[n] = e
		}
		if e.r != nil && e.r.Agency == cur.Agency && e.r.Year == cur.Year-1 {
			return e.r
		}
	}
	return nil
}
