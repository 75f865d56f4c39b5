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

// Actor is who made a change, as the audit log records it.
type Actor struct {
	TenantID int64
	UserID   *int64 // nil for the platform operator and the demo seeder
	Name     string
}

// By is the actor for a signed-in tenant user.
func By(p *access.Principal) Actor {
	id := p.UserID
	return Actor{TenantID: p.TenantID, UserID: &id, Name: p.DisplayName}
}

// System is an actor without a user of the tenant: the platform operator
// creating a bank, the demo seeder.
func System(tenantID int64, name string) Actor { return Actor{TenantID: tenantID, Name: name} }

// Record writes one entry by actor. before and after are any JSON-encodable
// snapshots (nil when there is none). The actor is a parameter, not read
// from ctx, so a write made on someone's behalf (a job, the seeder) says who.
func Record(ctx context.Context, tx *gorm.DB, actor Actor, now time.Time, action, targetType, targetID string, before, after any) error {
	e := Entry{
		TenantID: actor.TenantID, ActorID: actor.UserID, ActorName: actor.Name,
		At: now.UTC(), Action: action, TargetType: targetType, TargetID: targetID,
		BeforeJSON: snapshot(before), AfterJSON: snapshot(after), RequestID: access.RequestID(ctx),
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
