//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package fonts

import "os"

// sparseBuffer returns n zero bytes (ordinary memory where anonymous mappings are not used).
func sparseBuffer(n int) []byte { return make([]byte, n) }

// mapFile does not map files on this platform: readCached reads the tables with pread instead.
func mapFile(*os.File, int) ([]byte, bool) { return nil, false }

// unmapFile does nothing on this platform.
func unmapFile([]byte) {}
