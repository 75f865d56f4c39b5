package suggestions

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// SuggestionContributorIn is one contributor's share as HR sets it.
type SuggestionContributorIn struct {
	UserID  int64 `json:"user_id"`
	ShareBP int   `json:"share_bp" doc:"basis points; all shares sum to 10000"`
}

// SuggestionProjectIn is an adopted suggestion's pool and shares.
type SuggestionProjectIn struct {
	PoolCents    int64                     `json:"pool_cents" doc:"the bonus pool in cents, ≥ 0"`
	Contributors []SuggestionContributorIn `json:"contributors" maxItems:"50"`
}

// SuggestionPayoutLine is one contributor's part of a pool.
type SuggestionPayoutLine struct {
	UserID  int64  `json:"user_id"`
	Name    string `json:"name"`
	ShareBP int    `json:"share_bp"`
	Cents   int64  `json:"cents"`
}

// SuggestionPayout is a project's payout: computed (a preview) until HR approves,
// then as recorded.
type SuggestionPayout struct {
	SuggestionID int64                  `json:"suggestion_id"`
	PoolCents    int64                  `json:"pool_cents"`
	State        string                 `json:"state" enum:"open,payout_pending,paid"`
	Items        []SuggestionPayoutLine `json:"items"`
	TotalCents   int64                  `json:"total_cents" doc:"always the pool, to the cent"`
}

var (
	errNotAdopted = errors.New("not adopted")
	errPaid       = errors.New("paid")
	errNotPending = errors.New("not pending")
)

// payable loads a suggestion HR may set the bonus of.
func (s *Service) payable(ctx context.Context, tx *gorm.DB, p *access.Principal, id int64) (*Suggestion, error) {
	if err := s.Guard.Can(ctx, p, PermPay); err != nil {
		return nil, err
	}
	var cur []Suggestion
	if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Limit(1).Find(&cur).Error; err != nil {
		return nil, err
	}
	if len(cur) == 0 {
		return nil, apperr.NotFound("suggestion")
	}
	path, err := branchPath(tx, p.TenantID, cur[0].BranchID)
	if err != nil {
		return nil, err
	}
	if err := s.Guard.Require(ctx, p, path, PermPay, "suggestion"); err != nil {
		return nil, err
	}
	return &cur[0], nil
}

// checkProject validates a pool and shares, each problem at its field;
// the contributors must be users of the bank, each once.
func checkProject(tx *gorm.DB, tenantID int64, in SuggestionProjectIn) error {
	var fs []apperr.Field
	if in.PoolCents < 0 {
		fs = append(fs, apperr.Field{Location: "body.pool_cents", Message: "must not be negative", Value: in.PoolCents})
	} else if in.PoolCents > scoring.MaxPoolCents {
		fs = append(fs, apperr.Field{Location: "body.pool_cents", Message: "at most {max}", Args: apperr.Args{"max": scoring.MaxPoolCents}, Value: in.PoolCents})
	}
	if len(in.Contributors) == 0 {
		fs = append(fs, apperr.Field{Location: "body.contributors", Message: "at least one contributor"})
	}
	seen := map[int64]bool{}
	ids := make([]int64, 0, len(in.Contributors))
	sum := 0
	for i, c := range in.Contributors {
		if c.ShareBP < 1 || c.ShareBP > scoring.WholeBP {
			fs = append(fs, apperr.Field{Location: fmt.Sprintf("body.contributors[%d].share_bp", i), Message: "between {min} and {max}", Args: apperr.Args{"min": 1, "max": scoring.WholeBP}, Value: c.ShareBP})
		}
		sum += c.ShareBP
		if seen[c.UserID] {
			fs = append(fs, apperr.Field{Location: fmt.Sprintf("body.contributors[%d].user_id", i), Message: "listed twice", Value: c.UserID})
		}
		seen[c.UserID] = true
		ids = append(ids, c.UserID)
	}
	if len(in.Contributors) > 0 && sum != scoring.WholeBP {
		fs = append(fs, apperr.Field{Location: "body.contributors", Message: "the shares must sum to 10000 basis points (they sum to {sum})", Args: apperr.Args{"sum": sum}})
	}
	if len(ids) > 0 {
		var known []int64
		if err := tx.Model(&org.User{}).Scopes(store.Tenant(tenantID)).Where("id IN ?", ids).Pluck("id", &known).Error; err != nil {
			return err
		}
		ok := map[int64]bool{}
		for _, id := range known {
			ok[id] = true
		}
		for i, c := range in.Contributors {
			if !ok[c.UserID] {
				fs = append(fs, apperr.Field{Location: fmt.Sprintf("body.contributors[%d].user_id", i), Message: "not a user of this bank", Value: c.UserID})
			}
		}
	}
	if len(fs) > 0 {
		return apperr.Invalid(fs...)
	}
	return nil
}

// SetProject sets an adopted suggestion's pool and shares, as HR; the
// payout then waits for approval. A paid project no longer changes.
func (s *Service) SetProject(ctx context.Context, p *access.Principal, id int64, in SuggestionProjectIn) (*SuggestionDetail, error) {
	now := s.Now().UTC()
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		sg, err := s.payable(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if err := checkProject(tx, p.TenantID, in); err != nil {
			return err
		}
		if sg.State != Adopted {
			return errNotAdopted
		}
		proj, before, err := s.project(ctx, tx, p.TenantID, id)
		if err != nil {
			return err
		}
		if proj == nil {
			return errNotAdopted
		}
		if proj.State == ProjectPaid {
			return errPaid
		}
		res := tx.Model(&Project{}).Scopes(store.Tenant(p.TenantID)).Where("suggestion_id = ? AND state <> ?", id, ProjectPaid).
			Updates(map[string]any{"pool_cents": in.PoolCents, "state": ProjectPending, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errPaid
		}
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("suggestion_id = ?", id).Delete(&Contributor{}).Error; err != nil {
			return err
		}
		rows := make([]Contributor, len(in.Contributors))
		for i, c := range in.Contributors {
			rows[i] = Contributor{TenantID: p.TenantID, SuggestionID: id, UserID: c.UserID, Seq: i + 1, ShareBP: c.ShareBP}
		}
		if err := tx.Create(&rows).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "suggestions.project", "suggestion", fmt.Sprint(id),
			map[string]any{"pool_cents": proj.PoolCents, "state": proj.State, "contributors": before},
			map[string]any{"pool_cents": in.PoolCents, "state": ProjectPending, "contributors": in.Contributors})
	})
	if err := projectErr(err); err != nil {
		return nil, err
	}
	return s.Get(ctx, p, id)
}

func projectErr(err error) error {
	switch {
	case errors.Is(err, errNotAdopted):
		return apperr.Conflict("only an adopted suggestion has a bonus project")
	case errors.Is(err, errPaid):
		return apperr.Conflict("the bonus is already paid")
	case errors.Is(err, errNotPending):
		return apperr.Conflict("set the pool and shares before approving the payout")
	}
	return err
}

// Payout is the project's split to the cent: a preview while pending, the
// recorded rows once paid.
func (s *Service) Payout(ctx context.Context, p *access.Principal, id int64) (*SuggestionPayout, error) {
	sg, err := s.payable(ctx, s.DB.R.WithContext(ctx), p, id)
	if err != nil {
		return nil, err
	}
	return s.payout(ctx, s.DB.R, p.TenantID, sg)
}

func (s *Service) payout(ctx context.Context, db *gorm.DB, tenantID int64, sg *Suggestion) (*SuggestionPayout, error) {
	proj, cs, err := s.project(ctx, db, tenantID, sg.ID)
	if err != nil {
		return nil, err
	}
	if proj == nil {
		return nil, projectErr(errNotAdopted)
	}
	out := &SuggestionPayout{SuggestionID: sg.ID, PoolCents: proj.PoolCents, State: proj.State, Items: []SuggestionPayoutLine{}}
	if proj.State == ProjectPaid {
		var paid []Payout
		if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("suggestion_id = ?", sg.ID).Order("id").Find(&paid).Error; err != nil {
			return nil, err
		}
		names := map[int64]string{}
		for _, c := range cs {
			names[c.UserID] = c.Name
		}
		for _, pr := range paid {
			out.Items = append(out.Items, SuggestionPayoutLine{UserID: pr.UserID, Name: names[pr.UserID], ShareBP: pr.ShareBP, Cents: pr.Cents})
			out.TotalCents += pr.Cents
		}
		return out, nil
	}
	if len(cs) == 0 {
		return out, nil
	}
	shares := make([]int, len(cs))
	for i, c := range cs {
		shares[i] = c.ShareBP
	}
	cents, err := scoring.SplitCents(proj.PoolCents, shares)
	if err != nil {
		return nil, err // stored shares were checked when set
	}
	for i, c := range cs {
		out.Items = append(out.Items, SuggestionPayoutLine{UserID: c.UserID, Name: c.Name, ShareBP: c.ShareBP, Cents: cents[i]})
		out.TotalCents += cents[i]
	}
	return out, nil
}

// ApprovePayout records each contributor's payout as computed, marks the
// project paid and tells the contributors, as HR.
func (s *Service) ApprovePayout(ctx context.Context, p *access.Principal, id int64) (*SuggestionPayout, error) {
	now := s.Now().UTC()
	var out *SuggestionPayout
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		sg, err := s.payable(ctx, tx, p, id)
		if err != nil {
			return err
		}
		var ps []Project
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("suggestion_id = ?", id).Limit(1).Find(&ps).Error; err != nil {
			return err
		}
		if len(ps) == 0 {
			return errNotAdopted
		}
		switch ps[0].State {
		case ProjectPaid:
			return errPaid
		case ProjectOpen:
			return errNotPending
		}
		view, err := s.payout(ctx, tx, p.TenantID, sg)
		if err != nil {
			return err
		}
		ids := make([]int64, 0, len(view.Items))
		for _, it := range view.Items {
			if it.UserID == p.UserID {
				return apperr.Conflict("nobody approves a payout to themselves")
			}
			ids = append(ids, it.UserID)
		}
		uid := p.UserID
		res := tx.Model(&Project{}).Scopes(store.Tenant(p.TenantID)).Where("suggestion_id = ? AND state = ?", id, ProjectPending).
			Updates(map[string]any{"state": ProjectPaid, "approved_by": uid, "approved_by_name": p.DisplayName, "approved_at": now, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errPaid
		}
		rows := make([]Payout, len(view.Items))
		for i, it := range view.Items {
			rows[i] = Payout{TenantID: p.TenantID, SuggestionID: id, UserID: it.UserID, ShareBP: it.ShareBP, Cents: it.Cents, ApprovedBy: uid, PaidAt: now}
		}
		if err := tx.Create(&rows).Error; err != nil {
			return err
		}
		view.State = ProjectPaid
		out = view
		if err := audit.Record(ctx, tx, audit.By(p), now, "suggestions.payout", "suggestion", fmt.Sprint(id), ps[0], view); err != nil {
			return err
		}
		return notify.Push(tx, p.TenantID, ids, NotifyPaid, id, map[string]any{"title": sg.Title, "by": p.DisplayName}, now)
	})
	if err := projectErr(err); err != nil {
		return nil, err
	}
	return out, nil
}

// SuggestionBonus is one payout a person received.
type SuggestionBonus struct {
	SuggestionID int64     `json:"suggestion_id"`
	Title        string    `json:"title"`
	ShareBP      int       `json:"share_bp"`
	Cents        int64     `json:"cents"`
	PaidAt       time.Time `json:"paid_at"`
}

// Bonuses lists p's own payouts, newest first.
func (s *Service) Bonuses(ctx context.Context, p *access.Principal) ([]SuggestionBonus, int64, error) {
	var out []SuggestionBonus
	err := s.DB.R.WithContext(ctx).Model(&Payout{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN suggestions sg ON sg.tenant_id = suggestion_payouts.tenant_id AND sg.id = suggestion_payouts.suggestion_id").
		Select("suggestion_payouts.suggestion_id, sg.title, suggestion_payouts.share_bp, suggestion_payouts.cents, suggestion_payouts.paid_at").
		Where("suggestion_payouts.user_id = ?", p.UserID).Order("suggestion_payouts.paid_at DESC, suggestion_payouts.id DESC").Limit(500).Scan(&out).Error
	if err != nil {
		return nil, 0, err
	}
	var total int64
	for _, b := range out {
		total += b.Cents
	}
	if out == nil {
		out = []SuggestionBonus{}
	}
	return out, total, nil
}
