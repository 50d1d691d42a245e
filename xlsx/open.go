package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/xlsx/internal/sml"
)

// Limits on a workbook, checked before its parts are read: a real report workbook is some 20 KB.
const (
	// MaxFileSize is the largest .xlsx file accepted (8 MiB).
	MaxFileSize = 8 << 20
	// MaxUnpacked is the largest total unpacked size of the parts of a workbook (32 MiB), as its zip
	// central directory declares them; archive/zip refuses a part that unpacks to more than it declares.
	MaxUnpacked = 32 << 20
	// MaxParts is the largest number of parts (files) in the workbook's zip archive.
	MaxParts = 1000
	// maxRows and maxCols bound the used area of a sheet that is read.
	maxRows, maxCols = 5000, 200
	// maxCells bounds the cells with a value or formula of a sheet (the largest template sheet has
	// some 300), maxMerges its merged ranges and maxMerged the cells they cover.
	maxCells, maxMerges, maxMerged = 100000, 2000, 200000
)

// sheetLimits are the bounds a sheet is read within.
var sheetLimits = sml.Limits{MaxRow: maxRows, MaxCol: maxCols, MaxCells: maxCells, MaxMerges: maxMerges, MaxMergedCells: maxMerged}

// problem returns a *report.LoadError with one message about the file.
func problem(file, format string, args ...any) error {
	return &report.LoadError{Problems: []report.Problem{{File: file, Msg: fmt.Sprintf(format, args...)}}}
}

// open reads a workbook from disk within the limits.
func open(path string) (*sml.Workbook, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, problem(path, "无法读取文件：%v", plainErr(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, problem(path, "不是普通文件，无法作为 Excel 工作簿读取")
	}
	if fi.Size() > MaxFileSize {
		return nil, problem(path, "文件过大（%d 字节）：年度报告工作簿不应超过 %d MiB，请检查是否选错了文件", fi.Size(), MaxFileSize>>20)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, problem(path, "无法读取文件：%v", plainErr(err))
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		return nil, problem(path, "无法读取文件：%v", err)
	}
	return openBytes(path, data)
}

// openBytes opens a workbook held in memory after checking its size, its zip central directory and the
// nesting of its XML parts.
func openBytes(name string, data []byte) (*sml.Workbook, error) {
	if len(data) > MaxFileSize {
		return nil, problem(name, "文件过大（%d 字节）：年度报告工作簿不应超过 %d MiB，请检查是否选错了文件", len(data), MaxFileSize>>20)
	}
	if bytes.HasPrefix(data, []byte{0xd0, 0xcf, 0x11, 0xe0}) {
		return nil, problem(name, "这是旧版 Excel 97-2003（.xls）文件或加密的工作簿；请在 Excel/WPS 中“另存为” Excel 工作簿（.xlsx）后再读入")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, problem(name, "不是 Excel 工作簿（.xlsx 文件是 zip 压缩包，此文件无法解开：%v）；请在 Excel/WPS 中另存为 .xlsx", err)
	}
	if len(zr.File) > MaxParts {
		return nil, problem(name, "工作簿含 %d 个部件，超过上限 %d：不像年度报告工作簿，已拒绝读入", len(zr.File), MaxParts)
	}
	var total uint64
	seen := make(map[string]bool, len(zr.File))
	for _, zf := range zr.File {
		// Part names compare without case (OPC); two entries of one name would let two readers of the
		// same file see different numbers.
		key := strings.ToLower(zf.Name)
		if seen[key] {
			return nil, problem(name, "工作簿中部件 %s 出现了两次：文件已损坏或被改动过；请在 Excel/WPS 中打开后另存为 .xlsx 再试", zf.Name)
		}
		seen[key] = true
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > MaxUnpacked || total > MaxUnpacked {
			return nil, problem(name, "工作簿解压后超过 %d MiB（部件 %s 声明 %d 字节）：疑似压缩炸弹或不是年度报告工作簿，已拒绝读入", MaxUnpacked>>20, zf.Name, zf.UncompressedSize64)
		}
	}
	// The XML parts are read once: checked for nesting here, parsed from memory by sml.
	inflated := map[*zip.File][]byte{}
	for _, zf := range zr.File {
		if ext := strings.ToLower(path.Ext(zf.Name)); ext != ".xml" && ext != ".rels" && ext != ".vml" {
			continue // images and other binary parts are not XML
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, problem(name, "无法读取 Excel 工作簿的部件 %s：%v；请在 Excel/WPS 中打开后另存为 .xlsx 再试", zf.Name, err)
		}
		part := bytes.NewBuffer(make([]byte, 0, zf.UncompressedSize64))
		_, err = part.ReadFrom(rc)
		rc.Close()
		if err != nil {
			return nil, problem(name, "无法读取 Excel 工作簿的部件 %s：%v；请在 Excel/WPS 中打开后另存为 .xlsx 再试", zf.Name, err)
		}
		if utf16Part(part.Bytes()) {
			return nil, problem(name, "无法读取 Excel 工作簿：部件 %s 是 UTF-16 编码的 XML（Excel/WPS 保存的工作簿都用 UTF-8），不受支持；请在 Excel/WPS 中打开后另存为 .xlsx 再试", zf.Name)
		}
		d, err := xmlDepth(bytes.NewReader(part.Bytes()), maxXMLDepth)
		if err != nil {
			return nil, problem(name, "无法读取 Excel 工作簿的部件 %s：%v；请在 Excel/WPS 中打开后另存为 .xlsx 再试", zf.Name, err)
		}
		if d > maxXMLDepth {
			return nil, problem(name, "工作簿的部件 %s 中元素嵌套超过 %d 层：不像 Excel/WPS 保存的工作簿（疑似恶意构造），已拒绝读入", zf.Name, maxXMLDepth)
		}
		inflated[zf] = part.Bytes()
	}
	wb, err := sml.Open(zr, inflated)
	if err != nil {
		return nil, problem(name, "无法读取 Excel 工作簿：%v；请在 Excel/WPS 中打开后另存为 .xlsx 再试", err)
	}
	return wb, nil
}

func plainErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
