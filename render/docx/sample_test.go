package docx

import (
	"strconv"
	"time"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

// sampleReport builds a complete report by hand in the given format. Every data cell of tables 三 and
// 四 holds a distinct number (the tables need not add up for rendering), so tests can find each one in
// the output.
func sampleReport(f layouts.Format) *report.Report {
	year := 2020
	if f == layouts.F2021 {
		year = 2022
	}
	r := &report.Report{
		Agency: "伊川县城市管理局", Year: year, Format: f,
		Title:     "伊川县城市管理局" + strconv.Itoa(year) + "年政府信息公开工作年度报告",
		Preamble:  []string{"本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自" + strconv.Itoa(year) + "年1月1日起至" + strconv.Itoa(year) + "年12月31日止。"},
		Signature: "伊川县城市管理局",
		Date:      strconv.Itoa(year+1) + "年1月20日",
		Issued:    time.Date(year+1, 1, 20, 0, 0, 0, 0, time.UTC),
		Overview: report.Narrative{
			Paragraphs: []string{year4(year) + "年我局严格按照《中华人民共和国政府信息公开条例》规定，紧紧围绕县委、县政府中心工作部署，积极采取措施，加大推进力度，扎实开展全局政府信息公开工作并取得了明显的成效。"},
			Sections: []report.SubSection{
				{Title: "主动公开", Paragraphs: []string{"全年共主动公开政务信息152条，较上年增长33%。其中政府网站公开信息80条，政务新媒体公开信息41条，其他方式公开信息31条。"}},
				{Title: "依申请公开", RunIn: true, Paragraphs: []string{"严格遵循“先审查、后发布，谁公开、谁负责”的原则，进一步完善保密审查职责分工，规范审查程序，落实审查责任，确保信息公开及时、全面、准确、安全。", "与行政复议机关和法院建立良好的沟通协调机制。"}},
				{Title: "政府信息管理", Paragraphs: []string{"政府信息资源明确专人负责管理，规范性文件统一通过信息资源库进行规范保存和管理。加强对政府信息公开属性的审查，将“五公开”要求全面落实到公文办理流程中。"}},
			},
		},
		Problems: report.Narrative{Paragraphs: []string{"一是公开内容不够全面；二是解读形式较为单一。下一步，我局将进一步加强学习培训，提升工作人员业务能力。"}},
		Other:    report.Narrative{Paragraphs: []string{"无。"}},
		T2:       map[string]string{},
		T3:       map[string][7]int64{},
	}
	if f == layouts.F2019 {
		r.AmountNote = "（单位：万元，保留4位小数）"
	}
	// Table 二: the seed's numbers where the item exists, distinct values elsewhere.
	n := 11
	for _, it := range layouts.T2Items(f) {
		for _, fd := range it.Fields {
			key := "t2." + it.ID + "." + fd.ID
			switch fd.Kind {
			case layouts.Decimal:
				r.T2[key] = "232.4586"
			case layouts.SignedInt:
				r.T2[key] = "-" + strconv.Itoa(n)
			default:
				r.T2[key] = strconv.Itoa(n)
			}
			n++
		}
	}
	// Table 三: row i, column j holds 100 + 7i + j, all distinct three-digit numbers.
	for i, row := range layouts.T3Rows(f) {
		var v [7]int64
		for j := range v {
			v[j] = int64(100 + 7*i + j)
		}
		r.T3[row.ID] = v
	}
	for b := range r.T4 {
		for k := range r.T4[b] {
			r.T4[b][k] = int64(700 + 5*b + k)
		}
	}
	return r
}

func year4(y int) string { return strconv.Itoa(y) }
