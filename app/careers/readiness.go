package careers

import (
	"context"
	"sort"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// CareerReadinessItem is one placed person and how far they are from their next level.
type CareerReadinessItem struct {
	User      CareerPerson `json:"user"`
	TrackID   int64        `json:"track_id"`
	Level     CareerLevel  `json:"level"`
	NextLevel *CareerLevel `json:"next_level" doc:"nil at the top of the track"`
	Met       int          `json:"met"`
	Total     int          `json:"total"`
	Ready     bool         `json:"ready" doc:"every requirement of the next level met"`
	Missing   []string     `json:"missing" doc:"kinds of the requirements not met"`
}

// Readiness lists the placed people of the caller's subtree (a manager) or
// the bank (HR), narrowed to a branch's subtree and a track when given:
// the ready first, then by how many requirements they meet.
func (s *Service) Readiness(ctx context.Context, p *access.Principal, branchID, trackID int64) ([]CareerReadinessItem, error) {
	scopes, err := s.Guard.ScopesAny(ctx, p, PermReview, PermManage)
	if err != nil {
		return nil, err
	}
	q := s.DB.R.WithContext(ctx).Model(&Profile{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN users u ON u.tenant_id = career_profiles.tenant_id AND u.id = career_profiles.user_id").
		Joins("JOIN branches b ON b.tenant_id = u.tenant_id AND b.id = u.branch_id").
		Where("career_profiles.level_id IS NOT NULL AND u.status = ?", org.StatusActive)
	q = authz.InSubtrees(q, "b.path", scopes)
	if branchID > 0 {
		var bs []org.Branch
		if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ?", branchID).Limit(1).Find(&bs).Error; err != nil {
			return nil, err
		}
		if len(bs) == 0 || !inScopes(bs[0].Path, scopes) {
			return nil, apperr.NotFound("branch")
		}
		q = authz.InSubtrees(q, "b.path", []string{bs[0].Path})
	}
	if trackID > 0 {
		q = q.Where("career_profiles.track_id = ?", trackID)
	}
	var rows []struct {
		UserID      int64
		DisplayName string
		BranchID    int64
		BranchName  string
		TrackID     int64
		LevelID     int64
		HiredOn     *time.Time
	}
	if err := q.Select("career_profiles.user_id, u.display_name, u.branch_id, b.name AS branch_name, career_profiles.track_id, career_profiles.level_id, career_profiles.hired_on").
		Order("u.id").Limit(5000).Scan(&rows).Error; err != nil {
		return nil, err
	}
	tracks, err := s.tracks(ctx, s.DB.R, p.TenantID)
	if err != nil {
		return nil, err
	}
	levelOf := map[int64]*CareerLevelView{}
	nextOf := map[int64]*CareerLevelView{}
	for ti := range tracks {
		lv := tracks[ti].Levels
		for i := range lv {
			levelOf[lv[i].ID] = &lv[i]
			if i+1 < len(lv) {
				nextOf[lv[i].ID] = &lv[i+1]
			}
		}
	}
	subs := make([]subject, 0, len(rows))
	for _, r := range rows {
		if next := nextOf[r.LevelID]; next != nil {
			reqs := make([]scoring.Requirement, len(next.Requirements))
			for i, rv := range next.Requirements {
				reqs[i] = rv.req
			}
			subs = append(subs, subject{UserID: r.UserID, HiredOn: r.HiredOn, Reqs: reqs})
		}
	}
	loc, err := s.location(ctx, p.TenantID)
	if err != nil {
		return nil, err
	}
	got, err := s.measure(ctx, p.TenantID, subs, s.Now().UTC(), loc)
	if err != nil {
		return nil, err
	}
	out := make([]CareerReadinessItem, 0, len(rows))
	for _, r := range rows {
		cur := levelOf[r.LevelID]
		if cur == nil {
			continue
		}
		it := CareerReadinessItem{User: CareerPerson{ID: r.UserID, Name: r.DisplayName, BranchID: r.BranchID, BranchName: r.BranchName},
			TrackID: r.TrackID, Level: cur.CareerLevel, Missing: []string{}}
		if next := nextOf[r.LevelID]; next != nil {
			l := next.CareerLevel
			it.NextLevel = &l
			it.Total = len(next.Requirements)
			for _, pg := range got[r.UserID] {
				if pg.Met {
					it.Met++
				} else {
					it.Missing = append(it.Missing, pg.Kind)
				}
			}
			it.Ready = it.Met == it.Total
		}
		out = append(out, it)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Ready != b.Ready {
			return a.Ready
		}
		if (a.NextLevel == nil) != (b.NextLevel == nil) {
			return b.NextLevel == nil
		}
		return a.Total-a.Met < b.Total-b.Met
	})
	return out, nil
}

func inScopes(path string, scopes []string) bool {
	for _, sc := range scopes {
		lo, hi := authz.PathRange(sc)
		if path >= lo && path < hi {
			return true
		}
	}
	return false
}
