// Package org holds tenants, their branch trees and their users.
package org

import "time"

// Tenant is one bank (or one division of a bank).
type Tenant struct {
	ID            int64  `gorm:"primaryKey" json:"id"`
	Slug          string `json:"slug"`
	Name          string `json:"name"`
	TimeZone      string `json:"time_zone"`
	DefaultLocale string `json:"default_locale"`
	PolicyVersion int64  `json:"policy_version"`
	// SessionVersion moves with every change that ends or alters sessions.
	SessionVersion int64     `json:"session_version"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Branch is a node of a tenant's tree; Path is the materialized path of ids,
// e.g. "/1/5/12/", so a subtree is one index range.
type Branch struct {
	TenantID  int64      `json:"tenant_id"`
	ID        int64      `gorm:"primaryKey" json:"id"`
	ParentID  *int64     `json:"parent_id"`
	Code      string     `json:"code"`
	Name      string     `json:"name"`
	Path      string     `json:"path"`
	Depth     int        `json:"depth"`
	ClosedAt  *time.Time `json:"closed_at"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
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
func Models() []any { return []any{&Branch{}, &User{}, &SignInPolicyRow{}} }
