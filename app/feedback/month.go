package feedback

import (
	"context"
	"sort"
	"time"

	"gorm.io/gorm"
)

// monthOf is the yyyymm of t in the tenant's zone. scoring.MonthOf is the
// shared one once the KPI area lands; this is the same one line.
func monthOf(t time.Time, loc *time.Location) int {
	l := t.In(loc)
	return l.Year()*100 + int(l.Month())
}

// zoneOf loads the tenant's time zone (UTC when it names none we know).
func zoneOf(ctx context.Context, db *gorm.DB, tenantID int64) (*time.Location, error) {
	var tz string
	if err := db.WithContext(ctx).Raw("SELECT time_zone FROM tenants WHERE id = ?", tenantID).Scan(&tz).Error; err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(tz)
	if err != nil || tz == "" {
		return time.UTC, nil
	}
	return loc, nil
}

// parsePeriod reads a month key "2026-11" as 202611.
func parsePeriod(s string) (int, bool) {
	t, err := time.Parse("2006-01", s)
	if err != nil || len(s) != 7 {
		return 0, false
	}
	return t.Year()*100 + int(t.Month()), true
}

func sortInts(a []int) { sort.Ints(a) }
