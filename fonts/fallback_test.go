package fonts

import (
	"os"
	"path/filepath"
	"testing"
)

// The bundled body font is 朱雀仿宋; what it lacks (①, ℃, full-width digits) comes from the previous body font.
func TestBundledBodyFallsBackPerCharacter(t *testing.T) {
	s, err := Resolve(Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	body := s.Face(Body)
	if body.Family != "Report Fangsong SC Regular" || body.Source != Bundled {
		t.Fatalf("body = %s (%s), want bundled Report Fangsong SC Regular", body.Family, body.Source)
	}
	fb := s.Fallback(Body)
	if fb == nil || fb.Family != "Report Serif SC Light" {
		t.Fatalf("body fallback = %v, want Report Serif SC Light", fb)
	}
	for _, r := range "①℃※○Ⅻ０Ａ" {
		if body.Has(r) {
			t.Errorf("朱雀仿宋 unexpectedly has %c (update the fallback documentation)", r)
		}
		if got := s.FaceFor(Body, r); got != fb {
			t.Errorf("FaceFor(body, %c) = %v, want the fallback", r, got)
		}
	}
	for _, r := range "中国政府信息公开“”‘’——……、。" {
		if got := s.FaceFor(Body, r); got != body {
			t.Errorf("FaceFor(body, %c) = %v, want 朱雀仿宋", r, got)
		}
	}
	if s.FaceFor(Body, '\U00020BB7') != nil {
		t.Error("a rune above U+FFFF has a face")
	}
	for _, r := range Roles {
		if r != Body && s.Fallback(r) != nil {
			t.Errorf("role %s has a fallback", r)
		}
	}
}

// A body font the user chose gets no fallback: what it lacks is reported.
func TestUserBodyHasNoFallback(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/fangsong.ttf")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "fs.ttf")
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Resolve(Options{NoSystem: true, Files: map[Role]string{Body: p}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Fallback(Body) != nil {
		t.Fatal("user body font has a fallback")
	}
	if s.FaceFor(Body, '①') != nil {
		t.Fatal("① drawn although the user's font lacks it")
	}
}
