package aggregate

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// RuleKind says how a parent cell is made from the children's cells.
type RuleKind int

const (
	// Sum adds the children's values (the default for every cell).
	Sum RuleKind = iota
	// From takes the value of one designated unit (a fee total owned by the finance bureau).
	From
	// Clerk leaves the cell for the compiling office to fill in by hand (written as 0 with a 【待核】 note).
	Clerk
)

// Rule is the rule of one cell.
type Rule struct {
	Kind RuleKind
	// Unit is the agency whose value From takes.
	Unit string
	// Source is how the rule was written in the rules file ("" for the default).
	Source string
}

// Describe returns the rule in Chinese, as messages print it.
func (r Rule) Describe() string {
	switch r.Kind {
	case From:
		return "取自“" + r.Unit + "”（规则文件：from:" + r.Unit + "）"
	case Clerk:
		return "由编制单位填写（规则文件：clerk）"
	}
	if r.Source != "" {
		return "各单位之和（规则文件：sum）"
	}
	return "各单位之和（默认规则）"
}

// Rules are the contents of a rules file: the parent's identity and the per-cell rules that differ from
// the default (every cell sums).
type Rules struct {
	// Agency, Year and Format of the parent report (flags override them; year and format default to the
	// children's).
	Agency string
	Year   int
	Format layouts.Format
	// Signature is the parent's 署名 (default: Agency).
	Signature string
	// cells maps a data key ("t2.xzsyxsf.amount") or an item pattern ("t2.gz.*") to its rule.
	cells map[string]Rule
	// File is the rules file's path (for messages).
	File string
}

type rulesFile struct {
	Agency    string            `toml:"agency"`
	Year      int               `toml:"year"`
	Format    string            `toml:"format"`
	Signature string            `toml:"signature"`
	Cells     map[string]string `toml:"cells"`
}

// LoadRules reads a rules file (TOML). Unknown keys, unknown cells, rules on tables 三 and 四 (whose 勾稽
// identities need every cell summed) and malformed rules are errors naming the key and the fix.
func LoadRules(path string) (*Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("规则文件 %s 无法读取：%v", path, err)
	}
	return ParseRules(path, data)
}

// ParseRules is LoadRules on the file's contents.
func ParseRules(name string, data []byte) (*Rules, error) {
	text, err := report.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", name, err)
	}
	var f rulesFile
	md, err := toml.Decode(text, &f)
	if err != nil {
		return nil, fmt.Errorf("规则文件 %s 不是有效的 TOML：%v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("规则文件 %s：不认识的键 %s（可用：agency、year、format、signature 和 [cells] 表）", name, und[0])
	}
	r := &Rules{Agency: strings.TrimSpace(f.Agency), Year: f.Year, Format: layouts.Format(f.Format),
		Signature: strings.TrimSpace(f.Signature), cells: map[string]Rule{}, File: name}
	if f.Format != "" && !r.Format.Valid() {
		return nil, fmt.Errorf("规则文件 %s：format 只能是 \"2019\" 或 \"2021\"，不能是 %q", name, f.Format)
	}
	known := map[string]bool{}
	for _, fm := range []layouts.Format{layouts.F2019, layouts.F2021} {
		for _, c := range Cells(fm) {
			known[c.Key] = true
			known[c.Key[:strings.LastIndexByte(c.Key, '.')]+".*"] = true
		}
	}
	keys := make([]string, 0, len(f.Cells))
	for k := range f.Cells {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := strings.TrimSpace(f.Cells[k])
		if !strings.HasPrefix(k, "t2.") {
			if strings.HasPrefix(k, "t3.") || strings.HasPrefix(k, "t4.") {
				return nil, fmt.Errorf("规则文件 %s：[cells] %q：表三、表四的每一格只能相加（勾稽关系是线性的，各单位之和才能保持一致），请删去这一行", name, k)
			}
			return nil, fmt.Errorf("规则文件 %s：[cells] %q 不是表二的格（写法如 \"t2.xzsyxsf.amount\" 或 \"t2.gz.*\"）", name, k)
		}
		if !known[k] {
			var all []string
			for c := range known {
				all = append(all, c)
			}
			sort.Strings(all)
			msg := fmt.Sprintf("规则文件 %s：[cells] 没有 %q 这一格", name, k)
			if c := report.Closest(k, all); c != "" {
				msg += "，您是不是要写 " + c
			}
			return nil, fmt.Errorf("%s", msg+"（格的写法见 docs/format.md 的数据键，如 \"t2.xzsyxsf.amount\"）")
		}
		rule := Rule{Source: v}
		switch {
		case v == "sum":
			rule.Kind = Sum
		case v == "clerk":
			rule.Kind = Clerk
		case strings.HasPrefix(v, "from:") && strings.TrimSpace(v[len("from:"):]) != "":
			rule.Kind, rule.Unit = From, strings.TrimSpace(v[len("from:"):])
		default:
			return nil, fmt.Errorf("规则文件 %s：[cells] %q = %q：规则只能是 \"sum\"（各单位之和）、\"clerk\"（由编制单位填写）或 \"from:单位名称\"（取自某个单位）", name, k, v)
		}
		r.cells[k] = rule
	}
	return r, nil
}

// RuleFor returns the rule of a data key: an exact [cells] entry, else its item pattern ("t2.gz.*"), else Sum.
func (r *Rules) RuleFor(key string) Rule {
	if r == nil {
		return Rule{}
	}
	if rule, ok := r.cells[key]; ok {
		return rule
	}
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		if rule, ok := r.cells[key[:i]+".*"]; ok {
			return rule
		}
	}
	return Rule{}
}
