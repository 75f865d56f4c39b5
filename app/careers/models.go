// Package careers keeps the bank's dual career tracks (management and
// expert), their ordered levels and each level's requirements, where every
// person stands on them, and the history of placements, promotions and
// moves. A person's progress toward their next level is measured against
// facts other areas own (KPI results, passed scenarios, cases, awards,
// adopted suggestions), read through narrow interfaces.
package careers

import (
	"encoding/json"
	"time"
)

// CareerTrack kinds.
const (
	KindManagement = "management"
	KindExpert     = "expert"
)

// History actions.
const (
	ActionPlace   = "place"   // first placed on a track
	ActionPromote = "promote" // up a level of the same track
	ActionMove    = "move"    // to another track (or another level of it)
)

// CareerTrack is one career track of a bank.
type CareerTrack struct {
	TenantID  int64     `json:"-"`
	ID        int64     `gorm:"primaryKey" json:"id"`
	Code      string    `json:"code"`
	Kind      string    `json:"kind" enum:"management,expert"`
	NameZh    string    `json:"name_zh"`
	NameEn    string    `json:"name_en"`
	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"-"`
}

func (CareerTrack) TableName() string { return "career_tracks" }

// CareerLevel is one level of a track; Rank orders them (1 is the first).
type CareerLevel struct {
	TenantID  int64     `json:"-"`
	ID        int64     `gorm:"primaryKey" json:"id"`
	TrackID   int64     `json:"track_id"`
	Rank      int       `json:"rank"`
	Code      string    `json:"code"`
	NameZh    string    `json:"name_zh"`
	NameEn    string    `json:"name_en"`
	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"-"`
}

func (CareerLevel) TableName() string { return "career_levels" }

// RequirementRow is one requirement of a level as stored: its kind and
// the parameters of scoring.Requirement as JSON.
type RequirementRow struct {
	TenantID int64
	ID       int64 `gorm:"primaryKey"`
	LevelID  int64
	Seq      int
	Kind     string
	Params   json.RawMessage `gorm:"type:text"`
}

func (RequirementRow) TableName() string { return "career_requirements" }

// Profile is where one person stands: their track and level (nil until HR
// places them), since when, and their hire date (for tenure).
type Profile struct {
	TenantID  int64 `gorm:"primaryKey"`
	UserID    int64 `gorm:"primaryKey"`
	TrackID   *int64
	LevelID   *int64
	Since     *time.Time
	HiredOn   *time.Time
	UpdatedAt time.Time
}

func (Profile) TableName() string { return "career_profiles" }

// CareerHistoryRow is one placement, promotion or move, kept for good.
type CareerHistoryRow struct {
	TenantID    int64     `json:"-"`
	ID          int64     `gorm:"primaryKey" json:"id"`
	UserID      int64     `json:"user_id"`
	Action      string    `json:"action" enum:"place,promote,move"`
	FromTrackID *int64    `json:"from_track_id"`
	FromLevelID *int64    `json:"from_level_id"`
	ToTrackID   int64     `json:"to_track_id"`
	ToLevelID   int64     `json:"to_level_id"`
	Note        string    `json:"note"`
	ByID        *int64    `json:"by_id"`
	ByName      string    `json:"by_name"`
	At          time.Time `json:"at"`
}

func (CareerHistoryRow) TableName() string { return "career_history" }

// Models lists this area's tenant-owned models, for the isolation walk.
func Models() []any {
	return []any{&CareerTrack{}, &CareerLevel{}, &RequirementRow{}, &Profile{}, &CareerHistoryRow{}}
}
