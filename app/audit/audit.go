// Package audit records privileged writes (who, tenant, what, before/after,
// when, request id) in the same transaction as the write itself.
package audit

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
)

// Entry is one row of the audit log.
type Entry struct {
	TenantID   int64     `gorm:"column:tenant_id"`
	ID         int64     `gorm:"primaryKey"`
	At         time.Time `gorm:"column:at"`
	ActorID    *int64
	ActorName  string
	Action     string
	TargetType string
	TargetID   string
	BeforeJSON *string `gorm:"column:before_json"`
	AfterJSON  *string `gorm:"column:after_json"`
	RequestID  string
}

// TableName keeps the table name stable.
func (Entry) TableName() string { return "audit_log" }

// Record writes one entry for the principal of ctx. before and after are any
// JSON-encodable snapshots (nil when there is none).
func Record(ctx context.Context, tx *gorm.DB, now time.Time, action, targetType, targetID string, before, after any) error {
	p := access.From(ctx)
	e := Entry{
		At: now.UTC(), Action: action, TargetType: targetType, TargetID: targetID,
		BeforeJSON: snapshot(before), AfterJSON: snapshot(after), RequestID: access.RequestID(ctx),
	}
	if p != nil {
		e.TenantID = p.TenantID
		id := p.UserID
		e.ActorID = &id
		e.ActorName = p.DisplayName
	}
	return tx.Create(&e).Error
}

// RecordFor is Record for writes whose tenant is not the actor's (platform
// operator creating a tenant, the demo seeder).
func RecordFor(ctx context.Context, tx *gorm.DB, tenantID int64, actorName string, now time.Time, action, targetType, targetID string, before, after any) error {
	e := Entry{
		TenantID: tenantID, At: now.UTC(), ActorName: actorName, Action: action, TargetType: targetType,
		TargetID: targetID, BeforeJSON: snapshot(before), AfterJSON: snapshot(after), RequestID: access.RequestID(ctx),
	}
	return tx.Create(&e).Error
}

func snapshot(v any) *string {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	s := string(b)
	return &s
}
