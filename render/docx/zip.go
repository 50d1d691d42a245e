package docx

import (
	"errors"
	"io"

	"github.com/nianbao/nianbao/internal/ooxml"
)

// part is one entry of the package.
type part = ooxml.Part

// writeZip writes the parts in the given order with fixed timestamps.
func writeZip(w io.Writer, parts []part) error {
	err := ooxml.WriteZip(w, parts)
	if pe := (*ooxml.PartError)(nil); errors.As(err, &pe) {
		return wrapZip(pe.Name, pe.Err)
	}
	return err
}
