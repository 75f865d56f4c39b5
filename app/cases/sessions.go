package cases

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
)

// SessionIn plans a case-study session.
type SessionIn struct {
	Title       string    `json:"title"`
	BranchID    int64     `json:"branch_id"`
	ScheduledAt time.Time `json:"scheduled_at"`
	CaseIDs     []int64   `json:"case_ids"`
	AttendeeIDs []int64   `json:"attendee_ids"`
}

// AttendeeView is an invited person and whether they came.
type AttendeeView struct {
	Ref
	Attended bool `json:"attended"`
}

// SessionView is a session as the planner shows it.
type SessionView struct {
	ID          int64          `json:"id"`
	Title       string         `json:"title"`
	Branch      Ref            `json:"branch"`
	ScheduledAt time.Time      `json:"scheduled_at"`
	State       string         `json:"state" enum:"scheduled,recorded"`
	Notes       string         `json:"notes"`
	RecordedAt  *time.Time     `json:"recorded_at"`
	Cases       []Ref          `json:"cases"`
	Attendees   []AttendeeView `json:"attendees"`
}

type branchRow struct {
	ID   int64
	Name string
	Path string
}

func (s *Service) branch(ctx context.Context, db *gorm.DB, tenantID, id int64) (*branchRow, error) {
	var bs []branchRow
	if err := db.WithContext(ctx).Table("branches").Scopes(store.Tenant(tenantID)).Select("id, name, path").Where("id = ?", id).Limit(1).Scan(&bs).Error; err != nil {
		return nil, err
	}
	if len(bs) == 0 {
		return nil, nil
	}
	return &bs[0], nil
}

// CreateSession schedules a session for a branch subtree the caller
// reviews, with published cases and people of that subtree.
func (s *Service) CreateSession(ctx context.Context, p *access.Principal, in SessionIn) (*SessionView, error) {
	if err := s.Guard.Can(ctx, p, PermReview); err != nil {
		return nil, err
	}
	b, err := s.branch(ctx, s.DB.R, p.TenantID, in.BranchID)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return nil, apperr.Invalid(apperr.Field{Location: "body.branch_id", Message: "no such branch", Value: in.BranchID})
	}
	if err := s.Guard.Require(ctx, p, b.Path, PermReview, "branch"); err != nil {
		return nil, err
	}
	var fs []apperr.Field
	in.Title = strings.TrimSpace(in.Title)
	if n := utf8.RuneCountInString(in.Title); n == 0 || n > 200 {
		fs = append(fs, apperr.Field{Location: "body.title", Message: "1–200 characters"})
	}
	if in.ScheduledAt.IsZero() {
		fs = append(fs, apperr.Field{Location: "body.scheduled_at", Message: "required"})
	}
	if len(in.CaseIDs) == 0 || len(in.CaseIDs) > 20 {
		fs = append(fs, apperr.Field{Location: "body.case_ids", Message: "1–20 cases"})
	}
	if len(in.AttendeeIDs) == 0 || len(in.AttendeeIDs) > 500 {
		fs = append(fs, apperr.Field{Location: "body.attendee_ids", Message: "1–500 people"})
	}
	db := s.DB.R.WithContext(ctx)
	var okCases []int64
	if err := db.Model(&Case{}).Scopes(store.Tenant(p.TenantID)).Where("id IN ? AND status = ?", in.CaseIDs, Published).Pluck("id", &okCases).Error; err != nil {
		return nil, err
	}
	for i, id := range in.CaseIDs {
		if !contains(okCases, id) {
			fs = append(fs, apperr.Field{Location: fmt.Sprintf("body.case_ids[%d]", i), Message: "not a published case", Value: id})
		}
	}
	lo, hi := authz.PathRange(b.Path)
	var okUsers []int64
	if err := db.Table("users").Scopes(store.Tenant(p.TenantID)).Joins("JOIN branches ub ON ub.tenant_id = users.tenant_id AND ub.id = users.branch_id").
		Where("users.id IN ? AND ub.path >= ? AND ub.path < ?", in.AttendeeIDs, lo, hi).Pluck("users.id", &okUsers).Error; err != nil {
		return nil, err
	}
	for i, id := range in.AttendeeIDs {
		if !contains(okUsers, id) {
			fs = append(fs, apperr.Field{Location: fmt.Sprintf("body.attendee_ids[%d]", i), Message: "not a person of the session's branch subtree", Value: id})
		}
	}
	if len(fs) > 0 {
		return nil, apperr.Invalid(fs...)
	}
	now := s.Now().UTC()
	ss := Session{TenantID: p.TenantID, Title: in.Title, BranchID: b.ID, ScheduledAt: in.ScheduledAt.UTC(), State: SessionScheduled, CreatedBy: p.UserID, CreatedAt: now}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&ss).Error; err != nil {
			return err
		}
		for _, id := range dedupe(in.CaseIDs) {
			if err := tx.Create(&SessionCase{TenantID: p.TenantID, SessionID: ss.ID, CaseID: id}).Error; err != nil {
				return err
			}
		}
		for _, id := range dedupe(in.AttendeeIDs) {
			if err := tx.Create(&Attendee{TenantID: p.TenantID, SessionID: ss.ID, UserID: id}).Error; err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.By(p), now, "cases.session.create", "case_session", fmt.Sprint(ss.ID), nil,
			map[string]any{"title": ss.Title, "branch_id": ss.BranchID, "scheduled_at": ss.ScheduledAt, "cases": in.CaseIDs, "attendees": len(in.AttendeeIDs)})
	})
	if err != nil {
		return nil, err
	}
	return s.sessionView(ctx, p.TenantID, &ss, b)
}

// session loads a session the caller may see: one of a subtree they
// review, or one they were invited to. Others answer 404 when the caller
// reviews somewhere, 403 when nowhere.
func (s *Service) session(ctx context.Context, db *gorm.DB, p *access.Principal, id int64, write bool) (*Session, *branchRow, error) {
	if err := s.Guard.Can(ctx, p, PermRead); err != nil {
		return nil, nil, err
	}
	var ss []Session
	if err := db.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Limit(1).Find(&ss).Error; err != nil {
		return nil, nil, err
	}
	review, err := s.Guard.Authz.Scopes(ctx, p.Actor(), PermReview.Obj, PermReview.Act)
	if err != nil {
		return nil, nil, err
	}
	if len(ss) == 0 {
		if len(review) == 0 {
			return nil, nil, apperr.Forbidden()
		}
		return nil, nil, apperr.NotFound("session")
	}
	b, err := s.branch(ctx, db, p.TenantID, ss[0].BranchID)
	if err != nil {
		return nil, nil, err
	}
	if within(b.Path, review) {
		return &ss[0], b, nil
	}
	if !write {
		var n int64
		if err := db.WithContext(ctx).Model(&Attendee{}).Scopes(store.Tenant(p.TenantID)).Where("session_id = ? AND user_id = ?", id, p.UserID).Count(&n).Error; err != nil {
			return nil, nil, err
		}
		if n > 0 {
			return &ss[0], b, nil
		}
	}
	if len(review) == 0 {
		return nil, nil, apperr.Forbidden()
	}
	return nil, nil, apperr.NotFound("session")
}

// GetSession reads one session.
func (s *Service) GetSession(ctx context.Context, p *access.Principal, id int64) (*SessionView, error) {
	ss, b, err := s.session(ctx, s.DB.R, p, id, false)
	if err != nil {
		return nil, err
	}
	return s.sessionView(ctx, p.TenantID, ss, b)
}

// RecordSession notes who came and what was discussed, once the session
// has taken place; recording again corrects it.
func (s *Service) RecordSession(ctx context.Context, p *access.Principal, id int64, attended []int64, notes string) (*SessionView, error) {
	notes = strings.TrimSpace(notes)
	if utf8.RuneCountInString(notes) > MaxMarkdown {
		return nil, apperr.Invalid(apperr.Field{Location: "body.notes", Message: "at most {max} characters", Args: apperr.Args{"max": MaxMarkdown}})
	}
	now := s.Now().UTC()
	var ss *Session
	var b *branchRow
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var err error
		if ss, b, err = s.session(ctx, tx, p, id, true); err != nil {
			return err
		}
		if ss.ScheduledAt.After(now) {
			return apperr.Conflict("the session has not taken place yet")
		}
		var invited []int64
		if err := tx.Model(&Attendee{}).Scopes(store.Tenant(p.TenantID)).Where("session_id = ?", id).Pluck("user_id", &invited).Error; err != nil {
			return err
		}
		var fs []apperr.Field
		for i, u := range attended {
			if !contains(invited, u) {
				fs = append(fs, apperr.Field{Location: fmt.Sprintf("body.attended_ids[%d]", i), Message: "not invited to the session", Value: u})
			}
		}
		if len(fs) > 0 {
			return apperr.Invalid(fs...)
		}
		if err := tx.Model(&Attendee{}).Scopes(store.Tenant(p.TenantID)).Where("session_id = ?", id).Update("attended", false).Error; err != nil {
			return err
		}
		if len(attended) > 0 {
			if err := tx.Model(&Attendee{}).Scopes(store.Tenant(p.TenantID)).Where("session_id = ? AND user_id IN ?", id, attended).Update("attended", true).Error; err != nil {
				return err
			}
		}
		before := map[string]any{"state": ss.State}
		ss.State, ss.Notes, ss.RecordedAt = SessionRecorded, notes, &now
		if err := tx.Model(&Session{}).Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).
			Updates(map[string]any{"state": ss.State, "notes": notes, "recorded_at": now}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "cases.session.record", "case_session", fmt.Sprint(id), before,
			map[string]any{"state": ss.State, "attended": dedupe(attended)})
	})
	if err != nil {
		return nil, err
	}
	return s.sessionView(ctx, p.TenantID, ss, b)
}

// Sessions lists the sessions of the subtrees the caller reviews and those
// they were invited to, the latest first.
func (s *Service) Sessions(ctx context.Context, p *access.Principal, page, size int) ([]SessionView, int64, error) {
	if err := s.Guard.Can(ctx, p, PermRead); err != nil {
		return nil, 0, err
	}
	review, err := s.Guard.Authz.Scopes(ctx, p.Actor(), PermReview.Obj, PermReview.Act)
	if err != nil {
		return nil, 0, err
	}
	db := s.DB.R.WithContext(ctx)
	q := db.Model(&Session{}).Scopes(store.Tenant(p.TenantID)).Joins("JOIN branches sb ON sb.tenant_id = case_sessions.tenant_id AND sb.id = case_sessions.branch_id")
	mine := "case_sessions.id IN (SELECT a.session_id FROM case_session_attendees a WHERE a.tenant_id = case_sessions.tenant_id AND a.user_id = ?)"
	if len(review) > 0 {
		sub := authz.InSubtrees(db.Session(&gorm.Session{NewDB: true}), "sb.path", review)
		q = q.Where(db.Session(&gorm.Session{NewDB: true}).Where(mine, p.UserID).Or(sub))
	} else {
		q = q.Where(mine, p.UserID)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var ss []Session
	if err := q.Select("case_sessions.*").Order("case_sessions.scheduled_at DESC, case_sessions.id DESC").Offset((page - 1) * size).Limit(size).Find(&ss).Error; err != nil {
		return nil, 0, err
	}
	out := make([]SessionView, 0, len(ss))
	for i := range ss {
		b, err := s.branch(ctx, s.DB.R, p.TenantID, ss[i].BranchID)
		if err != nil {
			return nil, 0, err
		}
		v, err := s.sessionView(ctx, p.TenantID, &ss[i], b)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, *v)
	}
	return out, total, nil
}

func (s *Service) sessionView(ctx context.Context, tenantID int64, ss *Session, b *branchRow) (*SessionView, error) {
	db := s.DB.R.WithContext(ctx)
	v := &SessionView{ID: ss.ID, Title: ss.Title, Branch: Ref{b.ID, b.Name}, ScheduledAt: ss.ScheduledAt, State: ss.State, Notes: ss.Notes,
		RecordedAt: ss.RecordedAt, Cases: []Ref{}, Attendees: []AttendeeView{}}
	if err := db.Model(&SessionCase{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN cases c ON c.tenant_id = case_session_cases.tenant_id AND c.id = case_session_cases.case_id").
		Where("case_session_cases.session_id = ?", ss.ID).Select("c.id AS id, c.title AS name").Order("c.id").Scan(&v.Cases).Error; err != nil {
		return nil, err
	}
	if err := db.Model(&Attendee{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN users u ON u.tenant_id = case_session_attendees.tenant_id AND u.id = case_session_attendees.user_id").
		Where("case_session_attendees.session_id = ?", ss.ID).Select("u.id AS id, u.display_name AS name, case_session_attendees.attended AS attended").Order("u.id").Scan(&v.Attendees).Error; err != nil {
		return nil, err
	}
	return v, nil
}

func contains(xs []int64, x int64) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func dedupe(xs []int64) []int64 {
	out := []int64{}
	for _, x := range xs {
		if !contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
