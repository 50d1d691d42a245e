package nianbao

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/internal/osfile"
)

// Output files are written through temporary files in the target folder and renamed into place: a reader
// (or an interrupted run) never sees a half-written file. The files of one input are renamed together,
// only once every one of them has been written, so one input's outputs are either all new or all old.
// Temporary names are short and fixed in length (".nianbao-NNNN.tmp"), so they fit wherever the output
// name fits. Every temporary file is registered until renamed or removed, so that Abort can remove them.

// pending tracks the temporary files of this process.
var pending osfile.Temps

// commitMu is held while the files of one input are renamed into place, and by Abort for good.
var commitMu sync.Mutex

// ErrAborted is returned for writes attempted after Abort.
var ErrAborted = errors.New("已中断，未写入")

// Abort stops all output for the rest of the process: it waits for a group of renames in progress to end
// (so every visible file is old or complete), removes every temporary file still registered (the font
// cache's too: fonts.StopCaching) and makes later writes fail with ErrAborted. The CLI calls it on SIGINT/SIGTERM before exiting.
func Abort() {
	commitMu.Lock() // never unlocked: no rename happens after Abort
	pending.Stop()
	fonts.StopCaching() // and the font cache's
}

// createTemp creates and registers a temporary file in dir.
func createTemp(dir string) (*os.File, error) {
	f, err := pending.Create(dir, ".nianbao-*.tmp")
	if errors.Is(err, osfile.ErrStopped) {
		return nil, ErrAborted
	}
	return f, err
}

// dropTemp removes a temporary file (when remove is true) and forgets it.
func dropTemp(name string, remove bool) { pending.Drop(name, remove) }

// writeTemp writes one temporary file in the folder of path, synced and readable by all; it returns its name.
func writeTemp(path string, fill func(io.Writer) error) (string, error) {
	f, err := createTemp(filepath.Dir(path))
	if err != nil {
		return "", writeErr(path, err)
	}
	err = fill(f)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		dropTemp(f.Name(), true)
		return "", writeErr(path, err)
	}
	return f.Name(), nil
}

// writeErr explains a failed write of path in Chinese.
func writeErr(path string, err error) error {
	if errors.Is(err, ErrAborted) {
		return err
	}
	return fmt.Errorf("无法写入 %s：%s", path, osfile.Explain(err))
}

// commit renames temporary files onto their targets (temps[i] → targets[i]) as one group; on a failure,
// the temporary files not yet renamed are removed.
func commit(temps, targets []string) error {
	commitMu.Lock()
	defer commitMu.Unlock()
	for i := range temps {
		if err := os.Rename(temps[i], targets[i]); err != nil {
			for _, t := range temps[i:] {
				dropTemp(t, true)
			}
			return writeErr(targets[i], err)
		}
		dropTemp(temps[i], false)
	}
	return nil
}

// checkTarget refuses a target that cannot be replaced by a file: a folder, a FIFO or a device.
func checkTarget(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return nil // missing: fine (other problems show when writing)
	}
	if k := osfile.Kind(st.Mode()); k != "" && st.Mode()&os.ModeSymlink == 0 {
		return fmt.Errorf("无法写入 %s：已有同名的%s；请删除或改名后重试，或用 -o 指定另一个输出文件夹", path, k)
	}
	return nil
}

// writeGroup writes every file of one input (targets[i] gets data[i]) all or nothing: each target is
// checked, then written to a temporary file; only when all are written are they renamed into place.
func writeGroup(targets []string, data [][]byte) error {
	for _, t := range targets {
		if err := checkTarget(t); err != nil {
			return err
		}
	}
	temps := make([]string, 0, len(targets))
	for i, t := range targets {
		name, err := writeTemp(t, func(w io.Writer) error { _, err := w.Write(data[i]); return err })
		if err != nil {
			for _, tmp := range temps {
				dropTemp(tmp, true)
			}
			return err
		}
		temps = append(temps, name)
	}
	return commit(temps, targets)
}

// WriteFileAtomic writes data to path through a temporary file in the same folder and a rename, so that a
// reader never sees a half-written file and a failure leaves the old file (or none) in place.
func WriteFileAtomic(path string, data []byte) error {
	return writeGroup([]string{path}, [][]byte{data})
}

// writeAtomic is WriteFileAtomic with the contents written by fill.
func writeAtomic(path string, fill func(io.Writer) error) error {
	if err := checkTarget(path); err != nil {
		return err
	}
	name, err := writeTemp(path, fill)
	if err != nil {
		return err
	}
	return commit([]string{name}, []string{path})
}

// makeOutDir creates the output folder, explaining a failure in Chinese.
func makeOutDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建输出文件夹 %s：%s", dir, osfile.Explain(err))
	}
	return nil
}

// UniqueInputs drops repeated report files from a list of inputs, keeping the first: two names of one
// file (x.toml and ./x.toml, a link and its target) are one input. Each input is resolved and stat-ed once
// (files are compared with os.SameFile only within a group of equal size and modification time), so a
// folder of 1 000 reports costs 1 000 stats, not a million.
func UniqueInputs(inputs []string) []string {
	type stamp struct {
		size int64
		mod  int64
	}
	var out []string
	seenAbs := map[string]bool{}
	groups := map[stamp][]os.FileInfo{}
	for _, in := range inputs {
		abs, err := filepath.Abs(in)
		if err == nil && seenAbs[abs] {
			continue
		}
		if err == nil {
			seenAbs[abs] = true
		}
		if st, err := os.Stat(in); err == nil {
			k := stamp{st.Size(), st.ModTime().UnixNano()}
			dup := false
			for _, prev := range groups[k] {
				if os.SameFile(prev, st) {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			groups[k] = append(groups[k], st)
		}
		out = append(out, in)
	}
	return out
}
