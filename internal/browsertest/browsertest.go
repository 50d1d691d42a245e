// Package browsertest starts a headless Chromium for tests, through github.com/chromedp/chromedp: tests of
// the HTML output (render/html) and of the web UI (serve) load pages in a real browser, take screenshots
// and measure the layout from the DOM.
//
// Like the other tests that need a real client, a test using it is skipped when Chromium is not
// installed, and fails instead when the environment variable CI is set (CI installs Debian's chromium).
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// candidates are the names Chromium and Chrome are installed under.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"}

// Path returns the Chromium executable (NIANBAO_CHROMIUM, else the first of the usual names on PATH). When
// there is none it skips the test, or fails it when CI is set.
func Path(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("NIANBAO_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed (CI installs the Debian package chromium)")
	}
	t.Skip("chromium is not installed")
	return ""
}

// Timeout bounds everything one test does with the browser, start included (the test machine may be
// busy).
const Timeout = 3 * time.Minute

// New starts a headless Chromium (no sandbox, so that it runs as root in containers; no GPU; scrollbars
// shown) and returns the context of its first tab. Pass the context to chromedp.Run and chromedp.Do;
// make more tabs with chromedp.NewContext(ctx). The browser is stopped when the test ends. It skips or
// fails the test like Path when Chromium is missing, and fails it when Chromium does not start.
func New(t testing.TB) context.Context {
	t.Helper()
	path := Path(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("hide-scrollbars", false),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.UserDataDir(t.TempDir()),
	)
	base, cancelTimeout := context.WithTimeout(context.Background(), Timeout)
	alloc, cancelAlloc := chromedp.NewExecAllocator(base, opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
		cancelTimeout()
	})
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// Viewport sets the tab's viewport to width × height CSS pixels at the given device scale factor;
// mobile also emulates a phone (the page's meta viewport applies, touch enabled).
func Viewport(width, height int64, scale float64, mobile bool) chromedp.Action[chromedp.Void] {
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(scale), chromedp.EmulatePortrait}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	return chromedp.EmulateViewport(width, height, opts...)
}
