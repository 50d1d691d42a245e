package pdf

import (
	"testing"

	"github.com/nianbao/nianbao/fonts"
)

// TestSubsetFont checks that a subset keeps exactly the requested runes with their advances, for every
// bundled face.
func TestSubsetFont(t *testing.T) {
	set := testFonts(t)
	keep := []rune("政府信息公开年度报告（一）、。“”A1 —〓")
	for _, role := range fonts.Roles {
		data, err := set.Face(role).Data()
		if err != nil {
			t.Fatalf("%s: %v", role, err)
		}
		m, err := parseMetrics(data)
		if err != nil {
			t.Fatalf("%s: %v", role, err)
		}
		sub, err := subsetFont(data, m, keep)
		if err != nil {
			t.Fatalf("%s: subset: %v", role, err)
		}
		if len(sub) >= len(data)/10 {
			t.Errorf("%s: subset of %d runes is %d bytes, the face %d", role, len(keep), len(sub), len(data))
		}
		sm, err := parseMetrics(sub)
		if err != nil {
			t.Fatalf("%s: the subset does not parse: %v", role, err)
		}
		for _, r := range keep {
			if m.has(r) != sm.has(r) {
				t.Errorf("%s: %q in face %v, in subset %v", role, r, m.has(r), sm.has(r))
			}
			if m.has(r) && m.advance(r) != sm.advance(r) {
				t.Errorf("%s: advance of %q %.4f in face, %.4f in subset", role, r, m.advance(r), sm.advance(r))
			}
		}
		for _, r := range "镕国家秘密Z9" {
			if sm.has(r) {
				t.Errorf("%s: subset maps %q, which was not asked for", role, r)
			}
		}
	}
}
