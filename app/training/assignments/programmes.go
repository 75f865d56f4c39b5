package assignments

import (
	"context"

	"github.com/servicestar/servicestar/app/access"
)

// MaxProgrammes bounds the programme list: years of monthly programmes.
const MaxProgrammes = 500

// ProgrammeView is a programme name and how many of its assignments reach
// the viewer's branches.
type ProgrammeView struct {
	Name        string `json:"name"`
	Assignments int    `json:"assignments"`
}

// Programmes lists the programmes of the assignments that reach p's scope,
// the one due latest first, so the list page can offer every programme
// while it loads only the assignments of the one chosen.
func (s *Service) Programmes(ctx context.Context, p *access.Principal) ([]ProgrammeView, error) {
	scopes, err := s.progressScopes(ctx, p)
	if err != nil {
		return nil, err
	}
	out := []ProgrammeView{}
	err = s.visibleMembers(ctx, p.TenantID, scopes).Where("a.programme <> ''").
		Select("a.programme AS name, COUNT(DISTINCT a.id) AS assignments").
		Group("a.programme").Order("MAX(a.due_at) DESC, a.programme").Limit(MaxProgrammes).Scan(&out).Error
	return out, err
}
