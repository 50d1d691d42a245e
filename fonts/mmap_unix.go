//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package fonts

import (
	"os"
	"syscall"
)

// mapFile maps a cached font file read-only into memory and returns it with the open file (for reading
// glyphs with pread): the kernel reads only the pages that are touched (the table directory, cmap, hmtx, loca),
// and every process shares them through the page cache. Cache files are replaced by rename, never changed
// in place.
func mapFile(path string) ([]byte, *os.File, error) {
	f, st, err := statRegular(path)
	if err != nil {
		return nil, nil, err
	}
	if st.Size() == 0 {
		f.Close()
		return nil, nil, errNotRegular
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	// Glyphs are read here and there (and through the file, see Face.GlyphReader): no read-ahead.
	_ = syscall.Madvise(data, syscall.MADV_RANDOM)
	return data, f, nil
}

// unmapFile releases a mapping made by mapFile.
func unmapFile(data []byte) { _ = syscall.Munmap(data) }
