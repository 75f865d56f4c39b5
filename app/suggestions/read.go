package suggestions

import (
	"context"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
)

// SuggestionRef names a person or a branch in a view.
type SuggestionRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// SuggestionItem is a suggestion in a list.
type SuggestionItem struct {
	Suggestion
	Author       SuggestionRef `json:"author"`
	Branch       SuggestionRef `json:"branch"`
	ProjectState string        `json:"project_state,omitempty" enum:"open,payout_pending,paid"`
}

// SuggestionContributor is a contributor with their name.
type SuggestionContributor struct {
	UserID  int64  `json:"user_id"`
	Name    string `json:"name"`
	ShareBP int    `json:"share_bp"`
}

// SuggestionProject is an adopted suggestion's bonus as its readers see it.
type SuggestionProject struct {
	PoolCents      int64                   `json:"pool_cents"`
	State          string                  `json:"state" enum:"open,payout_pending,paid"`
	Contributors   []SuggestionContributor `json:"contributors"`
	ApprovedByName string                  `json:"approved_by_name"`
	ApprovedAt     *string                 `json:"approved_at"`
}

// SuggestionCan says what the caller may do with a suggestion now.
type SuggestionCan struct {
	Edit    bool `json:"edit"`
	Decide  bool `json:"decide"`
	Project bool `json:"project"`
	Approve bool `json:"approve"`
}

// SuggestionDetail is one suggestion with its history and project.
type SuggestionDetail struct {
	SuggestionItem
	Events  []SuggestionEvent  `json:"events"`
	Project *SuggestionProject `json:"project"`
	Can     SuggestionCan      `json:"can"`
}

type itemRow struct {
	Suggestion
	AuthorName   string
	BranchName   string
	ProjectState *string
}

func (r itemRow) item() SuggestionItem {
	it := SuggestionItem{Suggestion: r.Suggestion, Author: SuggestionRef{r.AuthorID, r.AuthorName}, Branch: SuggestionRef{r.BranchID, r.BranchName}}
	if r.ProjectState != nil {
		it.ProjectState = *r.ProjectState
	}
	return it
}

const itemCols = "suggestions.*, u.display_name AS author_name, b.name AS branch_name, pr.state AS project_state"

func (s *Service) itemQuery(ctx context.Context, tenantID int64) *gorm.DB {
	return s.DB.R.WithContext(ctx).Model(&Suggestion{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN users u ON u.tenant_id = suggestions.tenant_id AND u.id = suggestions.author_id").
		Joins("JOIN branches b ON b.tenant_id = suggestions.tenant_id AND b.id = suggestions.branch_id").
		Joins("LEFT JOIN suggestion_projects pr ON pr.tenant_id = suggestions.tenant_id AND pr.suggestion_id = suggestions.id")
}

// List is a page of the suggestions p may see: their own, and those of the
// branches they review (mine: only their own), newest first.
func (s *Service) List(ctx context.Context, p *access.Principal, state string, mine bool, page, size int) ([]SuggestionItem, int64, error) {
	if _, err := s.Guard.ScopesAny(ctx, p, PermSubmit, PermReview); err != nil {
		return nil, 0, err
	}
	q := s.itemQuery(ctx, p.TenantID)
	if mine {
		q = q.Where("suggestions.author_id = ?", p.UserID)
	} else {
		scopes, err := s.Guard.Authz.Scopes(ctx, p.Actor(), PermReview.Obj, PermReview.Act)
		if err != nil {
			return nil, 0, err
		}
		sub := authz.InSubtrees(s.DB.R.Session(&gorm.Session{NewDB: true}), "b.path", scopes)
		q = q.Where(s.DB.R.Session(&gorm.Session{NewDB: true}).Where("suggestions.author_id = ?", p.UserID).Or(sub))
	}
	if state != "" {
		q = q.Where("suggestions.state = ?", state)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var rows []itemRow
	if err := q.Select(itemCols).Order("suggestions.created_at DESC, suggestions.id DESC").Offset((page - 1) * size).Limit(size).Scan(&rows).Error; err != nil {
		return nil, 0, err
	}
	out := make([]SuggestionItem, len(rows))
	for i, r := range rows {
		out[i] = r.item()
	}
	return out, total, nil
}

// Get is one suggestion for its author, a contributor, a reviewer over its
// branch or HR; anyone else gets the same 404 as for a missing one.
func (s *Service) Get(ctx context.Context, p *access.Principal, id int64) (*SuggestionDetail, error) {
	if _, err := s.Guard.ScopesAny(ctx, p, PermSubmit, PermReview, PermPay); err != nil {
		return nil, err
	}
	var rows []itemRow
	if err := s.itemQuery(ctx, p.TenantID).Select(itemCols).Where("suggestions.id = ?", id).Limit(1).Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, apperr.NotFound("suggestion")
	}
	r := rows[0]
	path, err := branchPath(s.DB.R.WithContext(ctx), p.TenantID, r.BranchID)
	if err != nil {
		return nil, err
	}
	review, err := s.Guard.Allows(ctx, p, path, PermReview)
	if err != nil {
		return nil, err
	}
	pay, err := s.Guard.Allows(ctx, p, path, PermPay)
	if err != nil {
		return nil, err
	}
	d := &SuggestionDetail{SuggestionItem: r.item(), Events: []SuggestionEvent{}}
	proj, contributors, err := s.project(ctx, s.DB.R, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	contributor := false
	for _, c := range contributors {
		contributor = contributor || c.UserID == p.UserID
	}
	author := r.AuthorID == p.UserID
	if !author && !review && !pay && !contributor {
		return nil, apperr.NotFound("suggestion")
	}
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("suggestion_id = ?", id).Order("at, id").Find(&d.Events).Error; err != nil {
		return nil, err
	}
	if proj != nil {
		pv := &SuggestionProject{PoolCents: proj.PoolCents, State: proj.State, Contributors: contributors, ApprovedByName: proj.ApprovedByName}
		if proj.ApprovedAt != nil {
			at := proj.ApprovedAt.UTC().Format("2006-01-02T15:04:05Z")
			pv.ApprovedAt = &at
		}
		d.Project = pv
	}
	d.Can = SuggestionCan{
		Edit:    author && r.State == Returned,
		Decide:  review && !author && r.State == Submitted,
		Project: pay && proj != nil && proj.State != ProjectPaid,
		Approve: pay && proj != nil && proj.State == ProjectPending,
	}
	return d, nil
}

// project is a suggestion's project and its contributors in order (nil
// when it has none).
func (s *Service) project(ctx context.Context, db *gorm.DB, tenantID, id int64) (*Project, []SuggestionContributor, error) {
	var ps []Project
	if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("suggestion_id = ?", id).Limit(1).Find(&ps).Error; err != nil {
		return nil, nil, err
	}
	if len(ps) == 0 {
		return nil, []SuggestionContributor{}, nil
	}
	var cs []SuggestionContributor
	if err := db.WithContext(ctx).Model(&Contributor{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN users u ON u.tenant_id = suggestion_contributors.tenant_id AND u.id = suggestion_contributors.user_id").
		Select("suggestion_contributors.user_id, u.display_name AS name, suggestion_contributors.share_bp").
		Where("suggestion_contributors.suggestion_id = ?", id).Order("suggestion_contributors.seq").Scan(&cs).Error; err != nil {
		return nil, nil, err
	}
	if cs == nil {
		cs = []SuggestionContributor{}
	}
	return &ps[0], cs, nil
}
