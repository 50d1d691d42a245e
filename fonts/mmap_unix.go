//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package fonts

import (
	"os"
	"syscall"
)

// sparseBuffer returns n zero bytes that take memory only where they are written: an anonymous private
// mapping, whose untouched pages are never part of the process's RSS (a cached font's glyf table, most of
// it, stays untouched there; see readVerified). It is never unmapped: the fonts live as long as the process.
func sparseBuffer(n int) []byte {
	if b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE); err == nil {
		return b
	}
	return make([]byte, n)
}

// mapFile maps the first n bytes of f read-only (shared with the page cache: nothing is copied, and only the
// pages touched are read and count in the RSS); ok is false where the file cannot be mapped. The bytes must
// never be written to.
func mapFile(f *os.File, n int) ([]byte, bool) {
	if n <= 0 {
		return nil, false
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, n, syscall.PROT_READ, syscall.MAP_SHARED)
	return b, err == nil
}

// unmapFile releases a mapping from mapFile.
func unmapFile(b []byte) { _ = syscall.Munmap(b) }
