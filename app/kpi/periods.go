package kpi

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// PeriodView is a period and whether HR has closed it.
type PeriodView struct {
	Key           string     `json:"key"`
	Kind          string     `json:"kind"`
	FirstMonth    int        `json:"first_month"`
	LastMonth     int        `json:"last_month"`
	State         string     `json:"state" enum:"open,closed"`
	Current       bool       `json:"current" doc:"the period today falls in"`
	ChangedByName string     `json:"changed_by_name,omitempty"`
	ChangedAt     *time.Time `json:"changed_at,omitempty"`
	Reason        string     `json:"reason,omitempty"`
}

// How many periods of each kind the list shows, newest last.
var periodsShown = map[string]int{scoring.Month: 12, scoring.Quarter: 8, scoring.Year: 3}

// ListPeriods lists the recent periods of a kind, ending with the current one.
func (s *Service) ListPeriods(ctx context.Context, p *access.Principal, kind string) ([]PeriodView, error) {
	if _, err := s.Guard.ScopesAny(ctx, p, PermManage, PermReview, PermSelf); err != nil {
		return nil, err
	}
	cur, err := s.current(ctx, p.TenantID, kind)
	if err != nil {
		return nil, err
	}
	ps := cur.Previous(periodsShown[kind])
	keys := make([]string, len(ps))
	for i, x := range ps {
		keys[i] = x.Key
	}
	var states []PeriodState
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("period_key IN ?", keys).Find(&states).Error; err != nil {
		return nil, err
	}
	byKey := map[string]PeriodState{}
	for _, st := range states {
		byKey[st.PeriodKey] = st
	}
	out := make([]PeriodView, 0, len(ps))
	for _, x := range ps {
		v := PeriodView{Key: x.Key, Kind: x.Kind, FirstMonth: x.FirstMonth, LastMonth: x.LastMonth, State: Open, Current: x.Key == cur.Key}
		if st, ok := byKey[x.Key]; ok {
			at := st.ChangedAt
			v.State, v.ChangedByName, v.ChangedAt, v.Reason = st.State, st.ChangedByName, &at, st.Reason
		}
		out = append(out, v)
	}
	return out, nil
}

// current is the period of kind that today falls in, in the tenant's zone.
func (s *Service) current(ctx context.Context, tenantID int64, kind string) (scoring.Period, error) {
	loc, err := s.location(ctx, tenantID)
	if err != nil {
		return scoring.Period{}, err
	}
	return scoring.PeriodOf(kind, scoring.MonthOf(s.Now(), loc)), nil
}

// periodOr reads a period key of a request (naming where it came from), or
// without one the month today falls in.
func (s *Service) periodOr(ctx context.Context, tenantID int64, key, location string) (scoring.Period, error) {
	if key == "" {
		return s.current(ctx, tenantID, scoring.Month)
	}
	return period(key, location)
}

// period reads a period key of a request, naming where it came from.
func period(key, location string) (scoring.Period, error) {
	p, err := scoring.ParsePeriod(key)
	if err != nil {
		return p, apperr.Invalid(apperr.Field{Location: location, Message: `a period such as 2026-11, 2026-Q4 or 2026`, Value: key})
	}
	return p, nil
}

// Close computes a period one last time and freezes it: nothing recomputes
// a closed period. Only a period that has ended may close.
func (s *Service) Close(ctx context.Context, p *access.Principal, key string) (*PeriodView, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	per, err := period(key, "path.key")
	if err != nil {
		return nil, err
	}
	cur, err := s.current(ctx, p.TenantID, scoring.Month)
	if err != nil {
		return nil, err
	}
	if per.LastMonth >= cur.FirstMonth {
		return nil, apperr.Invalid(apperr.Field{Location: "path.key", Message: "a period can be closed once it has ended", Value: key})
	}
	var view PeriodView
	// The last computation reads the data inside the closing transaction:
	// on SQLite it holds the one writer, so no ingest can slip between what
	// was read and the freeze (on PostgreSQL one committing meanwhile is
	// not seen, and its queued recompute finds the period closed).
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		closed, err := s.isClosed(tx, p.TenantID, per.Key)
		if err != nil {
			return err
		}
		if closed {
			return apperr.Conflict("the period {period} is already closed", apperr.Field{Location: "path.key", Message: "the period {period} is already closed", Args: apperr.Args{"period": per.Key}})
		}
		started := s.Now().UTC()
		in, err := s.gather(ctx, p.TenantID, per)
		if err != nil {
			return err
		}
		out, err := compute(in, started)
		if err != nil {
			return err
		}
		if err := s.replace(tx, p.TenantID, per, out, started, true); err != nil {
			return err
		}
		st, err := s.setState(tx, p, per, Closed, "")
		if err != nil {
			return err
		}
		view = st
		return audit.Record(ctx, tx, audit.By(p), s.Now(), "kpi.period.close", "kpi_period", per.Key,
			map[string]any{"state": Open}, map[string]any{"state": Closed, "people": len(out.People)})
	})
	if err != nil {
		return nil, err
	}
	return &view, nil
}

// Reopen opens a closed period again, with HR's reason, and queues its
// recompute: from now on it follows the data again.
func (s *Service) Reopen(ctx context.Context, p *access.Principal, key, reason string) (*PeriodView, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	per, err := period(key, "path.key")
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, apperr.Invalid(apperr.Field{Location: "body.reason", Message: "give the reason"})
	}
	var view PeriodView
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		closed, err := s.isClosed(tx, p.TenantID, per.Key)
		if err != nil {
			return err
		}
		if !closed {
			return apperr.Conflict("the period {period} is not closed", apperr.Field{Location: "path.key", Message: "the period {period} is not closed", Args: apperr.Args{"period": per.Key}})
		}
		if view, err = s.setState(tx, p, per, Open, reason); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.By(p), s.Now(), "kpi.period.reopen", "kpi_period", per.Key,
			map[string]any{"state": Closed}, map[string]any{"state": Open, "reason": reason}); err != nil {
			return err
		}
		_, err = s.queue(tx, p.TenantID, p, per)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &view, nil
}

// RequestRecompute queues a period's recompute for HR; a closed period is
// frozen and refuses.
func (s *Service) RequestRecompute(ctx context.Context, p *access.Principal, key string) (int64, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return 0, err
	}
	per, err := period(key, "body.period")
	if err != nil {
		return 0, err
	}
	if s.Jobs == nil {
		return 0, errors.New("kpi: no job engine")
	}
	var id int64
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		closed, err := s.isClosed(tx, p.TenantID, per.Key)
		if err != nil {
			return err
		}
		if closed {
			return apperr.Conflict("the period {period} is closed", apperr.Field{Location: "body.period", Message: "the period {period} is closed", Args: apperr.Args{"period": per.Key}})
		}
		id, err = s.queue(tx, p.TenantID, p, per)
		return err
	})
	return id, err
}

func (s *Service) setState(tx *gorm.DB, p *access.Principal, per scoring.Period, state, reason string) (PeriodView, error) {
	uid := p.UserID
	now := s.Now().UTC()
	row := PeriodState{TenantID: p.TenantID, PeriodKey: per.Key, Kind: per.Kind, FirstMonth: per.FirstMonth, LastMonth: per.LastMonth,
		State: state, ChangedBy: &uid, ChangedByName: p.DisplayName, Reason: reason, ChangedAt: now}
	err := tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "tenant_id"}, {Name: "period_key"}},
		DoUpdates: clause.AssignmentColumns([]string{"state", "changed_by", "changed_by_name", "reason", "changed_at"}),
	}).Create(&row).Error
	return PeriodView{Key: per.Key, Kind: per.Kind, FirstMonth: per.FirstMonth, LastMonth: per.LastMonth, State: state,
		ChangedByName: p.DisplayName, ChangedAt: &now, Reason: reason}, err
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
