package docx

import (
	"archive/zip"
	"io"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
)

// zipTime is the modification time of every zip entry: fixed so that the output is reproducible.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// flatePool reuses fast deflate compressors across parts and calls: a new compressor allocates about
// 1 MB, more than the whole document.
var flatePool sync.Pool

// pooledFlate returns its compressor to flatePool when closed.
type pooledFlate struct{ *flate.Writer }

// Close flushes the compressed stream and returns the compressor to the pool.
func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

// newCompressor is the zip.Compressor for Deflate entries: klauspost's flate at BestSpeed (deterministic,
// about twice as fast as the standard library's fastest level) from the pool.
func newCompressor(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return pooledFlate{fw}, nil
}

// part is one entry of the package.
type part struct{ name, body string }

// writeZip writes the parts in the given order with fixed timestamps.
func writeZip(w io.Writer, parts []part) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, newCompressor)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return wrapZip(p.name, err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return wrapZip(p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return wrapZip("", err)
	}
	return nil
}
