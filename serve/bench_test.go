package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
)

// BenchmarkCheckEndpoint measures the live-check round trip on the seed report as the page makes it: the
// form state as JSON over HTTP to /api/check (loader and every rule) and the answer decoded. The budget
// is 300 ms on 2 cores.
func BenchmarkCheckEndpoint(b *testing.B) {
	s, ts, _ := testServer(b, seedName)
	o := open(b, s, ts, seedName)
	o.Doc.Table3["new"] = []string{"5", "0", "0", "0", "0", "0"}
	o.Doc.Table3["carry"] = []string{"1", "0", "0", "0", "0", "0"}
	body, err := json.Marshal(docRequest{Name: seedName, Doc: o.Doc})
	if err != nil {
		b.Fatal(err)
	}
	client := ts.Client()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		req, _ := http.NewRequest("POST", ts.URL+"/api/check", bytes.NewReader(body))
		req.Header.Set("X-Nianbao-Token", s.Token())
		req.Header.Set("Origin", ts.URL)
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var res CheckResult
		if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
		if len(res.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkPreviewEndpoint measures the PDF preview of the seed report (/api/render?kind=pdf).
func BenchmarkPreviewEndpoint(b *testing.B) {
	s, ts, _ := testServer(b, seedName)
	o := open(b, s, ts, seedName)
	body, _ := json.Marshal(docRequest{Name: seedName, Doc: o.Doc})
	client := ts.Client()
	b.ResetTimer()
	for b.Loop() {
		req, _ := http.NewRequest("POST", ts.URL+"/api/render?kind=pdf", bytes.NewReader(body))
		req.Header.Set("X-Nianbao-Token", s.Token())
		req.Header.Set("Origin", ts.URL)
		resp, err := client.Do(req)
		if err != nil || resp.StatusCode != 200 {
			b.Fatal(err, resp.StatusCode)
		}
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		resp.Body.Close()
	}
}
