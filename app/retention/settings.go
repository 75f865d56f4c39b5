package retention

import (
	"context"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
)

// Settings of p's bank; every period is nil (keep forever) until the tenant
// admin sets one.
func (s *Service) Settings(ctx context.Context, p *access.Principal) (Periods, error) {
	if err := s.requireAdmin(ctx, s.DB.R, p); err != nil {
		return Periods{}, err
	}
	return load(ctx, s.DB.R, p.TenantID)
}

func load(ctx context.Context, db *gorm.DB, tenantID int64) (Periods, error) {
	var rows []Periods
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Limit(1).Find(&rows).Error; err != nil {
		return Periods{}, err
	}
	if len(rows) == 0 {
		return Periods{TenantID: tenantID}, nil
	}
	return rows[0], nil
}

// SetSettings replaces the bank's periods (each nil or MinDays–MaxDays).
func (s *Service) SetSettings(ctx context.Context, p *access.Principal, in Periods) (Periods, error) {
	if err := s.requireAdmin(ctx, s.DB.R, p); err != nil {
		return Periods{}, err
	}
	var bad []apperr.Field
	for _, f := range []struct {
		name string
		days *int
	}{{"typed_replies_days", in.TypedRepliesDays}, {"feedback_comments_days", in.FeedbackCommentsDays}, {"notifications_days", in.NotificationsDays}} {
		if f.days != nil && (*f.days < MinDays || *f.days > MaxDays) {
			bad = append(bad, apperr.Field{Location: "body." + f.name, Message: "between {min} and {max}",
				Args: apperr.Args{"min": MinDays, "max": MaxDays}, Value: *f.days})
		}
	}
	if len(bad) > 0 {
		return Periods{}, apperr.Invalid(bad...)
	}
	now := s.Now().UTC()
	after := Periods{TenantID: p.TenantID, TypedRepliesDays: in.TypedRepliesDays, FeedbackCommentsDays: in.FeedbackCommentsDays,
		NotificationsDays: in.NotificationsDays, UpdatedAt: now}
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		before, err := load(ctx, tx, p.TenantID)
		if err != nil {
			return err
		}
		if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "tenant_id"}},
			DoUpdates: clause.AssignmentColumns([]string{"typed_replies_days", "feedback_comments_days", "notifications_days", "updated_at"})}).
			Create(&after).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "retention.settings", "tenant", fmt.Sprint(p.TenantID), before, after)
	})
	return after, err
}

// Runs lists the latest runs for the bank, newest first.
func (s *Service) Runs(ctx context.Context, p *access.Principal, limit int) ([]PurgeRun, error) {
	if err := s.requireAdmin(ctx, s.DB.R, p); err != nil {
		return nil, err
	}
	var out []PurgeRun
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Order("ran_at DESC, id DESC").Limit(limit).Find(&out).Error
	return out, err
}

// requireAdmin asks for tenant.write at the head office: the periods hold for
// the whole bank, so a grant over one branch is not enough.
func (s *Service) requireAdmin(ctx context.Context, db *gorm.DB, p *access.Principal) error {
	if err := s.Guard.Can(ctx, p, org.PermTenantWrite); err != nil {
		return err
	}
	var root string
	var paths []string
	if err := db.WithContext(ctx).Table("branches").Scopes(store.Tenant(p.TenantID)).Where("parent_id IS NULL").Pluck("path", &paths).Error; err != nil {
		return err
	}
	if len(paths) > 0 {
		root = paths[0]
	}
	return s.Guard.Require(ctx, p, root, org.PermTenantWrite, "tenant")
}
