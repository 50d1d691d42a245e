package sml

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// maxSerial is the serial number of 9999-12-31, the last day Excel shows.
const maxSerial = 2958465

var (
	epoch1900 = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
)

// SerialDate returns the calendar day of a date serial number: in the 1900 date system serial 1 is
// 1900-01-01 and, as in Excel (which kept Lotus 1-2-3's error), serial 60 is the 29 February 1900 that
// never was, so serials from 61 on are days since 1899-12-30; in the 1904 system serial 0 is 1904-01-01.
// The time of day is rounded to the second, so 45677.99999999 is the next day. ok is false for a
// negative serial or one after 9999-12-31; serial 60 gives 1900-02-29 as time.Date does (1 March).
func SerialDate(serial float64, date1904 bool) (year, month, day int, ok bool) {
	if !(serial >= 0 && serial <= maxSerial+1) {
		return 0, 0, 0, false
	}
	t := serialTime(serial, date1904)
	if !date1904 && serial < 61 {
		days := int(t.Sub(epoch1900) / (24 * time.Hour))
		switch {
		case days == 60:
			return 1900, 2, 29, true
		case days == 0:
			return 1900, 1, 0, true
		case days < 60:
			t = t.AddDate(0, 0, 1)
		}
	}
	if t.Year() > 9999 {
		return 0, 0, 0, false
	}
	return t.Year(), int(t.Month()), t.Day(), true
}

// serialTime is the time of a serial number counted from 1899-12-30 (or 1904-01-01), rounded as
// excelize rounds it: to the second (milliseconds above 500 up, else down), except for the first 61
// days, which its Julian-date arithmetic keeps to the microsecond.
func serialTime(serial float64, date1904 bool) time.Time {
	base, offset := epoch1900, 15018.0
	if date1904 {
		base, offset = epoch1904, 16480.0
	}
	if int(serial) <= 61 {
		whole, frac := math.Modf(serial + offset)
		jf := 0.5 + frac
		switch {
		case jf >= 0.5:
			whole++
			jf -= 0.5
		case jf > -0.5:
			jf += 0.5
		default:
			whole--
			jf += 1.5
		}
		ns := int64(86400e9*jf + 500)
		return base.AddDate(0, 0, int(whole)-int(offset)-1).Add(time.Duration(ns - ns%1000))
	}
	whole := math.Floor(serial)
	frac := serial - whole + 1e-9
	t := base.AddDate(0, 0, int(whole)).Add(time.Duration(86400e9 * frac))
	if t.Nanosecond()/1e6 > 500 {
		return t.Round(time.Second)
	}
	return t.Truncate(time.Second)
}

// isoToSerial reads the ISO 8601 date of a t="d" cell (2025-01-20, 2025-01-20T10:30:00, with fractions
// of a second and a Z) as a serial number in the workbook's date system.
func isoToSerial(v string, date1904 bool) (string, bool) {
	s := strings.TrimSuffix(strings.TrimSpace(v), "Z")
	var t time.Time
	var err error
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02", "15:04:05.999999999"} {
		if t, err = time.Parse(layout, s); err == nil {
			break
		}
	}
	if err != nil {
		return "", false
	}
	if t.Year() == 0 { // a time of day alone
		t = t.AddDate(1899, 11, 30)
	}
	base := epoch1900
	if date1904 {
		base = epoch1904
	}
	d := t.Sub(base)
	days := float64(d/(24*time.Hour)) + float64(d%(24*time.Hour))/float64(24*time.Hour)
	if !date1904 && t.Before(time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC)) {
		days-- // before the phantom 29 February 1900
	}
	if days < 0 {
		return "", false
	}
	return strconv.FormatFloat(days, 'G', 15, 64), true
}
