// Package batchgen writes distinct, consistent report files for batch benchmarks and tests: variants of
// the repository's examples with another agency name and an added paragraph of varied characters, the same
// files on every run (no randomness but a seeded generator).
package batchgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// counties and offices make 24 × 42 = 1 008 distinct agency names.
var (
	counties = []string{"伊川县", "嵩县", "汝阳县", "宜阳县", "洛宁县", "栾川县", "新安县", "孟津区", "偃师区", "涧西区",
		"西工区", "老城区", "瀍河区", "洛龙区", "吉利区", "登封市", "巩义市", "荥阳市", "新密市", "新郑市", "中牟县",
		"兰考县", "杞县", "通许县"}
	offices = []string{"城市管理局", "教育局", "财政局", "民政局", "司法局", "公安局", "交通运输局", "水利局", "农业农村局",
		"商务局", "文化广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局",
		"统计局", "医疗保障局", "林业局", "住房和城乡建设局", "自然资源局", "生态环境分局", "人力资源和社会保障局",
		"发展和改革委员会", "工业和信息化局", "科学技术局", "信访局", "机关事务管理局", "行政审批服务局", "粮食和物资储备局",
		"人民防空办公室", "地方金融监督管理局", "乡村振兴局", "体育局", "档案馆", "地震局", "气象局", "供销合作社",
		"城乡规划局", "住房保障中心", "政务服务和大数据管理局", "外事办公室"}
)

// Agency returns the i-th generated agency name (distinct for i < 1 008).
func Agency(i int) string {
	return counties[i%len(counties)] + offices[(i/len(counties))%len(offices)]
}

// hanzi returns the 3 755 level-1 characters of GB 2312 (the most common hanzi, all in the bundled fonts).
func hanzi() []rune {
	var out []rune
	dec := simplifiedchinese.GBK.NewDecoder()
	for hi := 0xB0; hi <= 0xD7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			if hi == 0xD7 && lo > 0xF9 {
				break
			}
			s, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err == nil {
				out = append(out, []rune(string(s))...)
			}
		}
	}
	return out
}

// Text returns n characters of sentence-like prose (clauses of 6–20 hanzi separated by ， and ending in 。)
// drawn from the level-1 hanzi of GB 2312 with a generator seeded by seed: the same text for the same
// arguments, and a glyph set that grows with n. It holds no digit, so no prose↔table check applies.
func Text(seed uint64, n int) string { return TextFrom(seed, n, nil) }

// TextFrom is Text with the characters drawn from pool instead (nil: the level-1 hanzi), so that the glyph set
// stays that of pool however long the text.
func TextFrom(seed uint64, n int, pool []rune) string {
	if len(pool) == 0 {
		pool = hanzi()
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e69616e62616f))
	var b strings.Builder
	written, clause := 0, 0
	for written < n {
		b.WriteRune(pool[rng.IntN(len(pool))])
		written++
		clause++
		if clause >= 6 && (clause >= 20 || rng.IntN(8) == 0) && written < n-1 {
			if rng.IntN(3) == 0 {
				b.WriteRune('。')
			} else {
				b.WriteRune('，')
			}
			written++
			clause = 0
		}
	}
	b.WriteRune('。')
	return b.String()
}

// Variant returns example (the text of a report file) with its agency name replaced by name and extra
// characters of generated prose (Text, in paragraphs of at most 600 characters) added at the head of the
// first list of paragraphs.
func Variant(example, name string, seed uint64, extra int) (string, error) {
	return VariantFrom(example, name, seed, extra, nil)
}

// VariantFrom is Variant with the generated prose drawn from pool (TextFrom).
func VariantFrom(example, name string, seed uint64, extra int, pool []rune) (string, error) {
	agency := ""
	for _, line := range strings.Split(example, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == "agency" {
			v = strings.TrimSpace(v)
			if i := strings.Index(v[1:], `"`); strings.HasPrefix(v, `"`) && i >= 0 {
				agency = v[1 : i+1]
			}
			break
		}
	}
	if agency == "" {
		return "", fmt.Errorf("no agency line")
	}
	out := strings.ReplaceAll(example, agency, name)
	if extra > 0 {
		at := strings.Index(out, "paragraphs = [")
		if at < 0 {
			return "", fmt.Errorf("no paragraphs")
		}
		at += len("paragraphs = [")
		var paras strings.Builder
		for i := 0; extra > 0; i++ { // paragraphs of at most 600 characters
			n := min(extra, 600)
			paras.WriteString("\n  \"" + TextFrom(seed+uint64(i)<<32, n, pool) + "\",")
			extra -= n
		}
		out = out[:at] + paras.String() + out[at:]
	}
	return out, nil
}

// Write writes n distinct report files into dir (batch-0000.toml …), cycling through the example files,
// each with its own agency name (Agency) and perReport characters of generated prose; it returns their paths.
func Write(dir string, examples []string, n, perReport int) ([]string, error) {
	var texts []string
	for _, e := range examples {
		b, err := os.ReadFile(e)
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(b))
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("no example files")
	}
	var paths []string
	for i := range n {
		s, err := Variant(texts[i%len(texts)], Agency(i), uint64(i), perReport)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", examples[i%len(examples)], err)
		}
		p := filepath.Join(dir, fmt.Sprintf("batch-%04d.toml", i))
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}
