package publish

import (
	"bytes"
	"encoding/json"
)

// JSON returns summary.json: the Summary indented, HTML characters unescaped, ending in a newline.
func (s *Summary) JSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a Summary has nothing that cannot be encoded
	return b.Bytes()
}
