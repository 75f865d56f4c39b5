package awards

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// NotifyNominationRejected tells the nominee and the nominator that a
// nomination was turned down (an approved one ends in NotifyGranted).
const NotifyNominationRejected = "award.nomination.rejected"

// NominationIn is a manager's nomination.
type NominationIn struct {
	TypeID    int64  `json:"type_id" minimum:"1"`
	PeriodKey string `json:"period_key" maxLength:"8"`
	NomineeID int64  `json:"nominee_id" minimum:"1"`
	Reason    string `json:"reason" maxLength:"2000"`
}

// Nominate records a nomination by a manager of someone in their subtree.
// Its approval steps are fixed now: the type's levels, with parent_manager
// left out when nobody holds awards.nominate above the nominator's branch.
func (s *Service) Nominate(ctx context.Context, p *access.Principal, in NominationIn) (*NominationView, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermNominate)
	if err != nil {
		return nil, err
	}
	db := s.DB.R.WithContext(ctx)
	reason := strings.TrimSpace(in.Reason)
	if reason == "" || utf8.RuneCountInString(reason) > 2000 {
		return nil, apperr.Invalid(apperr.Field{Location: "body.reason", Message: "give the reason (at most {max} characters)", Args: apperr.Args{"max": 2000}})
	}
	var nominee org.User
	if err := db.Scopes(store.Tenant(p.TenantID)).Where("id = ?", in.NomineeID).Take(&nominee).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, apperr.NotFound("nominee")
		}
		return nil, err
	}
	var br org.Branch
	if err := db.Scopes(store.Tenant(p.TenantID)).Where("id = ?", nominee.BranchID).Take(&br).Error; err != nil {
		return nil, err
	}
	scope := ""
	for _, sc := range scopes {
		if authz.Covers(sc, br.Path) {
			scope = sc
			break
		}
	}
	if scope == "" {
		return nil, apperr.NotFound("nominee")
	}
	if nominee.ID == p.UserID {
		return nil, apperr.Invalid(apperr.Field{Location: "body.nominee_id", Message: "nobody nominates themself"})
	}
	t, err := s.loadType(db, p.TenantID, in.TypeID)
	if err != nil {
		return nil, err
	}
	if t.Kind != KindNomination || !t.Active {
		return nil, apperr.Invalid(apperr.Field{Location: "body.type_id", Message: "not an active nomination award", Value: in.TypeID})
	}
	per, err := scoring.ParsePeriod(in.PeriodKey)
	if err != nil {
		return nil, apperr.Invalid(apperr.Field{Location: "body.period_key", Message: "a period such as 2026-11, 2026-Q4 or 2026", Value: in.PeriodKey})
	}
	if per.Kind != t.PeriodKind {
		return nil, apperr.Invalid(apperr.Field{Location: "body.period_key", Message: "this award is given per {kind}", Args: apperr.Args{"kind": t.PeriodKind}, Value: in.PeriodKey})
	}
	levels := []string{}
	for _, l := range levelsOf(t.ApprovalLevels) {
		if l == LevelParentManager {
			ok, err := s.someoneAbove(ctx, p, scope)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
		}
		levels = append(levels, l)
	}
	lv, _ := json.Marshal(levels)
	now := s.Now().UTC()
	n := Nomination{TenantID: p.TenantID, TypeID: t.ID, PeriodKey: per.Key, NomineeID: nominee.ID, BranchID: br.ID, BranchPath: br.Path,
		NominatorID: p.UserID, NominatorScope: scope, Reason: reason, Levels: lv, State: Pending, CreatedAt: now}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var open int64
		if err := tx.Model(&Nomination{}).Scopes(store.Tenant(p.TenantID)).
			Where("type_id = ? AND period_key = ? AND nominee_id = ? AND state = ?", t.ID, per.Key, nominee.ID, Pending).Count(&open).Error; err != nil {
			return err
		}
		var granted int64
		if err := tx.Model(&Grant{}).Scopes(store.Tenant(p.TenantID)).
			Where("type_id = ? AND period_key = ? AND employee_id = ?", t.ID, per.Key, nominee.ID).Count(&granted).Error; err != nil {
			return err
		}
		if open+granted > 0 {
			return apperr.Conflict("this person is already nominated for, or has, this award for {period}", apperr.Field{Location: "body.nominee_id",
				Message: "this person is already nominated for, or has, this award for {period}", Args: apperr.Args{"period": per.Key}})
		}
		if len(levels) == 0 {
			// A type whose only level had nobody to hold it: the nomination
			// waits for HR rather than granting itself.
			n.Levels = json.RawMessage(`["hr"]`)
		}
		if err := tx.Create(&n).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "awards.nomination.create", "award_nomination", itoa(n.ID), nil,
			map[string]any{"type": t.Code, "period": per.Key, "nominee_id": nominee.ID, "reason": reason, "levels": levelsOf(n.Levels)})
	})
	if err != nil {
		return nil, err
	}
	return s.nomination(ctx, p, n.ID)
}

// someoneAbove reports whether any user holds awards.nominate at a branch
// that is a strict ancestor of scope (the nominator's grant branch): the
// approvers of a parent_manager step.
func (s *Service) someoneAbove(ctx context.Context, p *access.Principal, scope string) (bool, error) {
	grants, err := authz.TenantGrants(s.DB.R.WithContext(ctx), p.TenantID)
	if err != nil {
		return false, err
	}
	for uid, gs := range grants {
		for _, g := range gs {
			if g.Path == scope || !authz.Covers(g.Path, scope) {
				continue
			}
			ok, err := s.Guard.Authz.Allowed(ctx, authz.Actor{TenantID: p.TenantID, UserID: uid, PolicyVersion: p.PolicyVersion}, g.Path, PermNominate.Obj, PermNominate.Act)
			if err != nil {
				return false, err
			}
			if ok {
				return true, nil
			}
		}
	}
	return false, nil
}

// canDecide reports whether p approves the step n waits at: parent_manager
// is anyone holding awards.nominate strictly above the nominator's grant
// branch, hr is anyone holding awards.manage. Nobody decides a nomination
// they made or received.
func (s *Service) canDecide(ctx context.Context, p *access.Principal, n *Nomination) (bool, error) {
	levels := levelsOf(n.Levels)
	if n.State != Pending || n.Step >= len(levels) || p.UserID == n.NomineeID || p.UserID == n.NominatorID {
		return false, nil
	}
	switch levels[n.Step] {
	case LevelHR:
		sc, err := s.Guard.Authz.Scopes(ctx, p.Actor(), PermManage.Obj, PermManage.Act)
		return len(sc) > 0, err
	case LevelParentManager:
		sc, err := s.Guard.Authz.Scopes(ctx, p.Actor(), PermNominate.Obj, PermNominate.Act)
		if err != nil {
			return false, err
		}
		for _, x := range sc {
			if x != n.NominatorScope && authz.Covers(x, n.NominatorScope) {
				return true, nil
			}
		}
	}
	return false, nil
}

// DecideNomination records the current step's decision. Approving the last
// step grants the award (quota checked); rejecting ends the nomination.
// The nominee is told either way.
func (s *Service) DecideNomination(ctx context.Context, p *access.Principal, id int64, approve bool, comment string) (*NominationView, error) {
	if _, err := s.Guard.ScopesAny(ctx, p, PermNominate, PermManage); err != nil {
		return nil, err
	}
	comment = strings.TrimSpace(comment)
	if utf8.RuneCountInString(comment) > 2000 {
		return nil, apperr.Invalid(apperr.Field{Location: "body.comment", Message: "at most {max} characters", Args: apperr.Args{"max": 2000}})
	}
	if !approve && comment == "" {
		return nil, apperr.Invalid(apperr.Field{Location: "body.comment", Message: "give the reason for turning it down"})
	}
	now := s.Now().UTC()
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var n Nomination
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Take(&n).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return apperr.NotFound("nomination")
			}
			return err
		}
		if n.State != Pending {
			return apperr.Conflict("the nomination is already decided")
		}
		ok, err := s.canDecide(ctx, p, &n)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.Forbidden()
		}
		levels := levelsOf(n.Levels)
		step := Step{TenantID: p.TenantID, NominationID: n.ID, Step: n.Step, Level: levels[n.Step], ApproverID: p.UserID, ApproverName: p.DisplayName,
			Approved: approve, Comment: comment, DecidedAt: now}
		if err := tx.Create(&step).Error; err != nil {
			return err
		}
		t, err := s.loadType(tx, p.TenantID, n.TypeID)
		if err != nil {
			return err
		}
		upd := map[string]any{}
		switch {
		case !approve:
			upd["state"], upd["decided_at"] = Rejected, now
			if err := notify.Push(tx, p.TenantID, []int64{n.NomineeID, n.NominatorID}, NotifyNominationRejected, n.ID,
				map[string]any{"type_code": t.Code, "name_zh": t.NameZh, "name_en": t.NameEn, "period_key": n.PeriodKey, "comment": comment}, now); err != nil {
				return err
			}
		case n.Step+1 < len(levels):
			upd["step"] = n.Step + 1
		default:
			q := scoring.AwardQuota{Per: t.QuotaPer, Count: t.QuotaCount}
			taken, err := s.seatsTaken(tx, t, n.PeriodKey, nil)
			if err != nil {
				return err
			}
			if taken[scoring.QuotaGroup(q, n.BranchID)]+1 > q.Count {
				return quotaExceeded(q, "path.id")
			}
			nid := n.ID
			if _, err := s.grant(ctx, tx, p, t, n.PeriodKey, n.NomineeID, n.BranchID, n.BranchPath, nil, &nid, now); err != nil {
				return err
			}
			upd["state"], upd["decided_at"] = Approved, now
		}
		if err := tx.Model(&Nomination{}).Scopes(store.Tenant(p.TenantID)).Where("id = ?", n.ID).Updates(upd).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "awards.nomination.decide", "award_nomination", itoa(n.ID),
			map[string]any{"state": Pending, "step": n.Step}, map[string]any{"level": step.Level, "approved": approve, "comment": comment, "update": upd})
	})
	if err != nil {
		return nil, err
	}
	return s.nomination(ctx, p, id)
}

// NominationView is a nomination as its nominator, nominee and approvers see it.
type NominationView struct {
	ID           int64                `json:"id"`
	Type         AwardTypeRef         `json:"type"`
	PeriodKey    string               `json:"period_key"`
	Nominee      AwardPersonRef       `json:"nominee"`
	Branch       AwardBranchRef       `json:"branch"`
	Nominator    AwardPersonRef       `json:"nominator"`
	Reason       string               `json:"reason"`
	State        string               `json:"state" enum:"pending,approved,rejected"`
	Levels       []string             `json:"levels"`
	CurrentLevel string               `json:"current_level,omitempty"`
	Steps        []NominationStepView `json:"steps"`
	CanDecide    bool                 `json:"can_decide"`
	CreatedAt    time.Time            `json:"created_at"`
	DecidedAt    *time.Time           `json:"decided_at"`
}

// NominationStepView is one decision on a nomination.
type NominationStepView struct {
	Level        string    `json:"level"`
	ApproverName string    `json:"approver_name"`
	Approved     bool      `json:"approved"`
	Comment      string    `json:"comment"`
	DecidedAt    time.Time `json:"decided_at"`
}

// AwardTypeRef names an award type on a screen.
type AwardTypeRef struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	NameZh string `json:"name_zh"`
	NameEn string `json:"name_en"`
	Badge  string `json:"badge"`
}

func refOf(t Type) AwardTypeRef {
	return AwardTypeRef{ID: t.ID, Code: t.Code, NameZh: t.NameZh, NameEn: t.NameEn, Badge: t.Badge}
}

// Nominations lists what p may act on, has made, or has received, newest
// first; state filters ("" is every state).
func (s *Service) Nominations(ctx context.Context, p *access.Principal, state string) ([]NominationView, error) {
	if _, err := s.Guard.ScopesAny(ctx, p, PermView, PermNominate, PermManage); err != nil {
		return nil, err
	}
	if state != "" && state != Pending && state != Approved && state != Rejected {
		return nil, apperr.Invalid(apperr.Field{Location: "query.state", Message: "must be pending, approved or rejected", Value: state})
	}
	db := s.DB.R.WithContext(ctx)
	base := func() *gorm.DB {
		q := db.Model(&Nomination{}).Scopes(store.Tenant(p.TenantID))
		if state != "" {
			q = q.Where("state = ?", state)
		}
		return q
	}
	var rows []Nomination
	if err := base().Where("nominee_id = ? OR nominator_id = ?", p.UserID, p.UserID).Order("id DESC").Limit(500).Find(&rows).Error; err != nil {
		return nil, err
	}
	// Pending ones p may decide: HR reads every pending one, a manager those
	// in their subtree (an approver above the nominator covers the nominee).
	if state == "" || state == Pending {
		manage, err := s.Guard.Authz.Scopes(ctx, p.Actor(), PermManage.Obj, PermManage.Act)
		if err != nil {
			return nil, err
		}
		nominate, err := s.Guard.Authz.Scopes(ctx, p.Actor(), PermNominate.Obj, PermNominate.Act)
		if err != nil {
			return nil, err
		}
		if len(manage)+len(nominate) > 0 {
			q := db.Model(&Nomination{}).Scopes(store.Tenant(p.TenantID)).Where("state = ?", Pending)
			if len(manage) == 0 {
				q = authz.InSubtrees(q, "branch_path", nominate)
			}
			var pending []Nomination
			if err := q.Order("id DESC").Limit(500).Find(&pending).Error; err != nil {
				return nil, err
			}
			seen := map[int64]bool{}
			for _, r := range rows {
				seen[r.ID] = true
			}
			for i := range pending {
				ok, err := s.canDecide(ctx, p, &pending[i])
				if err != nil {
					return nil, err
				}
				if ok && !seen[pending[i].ID] {
					rows = append(rows, pending[i])
				}
			}
		}
	}
	return s.nominationViews(ctx, p, rows)
}

func (s *Service) nomination(ctx context.Context, p *access.Principal, id int64) (*NominationView, error) {
	var n Nomination
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Take(&n).Error; err != nil {
		return nil, err
	}
	vs, err := s.nominationViews(ctx, p, []Nomination{n})
	if err != nil {
		return nil, err
	}
	return &vs[0], nil
}

func (s *Service) nominationViews(ctx context.Context, p *access.Principal, rows []Nomination) ([]NominationView, error) {
	out := make([]NominationView, 0, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	db := s.DB.R.WithContext(ctx)
	var uids, bids, tids, nids []int64
	for _, n := range rows {
		uids = append(uids, n.NomineeID, n.NominatorID)
		bids, tids, nids = append(bids, n.BranchID), append(tids, n.TypeID), append(nids, n.ID)
	}
	nm, err := s.names(ctx, p.TenantID, uids, bids)
	if err != nil {
		return nil, err
	}
	var types []Type
	if err := db.Scopes(store.Tenant(p.TenantID)).Where("id IN ?", tids).Find(&types).Error; err != nil {
		return nil, err
	}
	typeByID := map[int64]Type{}
	for _, t := range types {
		typeByID[t.ID] = t
	}
	var steps []Step
	if err := db.Scopes(store.Tenant(p.TenantID)).Where("nomination_id IN ?", nids).Order("nomination_id, step").Find(&steps).Error; err != nil {
		return nil, err
	}
	stepsOf := map[int64][]NominationStepView{}
	for _, st := range steps {
		stepsOf[st.NominationID] = append(stepsOf[st.NominationID], NominationStepView{Level: st.Level, ApproverName: st.ApproverName, Approved: st.Approved, Comment: st.Comment, DecidedAt: st.DecidedAt})
	}
	for i := range rows {
		n := &rows[i]
		levels := levelsOf(n.Levels)
		v := NominationView{ID: n.ID, Type: refOf(typeByID[n.TypeID]), PeriodKey: n.PeriodKey, Nominee: nm.person(n.NomineeID), Branch: nm.branch(n.BranchID),
			Nominator: nm.person(n.NominatorID), Reason: n.Reason, State: n.State, Levels: levels, Steps: stepsOf[n.ID], CreatedAt: n.CreatedAt, DecidedAt: n.DecidedAt}
		if v.Steps == nil {
			v.Steps = []NominationStepView{}
		}
		if n.State == Pending && n.Step < len(levels) {
			v.CurrentLevel = levels[n.Step]
		}
		if v.CanDecide, err = s.canDecide(ctx, p, n); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
