package layouts

// SectionKind tells whether a section holds prose or a table.
type SectionKind int

const (
	// Narrative sections hold paragraphs and sub-sections.
	Narrative SectionKind = iota
	// TableSection sections hold one statistical table.
	TableSection
)

// Section is one of the six first-level sections of the report.
type Section struct {
	// Number is the Chinese ordinal: 一 … 六.
	Number string
	// Title is the heading text without its number, e.g. 总体情况.
	Title string
	// Key is the TOML table that holds a narrative section (overview, problems, other) or the table id.
	Key  string
	Kind SectionKind
}

// Heading returns the full level-1 heading, e.g. "一、总体情况".
func (s Section) Heading() string { return s.Number + "、" + s.Title }

// Sections returns the six sections of the format, in order. The headings are identical in 2019 and 2021.
func Sections(f Format) []Section {
	return []Section{
		{"一", "总体情况", "overview", Narrative},
		{"二", "主动公开政府信息情况", "t2", TableSection},
		{"三", "收到和处理政府信息公开申请情况", "t3", TableSection},
		{"四", "政府信息公开行政复议、行政诉讼情况", "t4", TableSection},
		{"五", "存在的主要问题及改进情况", "problems", Narrative},
		{"六", "其他需要报告的事项", "other", Narrative},
	}
}

// TableByID returns the table of the format with the given id ("t2", "t3", "t4"), or nil.
func TableByID(f Format, id string, o Options) *Table {
	switch id {
	case "t2":
		return Table2(f, o)
	case "t3":
		return Table3(f)
	case "t4":
		return Table4()
	}
	return nil
}
