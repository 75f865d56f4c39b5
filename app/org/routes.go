package org

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

// BranchView is a branch as clients see it.
type BranchView struct {
	ID       int64      `json:"id"`
	ParentID *int64     `json:"parent_id"`
	Code     string     `json:"code"`
	Name     string     `json:"name"`
	Path     string     `json:"path"`
	Depth    int        `json:"depth"`
	Closed   bool       `json:"closed"`
	ClosedAt *time.Time `json:"closed_at,omitempty"`
}

func branchView(b *Branch) BranchView {
	return BranchView{ID: b.ID, ParentID: b.ParentID, Code: b.Code, Name: b.Name, Path: b.Path, Depth: b.Depth, Closed: b.ClosedAt != nil, ClosedAt: b.ClosedAt}
}

// IDPath is the {id} of a route; exported because huma skips embedded
// unexported structs (the id would silently stay 0).
type IDPath struct {
	ID int64 `path:"id" minimum:"1" doc:"id"`
}

type branchOut struct{ Body BranchView }

// Routes registers branch, user and tenant endpoints.
func (s *Service) Routes(api huma.API) {
	s.branchRoutes(api)
	s.userRoutes(api)
	s.platformRoutes(api)
	s.importRoutes(api)
	s.settingsRoutes(api)
	s.signInPolicyRoutes(api)
}

func op(id, method, path, tag, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{tag}, Summary: summary,
		Errors: append([]int{401, 403}, errs...)}
}

func (s *Service) branchRoutes(api huma.API) {
	huma.Register(api, op("list-branches", http.MethodGet, "/api/v1/branches", "branches", "Branches I may see"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*struct {
			Body struct {
				Items []BranchView `json:"items"`
			}
		}, error) {
			bs, err := s.ListBranches(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &struct {
				Body struct {
					Items []BranchView `json:"items"`
				}
			}{}
			out.Body.Items = make([]BranchView, len(bs))
			for i := range bs {
				out.Body.Items[i] = branchView(&bs[i])
			}
			return out, nil
		}))

	huma.Register(api, op("get-branch", http.MethodGet, "/api/v1/branches/{id}", "branches", "One branch with its headcount", 404),
		access.Signed(func(ctx context.Context, p *access.Principal, in *IDPath) (*struct{ Body BranchDetail }, error) {
			d, err := s.Branch(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &struct{ Body BranchDetail }{*d}, nil
		}))

	type branchCreateBody struct {
		ParentID int64  `json:"parent_id" minimum:"1"`
		Code     string `json:"code" minLength:"1" maxLength:"64"`
		Name     string `json:"name" minLength:"1" maxLength:"100"`
	}
	huma.Register(api, op("create-branch", http.MethodPost, "/api/v1/branches", "branches", "Create a sub-branch", 404, 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body branchCreateBody }) (*branchOut, error) {
			b, err := s.CreateBranch(ctx, p, BranchInput{ParentID: in.Body.ParentID, Code: in.Body.Code, Name: in.Body.Name})
			if err != nil {
				return nil, err
			}
			return &branchOut{branchView(b)}, nil
		}))

	type branchRenameBody struct {
		Name string `json:"name" minLength:"1" maxLength:"100"`
	}
	huma.Register(api, op("rename-branch", http.MethodPatch, "/api/v1/branches/{id}", "branches", "Rename a branch", 404, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			IDPath
			Body branchRenameBody
		}) (*branchOut, error) {
			b, err := s.RenameBranch(ctx, p, in.ID, in.Body.Name)
			if err != nil {
				return nil, err
			}
			return &branchOut{branchView(b)}, nil
		}))

	type branchMoveBody struct {
		ParentID int64 `json:"parent_id" minimum:"1"`
	}
	huma.Register(api, op("move-branch", http.MethodPost, "/api/v1/branches/{id}/move", "branches", "Move a branch and its subtree", 404, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			IDPath
			Body branchMoveBody
		}) (*branchOut, error) {
			b, err := s.MoveBranch(ctx, p, in.ID, in.Body.ParentID)
			if err != nil {
				return nil, err
			}
			return &branchOut{branchView(b)}, nil
		}))

	huma.Register(api, op("close-branch", http.MethodPost, "/api/v1/branches/{id}/close", "branches", "Close a branch", 404, 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *IDPath) (*branchOut, error) {
			b, err := s.CloseBranch(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &branchOut{branchView(b)}, nil
		}))
}
