package fonts

import (
	"os"
	"path/filepath"
	"sort"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// quietLogger discards fontscan's messages: nianbao reports what matters through Set.Notes.
type quietLogger struct{}

// Printf implements fontscan.Logger and does nothing.
func (quietLogger) Printf(string, ...interface{}) {}

// fontscanCacheDir returns a writable directory for fontscan's index (the user cache dir, else a temp dir).
func fontscanCacheDir() string {
	if d, err := os.UserCacheDir(); err == nil {
		d = filepath.Join(d, "nianbao")
		if os.MkdirAll(d, 0o755) == nil {
			return d
		}
	}
	d := filepath.Join(os.TempDir(), "nianbao-fontscan")
	_ = os.MkdirAll(d, 0o755)
	return d
}

// systemCandidates lists the system faces whose family is one of the official aliases, using fontscan's
// index of the platform font directories (cached on disk). fontscan knows English family names only.
func systemCandidates(notes *[]string) []candidate {
	fps, err := fontscan.SystemFonts(quietLogger{}, fontscanCacheDir())
	if err != nil {
		// A machine without any system font is normal for nianbao: the bundled fonts serve.
		*notes = append(*notes, "未使用系统字体："+err.Error())
		return nil
	}
	want := map[string]bool{}
	for _, list := range aliases {
		for _, a := range list {
			want[normFamily(a)] = true
		}
	}
	var out []candidate
	for _, fp := range fps {
		if !want[normFamily(fp.Family)] {
			continue
		}
		style := "Regular"
		if fp.Aspect.Style != font.StyleNormal || fp.Aspect.Weight >= 600 || (fp.Aspect.Weight != 0 && fp.Aspect.Weight < 350) {
			style = "Other"
			if fp.Aspect.Weight >= 600 {
				style = "Bold"
			}
		}
		out = append(out, candidate{file: fp.Location.File, index: int(fp.Location.Index), families: []string{fp.Family}, style: style})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].file != out[j].file {
			return out[i].file < out[j].file
		}
		return out[i].index < out[j].index
	})
	return out
}
