package docx

import (
	"reflect"
	"testing"
)

func TestTitleLines(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  []string
	}{
		{"青石镇人民政府2024年政府信息公开工作年度报告", []string{"青石镇人民政府2024年", "政府信息公开工作年度报告"}},
		{"江州市人民政府办公室2023年政府信息公开工作年度报告", []string{"江州市人民政府办公室2023年", "政府信息公开工作年度报告"}},
		{"某局2024年政府信息公开工作年度报告", []string{"某局2024年政府信息公开工作年度报告"}},                                       // fits on one line
		{"某某某某某某某某某某某某某某某某某某某某某某某某关于二〇二四年度工作的报告", []string{"某某某某某某某某某某某某某某某某某某某某某某某某关于二〇二四年度工作的报告"}},   // no usual ending
		{"某某某某某某某某某某某某某某某某某某某某某2024年政府信息公开工作年度报告", []string{"某某某某某某某某某某某某某某某某某某某某某2024年政府信息公开工作年度报告"}}, // head too long
	} {
		if got := titleLines(tc.title, 20.1); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("titleLines(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}
