package cases

import (
	"context"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// PopularTags are the 30 tags most used by published cases.
func (s *Service) PopularTags(ctx context.Context, p *access.Principal) ([]string, error) {
	if err := s.Guard.Can(ctx, p, PermRead); err != nil {
		return nil, err
	}
	var rows []struct {
		Tag string
		N   int
	}
	if err := s.DB.R.WithContext(ctx).Model(&CaseTag{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN cases c ON c.tenant_id = case_tags.tenant_id AND c.id = case_tags.case_id").
		Where("c.status = ?", Published).Select("case_tags.tag AS tag, COUNT(*) AS n").Group("case_tags.tag").
		Order("n DESC, tag").Limit(30).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Tag
	}
	return out, nil
}
