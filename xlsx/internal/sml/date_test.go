package sml

import "testing"

// TestSerialDate: the 1900 date system with Excel's phantom 29 February 1900, and the 1904 system.
func TestSerialDate(t *testing.T) {
	type ymd struct{ y, m, d int }
	for _, c := range []struct {
		serial float64
		d1904  bool
		want   ymd
		ok     bool
	}{
		{1, false, ymd{1900, 1, 1}, true}, {59, false, ymd{1900, 2, 28}, true}, {60, false, ymd{1900, 2, 29}, true},
		{61, false, ymd{1900, 3, 1}, true}, {45658, false, ymd{2025, 1, 1}, true}, {45677, false, ymd{2025, 1, 20}, true},
		{45677.5, false, ymd{2025, 1, 20}, true}, {45677.99999999, false, ymd{2025, 1, 21}, true},
		{2958465, false, ymd{9999, 12, 31}, true}, {0, true, ymd{1904, 1, 1}, true}, {44215, true, ymd{2025, 1, 20}, true},
		{-1, false, ymd{}, false}, {1e9, false, ymd{}, false},
	} {
		y, m, d, ok := SerialDate(c.serial, c.d1904)
		if ok != c.ok || ok && (ymd{y, m, d}) != c.want {
			t.Errorf("SerialDate(%v, %v) = %d-%d-%d %v, want %v %v", c.serial, c.d1904, y, m, d, ok, c.want, c.ok)
		}
	}
}

// TestISODates: the ISO 8601 text of a t="d" cell is its serial number.
func TestISODates(t *testing.T) {
	for _, c := range []struct {
		in    string
		d1904 bool
		want  string
	}{
		{"2025-01-20", false, "45677"}, {"2025-01-20T10:30:00", false, "45677.4375"}, {"2025-01-20T10:30:00Z", false, "45677.4375"},
		{"2025-01-20T10:30", false, "45677.4375"}, {"1900-01-01", false, "1"}, {"1900-03-01", false, "61"},
		{"2025-01-20", true, "44215"}, {"12:00:00", false, "0.5"}, {"garbage", false, ""},
	} {
		got, ok := isoToSerial(c.in, c.d1904)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("isoToSerial(%q, %v) = %q %v, want %q", c.in, c.d1904, got, ok, c.want)
		}
	}
}
