package docx

import (
	"strconv"

	"github.com/nianbao/nianbao/internal/ooxml"
)

// xb builds XML text: the builder shared with the workbook writer (S raw markup, Esc text, Attr attributes).
type xb = ooxml.Builder

// itoa formats an integer attribute value.
func itoa(n int) string { return strconv.Itoa(n) }

const xmlHeader = ooxml.XMLHeader

// Namespaces used by the WordprocessingML parts.
const (
	nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)
