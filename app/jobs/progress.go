package jobs

import (
	"context"

	"github.com/servicestar/servicestar/app/store"
)

// Progress records that done of total units (rows, branches, people) are
// finished, for the bank to watch. It writes when total changes, when done
// reaches total, and otherwise once done has moved by a hundredth of total
// (by 100 while total is unknown, 0), so a job may call it after every row.
func (j *Job) Progress(ctx context.Context, done, total int64) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	step := max(total/100, 1)
	if total <= 0 {
		step = 100
	}
	moved := done - j.done
	if moved < 0 {
		moved = -moved
	}
	end := total > 0 && done >= total
	if j.reported && total == j.total && !end && moved < step {
		return nil
	}
	if err := j.e.update(ctx, j, map[string]any{"done": done, "total": total}); err != nil {
		return err
	}
	j.reported, j.done, j.total = true, done, total
	return nil
}

// update sets columns of the job's row in job_runs, inside its tenant.
func (e *Engine) update(ctx context.Context, j *Job, set map[string]any) error {
	set["updated_at"] = e.now().UTC()
	return e.db.W.WithContext(ctx).Model(&Run{}).Scopes(store.Tenant(j.TenantID)).
		Where("river_job_id = ?", j.riverID).UpdateColumns(set).Error
}
