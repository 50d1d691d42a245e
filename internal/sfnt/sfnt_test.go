package sfnt

import (
	"encoding/binary"
	"slices"
	"testing"
)

// dir builds an offset table and directory of the given records.
func dir(recs ...Record) []byte {
	b := make([]byte, 12+16*len(recs))
	binary.BigEndian.PutUint16(b[4:], uint16(len(recs)))
	for i, r := range recs {
		o := b[12+16*i:]
		copy(o, r.Tag)
		binary.BigEndian.PutUint32(o[4:], r.Sum)
		binary.BigEndian.PutUint32(o[8:], r.Off)
		binary.BigEndian.PutUint32(o[12:], r.Len)
	}
	return b
}

func TestRecords(t *testing.T) {
	want := []Record{{"cmap", 1, 44, 4}, {"glyf", 2, 48, 0xffffffff}}
	d := dir(want...)
	if got := slices.Collect(Records(d)); !slices.Equal(got, want) {
		t.Fatalf("Records = %v, want %v", got, want)
	}
	if DirLen(d) != len(d) || NumTables(d) != 2 || NumTables(d[:11]) != 0 {
		t.Fatalf("DirLen %d NumTables %d", DirLen(d), NumTables(d))
	}
	// A directory cut short yields only the whole records.
	if got := slices.Collect(Records(d[:12+16+15])); len(got) != 1 {
		t.Fatalf("short directory: %v", got)
	}
	data := append(d, 1, 2, 3, 4)
	if b, ok := want[0].In(data); !ok || len(b) != 4 || b[0] != 1 {
		t.Fatalf("In = %v, %v", b, ok)
	}
	if _, ok := want[1].In(data); ok {
		t.Fatal("a table past the end of the data was accepted")
	}
	if want[1].End() != 48+0xffffffff {
		t.Fatalf("End overflowed: %d", want[1].End())
	}
}

func TestChecksum(t *testing.T) {
	if got := Checksum([]byte{0, 0, 0, 1, 0, 0, 0, 2, 3}); got != 3+0x03000000 {
		t.Fatalf("Checksum = %#x", got)
	}
	head := make([]byte, 54)
	binary.BigEndian.PutUint32(head[8:], 0xdeadbeef)
	binary.BigEndian.PutUint32(head[0:], 7)
	if TableChecksum("head", head) != 7 || TableChecksum("name", head) != 7+0xdeadbeef {
		t.Fatalf("TableChecksum head %#x name %#x", TableChecksum("head", head), TableChecksum("name", head))
	}
}
