// Package org holds tenants, their branch trees and their users.
package org

import "time"

// Tenant is one bank (or one division of a bank).
type Tenant struct {
	ID            int64 `gorm:"primaryKey"`
	Slug          string
	Name          string
	TimeZone      string
	DefaultLocale string
	PolicyVersion int64
	// SessionVersion moves with every change that ends or alters sessions.
	SessionVersion int64
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Branch is a node of a tenant's tree; Path is the materialized path of ids,
// e.g. "/1/5/12/", so a subtree is one index range.
type Branch struct {
	TenantID  int64
	ID        int64 `gorm:"primaryKey"`
	ParentID  *int64
	Code      string
	Name      string
	Path      string
	Depth     int
	ClosedAt  *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

// User statuses.
const (
	StatusActive   = "active"
	StatusDisabled = "disabled"
)

// User is a member of staff; it belongs to one tenant and one branch.
type User struct {
	TenantID           int64      `json:"tenant_id"`
	ID                 int64      `gorm:"primaryKey" json:"id"`
	BranchID           int64      `json:"branch_id"`
	Username           string     `json:"username"`
	DisplayName        string     `json:"display_name"`
	EmployeeCode       string     `json:"employee_code"`
	Email              string     `json:"email"`
	Locale             string     `json:"locale"`
	PasswordHash       string     `json:"-"`
	MustChangePassword bool       `json:"must_change_password"`
	Status             string     `json:"status"`
	FailedLogins       int        `json:"-"`
	LockedUntil        *time.Time `json:"-"`
	CreatedAt          time.Time  `json:"created_at"`
	UpdatedAt          time.Time  `json:"updated_at"`
}

// Models lists every tenant-owned model of this package, for the isolation test.
func Models() []any { return []any{&Branch{}, &User{}} }
