package html

import "testing"

// BenchmarkRenderHTML renders every example as a complete page; the metric KB/page is the mean size.
func BenchmarkRenderHTML(b *testing.B) {
	reports := exampleReports(b)
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		size = 0
		for _, r := range reports {
			w := &countWriter{}
			if err := Render(r, w, Options{}); err != nil {
				b.Fatal(err)
			}
			size += w.n
		}
	}
	b.ReportMetric(float64(size)/float64(len(reports))/1024, "KB/page")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(reports)), "µs/report")
}

// countWriter counts the bytes written to it.
type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }
