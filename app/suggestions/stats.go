package suggestions

import (
	"context"

	"github.com/servicestar/servicestar/app/store"
)

// Stats answers other areas' questions about suggestions, without the
// routes' authorization: the reader decides who may see what.
type Stats struct{ DB *store.DB }

// AdoptedCounts counts, per employee, the adopted suggestions they authored
// or contributed to (one suggestion counts once per person).
func (s Stats) AdoptedCounts(ctx context.Context, tenantID int64, employeeIDs []int64) (map[int64]int, error) {
	seen := map[[2]int64]bool{}
	out := map[int64]int{}
	add := func(person, suggestion int64) {
		if k := [2]int64{person, suggestion}; !seen[k] {
			seen[k] = true
			out[person]++
		}
	}
	for start := 0; start < len(employeeIDs); start += 500 {
		chunk := employeeIDs[start:min(start+500, len(employeeIDs))]
		var authored []struct{ AuthorID, ID int64 }
		if err := s.DB.R.WithContext(ctx).Model(&Suggestion{}).Scopes(store.Tenant(tenantID)).Select("author_id, id").
			Where("state = ? AND author_id IN ?", Adopted, chunk).Scan(&authored).Error; err != nil {
			return nil, err
		}
		for _, a := range authored {
			add(a.AuthorID, a.ID)
		}
		var contributed []struct{ UserID, SuggestionID int64 }
		if err := s.DB.R.WithContext(ctx).Model(&Contributor{}).Scopes(store.Tenant(tenantID)).
			Joins("JOIN suggestions sg ON sg.tenant_id = suggestion_contributors.tenant_id AND sg.id = suggestion_contributors.suggestion_id").
			Select("suggestion_contributors.user_id, suggestion_contributors.suggestion_id").
			Where("sg.state = ? AND suggestion_contributors.user_id IN ?", Adopted, chunk).Scan(&contributed).Error; err != nil {
			return nil, err
		}
		for _, c := range contributed {
			add(c.UserID, c.SuggestionID)
		}
	}
	return out, nil
}
