package fonts

import (
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

func TestPlatformFontDirs(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	j := filepath.Join
	for _, c := range []struct {
		goos, home string
		env        func(string) string
		want       []string
	}{
		{"linux", "/home/u", env(), []string{j("/home/u", ".local/share/fonts"), j("/home/u", ".fonts"), "/usr/local/share/fonts", "/usr/share/fonts"}},
		{"freebsd", "/home/u", env("XDG_DATA_HOME", "/x", "XDG_DATA_DIRS", "/a:relative:/usr/share/:/b"),
			[]string{"/x/fonts", j("/home/u", ".fonts"), "/a/fonts", "/usr/share/fonts", "/b/fonts", "/usr/local/share/fonts"}},
		{"linux", "", env("XDG_DATA_HOME", "relative"), []string{"/usr/local/share/fonts", "/usr/share/fonts"}},
		{"windows", `C:\Users\u`, env("WINDIR", `D:\Win`, "LOCALAPPDATA", `C:\Users\u\AppData\Local`),
			[]string{j(`C:\Users\u\AppData\Local`, "Microsoft", "Windows", "Fonts"), j(`D:\Win`, "Fonts")}},
		{"windows", `C:\Users\u`, env("SystemRoot", `E:\W`), []string{j(`C:\Users\u`, "AppData", "Local", "Microsoft", "Windows", "Fonts"), j(`E:\W`, "Fonts")}},
		{"android", "", env(), []string{"/system/fonts", "/system/font", "/data/fonts"}},
	} {
		if got := platformFontDirs(c.goos, c.home, c.env); !slices.Equal(got, c.want) {
			t.Errorf("%s %q: %q, want %q", c.goos, c.home, got, c.want)
		}
	}
	mac := platformFontDirs("darwin", "/Users/u", env())
	if len(mac) < 4 || !slices.Equal(mac[:4], []string{"/Users/u/Library/Fonts", "/Library/Fonts", "/System/Library/Fonts", "/Network/Library/Fonts"}) {
		t.Errorf("darwin: %q", mac)
	}

	// This machine's folders, from its environment.
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", j(home, "data"))
	t.Setenv("XDG_DATA_DIRS", "/opt/share")
	t.Setenv("LOCALAPPDATA", j(home, "local"))
	got := systemFontDirs()
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly", "solaris", "illumos":
		want := []string{j(home, "data", "fonts"), j(home, ".fonts"), "/opt/share/fonts", "/usr/local/share/fonts", "/usr/share/fonts"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", runtime.GOOS, got, want)
		}
	case "windows":
		if len(got) != 2 || got[0] != j(home, "local", "Microsoft", "Windows", "Fonts") {
			t.Errorf("windows: %q", got)
		}
	case "darwin":
		if len(got) < 4 || got[0] != j(home, "Library", "Fonts") {
			t.Errorf("darwin: %q", got)
		}
	}
}
