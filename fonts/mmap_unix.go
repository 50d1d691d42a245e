//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package fonts

import "syscall"

// sparseBuffer returns n zero bytes that take memory only where they are written: an anonymous private
// mapping, whose untouched pages are never part of the process's RSS (a cached font's glyf table, most of
// it, stays untouched there; see readVerified). It is never unmapped: the fonts live as long as the process.
func sparseBuffer(n int) []byte {
	if b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE); err == nil {
		return b
	}
	return make([]byte, n)
}
