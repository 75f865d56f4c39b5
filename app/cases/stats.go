package cases

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/store"
)

// Stats is what other areas read of the case library: awards and careers
// count published cases, KPI counts case-study attendance as training.
type Stats struct{ DB *store.DB }

// PublishedCounts counts the cases each author has published (still
// published or archived since), with published_at in [from, to) when
// given; authorIDs nil means everyone.
func (s Stats) PublishedCounts(ctx context.Context, tenantID int64, authorIDs []int64, from, to *time.Time) (map[int64]int, error) {
	q := s.DB.R.WithContext(ctx).Model(&Case{}).Scopes(store.Tenant(tenantID)).
		Where("status IN ? AND published_at IS NOT NULL", []string{Published, Archived})
	if authorIDs != nil {
		if len(authorIDs) == 0 {
			return map[int64]int{}, nil
		}
		q = q.Where("author_id IN ?", authorIDs)
	}
	if from != nil {
		q = q.Where("published_at >= ?", from.UTC())
	}
	if to != nil {
		q = q.Where("published_at < ?", to.UTC())
	}
	var rows []struct {
		AuthorID int64
		N        int
	}
	if err := q.Select("author_id, COUNT(*) AS n").Group("author_id").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.AuthorID] = r.N
	}
	return out, nil
}

// Attendance counts the recorded sessions each person attended, of those
// scheduled in [from, to).
func (s Stats) Attendance(ctx context.Context, tenantID int64, from, to time.Time) (map[int64]int, error) {
	var rows []struct {
		UserID int64
		N      int
	}
	if err := s.DB.R.WithContext(ctx).Model(&Attendee{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN case_sessions ss ON ss.tenant_id = case_session_attendees.tenant_id AND ss.id = case_session_attendees.session_id").
		Where("case_session_attendees.attended = ? AND ss.state = ? AND ss.scheduled_at >= ? AND ss.scheduled_at < ?", true, SessionRecorded, from.UTC(), to.UTC()).
		Select("case_session_attendees.user_id AS user_id, COUNT(*) AS n").Group("case_session_attendees.user_id").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.UserID] = r.N
	}
	return out, nil
}
