package report

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nianbao/nianbao/internal/osfile"
	"golang.org/x/text/encoding/simplifiedchinese"
	utf16 "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxNesting is the deepest nesting of brackets [ ] and braces { } a report file may have. A report needs
// three levels at most ([[overview.sections]] with an array value); deeper files are refused before the
// TOML decoder sees them, since it recurses once per level.
const MaxNesting = 16

// MaxKeyParts is the largest number of dotted parts in one key or table name (a.b.c has three); the TOML
// decoder's work grows with the square of it.
const MaxKeyParts = 16

// MaxItems bounds the keys, values and tables of a report file: the '=', ',' and '[' outside strings and
// comments, a table header counting five (a report has a few hundred items). The TOML decoder needs
// hundreds of bytes per item, so this bounds its memory (under 100 MB) whatever the shape of the file.
const MaxItems = 200000

// MaxProblems is the number of problems a LoadError prints; the rest are counted ("还有 N 处").
const MaxProblems = 50

// readInput reads a report file for Load: a regular file of at most MaxFileSize bytes, never more than
// MaxFileSize+1 bytes read (so /dev/zero or a FIFO cannot exhaust memory or block).
func readInput(path string) ([]byte, error) {
	data, err := osfile.Read(path, MaxFileSize, "报告文件")
	if err != nil {
		return nil, &LoadError{[]Problem{{File: path, Msg: "无法读取报告文件：" + osfile.Explain(err)}}}
	}
	return data, nil
}

// Decode turns file bytes into UTF-8 text. A UTF-8 BOM is dropped; UTF-16 with a BOM (Notepad's
// "Unicode") is converted; text that is really GB18030 (a superset of GBK and GB2312) is converted; a file
// that is UTF-8 except for a few bytes is an error naming the line and column of the first bad byte. Files
// whose only line ends are CR (classic Mac) get LF line ends.
func Decode(data []byte) (string, error) {
	src, line, msg := decodeInput(data)
	if msg != "" {
		if line > 0 {
			return "", fmt.Errorf("第 %d 行：%s", line, msg)
		}
		return "", fmt.Errorf("%s", msg)
	}
	return src, nil
}

// decodeInput is Decode with the line of the problem (0 when none or unknown) kept apart from the message.
func decodeInput(data []byte) (src string, line int, msg string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}):
		return "", 0, "文件是 UTF-32 编码，无法读取；请另存为 UTF-8"
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		out, _, err := transform.Bytes(utf16.UTF16(utf16.LittleEndian, utf16.ExpectBOM).NewDecoder(), data)
		if err != nil || len(data)%2 != 0 || bytes.Contains(out, []byte("\uFFFD")) {
			return "", 0, "文件是 UTF-16 编码（记事本的“Unicode”）但内容不完整或已损坏；请另存为 UTF-8"
		}
		data = out
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if looksUTF16(data) {
			return "", 0, "文件看起来是没有 BOM 的 UTF-16 编码；请在编辑器中另存为 UTF-8"
		}
		return "", lineOf(data, i), "文件含有 NUL 字节，不是文本文件；请检查是否选错了文件"
	}
	if !utf8.Valid(data) {
		if s, ok := asGB18030(data); ok {
			data = []byte(s)
		} else {
			return "", lineOf(data, firstBad(data)), utf8Problem(data)
		}
	}
	if bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0 {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", 0, "文件为空：请用 nianbao init 生成报告骨架后填写"
	}
	return string(data), 0, ""
}

// looksUTF16 reports whether NUL bytes sit mostly at every other position, as in UTF-16 text.
func looksUTF16(data []byte) bool {
	var even, odd int
	for i, b := range data {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(data) / 2
	return half > 0 && (even*10 >= half*4 || odd*10 >= half*4) && (even == 0 || odd == 0 || even*10 < odd || odd*10 < even)
}

// asGB18030 decodes data as GB18030 when it really is GB18030 text: more invalid UTF-8 positions than valid
// multi-byte UTF-8 characters (a UTF-8 file with a stray byte is not GB18030), no byte the GB18030 decoder
// rejects, and the result made of Chinese, ASCII and the usual punctuation.
func asGB18030(data []byte) (string, bool) {
	var good, bad int
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
		case n >= 3:
			good++
		}
		i += max(n, 1)
	}
	if good >= bad {
		return "", false
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	if err != nil || bytes.Contains(out, []byte("\uFFFD")) {
		return "", false
	}
	var nonASCII, odd int
	for _, r := range string(out) {
		if r < 0x80 {
			continue
		}
		nonASCII++
		if !commonInChinese(r) {
			odd++
		}
	}
	return string(out), odd*10 <= nonASCII
}

// commonInChinese reports whether r is a character Chinese text commonly holds (GB2312 territory).
func commonInChinese(r rune) bool {
	switch {
	case r >= 0x4e00 && r <= 0x9fff, r >= 0x3400 && r <= 0x4dbf, // CJK ideographs
		r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef, // CJK and full-width punctuation
		r >= 0x2000 && r <= 0x206f, r >= 0x2100 && r <= 0x26ff, // punctuation, numerals, arrows, shapes
		r >= 0x0391 && r <= 0x03c9, r >= 0x0401 && r <= 0x0451, // Greek, Cyrillic (in GB2312)
		r >= 0x3040 && r <= 0x30ff, r >= 0x3200 && r <= 0x33ff, // kana, enclosed and squared
		r == 0xb7 || r == 0xd7 || r == 0xf7 || r == 0xb0 || r == 0xa7 || r == 0xa4 || r == 0xa8 || r == 0xb1,
		r >= 0xe0 && r <= 0xfc, r >= 0x2e80 && r <= 0x2fdf, r >= 0xfe30 && r <= 0xfe4f:
		return true
	}
	return false
}

// utf8Problem describes the first byte of data that is not UTF-8: line, column (in characters) and count.
func utf8Problem(data []byte) string {
	first, n := -1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			if first < 0 {
				first = i
			}
			n++
		}
		i += max(size, 1)
	}
	start := bytes.LastIndexByte(data[:first], '\n') + 1
	col := utf8.RuneCount(data[start:first]) + 1
	msg := fmt.Sprintf("第 %d 行第 %d 列有不是 UTF-8 编码的字节 0x%02X", lineOf(data, first), col, data[first])
	if n > 1 {
		msg += fmt.Sprintf("（全文共 %d 处）", n)
	}
	return msg + "；文件其余部分是 UTF-8：请删除或重新输入该处的字符（多半是复制粘贴带来的乱码），并以 UTF-8 保存"
}

// firstBad returns the index of the first byte of data that is not part of a UTF-8 character.
func firstBad(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func lineOf(data []byte, i int) int { return bytes.Count(data[:i], []byte("\n")) + 1 }

// nestingProblem scans TOML source outside strings and comments and returns the line where the nesting of
// brackets and braces first goes deeper than MaxNesting, a key gets more than MaxKeyParts parts or the
// items pass MaxItems (0 when none does). It runs in one pass and constant memory, before the decoder.
func nestingProblem(src string) (line int, msg string) {
	depth, ln, dots, items := 0, 1, 0, 0
	lineStart := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		if i > 0 {
			switch p := src[i-1]; {
			case p == '\n':
				lineStart = true
			case p != ' ' && p != '\t':
				lineStart = false
			}
		}
		switch {
		case c == '.':
			dots++
			if dots >= MaxKeyParts {
				return ln, fmt.Sprintf("键或表名的层级过多（超过 %d 段用点号连接的名字）；报告文件的键最多只有三四段，请检查该行", MaxKeyParts)
			}
			continue
		case c == ' ' || c == '\t' || c == '_' || c == '-' || c == '"' || c == '\'' ||
			c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
		default:
			dots = 0
		}
		switch c {
		case '\n':
			ln++
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			q := src[i : i+1]
			if strings.HasPrefix(src[i:], q+q+q) {
				end := closeMultiline(src, i+3, c)
				ln += strings.Count(src[i:end], "\n")
				i = end - 1
				continue
			}
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if c == '"' && src[i] == '\\' && i+1 < len(src) && src[i+1] != '\n' {
					i++
				}
			}
			if i < len(src) && src[i] == '\n' {
				ln++
			}
		case '=', ',', '[':
			items++
			if c == '[' && lineStart {
				items += 4 // a table header costs the decoder more than a value
			}
			if items > MaxItems {
				return ln, fmt.Sprintf("文件中的键、值和表过多（超过 %d 个）；年度报告只有几百个，请检查是否选错了文件", MaxItems)
			}
		}
		switch c {
		case '[', '{':
			depth++
			if depth > MaxNesting {
				return ln, fmt.Sprintf("括号嵌套过深（超过 %d 层方括号或花括号）；报告文件最多只需三层，请检查该行是否多写了 [ 或 {", MaxNesting)
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, ""
}

// closeMultiline returns the index just after the multi-line string opened before i with quote q
// (""" or ”'), or len(src) when it is not closed.
func closeMultiline(src string, i int, q byte) int {
	delim := strings.Repeat(string(q), 3)
	for ; i < len(src); i++ {
		if q == '"' && src[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(src[i:], delim) {
			j := i + 3
			for j < len(src) && src[j] == q && j < i+5 { // up to two quotes may end the content
				j++
			}
			return j
		}
	}
	return len(src)
}

// shorten cuts a key or value for a message to at most 40 characters, saying how long it was.
func shorten(s string) string {
	const keep = 40
	if utf8.RuneCountInString(s) <= keep {
		return s
	}
	r := []rune(s)
	return fmt.Sprintf("%s…（共 %d 字）", string(r[:keep]), len(r))
}

// invisibleFormat reports the characters cleanText removes besides control characters: every format
// character (Unicode category Cf: bidi controls U+202A–U+202E and U+2066–U+2069, marks U+200E/U+200F,
// soft hyphen, joiners, BOM …) and every noncharacter (U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF). None prints,
// and fonts have no glyph for them; one rule serves the PDF, DOCX and HTML alike.
func invisibleFormat(c rune) bool {
	return unicode.Is(unicode.Cf, c) || c >= 0xfdd0 && c <= 0xfdef || c&0xfffe == 0xfffe
}
