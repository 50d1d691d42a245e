//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package fonts

import (
	"io"
	"os"
)

// mapFile reads a cached font file whole where memory mapping is not used; it returns the open file too.
func mapFile(path string) ([]byte, *os.File, error) {
	f, st, err := statRegular(path)
	if err != nil {
		return nil, nil, err
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		f.Close()
		return nil, nil, err
	}
	return data, f, nil
}

// unmapFile does nothing: the bytes of mapFile are ordinary memory.
func unmapFile([]byte) {}
