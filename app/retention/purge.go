package retention

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
)

// PurgeAll runs the purge for every bank that set a period. It is the
// periodic job's work; running it again soon after changes nothing.
func (s *Service) PurgeAll(ctx context.Context) error {
	var tenants []int64
	if err := s.DB.R.WithContext(ctx).Table("tenants").Order("id").Pluck("id", &tenants).Error; err != nil {
		return err
	}
	for _, tid := range tenants {
		set, err := load(ctx, s.DB.R, tid)
		if err != nil {
			return err
		}
		if _, err := s.Purge(ctx, set); err != nil {
			return fmt.Errorf("retention for tenant %d: %w", tid, err)
		}
	}
	return nil
}

// Purge removes one bank's data older than its periods, in batches, and
// records the run when it changed anything.
func (s *Service) Purge(ctx context.Context, set Periods) (PurgeRun, error) {
	now := s.Now().UTC()
	run := PurgeRun{TenantID: set.TenantID, RanAt: now}
	var err error
	if d := set.NotificationsDays; d != nil {
		if run.Notifications, err = s.inBatches(ctx, func(tx *gorm.DB) (int, int, error) {
			n, err := deleteNotifications(tx, set.TenantID, cutoff(now, *d))
			return n, n, err
		}); err != nil {
			return run, err
		}
	}
	if d := set.FeedbackCommentsDays; d != nil {
		if run.FeedbackComments, err = s.inBatches(ctx, func(tx *gorm.DB) (int, int, error) {
			n, err := clearComments(tx, set.TenantID, cutoff(now, *d), now)
			return n, n, err
		}); err != nil {
			return run, err
		}
	}
	if d := set.TypedRepliesDays; d != nil {
		var after int64 // attempts are read in id order, each once
		if run.TypedReplies, err = s.inBatches(ctx, func(tx *gorm.DB) (int, int, error) {
			return redactReplies(tx, set.TenantID, cutoff(now, *d), &after)
		}); err != nil {
			return run, err
		}
	}
	if run.Notifications+run.FeedbackComments+run.TypedReplies == 0 {
		return run, nil
	}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&run).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.System(set.TenantID, "retention"), now, "retention.purge", "tenant", fmt.Sprint(set.TenantID), nil, run)
	})
	return run, err
}

func cutoff(now time.Time, days int) time.Time { return now.AddDate(0, 0, -days) }

// inBatches repeats step, each time in its own transaction, until a step
// reads fewer rows than a batch; it returns the rows changed in all.
func (s *Service) inBatches(ctx context.Context, step func(tx *gorm.DB) (read, changed int, err error)) (int, error) {
	total := 0
	for {
		var read, changed int
		err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
			var err error
			read, changed, err = step(tx)
			return err
		})
		if err != nil {
			return total, err
		}
		total += changed
		if read < batch {
			return total, nil
		}
	}
}

func deleteNotifications(tx *gorm.DB, tenantID int64, before time.Time) (int, error) {
	var ids []int64
	if err := tx.Model(&notify.Notification{}).Scopes(store.Tenant(tenantID)).Where("created_at < ?", before).
		Order("id").Limit(batch).Pluck("id", &ids).Error; err != nil || len(ids) == 0 {
		return 0, err
	}
	res := tx.Scopes(store.Tenant(tenantID)).Where("id IN ?", ids).Delete(&notify.Notification{})
	return int(res.RowsAffected), res.Error
}

// clearComments empties the comment of older feedback and leaves the rest:
// the score still counts in the KPI. The content hash is kept, so the same
// record sent again is "unchanged" and does not bring the comment back.
func clearComments(tx *gorm.DB, tenantID int64, before, now time.Time) (int, error) {
	var ids []int64
	if err := tx.Model(&feedback.Record{}).Scopes(store.Tenant(tenantID)).Where("occurred_at < ? AND comment <> ''", before).
		Order("id").Limit(batch).Pluck("id", &ids).Error; err != nil || len(ids) == 0 {
		return 0, err
	}
	res := tx.Model(&feedback.Record{}).Scopes(store.Tenant(tenantID)).Where("id IN ?", ids).
		Updates(map[string]any{"comment": "", "updated_at": now})
	return int(res.RowsAffected), res.Error
}
