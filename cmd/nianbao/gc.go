package main

import (
	"os"
	"runtime/debug"
)

// A render allocates about 20 MB and keeps little of it: with the default GOGC=100 the collector runs three
// or four times in a 30 ms process (a quarter of its CPU time). GOGC=400 lets one report render with at most
// one collection and does not raise the peak RSS measurably; the soft memory limit keeps a long batch (or
// `serve`) near 80 MB of heap. GOGC and GOMEMLIMIT in the environment win.
func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(80 << 20)
	}
}
