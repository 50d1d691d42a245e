package report

import (
	"testing"

	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
)

// TestRegexps compiles every lazy regexp of the package (and of the packages it imports), the phrase
// scanners of every format included, so that a bad pattern fails here and not at a user's first use of
// it.
func TestRegexps(t *testing.T) {
	for _, f := range []layouts.Format{layouts.F2019, layouts.F2021} {
		if vocabFor(f) == nil {
			t.Fatalf("no vocabulary for %s", f)
		}
	}
	if err := lazyre.CompileAll(); err != nil {
		t.Fatal(err)
	}
}
