package aggregate

import (
	"testing"

	"github.com/nianbao/nianbao/internal/lazyre"
)

// TestRegexps compiles every lazy regexp of the package (and of the packages it imports), so that a bad
// pattern fails here and not at a user's first use of it.
func TestRegexps(t *testing.T) {
	if err := lazyre.CompileAll(); err != nil {
		t.Fatal(err)
	}
}
