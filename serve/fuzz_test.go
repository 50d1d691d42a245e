package serve

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzFormState feeds arbitrary form states (JSON, as the page sends them) and arbitrary files through
// the form's code: nothing panics, and a state the loader accepts is saved as a file that loads back to
// the same report.
func FuzzFormState(f *testing.F) {
	files, _ := filepath.Glob("../examples/*.toml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		if d, err := DocFromTOML(data); err == nil {
			js, _ := json.Marshal(d)
			f.Add(js)
		}
	}
	f.Add([]byte(`{"report":{"agency":"甲","year":"2023"},"table3":{"new":["1","x"],"r7":[],"carry":["","","","","","","",""]},"table4":{"review":["9999999999"]}}`))
	f.Add([]byte(`{"report":{"agency":"\"\\\n","year":"2021","format":"2019"},"overview":{"sections":[{"title":"（一）","paragraphs":["{{收到申请}}","\u0000"]}]},"table2":{"x y":{"a.b":"1"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if d, err := DocFromTOML(data); err == nil {
			checkDoc("f.toml", d)
		}
		var d Doc
		if json.Unmarshal(data, &d) != nil {
			return
		}
		res, r, _ := checkDoc("f.toml", &d)
		if r == nil {
			if res.Loaded {
				t.Fatal("loaded without a report")
			}
			return
		}
		text, err := saveText(&d, r)
		if err != nil {
			t.Fatalf("%v for %s", err, data)
		}
		back, err := DocFromTOML(text)
		if err != nil {
			t.Fatalf("saved file does not open in the form: %v\n%s", err, text)
		}
		if _, r2, _ := checkDoc("f.toml", back); r2 == nil || !sameReport(r, r2) {
			t.Fatalf("saved file reopened gives another report:\n%s", text)
		}
	})
}
