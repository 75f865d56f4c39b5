package awards

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// AwardRoundView is a round with its candidates in quota-group and rank order.
type AwardRoundView struct {
	ID         int64                `json:"id"`
	TypeID     int64                `json:"type_id"`
	TypeCode   string               `json:"type_code"`
	TypeNameZh string               `json:"type_name_zh"`
	TypeNameEn string               `json:"type_name_en"`
	PeriodKey  string               `json:"period_key"`
	State      string               `json:"state" enum:"open,granted"`
	Quota      scoring.AwardQuota   `json:"quota"`
	CreatedAt  time.Time            `json:"created_at"`
	GrantedAt  *time.Time           `json:"granted_at"`
	Candidates []AwardCandidateView `json:"candidates"`
}

// AwardCandidateView is one candidate of a round. TiedAtEdge: someone outside
// the quota stood exactly level (composite and ratings), and the lower
// employee id took the seat.
type AwardCandidateView struct {
	Employee       AwardPersonRef `json:"employee"`
	Branch         AwardBranchRef `json:"branch"`
	Rank           int            `json:"rank"`
	TiedAtEdge     bool           `json:"tied_at_edge"`
	CompositeMilli *int           `json:"composite_milli"`
	Ratings        int            `json:"ratings"`
	Facts          map[string]any `json:"facts"`
	Status         string         `json:"status" enum:"proposed,approved,dropped"`
}

// Rounds lists the rounds of a period (every period when key is "").
func (s *Service) Rounds(ctx context.Context, p *access.Principal, periodKey string) ([]AwardRoundView, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	q := s.DB.R.WithContext(ctx).Model(&Round{}).Scopes(store.Tenant(p.TenantID))
	if periodKey != "" {
		if _, err := scoring.ParsePeriod(periodKey); err != nil {
			return nil, apperr.Invalid(apperr.Field{Location: "query.period_key", Message: "a period such as 2026-11, 2026-Q4 or 2026", Value: periodKey})
		}
		q = q.Where("period_key = ?", periodKey)
	}
	var ids []int64
	if err := q.Order("period_key DESC, id").Limit(200).Pluck("id", &ids).Error; err != nil {
		return nil, err
	}
	out := make([]AwardRoundView, 0, len(ids))
	for _, id := range ids {
		r, err := s.round(ctx, p.TenantID, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, nil
}

// round loads a round of the tenant with its candidates, or a 404.
func (s *Service) round(ctx context.Context, tenantID, id int64) (*AwardRoundView, error) {
	db := s.DB.R.WithContext(ctx)
	var r Round
	if err := db.Scopes(store.Tenant(tenantID)).Where("id = ?", id).Take(&r).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, apperr.NotFound("award round")
		}
		return nil, err
	}
	t, err := s.loadType(db, tenantID, r.TypeID)
	if err != nil {
		return nil, err
	}
	var cs []Candidate
	if err := db.Scopes(store.Tenant(tenantID)).Where("round_id = ?", id).Order("branch_path, rank, employee_id").Find(&cs).Error; err != nil {
		return nil, err
	}
	var uids, bids []int64
	for _, c := range cs {
		uids, bids = append(uids, c.EmployeeID), append(bids, c.BranchID)
	}
	n, err := s.names(ctx, tenantID, uids, bids)
	if err != nil {
		return nil, err
	}
	v := &AwardRoundView{ID: r.ID, TypeID: t.ID, TypeCode: t.Code, TypeNameZh: t.NameZh, TypeNameEn: t.NameEn, PeriodKey: r.PeriodKey, State: r.State,
		Quota: scoring.AwardQuota{Per: t.QuotaPer, Count: t.QuotaCount}, CreatedAt: r.CreatedAt, GrantedAt: r.GrantedAt, Candidates: make([]AwardCandidateView, 0, len(cs))}
	for _, c := range cs {
		facts := map[string]any{}
		_ = json.Unmarshal(c.Facts, &facts)
		v.Candidates = append(v.Candidates, AwardCandidateView{Employee: n.person(c.EmployeeID), Branch: n.branch(c.BranchID), Rank: c.Rank, TiedAtEdge: c.TiedAtEdge,
			CompositeMilli: c.CompositeMilli, Ratings: c.Ratings, Facts: facts, Status: c.Status})
	}
	return v, nil
}

// Decide approves or drops one candidate of an open round.
func (s *Service) Decide(ctx context.Context, p *access.Principal, roundID, employeeID int64, decision string) (*AwardRoundView, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	status := map[string]string{"approve": Approved, "drop": Dropped}[decision]
	if status == "" {
		return nil, apperr.Invalid(apperr.Field{Location: "body.decision", Message: "must be approve or drop", Value: decision})
	}
	now := s.Now().UTC()
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		r, err := s.openRound(tx, p.TenantID, roundID)
		if err != nil {
			return err
		}
		var c Candidate
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("round_id = ? AND employee_id = ?", r.ID, employeeID).Take(&c).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return apperr.NotFound("candidate")
			}
			return err
		}
		uid := p.UserID
		if err := tx.Model(&Candidate{}).Scopes(store.Tenant(p.TenantID)).Where("round_id = ? AND employee_id = ?", r.ID, employeeID).
			Updates(map[string]any{"status": status, "decided_by": uid, "decided_at": now}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "awards.candidate."+decision, "award_round", itoa(r.ID),
			map[string]any{"employee_id": employeeID, "status": c.Status}, map[string]any{"employee_id": employeeID, "status": status})
	})
	if err != nil {
		return nil, err
	}
	return s.round(ctx, p.TenantID, roundID)
}

func (s *Service) openRound(tx *gorm.DB, tenantID, id int64) (*Round, error) {
	var r Round
	if err := tx.Scopes(store.Tenant(tenantID)).Where("id = ?", id).Take(&r).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, apperr.NotFound("award round")
		}
		return nil, err
	}
	if r.State != RoundOpen {
		return nil, apperr.Conflict("this round is already granted")
	}
	return &r, nil
}

// GrantRound grants every approved candidate of an open round, drops the
// ones still proposed, and closes the round. The quota is checked again
// against grants made since the evaluation (a nomination, a lowered
// quota): over it, nothing is granted.
func (s *Service) GrantRound(ctx context.Context, p *access.Principal, roundID int64) (*AwardRoundView, error) {
	if err := s.Guard.Can(ctx, p, PermManage); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		r, err := s.openRound(tx, p.TenantID, roundID)
		if err != nil {
			return err
		}
		t, err := s.loadType(tx, p.TenantID, r.TypeID)
		if err != nil {
			return err
		}
		var approved []Candidate
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("round_id = ? AND status = ?", r.ID, Approved).Order("employee_id").Find(&approved).Error; err != nil {
			return err
		}
		if len(approved) == 0 {
			return apperr.Invalid(apperr.Field{Location: "path.id", Message: "approve at least one candidate first"})
		}
		taken, err := s.seatsTaken(tx, t, r.PeriodKey, &r.ID)
		if err != nil {
			return err
		}
		q := scoring.AwardQuota{Per: t.QuotaPer, Count: t.QuotaCount}
		for _, c := range approved {
			g := scoring.QuotaGroup(q, c.BranchID)
			taken[g]++
			if taken[g] > q.Count {
				return quotaExceeded(q, "path.id")
			}
		}
		rid := r.ID
		for _, c := range approved {
			if _, err := s.grant(ctx, tx, p, t, r.PeriodKey, c.EmployeeID, c.BranchID, c.BranchPath, &rid, nil, now); err != nil {
				return err
			}
		}
		if err := tx.Model(&Candidate{}).Scopes(store.Tenant(p.TenantID)).Where("round_id = ? AND status = ?", r.ID, Proposed).
			Updates(map[string]any{"status": Dropped, "decided_by": p.UserID, "decided_at": now}).Error; err != nil {
			return err
		}
		if err := tx.Model(&Round{}).Scopes(store.Tenant(p.TenantID)).Where("id = ?", r.ID).
			Updates(map[string]any{"state": RoundGranted, "granted_at": now}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "awards.round.grant", "award_round", itoa(r.ID),
			map[string]any{"state": RoundOpen}, map[string]any{"state": RoundGranted, "granted": len(approved)})
	})
	if err != nil {
		return nil, err
	}
	return s.round(ctx, p.TenantID, roundID)
}

func quotaExceeded(q scoring.AwardQuota, loc string) error {
	return apperr.Conflict("this would exceed the quota of {count} per {per}",
		apperr.Field{Location: loc, Message: "this would exceed the quota of {count} per {per}", Args: apperr.Args{"count": q.Count, "per": q.Per}})
}
