package jobs

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
)

// Page is one page of a tenant's jobs, newest first.
type Page struct {
	Items []Run
	Total int64 // over all pages
}

// List reads a page of tenantID's jobs, newest first.
func List(ctx context.Context, db *store.DB, tenantID int64, page, size int) (Page, error) {
	out := Page{Items: []Run{}}
	q := db.R.WithContext(ctx).Model(&Run{}).Scopes(store.Tenant(tenantID))
	if err := q.Count(&out.Total).Error; err != nil {
		return out, err
	}
	err := db.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Order("created_at DESC, id DESC").
		Offset((page - 1) * size).Limit(size).Find(&out.Items).Error
	if err != nil {
		return out, err
	}
	return out, settle(ctx, db.R, out.Items)
}

// Get reads one job of tenantID; another tenant's answers like a missing one.
func Get(ctx context.Context, db *store.DB, tenantID, id int64) (Run, error) {
	var r Run
	err := db.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id = ?", id).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return r, apperr.NotFound("job")
	}
	if err != nil {
		return r, err
	}
	runs := []Run{r}
	err = settle(ctx, db.R, runs)
	return runs[0], err
}

// riverJob is River's own record of a job: the truth about its lifecycle.
type riverJob struct {
	ID      int64
	State   string
	Attempt int
}

// settle shows unfinished runs as River has them. A worker records every
// ending it sees, but not one it never sees: its process died on the last
// attempt and River gave up, or River gave a dead process's job back to the
// queue. It only reads, and leaves finished runs as their worker wrote them.
func settle(ctx context.Context, db *gorm.DB, runs []Run) error {
	var ids []int64
	for _, r := range runs {
		if !r.State.final() {
			ids = append(ids, r.RiverJobID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var rows []riverJob
	// River's table is global; these ids came from the tenant's own rows.
	if err := db.WithContext(ctx).Table("river_job").Select("id, state, attempt").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return err
	}
	byID := make(map[int64]riverJob, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
	}
	for i := range runs {
		if !runs[i].State.final() {
			rj, found := byID[runs[i].RiverJobID]
			settleOne(&runs[i], rj, found)
		}
	}
	return nil
}

func settleOne(r *Run, rj riverJob, found bool) {
	switch {
	case !found || rj.State == "cancelled" || rj.State == "discarded":
		// Gone (River deletes only finished jobs) or given up on.
		r.State, r.Error, r.ErrorArgs = Failed, msgVanished, nil
	case rj.State == "completed":
		r.State = Completed
	case rj.State == "running":
		r.State = Running
	case rj.State == "retryable" || rj.Attempt > 0:
		r.State = Retrying
	default: // available, scheduled, pending
		r.State = Queued
	}
}
