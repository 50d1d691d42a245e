package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/internal/osfile"
	"github.com/nianbao/nianbao/report"
)

// workspace is the set of report files the server may touch: one file, or the *.toml files directly
// inside one folder. Names from the browser are plain file names checked against it; no path is trusted.
type workspace struct {
	dir string
	// single is the file's name in file mode, "" in folder mode.
	single string
	mu     sync.Mutex // serialises saves and creations

	prevMu    sync.Mutex
	prevCache map[string]prevEntry // see previous
}

// errName is returned for a file name the workspace refuses.
var errName = errors.New("文件名无效：只能是本文件夹中的 .toml 文件名（不能含 / \\ 或 ..）")

func newWorkspace(path string) (*workspace, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("无法打开 %s：%w", path, errors.Unwrap(err))
	}
	if st.IsDir() {
		return &workspace{dir: abs}, nil
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s 不是普通文件", path)
	}
	if !strings.HasSuffix(strings.ToLower(abs), ".toml") {
		return nil, fmt.Errorf("%s 不是 .toml 报告文件", path)
	}
	return &workspace{dir: filepath.Dir(abs), single: filepath.Base(abs)}, nil
}

// validName reports whether name is a plain report file name: no separators, no "..", not hidden, .toml.
func validName(name string) bool {
	if name == "" || len(name) > 200 || !utf8.ValidString(name) {
		return false
	}
	if strings.ContainsAny(name, "/\\:\x00") || strings.HasPrefix(name, ".") || strings.Contains(name, "..") {
		return false
	}
	for _, c := range name {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	return filepath.Base(name) == name && strings.HasSuffix(name, ".toml") && len(name) > len(".toml")
}

// path returns the file of a name the browser sent, or errName.
func (w *workspace) path(name string) (string, error) {
	if !validName(name) || (w.single != "" && name != w.single) {
		return "", errName
	}
	p := filepath.Join(w.dir, name)
	if filepath.Dir(p) != w.dir {
		return "", errName
	}
	return p, nil
}

// fileInfo is one entry of the folder listing.
type fileInfo struct {
	Name   string `json:"name"`
	Agency string `json:"agency,omitempty"`
	Year   int    `json:"year,omitempty"`
	Format string `json:"format,omitempty"`
	// Errors counts rule errors; Invalid is the loader's message when the file does not load.
	Errors  int    `json:"errors"`
	Invalid string `json:"invalid,omitempty"`
}

// list returns the report files of the workspace, sorted by name.
func (w *workspace) list() ([]fileInfo, error) {
	var names []string
	if w.single != "" {
		names = []string{w.single}
	} else {
		entries, err := os.ReadDir(w.dir)
		if err != nil {
			return nil, fmt.Errorf("无法读取文件夹：%w", errors.Unwrap(err))
		}
		for _, e := range entries {
			if e.Type().IsRegular() && validName(e.Name()) {
				names = append(names, e.Name())
			}
		}
	}
	sort.Strings(names)
	out := []fileInfo{}
	for _, n := range names {
		fi := fileInfo{Name: n}
		data, _, err := w.read(n)
		if err == nil {
			var r *report.Report
			r, err = report.Parse(n, data)
			if err == nil {
				fi.Agency, fi.Year, fi.Format = r.Agency, r.Year, string(r.Format)
				for _, f := range report.Check(r) {
					if f.Severity == report.Error {
						fi.Errors++
					}
				}
			}
		}
		if err != nil {
			fi.Invalid = err.Error()
		}
		out = append(out, fi)
	}
	return out, nil
}

// read returns a file's bytes and their hash (the version the browser edits). A missing file has hash "".
func (w *workspace) read(name string) ([]byte, string, error) {
	p, err := w.path(name)
	if err != nil {
		return nil, "", err
	}
	// osfile refuses a FIFO, a device or a folder before opening it (opening a FIFO would block the
	// request forever) and never reads past the loader's limit.
	data, err := osfile.Read(p, report.MaxFileSize, "报告文件")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", err
	}
	if err != nil {
		return nil, "", fmt.Errorf("%s：%w", name, err)
	}
	return data, hashOf(data), nil
}

func hashOf(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// conflictError is returned by save when the file on disk is not the version the browser loaded.
type conflictError struct {
	Disk     []byte
	DiskHash string
}

func (e *conflictError) Error() string {
	return "文件在打开后已被修改（例如在文本编辑器中）；请比较两个版本后选择保留哪一个"
}

// save writes data as the file name, provided the file on disk is still the version base (its hash; ""
// for a file that must not exist yet). The previous version is kept as NAME.toml.bak. Both writes go
// through a temporary file and a rename, so that a crash at any moment leaves each file either old or new
// and complete.
func (w *workspace) save(name string, data []byte, base string) (string, error) {
	p, err := w.path(name)
	if err != nil {
		return "", err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	cur, curHash, err := w.read(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if curHash != base {
		return "", &conflictError{Disk: cur, DiskHash: curHash}
	}
	if cur != nil {
		if err := nianbao.WriteFileAtomic(p+".bak", cur); err != nil {
			return "", err
		}
	}
	if err := nianbao.WriteFileAtomic(p, data); err != nil {
		return "", err
	}
	return hashOf(data), nil
}
