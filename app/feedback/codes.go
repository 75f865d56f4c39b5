package feedback

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/store"
)

// codes are a tenant's branch and staff codes, loaded once per import so
// that resolving a row is a map lookup, not a query.
type codes struct {
	branches map[string]branchRef
	staff    map[string]staffRef
	metrics  map[string]bool
	paths    map[int64]string // by branch id, built on first use
	loc      *time.Location
}

type branchRef struct {
	id   int64
	path string
}

type staffRef struct {
	id, branchID int64
}

func loadCodes(ctx context.Context, db *gorm.DB, tenantID int64) (*codes, error) {
	c := &codes{branches: map[string]branchRef{}, staff: map[string]staffRef{}, metrics: map[string]bool{}}
	var bs []struct {
		ID         int64
		Code, Path string
	}
	if err := db.WithContext(ctx).Table("branches").Scopes(store.Tenant(tenantID)).Select("id, code, path").Find(&bs).Error; err != nil {
		return nil, err
	}
	for _, b := range bs {
		c.branches[b.Code] = branchRef{id: b.ID, path: b.Path}
	}
	var us []struct {
		ID, BranchID int64
		EmployeeCode string
	}
	if err := db.WithContext(ctx).Table("users").Scopes(store.Tenant(tenantID)).Select("id, branch_id, employee_code").
		Where("employee_code <> ''").Find(&us).Error; err != nil {
		return nil, err
	}
	for _, u := range us {
		c.staff[u.EmployeeCode] = staffRef{id: u.ID, branchID: u.BranchID}
	}
	var ms []string
	if err := db.WithContext(ctx).Model(&BusinessMetric{}).Scopes(store.Tenant(tenantID)).Pluck("code", &ms).Error; err != nil {
		return nil, err
	}
	for _, m := range ms {
		c.metrics[m] = true
	}
	loc, err := zoneOf(ctx, db, tenantID)
	if err != nil {
		return nil, err
	}
	c.loc = loc
	return c, nil
}
