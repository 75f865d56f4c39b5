package attempts

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/readlog"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// ReviewView is an attempt as a reviewer sees it: the whole transcript and
// result, the turn-by-turn debrief, time per turn, and the comments.
type ReviewView struct {
	Attempt    AttemptView    `json:"attempt"`
	Debrief    *DebriefView   `json:"debrief"`
	UserID     int64          `json:"user_id"`
	UserName   string         `json:"user_name"`
	BranchName string         `json:"branch_name"`
	Title      scenarios.Text `json:"title"`
	Comments   []Comment      `json:"comments"`
}

func (s *Service) reviewRoutes(api huma.API) {
	type reviewListIn struct {
		BranchID    int64  `query:"branch_id" minimum:"0"`
		ScenarioID  string `query:"scenario_id" maxLength:"100"`
		Status      string `query:"status" enum:"in_progress,finished,"`
		Violations  bool   `query:"violations" doc:"only attempts with a violation"`
		NearMisses  bool   `query:"near_misses" doc:"only attempts with a near miss (went back at the suitability warning)"`
		HumanLook   bool   `query:"needs_human_look" doc:"only attempts marked for a human look"`
		Uncommented bool   `query:"uncommented" doc:"only attempts not yet commented"`
		Page        int    `query:"page" minimum:"1" maximum:"1000000" default:"1"`
		PageSize    int    `query:"page_size" minimum:"1" maximum:"200" default:"20"`
	}
	type reviewListOut struct {
		Body struct {
			Items []ReviewRow `json:"items"`
			Total int64       `json:"total"`
		}
	}
	huma.Register(api, training.Op("list-reviews", http.MethodGet, "/api/v1/training/reviews", "Attempts made in the branches I review"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *reviewListIn) (*reviewListOut, error) {
			rows, total, err := s.Reviews(ctx, p, ReviewFilter{BranchID: in.BranchID, ScenarioID: in.ScenarioID, Status: in.Status,
				Violations: in.Violations, NearMisses: in.NearMisses, HumanLook: in.HumanLook, Uncommented: in.Uncommented, Page: in.Page, PageSize: in.PageSize})
			if err != nil {
				return nil, err
			}
			// Each row is someone's attempt and score: each person shown is a look.
			ids := make([]int64, len(rows))
			for i, r := range rows {
				ids[i] = r.UserID
			}
			s.Reads.RecordMany(p, ids, readlog.Attempt, "list")
			out := &reviewListOut{}
			out.Body.Items, out.Body.Total = rows, total
			return out, nil
		}))

	huma.Register(api, training.Op("get-review", http.MethodGet, "/api/v1/training/reviews/{id}", "One attempt in a branch I review: transcript, scores, violations, time per turn, comments"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *AttemptPath) (*struct{ Body ReviewView }, error) {
			a, sc, st, err := s.reviewable(ctx, p, in.ID, false)
			if err != nil {
				return nil, err
			}
			s.Reads.Record(p, a.UserID, readlog.Transcript, strconv.FormatInt(a.ID, 10))
			v := ReviewView{Attempt: attemptView(a, sc, st), UserID: a.UserID, Title: sc.Title}
			if v.UserName, v.BranchName, err = s.names(ctx, p.TenantID, a.UserID, a.BranchID); err != nil {
				return nil, err
			}
			if a.Status == Finished {
				d := debrief(sc, st)
				v.Debrief = &d
			}
			if v.Comments, err = s.Comments(ctx, p.TenantID, a.ID); err != nil {
				return nil, err
			}
			v.Attempt.Comments = v.Comments
			return &struct{ Body ReviewView }{v}, nil
		}))

	type reviewCommentBody struct {
		Body string `json:"body" minLength:"1" maxLength:"2000"`
	}
	huma.Register(api, training.Op("add-review-comment", http.MethodPost, "/api/v1/training/reviews/{id}/comments", "Add a coaching comment the employee sees", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			AttemptPath
			Body reviewCommentBody
		}) (*struct{ Body Comment }, error) {
			c, err := s.AddComment(ctx, p, in.ID, in.Body.Body)
			if err != nil {
				return nil, err
			}
			return &struct{ Body Comment }{*c}, nil
		}))
}
