package main

import (
	"os"
	"runtime"
	"runtime/debug"

	"github.com/nianbao/nianbao/fonts"
)

// A render allocates about 20 MB and keeps little of it: with the default GOGC=100 the collector runs three
// or four times in a 30 ms process (a quarter of its CPU time). GOGC=400 lets one report render with at most
// one collection and does not raise the peak RSS measurably; the soft memory limit keeps a long batch (or
// `serve`) near 80 MB of heap. GOGC and GOMEMLIMIT in the environment win.
//
// Most runs do one report, which is work for one core: the process starts with one processor (GOMAXPROCS=1),
// which costs 10–15 % less CPU than two (no second thread spinning for work, no cross-core TLB shootdowns on
// the page faults of a fresh heap; measured with tools/peerbench, same wall time). Commands with work for
// every core call useAllCores. GOMAXPROCS in the environment wins.
func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(80 << 20)
	}
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
}

// useAllCores gives the process one processor per core again (the runtime's default) unless GOMAXPROCS is
// set in the environment: for batches, the server and a first run that decompresses the bundled fonts.
func useAllCores() {
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.SetDefaultGOMAXPROCS()
	}
}

// coresFor gives a render of n inputs every core when it has work for them: several reports, or a first
// run whose bundled fonts are not yet all in the on-disk cache (they are decompressed concurrently).
func coresFor(n int) {
	if n > 1 || !fonts.BundledCached() {
		useAllCores()
	}
}
