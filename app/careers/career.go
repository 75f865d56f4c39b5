package careers

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// CareerProgress is one requirement of the next level, measured.
type CareerProgress struct {
	CareerRequirement
	Current     *int   `json:"current"`
	Target      int    `json:"target"`
	Met         bool   `json:"met"`
	Unavailable string `json:"unavailable,omitempty" enum:"no_hire_date,source_unavailable" doc:"why it could not be measured (then not met)"`
}

func progressView(r CareerRequirement, pg scoring.Progress) CareerProgress {
	return CareerProgress{CareerRequirement: r, Current: pg.Current, Target: pg.Target, Met: pg.Met, Unavailable: pg.Unavailable}
}

// CareerHistoryEntry is one history row with the names of tracks and levels.
type CareerHistoryEntry struct {
	CareerHistoryRow
	FromTrack *string `json:"from_track" doc:"the track's Chinese name"`
	FromLevel *string `json:"from_level"`
	ToTrack   string  `json:"to_track"`
	ToLevel   string  `json:"to_level"`
}

// CareerView is where a person stands and what their next level asks.
type CareerView struct {
	User         CareerPerson         `json:"user"`
	Track        *CareerTrack         `json:"track"`
	Level        *CareerLevel         `json:"level"`
	Since        *time.Time           `json:"since"`
	HiredOn      *string              `json:"hired_on" doc:"yyyy-mm-dd"`
	NextLevel    *CareerLevelView     `json:"next_level" doc:"nil at the top of the track, or when not placed"`
	Met          int                  `json:"met"`
	Total        int                  `json:"total"`
	Ready        bool                 `json:"ready" doc:"every requirement of the next level met"`
	Requirements []CareerProgress     `json:"requirements"`
	History      []CareerHistoryEntry `json:"history"`
}

// Me is the caller's own career.
func (s *Service) Me(ctx context.Context, p *access.Principal) (*CareerView, error) {
	if err := s.Guard.Can(ctx, p, PermSelf); err != nil {
		return nil, err
	}
	who, err := s.personByID(ctx, s.DB.R, p.TenantID, p.UserID)
	if err != nil {
		return nil, err
	}
	return s.career(ctx, p.TenantID, who)
}

// Of is a person's career, for their manager or HR.
func (s *Service) Of(ctx context.Context, p *access.Principal, id int64) (*CareerView, error) {
	who, err := s.readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return s.career(ctx, p.TenantID, who)
}

// nextLevel is the level after levelID on its track, with its requirements
// (nil at the top).
func (s *Service) nextLevel(ctx context.Context, db *gorm.DB, tenantID int64, lv *CareerLevel) (*CareerLevelView, error) {
	var next []CareerLevel
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("track_id = ? AND rank > ?", lv.TrackID, lv.Rank).
		Order("rank").Limit(1).Find(&next).Error; err != nil {
		return nil, err
	}
	if len(next) == 0 {
		return nil, nil
	}
	reqs, err := s.requirementsOf(ctx, db, tenantID, next[0].ID)
	if err != nil {
		return nil, err
	}
	return &CareerLevelView{CareerLevel: next[0], Requirements: reqs}, nil
}

// career reads one person's place, measures the next level's requirements
// (only the facts they need) and lists the history.
func (s *Service) career(ctx context.Context, tenantID int64, who *person) (*CareerView, error) {
	db := s.DB.R
	out := &CareerView{User: who.ref(), Requirements: []CareerProgress{}, History: []CareerHistoryEntry{}}
	pr, err := s.profile(ctx, db, tenantID, who.ID)
	if err != nil {
		return nil, err
	}
	var hired *time.Time
	if pr != nil {
		out.Since, hired = pr.Since, pr.HiredOn
		if pr.HiredOn != nil {
			d := pr.HiredOn.UTC().Format(time.DateOnly)
			out.HiredOn = &d
		}
		if pr.TrackID != nil && pr.LevelID != nil {
			var t CareerTrack
			var l CareerLevel
			if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id = ?", *pr.TrackID).Take(&t).Error; err != nil {
				return nil, err
			}
			if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id = ?", *pr.LevelID).Take(&l).Error; err != nil {
				return nil, err
			}
			out.Track, out.Level = &t, &l
			if out.NextLevel, err = s.nextLevel(ctx, db, tenantID, &l); err != nil {
				return nil, err
			}
		}
	}
	if out.NextLevel != nil && len(out.NextLevel.Requirements) > 0 {
		reqs := make([]scoring.Requirement, len(out.NextLevel.Requirements))
		for i, r := range out.NextLevel.Requirements {
			reqs[i] = r.req
		}
		loc, err := s.location(ctx, tenantID)
		if err != nil {
			return nil, err
		}
		got, err := s.measure(ctx, tenantID, []subject{{UserID: who.ID, HiredOn: hired, Reqs: reqs}}, s.Now().UTC(), loc)
		if err != nil {
			return nil, err
		}
		for i, pg := range got[who.ID] {
			out.Requirements = append(out.Requirements, progressView(out.NextLevel.Requirements[i], pg))
			if pg.Met {
				out.Met++
			}
		}
	}
	if out.NextLevel != nil {
		out.Total = len(out.NextLevel.Requirements)
		out.Ready = out.Met == out.Total
	}
	if out.History, err = s.history(ctx, db, tenantID, who.ID); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Service) history(ctx context.Context, db *gorm.DB, tenantID, userID int64) ([]CareerHistoryEntry, error) {
	var rows []CareerHistoryRow
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("user_id = ?", userID).Order("at DESC, id DESC").Limit(100).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]CareerHistoryEntry, 0, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	tracks, levels, err := s.names(ctx, db, tenantID)
	if err != nil {
		return nil, err
	}
	name := func(m map[int64]string, id *int64) *string {
		if id == nil {
			return nil
		}
		v := m[*id]
		return &v
	}
	for _, r := range rows {
		out = append(out, CareerHistoryEntry{CareerHistoryRow: r, FromTrack: name(tracks, r.FromTrackID), FromLevel: name(levels, r.FromLevelID),
			ToTrack: tracks[r.ToTrackID], ToLevel: levels[r.ToLevelID]})
	}
	return out, nil
}

// names are the Chinese names of the bank's tracks and levels (a few dozen rows).
func (s *Service) names(ctx context.Context, db *gorm.DB, tenantID int64) (map[int64]string, map[int64]string, error) {
	var ts []CareerTrack
	var ls []CareerLevel
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Find(&ts).Error; err != nil {
		return nil, nil, err
	}
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Find(&ls).Error; err != nil {
		return nil, nil, err
	}
	tm, lm := map[int64]string{}, map[int64]string{}
	for _, t := range ts {
		tm[t.ID] = t.NameZh
	}
	for _, l := range ls {
		lm[l.ID] = l.NameZh
	}
	return tm, lm, nil
}
