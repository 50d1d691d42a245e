package docx

import (
	"archive/zip"
	"io"
	"time"

	"github.com/nianbao/nianbao/internal/deflate"
)

// zipTime is the modification time of every zip entry: fixed so that the output is reproducible.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// part is one entry of the package.
type part struct{ name, body string }

// writeZip writes the parts in the given order with fixed timestamps.
func writeZip(w io.Writer, parts []part) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, deflate.NewWriter) // pooled with the PDF writer's
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
