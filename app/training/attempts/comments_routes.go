package attempts

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/training"
)

type turnCommentsOut struct {
	Body struct {
		Items []TurnComment `json:"items"`
	}
}

// commentRoutes registers comments on one turn and the comment lists that
// say which turn each is about (for the reviewer and for the employee).
func (s *Service) commentRoutes(api huma.API) {
	huma.Register(api, training.Op("list-review-comments", http.MethodGet, "/api/v1/training/reviews/{id}/comments", "The comments on an attempt in a branch I review, each with the turn it is about"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *AttemptPath) (*turnCommentsOut, error) {
			a, _, _, err := s.reviewable(ctx, p, in.ID, false)
			if err != nil {
				return nil, err
			}
			return s.listTurnComments(ctx, p.TenantID, a.ID)
		}))

	huma.Register(api, training.Op("list-my-attempt-comments", http.MethodGet, "/api/v1/training/attempts/{id}/comments", "The coaching comments on one of my attempts, each with the turn it is about"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *AttemptPath) (*turnCommentsOut, error) {
			a, _, _, err := s.Own(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return s.listTurnComments(ctx, p.TenantID, a.ID)
		}))

	type turnCommentBody struct {
		Body string `json:"body" minLength:"1" maxLength:"2000"`
	}
	huma.Register(api, training.Op("add-turn-comment", http.MethodPost, "/api/v1/training/reviews/{id}/turns/{turn_id}/comments", "Comment on one turn of an attempt; the employee sees it at that turn", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			AttemptPath
			TurnID string `path:"turn_id" minLength:"1" maxLength:"100"`
			Body   turnCommentBody
		}) (*struct{ Body TurnComment }, error) {
			c, err := s.AddTurnComment(ctx, p, in.ID, in.TurnID, in.Body.Body)
			if err != nil {
				return nil, err
			}
			return &struct{ Body TurnComment }{*c}, nil
		}))
}

func (s *Service) listTurnComments(ctx context.Context, tenantID, attemptID int64) (*turnCommentsOut, error) {
	items, err := s.turnComments(ctx, tenantID, attemptID)
	if err != nil {
		return nil, err
	}
	out := &turnCommentsOut{}
	out.Body.Items = items
	return out, nil
}
