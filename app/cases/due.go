package cases

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
)

// NotifyDue is the kind of the notice HR gets when a published case
// reaches its review-by date.
const NotifyDue = "cases.review_due"

// dueBatch bounds one run's work per bank; the next run takes the rest.
const dueBatch = 500

// NotifyDueAll tells each bank's HR about the published cases that reached
// their review-by date since the last run (the hourly job).
func (s *Service) NotifyDueAll(ctx context.Context) error {
	var tenants []int64
	if err := s.DB.R.WithContext(ctx).Table("tenants").Order("id").Pluck("id", &tenants).Error; err != nil {
		return err
	}
	for _, tid := range tenants {
		if err := s.NotifyDue(ctx, tid); err != nil {
			return err
		}
	}
	return nil
}

// NotifyDue tells the bank's HR once per case and review-by date: the
// notice row and the notifications are written in one transaction, and a
// case already noticed for its present date is not taken again. A case HR
// re-verifies gets a later date, and a notice when that one comes.
func (s *Service) NotifyDue(ctx context.Context, tenantID int64) error {
	now := s.Now().UTC()
	return s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var due []struct {
			ID       int64
			Title    string
			ReviewBy time.Time
		}
		if err := tx.Raw(`SELECT c.id, c.title, c.review_by FROM cases c
			WHERE c.tenant_id = ? AND c.status = ? AND c.review_by <= ?
			AND NOT EXISTS (SELECT 1 FROM case_due_notices n WHERE n.tenant_id = c.tenant_id AND n.case_id = c.id AND n.review_by >= c.review_by)
			ORDER BY c.review_by, c.id LIMIT ?`, tenantID, Published, now, dueBatch).Scan(&due).Error; err != nil {
			return err
		}
		if len(due) == 0 {
			return nil
		}
		hr, err := hrUsers(tx, tenantID)
		if err != nil {
			return err
		}
		for _, c := range due {
			if err := tx.Scopes(store.Tenant(tenantID)).Where("case_id = ?", c.ID).Delete(&DueNotice{}).Error; err != nil {
				return err
			}
			if err := tx.Create(&DueNotice{TenantID: tenantID, CaseID: c.ID, ReviewBy: c.ReviewBy, NotifiedAt: now}).Error; err != nil {
				return err
			}
			if err := notify.Push(tx, tenantID, hr, NotifyDue, c.ID, map[string]any{"title": c.Title, "review_by": c.ReviewBy}, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// hrUsers are the bank's active people holding the HR role.
func hrUsers(tx *gorm.DB, tenantID int64) ([]int64, error) {
	grants, err := authz.TenantGrants(tx, tenantID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for id, gs := range grants {
		for _, g := range gs {
			if g.Role == authz.HR {
				ids = append(ids, id)
				break
			}
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	var active []int64
	err = tx.Table("users").Scopes(store.Tenant(tenantID)).Where("id IN ? AND status = ?", ids, "active").Order("id").Pluck("id", &active).Error
	return active, err
}
