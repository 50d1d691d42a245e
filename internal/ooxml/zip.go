package ooxml

import (
	"archive/zip"
	"fmt"
	"io"
	"time"

	"github.com/nianbao/nianbao/internal/deflate"
)

// ZipTime is the modification time of every zip entry: fixed so that the output is reproducible.
var ZipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Part is one entry of the package: its name in the zip and its content.
type Part struct{ Name, Body string }

// PartError is a failure to write the package: Name is the part being written, "" while finishing the zip.
type PartError struct {
	Name string
	Err  error
}

// Error names the part and the failure.
func (e *PartError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("finishing the zip file: %v", e.Err)
	}
	return fmt.Sprintf("writing %s: %v", e.Name, e.Err)
}

// Unwrap returns the failure of the writer or the compressor.
func (e *PartError) Unwrap() error { return e.Err }

// WriteZip writes the parts in the given order, deflated, with fixed timestamps. A failure is a *PartError.
func WriteZip(w io.Writer, parts []Part) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, deflate.NewWriter) // pooled with the PDF writer's
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, Modified: ZipTime})
		if err != nil {
			return &PartError{p.Name, err}
		}
		if _, err := io.WriteString(f, p.Body); err != nil {
			return &PartError{p.Name, err}
		}
	}
	if err := zw.Close(); err != nil {
		return &PartError{"", err}
	}
	return nil
}
