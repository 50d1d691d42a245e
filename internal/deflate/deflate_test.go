package deflate

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	kzlib "github.com/klauspost/compress/zlib"
)

// samples are inputs of several kinds and sizes: empty, text, random bytes, long runs, over one block.
func samples() [][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 200_000)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	text := bytes.Repeat([]byte("政府信息公开工作年度报告 BT /F1 16 Tf 1 0 0 1 72 700 Tm <0012003400A1> Tj ET\n"), 3000)
	return [][]byte{nil, []byte("x"), text, random, bytes.Repeat([]byte{0}, 300_000), append(text[:50_000:50_000], random[:90_000]...)}
}

// TestAppendZlibMatchesKlauspost: the same bytes as klauspost's zlib writer at Level, decodable by the
// standard library (checksum included), appended after what dst holds.
func TestAppendZlibMatchesKlauspost(t *testing.T) {
	for i, data := range samples() {
		var want bytes.Buffer
		zw, _ := kzlib.NewWriterLevel(&want, Level)
		zw.Write(data)
		zw.Close()
		got, err := AppendZlib([]byte("prefix"), data)
		if err != nil {
			t.Fatal(err)
		}
		if string(got[:6]) != "prefix" || !bytes.Equal(got[6:], want.Bytes()) {
			t.Fatalf("sample %d: AppendZlib differs from klauspost zlib (%d vs %d bytes)", i, len(got)-6, want.Len())
		}
		zr, err := zlib.NewReader(bytes.NewReader(got[6:]))
		if err != nil {
			t.Fatal(err)
		}
		back, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("sample %d: round trip failed: %v", i, err)
		}
	}
}

// TestNewWriterRoundTrip: raw deflate through the pooled writer, concurrently, decodes to the input; a second
// Close does nothing.
func TestNewWriterRoundTrip(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, data := range samples() {
				var buf bytes.Buffer
				w, _ := NewWriter(&buf)
				w.Write(data)
				if err := w.Close(); err != nil {
					t.Error(err)
				}
				if err := w.Close(); err != nil {
					t.Error("second Close:", err)
				}
				back, err := io.ReadAll(flate.NewReader(&buf))
				if err != nil || !bytes.Equal(back, data) {
					t.Errorf("sample %d: round trip failed: %v", i, err)
				}
			}
		})
	}
	wg.Wait()
}
