package importer

import (
	"os"
	"testing"
)

// BenchmarkImportSeed measures the import of the seed text; BenchmarkImportPage a TRS page (GBK).
func BenchmarkImportSeed(b *testing.B) {
	data, err := os.ReadFile("testdata/seed-yichuan-2020.txt")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Import(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportPage(b *testing.B) {
	data, err := os.ReadFile("testdata/cms-trs-gbk.html")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Import(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
