package importer

import (
	"fmt"
	"strings"

	"github.com/nianbao/nianbao/report"
)

// Text imports the plain text copied from a report page: one paragraph or table row per line, table cells
// separated by tabs or runs of spaces (UTF-8, or GB18030/GBK).
func Text(data []byte, o Options) (*Result, error) {
	if len(data) > MaxInput {
		return nil, fmt.Errorf("%s：输入过大（%d 字节），导入最多读取 %d MiB", o.name(), len(data), MaxInput>>20)
	}
	src, err := report.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", o.name(), err)
	}
	return assemble(textBlocks(src), "", o, "纯文本")
}

// textBlocks makes one block per non-blank line.
func textBlocks(src string) []block {
	var out []block
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(strings.Trim(line, "\t")) == "" {
			continue
		}
		out = append(out, block{text: line})
		if len(out) > maxBlocks {
			break
		}
	}
	return out
}
