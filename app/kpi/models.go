// Package kpi turns feedback rollups, business results and training into
// each person's and each branch subtree's KPI results, under the schemes HR
// sets, per month, quarter and year; and serves the dashboards that read
// those results. A recompute (a background job) writes a period's results;
// a request only reads them.
package kpi

import (
	"encoding/json"
	"time"
)

// Period states.
const (
	Open   = "open"
	Closed = "closed"
)

// Scheme is one version of a KPI scheme (kpi_schemes). Rows are never
// edited: a change is a new version applying from ValidFrom (yyyymm).
type Scheme struct {
	TenantID      int64           `json:"-"`
	ID            int64           `gorm:"primaryKey" json:"id"`
	Name          string          `json:"name"`
	Role          string          `json:"role"`
	Track         string          `json:"track"`
	ValidFrom     int             `json:"-"`
	PriorWeight   int             `json:"prior_weight"`
	MinSample     int             `json:"min_sample"`
	Metrics       json.RawMessage `gorm:"type:text" json:"metrics"`
	CreatedBy     *int64          `json:"created_by"`
	CreatedByName string          `json:"created_by_name"`
	CreatedAt     time.Time       `json:"created_at"`
}

func (Scheme) TableName() string { return "kpi_schemes" }

// PeriodState is a period HR closed or reopened (kpi_periods); a period
// without a row is open.
type PeriodState struct {
	TenantID      int64  `gorm:"primaryKey"`
	PeriodKey     string `gorm:"primaryKey"`
	Kind          string
	FirstMonth    int
	LastMonth     int
	State         string
	ChangedBy     *int64
	ChangedByName string
	Reason        string
	ChangedAt     time.Time
}

func (PeriodState) TableName() string { return "kpi_periods" }

// Result is one person's result of one period (kpi_results). BranchPath is
// the path of BranchID when it was computed, so a subtree's people are one
// index range. Breakdown is a Card without the person.
type Result struct {
	TenantID       int64  `gorm:"primaryKey"`
	PeriodKey      string `gorm:"primaryKey"`
	EmployeeID     int64  `gorm:"primaryKey"`
	BranchID       int64
	BranchPath     string
	SchemeID       int64
	CompositeMilli *int64
	Rankable       bool
	Ratings        int64
	Breakdown      json.RawMessage `gorm:"type:text"`
	ComputedAt     time.Time
}

func (Result) TableName() string { return "kpi_results" }

// BranchResult is one branch subtree's result of one period
// (kpi_branch_results). Breakdown is a branchBreakdown.
type BranchResult struct {
	TenantID       int64  `gorm:"primaryKey"`
	PeriodKey      string `gorm:"primaryKey"`
	BranchID       int64  `gorm:"primaryKey"`
	ParentID       *int64
	BranchPath     string
	CompositeMilli *int64
	People         int64
	RankablePeople int64
	Ratings        int64
	Breakdown      json.RawMessage `gorm:"type:text"`
	ComputedAt     time.Time
}

func (BranchResult) TableName() string { return "kpi_branch_results" }

// Models lists this package's tenant-owned models, for the isolation walk.
func Models() []any {
	return []any{&Scheme{}, &PeriodState{}, &Result{}, &BranchResult{}, &MetricScore{}}
}
