// Package sfnt reads the table directory of a TrueType/OpenType face and computes table checksums: the
// pieces of the sfnt format that package fonts (discovery, validation, the cache) and render/pdf
// (subsetting) both need, in one place.
package sfnt

import (
	"encoding/binary"
	"iter"
)

var be = binary.BigEndian

// Record is one entry of a face's table directory: a table's tag, checksum, offset and length.
type Record struct {
	Tag      string
	Sum      uint32
	Off, Len uint32
}

// NumTables returns the number of tables the offset table at the start of h declares (0 when h is
// shorter than the 12-byte offset table).
func NumTables(h []byte) int {
	if len(h) < 12 {
		return 0
	}
	return int(be.Uint16(h[4:]))
}

// DirLen returns the length of the offset table and table directory that start h: 12 + 16 × NumTables.
func DirLen(h []byte) int { return 12 + 16*NumTables(h) }

// Records yields the table records of the directory at the start of dir, in file order: the NumTables(dir)
// records, or those of them that lie inside dir when it is shorter.
func Records(dir []byte) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		for i := range NumTables(dir) {
			rec := 12 + 16*i
			if rec+16 > len(dir) {
				return
			}
			r := dir[rec : rec+16]
			if !yield(Record{Tag: string(r[:4]), Sum: be.Uint32(r[4:]), Off: be.Uint32(r[8:]), Len: be.Uint32(r[12:])}) {
				return
			}
		}
	}
}

// End returns the offset just after the table: Off + Len, without overflow.
func (r Record) End() int64 { return int64(r.Off) + int64(r.Len) }

// In returns the table's bytes within data, or false when they do not lie inside it.
func (r Record) In(data []byte) ([]byte, bool) {
	if r.End() > int64(len(data)) {
		return nil, false
	}
	return data[r.Off:r.End()], true
}

// Checksum is the sfnt table checksum: the sum of the big-endian 32-bit words of d, the last one padded
// with zeros.
func Checksum(d []byte) uint32 {
	var sum uint32
	i := 0
	for ; i+4 <= len(d); i += 4 {
		sum += be.Uint32(d[i:])
	}
	if i < len(d) {
		var w [4]byte
		copy(w[:], d[i:])
		sum += be.Uint32(w[:])
	}
	return sum
}

// TableChecksum is the checksum a table directory records for table tag: Checksum, except that head's
// checkSumAdjustment (bytes 8–11) counts as zero.
func TableChecksum(tag string, d []byte) uint32 {
	sum := Checksum(d)
	if tag == "head" && len(d) >= 12 {
		sum -= be.Uint32(d[8:])
	}
	return sum
}
