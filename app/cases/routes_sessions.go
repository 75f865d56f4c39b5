package cases

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

func (s *Service) sessionRoutes(api huma.API) {
	type sessionsOut struct {
		Body struct {
			Items    []SessionView `json:"items"`
			Total    int64         `json:"total"`
			Page     int           `json:"page"`
			PageSize int           `json:"page_size"`
		}
	}
	huma.Register(api, op("list-case-sessions", http.MethodGet, "/api/v1/case-sessions", "Case-study sessions of the subtrees the caller reviews, and those they are invited to"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Page     int `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize int `query:"page_size" minimum:"1" maximum:"100" default:"20"`
		}) (*sessionsOut, error) {
			items, total, err := s.Sessions(ctx, p, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			o := &sessionsOut{}
			o.Body.Items, o.Body.Total, o.Body.Page, o.Body.PageSize = items, total, in.Page, in.PageSize
			return o, nil
		}))
	type sessionOut struct{ Body SessionView }
	huma.Register(api, op("create-case-session", http.MethodPost, "/api/v1/case-sessions", "Schedule a case-study session for a subtree", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body SessionIn }) (*sessionOut, error) {
			v, err := s.CreateSession(ctx, p, in.Body)
			if err != nil {
				return nil, err
			}
			return &sessionOut{*v}, nil
		}))
	huma.Register(api, op("get-case-session", http.MethodGet, "/api/v1/case-sessions/{id}", "One session with its cases and attendees"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *idIn) (*sessionOut, error) {
			v, err := s.GetSession(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &sessionOut{*v}, nil
		}))
	huma.Register(api, op("record-case-session", http.MethodPut, "/api/v1/case-sessions/{id}/record", "Record who attended and the discussion notes", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				AttendedIDs []int64 `json:"attended_ids" maxItems:"500"`
				Notes       string  `json:"notes"`
			}
		}) (*sessionOut, error) {
			v, err := s.RecordSession(ctx, p, in.ID, in.Body.AttendedIDs, in.Body.Notes)
			if err != nil {
				return nil, err
			}
			return &sessionOut{*v}, nil
		}))
}
