package feedback

import (
	"testing"
	"time"
)

// parseLocal is a shortcut of time.ParseInLocation over dateLayouts: it
// must read what they read, the same way, and refuse what they refuse.
func TestParseLocalAgreesWithTheLayouts(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	for _, s := range []string{
		"2026-11-30 14:05", "2026/11/30 14:05", "2026-11-30 14:05:09", "2026/01/02 00:00:00", "2026-02-28", "2024/02/29",
		"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-11-30 24:00", "2026-11-30 23:60", "2026-11-30 12:00:60",
		"2026-11-30T14:05", "2026-11/30", "2026-1-30 14:05", "20a6-11-30", "2026-11-30 14:5x", "2026-11-30 14-05", " 2026-11-30",
	} {
		want, werr := time.Time{}, error(nil)
		ok := false
		for _, l := range dateLayouts {
			if want, werr = time.ParseInLocation(l, s, loc); werr == nil {
				ok = true
				break
			}
		}
		got, gotOK := parseLocal(s, loc)
		if gotOK && (!ok || !got.Equal(want) || got.Location() != want.Location()) {
			t.Errorf("parseLocal(%q) = %v, the layouts read %v (ok %v)", s, got, want, ok)
		}
		if !gotOK && ok {
			// Refusing is allowed only for what parseTime then reads by layout.
			if back, _ := parseTime(s, loc); !back.Equal(want) {
				t.Errorf("parseTime(%q) = %v, want %v", s, back, want)
			}
		}
	}
}
