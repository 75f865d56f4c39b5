package feedback

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
)

// Notification kinds of appeal decisions.
const (
	NotifyUpheld   = "feedback.appeal_upheld"
	NotifyRejected = "feedback.appeal_rejected"
)

var reasonKinds = []string{ReasonWrongPerson, ReasonCustomerError, ReasonWithdrawn}

func checkReason(loc, reason string) *apperr.Field {
	if n := utf8.RuneCountInString(strings.TrimSpace(reason)); n == 0 || n > 2000 {
		return &apperr.Field{Location: loc, Message: "1–2000 characters"}
	}
	return nil
}

// Appeal disputes a record about p: only the person it names, within the
// settings' window, one open appeal at a time.
func (s *Service) Appeal(ctx context.Context, p *access.Principal, recordID int64, kind, reason string) (*Appeal, error) {
	if err := s.Guard.Can(ctx, p, PermAppeal); err != nil {
		return nil, err
	}
	var fs []apperr.Field
	if !slices.Contains(reasonKinds, kind) {
		fs = append(fs, apperr.Field{Location: "body.reason_kind", Message: "must be wrong_person, customer_error or withdrawn", Value: kind})
	}
	if f := checkReason("body.reason", reason); f != nil {
		fs = append(fs, *f)
	}
	set, err := s.Settings(ctx, p.TenantID)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var a Appeal
	err = s.DB.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var recs []Record
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", recordID).Limit(1).Find(&recs).Error; err != nil {
			return err
		}
		// Another person's record is as missing as one that does not exist.
		if len(recs) == 0 || recs[0].EmployeeID == nil || *recs[0].EmployeeID != p.UserID {
			return apperr.NotFound("record")
		}
		r := recs[0]
		if len(fs) > 0 {
			return apperr.Invalid(fs...)
		}
		if now.After(appealableUntil(&r, set.AppealWindowDays)) {
			return apperr.Conflict("the appeal window of this record has closed")
		}
		if r.Excluded {
			return apperr.Conflict("this record no longer counts")
		}
		var open int64
		if err := tx.Model(&Appeal{}).Scopes(store.Tenant(p.TenantID)).Where("record_id = ? AND state = ?", r.ID, AppealPending).Count(&open).Error; err != nil {
			return err
		}
		if open > 0 {
			return apperr.Conflict("this record already has an open appeal")
		}
		a = Appeal{TenantID: p.TenantID, RecordID: r.ID, EmployeeID: p.UserID, BranchID: r.BranchID, ReasonKind: kind,
			Reason: strings.TrimSpace(reason), State: AppealPending, CreatedAt: now}
		if err := tx.Create(&a).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "feedback.appeal.create", "feedback_appeal", fmt.Sprint(a.ID), nil, a)
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// AppealView is an appeal with what a decider needs beside it.
type AppealView struct {
	Appeal
	EmployeeName string     `json:"employee_name"`
	BranchName   string     `json:"branch_name"`
	Record       RecordView `json:"record"`
}

// Appeals lists the appeals about records of p's branches, oldest first.
func (s *Service) Appeals(ctx context.Context, p *access.Principal, state string, page, size int) ([]AppealView, int64, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermDecide)
	if err != nil {
		return nil, 0, err
	}
	q := s.DB.R.WithContext(ctx).Model(&Appeal{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN branches b ON b.tenant_id = feedback_appeals.tenant_id AND b.id = feedback_appeals.branch_id")
	q = authz.InSubtrees(q, "b.path", scopes)
	if state != "" {
		q = q.Where("feedback_appeals.state = ?", state)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var as []Appeal
	if err := q.Select("feedback_appeals.*").Order("feedback_appeals.created_at, feedback_appeals.id").Offset((page - 1) * size).Limit(size).Find(&as).Error; err != nil {
		return nil, 0, err
	}
	out := make([]AppealView, 0, len(as))
	for i := range as {
		var rows []recordRow
		if err := s.recordQuery(ctx, p.TenantID).Select(recordCols).Where("feedback_records.id = ?", as[i].RecordID).Scan(&rows).Error; err != nil {
			return nil, 0, err
		}
		v := AppealView{Appeal: as[i]}
		if len(rows) == 1 {
			v.Record = view(&rows[0])
			v.EmployeeName, v.BranchName = rows[0].EmployeeName, rows[0].BranchName
		}
		out = append(out, v)
	}
	return out, total, nil
}

var errDecided = errors.New("decided")

// Decide upholds or rejects a pending appeal, as a manager of the record's
// branch subtree or HR. Upheld, the record stops counting (it is kept, with
// the reason); either way the person is told.
func (s *Service) Decide(ctx context.Context, p *access.Principal, id int64, uphold bool, reason string) (*Appeal, error) {
	if err := s.Guard.Can(ctx, p, PermDecide); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var a Appeal
	err := s.DB.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var as []Appeal
		if err := tx.Scopes(store.Tenant(p.TenantID)).Where("id = ?", id).Limit(1).Find(&as).Error; err != nil {
			return err
		}
		if len(as) == 0 {
			return apperr.NotFound("appeal")
		}
		a = as[0]
		var path string
		if err := tx.Table("branches").Scopes(store.Tenant(p.TenantID)).Where("id = ?", a.BranchID).Pluck("path", &path).Error; err != nil {
			return err
		}
		if err := s.Guard.Require(ctx, p, path, PermDecide, "appeal"); err != nil {
			return err
		}
		if f := checkReason("body.reason", reason); f != nil {
			return apperr.Invalid(*f)
		}
		if a.EmployeeID == p.UserID {
			return apperr.Conflict("nobody decides their own appeal")
		}
		if a.State != AppealPending {
			return errDecided
		}
		before := a
		uid := p.UserID
		a.State, a.DecidedBy, a.DecidedByName, a.DecisionReason, a.DecidedAt = AppealRejected, &uid, p.DisplayName, strings.TrimSpace(reason), &now
		if uphold {
			a.State = AppealUpheld
		}
		res := tx.Model(&Appeal{}).Scopes(store.Tenant(p.TenantID)).Where("id = ? AND state = ?", a.ID, AppealPending).Updates(map[string]any{
			"state": a.State, "decided_by": a.DecidedBy, "decided_by_name": a.DecidedByName, "decision_reason": a.DecisionReason, "decided_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errDecided
		}
		kind := NotifyRejected
		if uphold {
			kind = NotifyUpheld
			if err := s.exclude(tx, p.TenantID, a.RecordID, now); err != nil {
				return err
			}
		}
		if err := audit.Record(ctx, tx, audit.By(p), now, "feedback.appeal."+a.State, "feedback_appeal", fmt.Sprint(a.ID), before, a); err != nil {
			return err
		}
		return notify.Push(tx, p.TenantID, []int64{a.EmployeeID}, kind, a.ID,
			map[string]any{"record_id": a.RecordID, "reason": a.DecisionReason, "by": p.DisplayName}, now)
	})
	if errors.Is(err, errDecided) {
		return nil, apperr.Conflict("the appeal is already decided")
	}
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// exclude makes a record stop counting: its tally leaves the rollups in
// the same transaction, and the KPI listener hears of its month.
func (s *Service) exclude(tx *gorm.DB, tenantID, recordID int64, now time.Time) error {
	var r Record
	if err := tx.Scopes(store.Tenant(tenantID)).Where("id = ?", recordID).Take(&r).Error; err != nil {
		return err
	}
	if r.Excluded {
		return nil
	}
	d := deltas{}
	d.add(&r, -1)
	if err := tx.Model(&Record{}).Scopes(store.Tenant(tenantID)).Where("id = ?", r.ID).Updates(map[string]any{"excluded": true, "updated_at": now}).Error; err != nil {
		return err
	}
	if err := d.flush(tx, tenantID); err != nil {
		return err
	}
	return s.changed(tx, tenantID, map[int]bool{r.Month: true})
}
