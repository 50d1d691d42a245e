package fonts

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// systemFontDirs returns the folders where this machine keeps installed fonts (see platformFontDirs).
func systemFontDirs() []string {
	home, _ := os.UserHomeDir()
	return platformFontDirs(runtime.GOOS, home, os.Getenv)
}

// platformFontDirs returns the folders where goos keeps installed fonts, user folders first, without
// duplicates. home is the user's home folder ("" when unknown) and getenv reads the environment. The folders
// are not checked: a missing one is normal and the walk skips it. Subfolders are walked, so a folder inside
// one listed (macOS's /System/Library/Fonts/Supplemental) is found without being listed.
//
//   - Linux, the BSDs and other Unix systems (the XDG base directories, as fontconfig reads them):
//     $XDG_DATA_HOME/fonts (default ~/.local/share/fonts), ~/.fonts, each $XDG_DATA_DIRS entry + /fonts, and
//     always /usr/local/share/fonts and /usr/share/fonts (fontconfig's defaults, which an $XDG_DATA_DIRS
//     set by a desktop or a sandbox may leave out). Relative XDG paths are ignored, as the specification says.
//   - macOS: ~/Library/Fonts, /Library/Fonts, /System/Library/Fonts, /Network/Library/Fonts and the fonts
//     macOS downloads on demand (/System/Library/Assets*/com_apple_MobileAsset_Font*, e.g. 楷体 Kaiti SC).
//   - Windows: %LOCALAPPDATA%\Microsoft\Windows\Fonts (fonts installed for one user) and %WINDIR%\Fonts.
//   - Android: /system/fonts, /system/font, /data/fonts; iOS: /System/Library/Fonts.
func platformFontDirs(goos, home string, getenv func(string) string) []string {
	var dirs []string
	inHome := func(elem ...string) {
		if home != "" {
			dirs = append(dirs, filepath.Join(append([]string{home}, elem...)...))
		}
	}
	switch goos {
	case "windows":
		if local := getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
		} else {
			inHome("AppData", "Local", "Microsoft", "Windows", "Fonts")
		}
		win := getenv("WINDIR")
		if win == "" {
			win = getenv("SystemRoot")
		}
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
	case "darwin":
		inHome("Library", "Fonts")
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts", "/Network/Library/Fonts")
		for _, assets := range []string{"/System/Library/Assets", "/System/Library/AssetsV2"} {
			entries, _ := os.ReadDir(assets)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), "com_apple_MobileAsset_Font") {
					dirs = append(dirs, filepath.Join(assets, e.Name()))
				}
			}
		}
	case "ios":
		dirs = append(dirs, "/System/Library/Fonts")
	case "android":
		dirs = append(dirs, "/system/fonts", "/system/font", "/data/fonts")
	case "plan9", "js", "wasip1":
		return nil
	default:
		if d := getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
			dirs = append(dirs, filepath.Join(d, "fonts"))
		} else {
			inHome(".local", "share", "fonts")
		}
		inHome(".fonts")
		for _, d := range strings.Split(getenv("XDG_DATA_DIRS"), ":") {
			if filepath.IsAbs(d) {
				dirs = append(dirs, filepath.Join(d, "fonts"))
			}
		}
		dirs = append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
	}
	out := dirs[:0]
	seen := map[string]bool{}
	for _, d := range dirs {
		if d = filepath.Clean(d); !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}
