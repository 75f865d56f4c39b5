package notify

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

func op(id, method, path, summary string) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"notifications"}, Summary: summary,
		Errors: []int{401, 404}}
}

// Routes registers the bell's endpoints; every user reaches only their own.
func (s *Service) Routes(api huma.API) {
	type notificationListOut struct {
		Body struct {
			Items  []Notification `json:"items"`
			Total  int64          `json:"total" doc:"notifications matching the filter, over all pages"`
			Unread int64          `json:"unread"`
		}
	}
	huma.Register(api, op("list-notifications", http.MethodGet, "/api/v1/notifications", "My notifications, newest first, and the unread count"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Unread bool `query:"unread" doc:"only unread ones"`
			Limit  int  `query:"limit" minimum:"1" maximum:"100" default:"20" doc:"page size"`
			Page   int  `query:"page" minimum:"1" maximum:"1000000" default:"1"`
		}) (*notificationListOut, error) {
			page, err := s.List(ctx, p, in.Unread, in.Page, in.Limit)
			if err != nil {
				return nil, err
			}
			out := &notificationListOut{}
			out.Body.Items, out.Body.Total, out.Body.Unread = page.Items, page.Total, page.Unread
			return out, nil
		}))

	huma.Register(api, op("read-notification", http.MethodPost, "/api/v1/notifications/{id}/read", "Mark one of my notifications read"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID int64 `path:"id" minimum:"1"`
		}) (*struct{}, error) {
			return nil, s.MarkRead(ctx, p, in.ID)
		}))

	huma.Register(api, op("read-all-notifications", http.MethodPost, "/api/v1/notifications/read-all", "Mark all my notifications read"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*struct{}, error) {
			return nil, s.MarkAllRead(ctx, p)
		}))
}
