//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package fonts

import "syscall"

// mapFile maps a cached font file read-only into memory: the kernel reads only the pages that are touched
// (the table directory, cmap, hmtx, loca and the glyphs a document uses), and every process shares them
// through the page cache. Cache files are replaced by rename, never changed in place.
func mapFile(path string) ([]byte, error) {
	f, st, err := statRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() == 0 {
		return nil, errNotRegular
	}
	return syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
}

// unmapFile releases a mapping made by mapFile.
func unmapFile(data []byte) { _ = syscall.Munmap(data) }
