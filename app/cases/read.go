package cases

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
)

// Visibility says who may read a published case.
type Visibility struct {
	Scope      string `json:"scope" enum:"tenant,subtree"`
	BranchID   *int64 `json:"branch_id" required:"false" doc:"the subtree's branch when scope is subtree"`
	BranchName string `json:"branch_name,omitempty" required:"false" doc:"that branch's name"`
}

// CommentView is a review decision as the case page shows it.
type CommentView struct {
	By       Ref       `json:"by"`
	At       time.Time `json:"at"`
	Text     string    `json:"text"`
	Decision string    `json:"decision" enum:"approve,return,archive,reverify"`
}

// Can says what the caller may do with the case now.
type Can struct {
	Edit       bool `json:"edit"`
	Submit     bool `json:"submit"`
	Review     bool `json:"review"`
	Feature    bool `json:"feature"`
	Archive    bool `json:"archive"`
	ToScenario bool `json:"to_scenario"`
	Restrict   bool `json:"restrict"`
	Rate       bool `json:"rate"`
}

// Detail is a whole case.
type Detail struct {
	Item
	Situation     string        `json:"situation"`
	Actions       string        `json:"actions"`
	Outcome       string        `json:"outcome"`
	Lesson        string        `json:"lesson"`
	SituationHTML string        `json:"situation_html"`
	ActionsHTML   string        `json:"actions_html"`
	OutcomeHTML   string        `json:"outcome_html"`
	LessonHTML    string        `json:"lesson_html"`
	Revision      int           `json:"revision"`
	Visibility    Visibility    `json:"visibility"`
	ScenarioKeys  []string      `json:"scenario_keys"`
	Comments      []CommentView `json:"comments"`
	MyRating      *int          `json:"my_rating"`
	Can           Can           `json:"can"`
}

// Get reads one case the caller may see (a GET writes nothing: the page
// counts its view with a POST).
func (s *Service) Get(ctx context.Context, p *access.Principal, id int64) (*Detail, error) {
	v, err := s.viewer(ctx, p)
	if err != nil {
		return nil, err
	}
	r, err := s.load(ctx, s.DB.R, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	if r == nil || !v.sees(r) {
		return nil, apperr.NotFound("case")
	}
	return s.detail(ctx, v, r)
}

func (s *Service) detail(ctx context.Context, v *viewer, r *caseRow) (*Detail, error) {
	db := s.DB.R.WithContext(ctx)
	d := &Detail{Item: r.item(), Situation: r.Situation, Actions: r.Actions, Outcome: r.Outcome, Lesson: r.Lesson,
		SituationHTML: RenderHTML(r.Situation), ActionsHTML: RenderHTML(r.Actions), OutcomeHTML: RenderHTML(r.Outcome), LessonHTML: RenderHTML(r.Lesson),
		Revision: r.Revision, Visibility: Visibility{Scope: "tenant", BranchID: r.VisBranchID}, ScenarioKeys: []string{}, Comments: []CommentView{}}
	if r.VisBranchID != nil {
		d.Visibility.Scope = "subtree"
		if r.VisName != nil {
			d.Visibility.BranchName = *r.VisName
		}
	}
	if err := db.Model(&ScenarioLink{}).Scopes(store.Tenant(r.TenantID)).Where("case_id = ?", r.ID).Order("scenario_key").Pluck("scenario_key", &d.ScenarioKeys).Error; err != nil {
		return nil, err
	}
	var cs []Comment
	if err := db.Scopes(store.Tenant(r.TenantID)).Where("case_id = ?", r.ID).Order("created_at, id").Find(&cs).Error; err != nil {
		return nil, err
	}
	for _, c := range cs {
		d.Comments = append(d.Comments, CommentView{By: Ref{c.ByID, c.ByName}, At: c.CreatedAt, Text: c.Text, Decision: c.Decision})
	}
	var mine []Rating
	if err := db.Scopes(store.Tenant(r.TenantID)).Where("case_id = ? AND user_id = ?", r.ID, v.p.UserID).Limit(1).Find(&mine).Error; err != nil {
		return nil, err
	}
	if len(mine) == 1 {
		d.MyRating = &mine[0].Stars
	}
	d.Can = v.can(r)
	return d, nil
}

func (v *viewer) can(r *caseRow) Can {
	author := r.AuthorID == v.p.UserID
	open := r.Status == Draft || r.Status == Returned
	reviewer := v.reviews(r.BranchPath) || v.manage
	return Can{
		Edit:       author && open,
		Submit:     author && open,
		Review:     r.Status == Submitted && !author && v.reviews(r.BranchPath),
		Feature:    v.manage && r.Status == Published,
		Archive:    v.manage && r.Status == Published,
		ToScenario: v.manage && r.Status == Published,
		Restrict:   reviewer && r.Status == Published,
		Rate:       !author && r.Status == Published,
	}
}
