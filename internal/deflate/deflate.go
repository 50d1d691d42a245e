// Package deflate compresses the PDF streams (zlib, the FlateDecode filter) and the DOCX parts (raw deflate
// in the zip) with klauspost's flate at BestSpeed, deterministic and about twice as fast as the standard
// library's fastest level. Both draw on one pool of compressors: a new one allocates about a megabyte, more
// than a whole report's PDF, and each first touch of that memory is a page fault, so a process that renders
// one report creates one compressor, not one per stream or per renderer.
package deflate

import (
	"hash/adler32"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

var pool sync.Pool // of *flate.Writer at BestSpeed

// get returns a pooled compressor writing to w.
func get(w io.Writer) *flate.Writer {
	if fw, ok := pool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fw
	}
	fw, _ := flate.NewWriter(w, flate.BestSpeed) // cannot fail for a valid level
	return fw
}

// appender is an io.Writer that appends to a byte slice.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) {
	a.b = append(a.b, p...)
	return len(p), nil
}

// AppendZlib appends data as a zlib stream (RFC 1950: the header 78 01 of the fastest level, the raw deflate
// stream, the big-endian Adler-32 of data) to dst and returns the extended slice. The bytes are those of
// klauspost's zlib writer at BestSpeed.
func AppendZlib(dst, data []byte) ([]byte, error) {
	a := &appender{append(dst, 0x78, 0x01)}
	fw := get(a)
	defer pool.Put(fw)
	if _, err := fw.Write(data); err != nil {
		return dst, err
	}
	if err := fw.Close(); err != nil {
		return dst, err
	}
	sum := adler32.Checksum(data)
	return append(a.b, byte(sum>>24), byte(sum>>16), byte(sum>>8), byte(sum)), nil
}

// pooled returns its compressor to the pool when closed.
type pooled struct{ fw *flate.Writer }

func (p *pooled) Write(b []byte) (int, error) { return p.fw.Write(b) }

// Close flushes the stream and returns the compressor to the pool; later calls do nothing.
func (p *pooled) Close() error {
	if p.fw == nil {
		return nil
	}
	err := p.fw.Close()
	pool.Put(p.fw)
	p.fw = nil
	return err
}

// NewWriter returns a raw deflate stream on w (a zip.Compressor for Deflate entries); Close finishes the
// stream and returns the compressor to the pool, and the writer must not be used after it.
func NewWriter(w io.Writer) (io.WriteCloser, error) {
	return &pooled{get(w)}, nil
}
