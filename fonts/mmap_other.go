//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package fonts

// sparseBuffer returns n zero bytes (ordinary memory where anonymous mappings are not used).
func sparseBuffer(n int) []byte { return make([]byte, n) }
