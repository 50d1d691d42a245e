package fonts

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// unpacked holds the decompressed bytes of one bundled font, shared by every Set of the process.
type unpacked struct {
	once sync.Once
	data []byte
	err  error
}

var unpackedFonts sync.Map // bundled file name → *unpacked

// CacheDirEnv names the environment variable that overrides the folder of decompressed bundled fonts;
// the value "off" disables the on-disk cache.
const CacheDirEnv = "NIANBAO_FONT_CACHE"

// bundledBytes returns the decompressed bundled font: from the process cache, else from the on-disk cache
// (a plain .ttf named by the gzip trailer's CRC-32 and size, verified against both), else by gunzipping the
// embedded file and saving the result for the next process. Decompression costs tens of milliseconds per
// font; reading the cached file costs about one.
func bundledBytes(file string) ([]byte, error) {
	v, _ := unpackedFonts.LoadOrStore(file, &unpacked{})
	u := v.(*unpacked)
	u.once.Do(func() { u.data, u.err = unpackBundled(file) })
	return u.data, u.err
}

func unpackBundled(file string) ([]byte, error) {
	gz, err := bundledFS.ReadFile("data/" + file + ".gz")
	if err != nil {
		return nil, err
	}
	if len(gz) < 18 {
		return nil, fmt.Errorf("bundled font %s is truncated", file)
	}
	sum := binary.LittleEndian.Uint32(gz[len(gz)-8:])
	size := binary.LittleEndian.Uint32(gz[len(gz)-4:])
	cached := ""
	if dir := cacheDir(); dir != "" {
		cached = filepath.Join(dir, fmt.Sprintf("%s-%08x-%d", file, sum, size))
		if data, err := os.ReadFile(cached); err == nil && uint32(len(data)) == size && crc32.ChecksumIEEE(data) == sum {
			return data, nil
		}
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(int(size) + bytes.MinRead)
	if _, err := io.Copy(&out, zr); err != nil {
		return nil, err
	}
	data := out.Bytes()
	if cached != "" {
		saveCache(cached, data)
	}
	return data, nil
}

// cacheDir returns the folder for decompressed bundled fonts, or "" when there is none.
func cacheDir() string {
	dir := os.Getenv(CacheDirEnv)
	if dir == "off" {
		return ""
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "nianbao", "fonts")
	}
	return dir
}

// saveCache writes data through a temporary file and a rename; failures only cost speed next time.
func saveCache(path string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".font-*.tmp")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}
