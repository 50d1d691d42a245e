package sml

import "testing"

func TestColNameRoundTrip(t *testing.T) {
	for col := 1; col <= MaxCol; col++ {
		name := ColName(col)
		n, err := ColNumber(name)
		if err != nil || n != col {
			t.Fatalf("ColNumber(ColName(%d) = %q) = %d, %v", col, name, n, err)
		}
	}
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD", 0: "", 16385: ""} {
		if got := ColName(col); got != want {
			t.Errorf("ColName(%d) = %q, want %q", col, got, want)
		}
	}
}

func TestParseCell(t *testing.T) {
	for _, tc := range []struct {
		in       string
		col, row int
	}{{"A1", 1, 1}, {"$C$12", 3, 12}, {"c12", 3, 12}, {"XFD1048576", 16384, 1048576}, {"AB$7", 28, 7}} {
		col, row, err := ParseCell(tc.in)
		if err != nil || col != tc.col || row != tc.row {
			t.Errorf("ParseCell(%q) = %d, %d, %v; want %d, %d", tc.in, col, row, err, tc.col, tc.row)
		}
	}
	for _, bad := range []string{"", "A", "1", "A0", "A01", "XFE1", "A1048577", "A1:B2", "$$A1", "A1x", "ÄA1", "AAAA1"} {
		if _, _, err := ParseCell(bad); err == nil {
			t.Errorf("ParseCell(%q) accepted", bad)
		}
	}
	if got := CellName(3, 12, true); got != "$C$12" {
		t.Errorf("CellName abs = %q", got)
	}
	if got := CellName(3, 0, false); got != "" {
		t.Errorf("CellName row 0 = %q", got)
	}
}
