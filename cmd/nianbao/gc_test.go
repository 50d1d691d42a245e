package main

import (
	"os"
	"runtime"
	"testing"

	"github.com/nianbao/nianbao/fonts"
)

// TestCoresFor: a one-report render keeps the single processor the process starts with (when the bundled
// fonts are cached); several reports get every core back; GOMAXPROCS in the environment is never overridden.
func TestCoresFor(t *testing.T) {
	if os.Getenv("GOMAXPROCS") != "" {
		t.Skip("GOMAXPROCS is set in the environment")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	// Fill the font cache the way a first render does.
	set, err := fonts.Resolve(fonts.Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range fonts.Roles {
		if f := set.Face(role); f != nil {
			f.Has('中')
		}
	}
	if fonts.BundledCached() {
		coresFor(1)
		if n := runtime.GOMAXPROCS(0); n != 1 {
			t.Errorf("one report with a warm cache: GOMAXPROCS %d, want 1", n)
		}
	}
	runtime.SetDefaultGOMAXPROCS()
	all := runtime.GOMAXPROCS(0)
	if all == 1 {
		t.Skip("one core: nothing to tell apart")
	}
	runtime.GOMAXPROCS(1)
	coresFor(3)
	if n := runtime.GOMAXPROCS(0); n != all {
		t.Errorf("three reports: GOMAXPROCS %d, want the default %d", n, all)
	}
	t.Setenv("GOMAXPROCS", "1")
	runtime.GOMAXPROCS(1)
	coresFor(3)
	if n := runtime.GOMAXPROCS(0); n != 1 {
		t.Errorf("GOMAXPROCS=1 in the environment: %d processors after coresFor", n)
	}
}
