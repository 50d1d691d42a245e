package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestNewAndViewport starts the browser, sets a phone viewport and reads it back from the page.
func TestNewAndViewport(t *testing.T) {
	ctx := New(t)
	page := `data:text/html;charset=utf-8,<meta name="viewport" content="width=device-width"><p>中文</p>`
	if err := chromedp.Do(ctx, Viewport(390, 844, 2, true), chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`[innerWidth, innerHeight, devicePixelRatio, document.querySelector("p").textContent.length]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[0] != 390 || got[1] != 844 || got[2] != 2 || got[3] != 2 {
		t.Errorf("viewport and page read back as %v, want [390 844 2 2]", got)
	}
}
