package attempts

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// AttemptPath is the {id} of an attempt route (exported: huma skips
// embedded unexported structs).
type AttemptPath struct {
	ID int64 `path:"id" minimum:"1"`
}

type attemptOut struct{ Body AttemptView }

// AttemptSummary is a line of "my attempts".
type AttemptSummary struct {
	ID         int64          `json:"id"`
	ScenarioID string         `json:"scenario_id"`
	Title      scenarios.Text `json:"title"`
	Status     string         `json:"status"`
	Total      *float64       `json:"total"`
	Passed     *bool          `json:"passed"`
	StartedAt  time.Time      `json:"started_at"`
	FinishedAt *time.Time     `json:"finished_at"`
}

// Routes registers the sandbox endpoints.
func (s *Service) Routes(api huma.API) {
	s.reviewRoutes(api)
	s.analyticsRoutes(api)
	s.previewRoutes(api)
	s.commentRoutes(api)
	type scenarioCatalogueOut struct {
		Body struct {
			Items []training.ScenarioCard `json:"items"`
		}
	}
	huma.Register(api, training.Op("list-scenarios", http.MethodGet, "/api/v1/training/scenarios", "Scenarios I can practise"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*scenarioCatalogueOut, error) {
			if err := s.Guard.Can(ctx, p, training.PermTake); err != nil {
				return nil, err
			}
			list, err := s.Catalogue.Available(ctx, p.TenantID)
			if err != nil {
				return nil, err
			}
			out := &scenarioCatalogueOut{}
			out.Body.Items = make([]training.ScenarioCard, len(list))
			for i, sc := range list {
				out.Body.Items[i] = training.Card(sc)
			}
			return out, nil
		}))

	type scenarioPath struct {
		ID string `path:"scenario_id" maxLength:"100"`
	}
	huma.Register(api, training.Op("get-scenario", http.MethodGet, "/api/v1/training/scenarios/{scenario_id}", "A scenario's persona, products and dimensions"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *scenarioPath) (*struct{ Body training.ScenarioDetail }, error) {
			if err := s.Guard.Can(ctx, p, training.PermTake); err != nil {
				return nil, err
			}
			sc, err := s.Catalogue.Current(ctx, p.TenantID, in.ID)
			if err != nil {
				return nil, err
			}
			return &struct{ Body training.ScenarioDetail }{training.Detail(sc)}, nil
		}))

	type startBody struct {
		ScenarioID string `json:"scenario_id" minLength:"1" maxLength:"100"`
	}
	huma.Register(api, training.Op("start-attempt", http.MethodPost, "/api/v1/training/attempts", "Start an attempt", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body startBody }) (*attemptOut, error) {
			// The area told of completions also holds the retake limits.
			if g, ok := s.Completions.(training.StartGate); ok {
				if err := g.MayStart(ctx, p.TenantID, p.UserID, in.Body.ScenarioID); err != nil {
					return nil, err
				}
			}
			a, sc, err := s.Start(ctx, p, in.Body.ScenarioID)
			if err != nil {
				return nil, err
			}
			_, _, st, err := s.Own(ctx, p, a.ID)
			if err != nil {
				return nil, err
			}
			return &attemptOut{attemptView(a, sc, st)}, nil
		}))

	type attemptListOut struct {
		Body struct {
			Items []AttemptSummary `json:"items"`
		}
	}
	huma.Register(api, training.Op("list-my-attempts", http.MethodGet, "/api/v1/training/attempts", "My attempts, newest first"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*attemptListOut, error) {
			as, err := s.Mine(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &attemptListOut{}
			out.Body.Items = make([]AttemptSummary, 0, len(as))
			for _, a := range as {
				sum := AttemptSummary{ID: a.ID, ScenarioID: a.ScenarioID, Status: a.Status, Total: a.Total, Passed: a.Passed, StartedAt: a.StartedAt, FinishedAt: a.FinishedAt}
				if sc, err := s.Catalogue.At(ctx, p.TenantID, a.ScenarioID, a.ScenarioVersion); err == nil {
					sum.Title = sc.Title
				}
				out.Body.Items = append(out.Body.Items, sum)
			}
			return out, nil
		}))

	huma.Register(api, training.Op("get-attempt", http.MethodGet, "/api/v1/training/attempts/{id}", "One of my attempts (resume after a reload)"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *AttemptPath) (*attemptOut, error) {
			a, sc, st, err := s.Own(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			v := attemptView(a, sc, st)
			if v.Comments, err = s.Comments(ctx, p.TenantID, a.ID); err != nil {
				return nil, err
			}
			return &attemptOut{v}, nil
		}))

	huma.Register(api, training.Op("attempt-debrief", http.MethodGet, "/api/v1/training/attempts/{id}/debrief", "Turn-by-turn feedback of a finished attempt", 409),
		access.Signed(func(ctx context.Context, p *access.Principal, in *AttemptPath) (*struct{ Body DebriefView }, error) {
			a, sc, st, err := s.Own(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			if a.Status != Finished {
				return nil, apperr.Conflict("the debrief is ready when the attempt is finished")
			}
			return &struct{ Body DebriefView }{debrief(sc, st)}, nil
		}))

	type chooseBody struct {
		ChoiceID  string `json:"choice_id" minLength:"1" maxLength:"100"`
		ElapsedMs int64  `json:"elapsed_ms,omitempty" minimum:"0" maximum:"86400000"`
	}
	huma.Register(api, training.Op("attempt-choose", http.MethodPost, "/api/v1/training/attempts/{id}/choose", "Reply with a choice", 409, 422),
		func(ctx context.Context, in *struct {
			AttemptPath
			Body chooseBody
		}) (*attemptOut, error) {
			return s.act(ctx, in.ID, Move{Kind: "choose", ChoiceID: in.Body.ChoiceID, ElapsedMs: in.Body.ElapsedMs})
		})

	type answerBody struct {
		Text      string `json:"text" minLength:"1" maxLength:"2000"`
		ElapsedMs int64  `json:"elapsed_ms,omitempty" minimum:"0" maximum:"86400000"`
	}
	huma.Register(api, training.Op("attempt-answer", http.MethodPost, "/api/v1/training/attempts/{id}/answer", "Reply in your own words (free-text turn)", 409, 422),
		func(ctx context.Context, in *struct {
			AttemptPath
			Body answerBody
		}) (*attemptOut, error) {
			return s.act(ctx, in.ID, Move{Kind: "answer", Text: in.Body.Text, ElapsedMs: in.Body.ElapsedMs})
		})

	huma.Register(api, training.Op("attempt-confirm", http.MethodPost, "/api/v1/training/attempts/{id}/confirm", "Confirm a recommendation despite the suitability warning (records a violation)", 409),
		func(ctx context.Context, in *AttemptPath) (*attemptOut, error) {
			return s.act(ctx, in.ID, Move{Kind: "confirm"})
		})
	huma.Register(api, training.Op("attempt-insist", http.MethodPost, "/api/v1/training/attempts/{id}/insist", "Proceed on the customer's insistence at the warning (a fund above the class, not C1): the special risk warning, signed confirmation and 双录 must follow before the sale", 409),
		func(ctx context.Context, in *AttemptPath) (*attemptOut, error) {
			return s.act(ctx, in.ID, Move{Kind: "insist"})
		})
	huma.Register(api, training.Op("attempt-back", http.MethodPost, "/api/v1/training/attempts/{id}/back", "Withdraw the recommendation that raised the suitability warning", 409),
		func(ctx context.Context, in *AttemptPath) (*attemptOut, error) {
			return s.act(ctx, in.ID, Move{Kind: "back"})
		})
}

func (s *Service) act(ctx context.Context, id int64, m Move) (*attemptOut, error) {
	p, err := access.Must(ctx)
	if err != nil {
		return nil, err
	}
	a, sc, st, err := s.Act(ctx, p, id, m)
	if err != nil {
		return nil, err
	}
	return &attemptOut{attemptView(a, sc, st)}, nil
}
