package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strconv"
	"time"
	"unicode/utf16"

	"github.com/nianbao/nianbao/internal/deflate"
)

// pdfWriter assembles a PDF 1.7 file in memory: numbered indirect objects, the cross-reference table
// and the trailer. Objects are written in the order they are begun; their numbers may be reserved earlier
// (alloc) so objects can refer to ones written later.
type pdfWriter struct {
	buf     bytes.Buffer
	offsets []int  // byte offset of object i+1; -1 until written
	scratch []byte // the compressed stream being written, reused from stream to stream
}

func newPDFWriter() *pdfWriter {
	pw := &pdfWriter{}
	// The binary comment line tells transfer tools the file is binary.
	pw.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return pw
}

// alloc reserves the number of an object written later.
func (pw *pdfWriter) alloc() int {
	pw.offsets = append(pw.offsets, -1)
	return len(pw.offsets)
}

// begin starts object n (from alloc); the caller writes its body and calls end.
func (pw *pdfWriter) begin(n int) {
	pw.offsets[n-1] = pw.buf.Len()
	pw.buf.WriteString(strconv.Itoa(n))
	pw.buf.WriteString(" 0 obj\n")
}

func (pw *pdfWriter) end() { pw.buf.WriteString("\nendobj\n") }

// object writes object n with the given body (a dictionary, array or other direct object).
func (pw *pdfWriter) object(n int, body string) {
	pw.begin(n)
	pw.buf.WriteString(body)
	pw.end()
}

// stream writes object n as a Flate-compressed stream; extra holds more dictionary entries.
func (pw *pdfWriter) stream(n int, extra string, data []byte) error {
	z, err := deflate.AppendZlib(pw.scratch[:0], data)
	if err != nil {
		return err
	}
	pw.scratch = z
	pw.compressed(n, extra, z)
	return nil
}

// compressed writes object n as a stream of already zlib-compressed data.
func (pw *pdfWriter) compressed(n int, extra string, z []byte) {
	pw.begin(n)
	pw.buf.WriteString("<< /Length ")
	pw.buf.WriteString(strconv.Itoa(len(z)))
	pw.buf.WriteString(" /Filter /FlateDecode")
	pw.buf.WriteString(extra)
	pw.buf.WriteString(" >>\nstream\n")
	pw.buf.Write(z)
	pw.buf.WriteString("\nendstream")
	pw.end()
}

// finish writes the cross-reference table and the trailer; the file ID is a hash of everything before
// it, so the same content gives the same bytes.
func (pw *pdfWriter) finish(root, info int) []byte {
	id := sha256.Sum256(pw.buf.Bytes())
	xref := pw.buf.Len()
	b := &pw.buf
	b.WriteString("xref\n0 ")
	b.WriteString(strconv.Itoa(len(pw.offsets) + 1))
	b.WriteString("\n0000000000 65535 f \n")
	for _, off := range pw.offsets {
		if off < 0 {
			// A reserved number never written: a free entry keeps the table consistent.
			b.WriteString("0000000000 65535 f \n")
			continue
		}
		s := strconv.Itoa(off)
		b.WriteString("0000000000"[len(s):])
		b.WriteString(s)
		b.WriteString(" 00000 n \n")
	}
	h := hex.EncodeToString(id[:16])
	b.WriteString("trailer\n<< /Size ")
	b.WriteString(strconv.Itoa(len(pw.offsets) + 1))
	b.WriteString(" /Root ")
	b.WriteString(ref(root))
	b.WriteString(" /Info ")
	b.WriteString(ref(info))
	b.WriteString(" /ID [<" + h + "> <" + h + ">] >>\nstartxref\n")
	b.WriteString(strconv.Itoa(xref))
	b.WriteString("\n%%EOF\n")
	return b.Bytes()
}

// ref returns an indirect reference "n 0 R".
func ref(n int) string { return strconv.Itoa(n) + " 0 R" }

// appendNum appends v with at most prec decimals and no trailing zeros; NaN and infinities become 0.
func appendNum(b []byte, v float64, prec int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e9 {
		v = 0
	}
	n := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	if prec > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if string(b[n:]) == "-0" {
		b = append(b[:n], '0')
	}
	return b
}

// textString returns s as a PDF text string: UTF-16BE with a byte order mark, in hex.
func textString(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 6+4*len(u))
	b = append(b, "<FEFF"...)
	const digits = "0123456789ABCDEF"
	for _, c := range u {
		b = append(b, digits[c>>12], digits[c>>8&15], digits[c>>4&15], digits[c&15])
	}
	return string(append(b, '>'))
}

// pdfDate returns t as a PDF date in UTC, D:YYYYMMDDHHmmSS+00'00'.
func pdfDate(t time.Time) string {
	t = t.UTC()
	if t.Year() < 1 || t.Year() > 9999 {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return "(D:" + t.Format("20060102150405") + "+00'00')"
}

// pdfName returns s as the characters of a PDF name (without the slash): letters, digits and - only.
func pdfName(s string) string {
	var b []byte
	for i := 0; i < len(s) && len(b) < 60; i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
			b = append(b, c)
		}
	}
	return string(b)
}
