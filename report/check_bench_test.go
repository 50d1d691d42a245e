package report

import "testing"

// BenchmarkCheck runs every rule on the largest example (2021 format, long prose, non-zero tables).
func BenchmarkCheck(b *testing.B) {
	r, err := Load("../examples/city-2021.toml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Check(r)
	}
}

// BenchmarkCheckPair runs the cross-year rules, similarity included, on a report against itself.
func BenchmarkCheckPair(b *testing.B) {
	r, err := Load("../examples/city-2021.toml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		CheckPair(r, r)
	}
}
