package assignments

import (
	"context"
	"fmt"
	"time"

	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/store"
)

// seedAssignments sets this month's programme in each demo bank: HR assigns
// two scenarios bank-wide, and a branch manager assigns two more to his
// branch (one due within two days, so the reminder shows). It runs before
// the demo attempts, which then count as completions.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	now := d.Now()
	plan := []struct {
		tenant, by, branch, programme string
		keys                          []string
		due                           time.Duration
	}{
		{"demo", "hr", "HQ", "月度合规训练", []string{"conservative-wants-high-yield", "smart-deposit-complaint"}, 14 * 24 * time.Hour},
		{"demo", "mgr.north", "north", "北方分行服务提升", []string{"salary-to-fixed-deposit", "lost-card-report"}, 36 * time.Hour},
		{"demo2", "mgr.1", "kunming", "昆明分行适老服务", []string{"elderly-app-distrust-yunling"}, 10 * 24 * time.Hour},
	}
	for _, x := range plan {
		pctx, p, err := d.As(ctx, x.tenant, x.by)
		if err != nil {
			return err
		}
		var branchID int64
		if err := s.DB.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(p.TenantID)).Where("code = ?", x.branch).Pluck("id", &branchID).Error; err != nil {
			return err
		}
		_, _, err = s.Assign(pctx, p, AssignInput{Programme: x.programme, ScenarioKeys: x.keys, BranchID: branchID,
			Audience: AudienceSubtree, DueAt: now.Add(x.due).Truncate(time.Hour)})
		if err != nil {
			return fmt.Errorf("%s assigns %v: %w", x.by, x.keys, err)
		}
	}
	// The reminders of what falls due within two days are part of the demo:
	// the periodic job would send them at the first start anyway.
	_, err := s.RemindDueSoon(ctx)
	return err
}
