//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package fonts

import "io"

// mapFile reads a cached font file whole where memory mapping is not used.
func mapFile(path string) ([]byte, error) {
	f, st, err := statRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, err
	}
	return data, nil
}

// unmapFile does nothing: the bytes of mapFile are ordinary memory.
func unmapFile([]byte) {}
