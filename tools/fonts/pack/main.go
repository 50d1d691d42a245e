// Command pack compresses a bundled font for fonts/data: IN (a .ttf, or a .ttf.gz, which is gunzipped first)
// becomes OUT (.ttf.zst), one zstd frame written by klauspost's encoder at its best level with a 1 MiB window
// (so a first run decompressing several fonts at once stays near 55 MB of RSS) and the content size and
// checksum in the frame, as fonts/cache.go reads it. The bytes depend only on the input and the compress module
// version in go.mod, so two runs give the same file. With -d it decompresses IN (.ttf.zst) to OUT instead.
// usage: go run ./tools/fonts/pack [-d] IN OUT
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

func main() {
	args := os.Args[1:]
	unpack := len(args) == 3 && args[0] == "-d"
	if unpack {
		args = args[1:]
	}
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/fonts/pack IN.ttf[.gz] OUT.ttf.zst | -d IN.ttf.zst OUT.ttf")
		os.Exit(2)
	}
	do := pack
	if unpack {
		do = unpackFile
	}
	if err := do(args[0], args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "pack:", err)
		os.Exit(1)
	}
}

// unpackFile writes the font in the zstd file in to out.
func unpackFile(in, out string) error {
	z, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return err
	}
	data, err := dec.DecodeAll(z, nil)
	if err != nil {
		return fmt.Errorf("%s: %v", in, err)
	}
	return os.WriteFile(out, data, 0o644)
}

func pack(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	if strings.HasSuffix(in, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return err
		}
		if data, err = io.ReadAll(zr); err != nil {
			return err
		}
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1),
		zstd.WithEncoderCRC(true), zstd.WithWindowSize(1<<20))
	if err != nil {
		return err
	}
	z := enc.EncodeAll(data, nil)
	// Check the frame as fonts/cache.go reads it: the content size in the header, and a round trip.
	var h zstd.Header
	if err := h.Decode(z); err != nil || !h.HasFCS || h.FrameContentSize != uint64(len(data)) || !h.HasCheckSum {
		return fmt.Errorf("%s: unexpected zstd frame header (%v)", in, err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return err
	}
	back, err := dec.DecodeAll(z, nil)
	if err != nil || !bytes.Equal(back, data) {
		return fmt.Errorf("%s: round trip failed (%v)", in, err)
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, z, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d → %d bytes\n", out, len(data), len(z))
	return os.Rename(tmp, out)
}
