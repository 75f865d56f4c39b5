package careers

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

func op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"careers"}, Summary: summary,
		Errors: append([]int{401, 403, 404}, errs...)}
}

type careerOut struct{ Body *CareerView }

// Routes registers tracks, levels, people's careers and readiness.
func (s *Service) Routes(api huma.API) {
	type careerTracksOut struct {
		Body struct {
			Items []CareerTrackView `json:"items"`
		}
	}
	huma.Register(api, op("list-career-tracks", http.MethodGet, "/api/v1/career-tracks", "Career tracks with their levels and requirements"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*careerTracksOut, error) {
			items, err := s.Tracks(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &careerTracksOut{}
			out.Body.Items = items
			return out, nil
		}))
	type careerTrackOut struct{ Body *CareerTrack }
	huma.Register(api, op("create-career-track", http.MethodPost, "/api/v1/career-tracks", "Add a career track", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body CareerTrackIn }) (*careerTrackOut, error) {
			t, err := s.SaveTrack(ctx, p, 0, in.Body)
			if err != nil {
				return nil, err
			}
			return &careerTrackOut{t}, nil
		}))
	huma.Register(api, op("update-career-track", http.MethodPut, "/api/v1/career-tracks/{id}", "Change a career track", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body CareerTrackIn
		}) (*careerTrackOut, error) {
			t, err := s.SaveTrack(ctx, p, in.ID, in.Body)
			if err != nil {
				return nil, err
			}
			return &careerTrackOut{t}, nil
		}))
	type careerLevelOut struct{ Body *CareerLevelView }
	huma.Register(api, op("create-career-level", http.MethodPost, "/api/v1/career-tracks/{id}/levels", "Add a level to a track, with its requirements", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body CareerLevelIn
		}) (*careerLevelOut, error) {
			l, err := s.SaveLevel(ctx, p, in.ID, 0, in.Body)
			if err != nil {
				return nil, err
			}
			return &careerLevelOut{l}, nil
		}))
	huma.Register(api, op("update-career-level", http.MethodPut, "/api/v1/career-levels/{id}", "Change a level and replace its requirements", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body CareerLevelIn
		}) (*careerLevelOut, error) {
			l, err := s.SaveLevel(ctx, p, 0, in.ID, in.Body)
			if err != nil {
				return nil, err
			}
			return &careerLevelOut{l}, nil
		}))
	s.peopleRoutes(api)
}

func (s *Service) peopleRoutes(api huma.API) {
	huma.Register(api, op("get-my-career", http.MethodGet, "/api/v1/me/career", "My track, level, and the next level's requirements with my progress"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*careerOut, error) {
			v, err := s.Me(ctx, p)
			if err != nil {
				return nil, err
			}
			return &careerOut{v}, nil
		}))
	huma.Register(api, op("get-user-career", http.MethodGet, "/api/v1/users/{id}/career", "A person's career and progress (their manager, HR)"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID int64 `path:"id" minimum:"1"`
		}) (*careerOut, error) {
			v, err := s.Of(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &careerOut{v}, nil
		}))
	type careerReadinessOut struct {
		Body struct {
			Items []CareerReadinessItem `json:"items"`
			Ready int                   `json:"ready" doc:"how many are ready for their next level"`
		}
	}
	huma.Register(api, op("get-career-readiness", http.MethodGet, "/api/v1/careers/readiness", "Who is ready for their next level, and how far the rest are"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			BranchID int64 `query:"branch_id" minimum:"0"`
			TrackID  int64 `query:"track_id" minimum:"0"`
		}) (*careerReadinessOut, error) {
			items, err := s.Readiness(ctx, p, in.BranchID, in.TrackID)
			if err != nil {
				return nil, err
			}
			out := &careerReadinessOut{}
			out.Body.Items = items
			for _, it := range items {
				if it.Ready {
					out.Body.Ready++
				}
			}
			return out, nil
		}))
	huma.Register(api, op("promote-user-career", http.MethodPost, "/api/v1/users/{id}/career/promote", "Promote a person to a higher level of their track", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				LevelID int64  `json:"level_id"`
				Note    string `json:"note,omitempty" maxLength:"1000"`
			}
		}) (*careerOut, error) {
			v, err := s.Promote(ctx, p, in.ID, in.Body.LevelID, in.Body.Note)
			if err != nil {
				return nil, err
			}
			return &careerOut{v}, nil
		}))
	huma.Register(api, op("move-user-career", http.MethodPost, "/api/v1/users/{id}/career/move", "Place a person on a track at a level, or move them", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				TrackID int64  `json:"track_id"`
				LevelID int64  `json:"level_id"`
				Note    string `json:"note,omitempty" maxLength:"1000"`
			}
		}) (*careerOut, error) {
			v, err := s.Move(ctx, p, in.ID, in.Body.TrackID, in.Body.LevelID, in.Body.Note)
			if err != nil {
				return nil, err
			}
			return &careerOut{v}, nil
		}))
	huma.Register(api, op("set-career-profile", http.MethodPut, "/api/v1/users/{id}/career/profile", "Set a person's hire date", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				HiredOn string `json:"hired_on" doc:"yyyy-mm-dd"`
			}
		}) (*careerOut, error) {
			v, err := s.SetHireDate(ctx, p, in.ID, in.Body.HiredOn)
			if err != nil {
				return nil, err
			}
			return &careerOut{v}, nil
		}))
}
