package feedback

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/readlog"
)

type recordsOut struct {
	Body struct {
		Items []RecordView `json:"items"`
		Total int64        `json:"total"`
	}
}

func (s *Service) recordRoutes(api huma.API) {
	huma.Register(api, op("list-feedback-records", http.MethodGet, "/api/v1/feedback/records", "Records of my branches (where they happened), comments masked"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			BranchID   int64 `query:"branch_id" minimum:"0"`
			EmployeeID int64 `query:"employee_id" minimum:"0"`
			Month      int   `query:"month" minimum:"0" maximum:"999912" doc:"yyyymm"`
			Page       int   `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize   int   `query:"page_size" minimum:"1" maximum:"200" default:"50"`
		}) (*recordsOut, error) {
			items, total, err := s.Records(ctx, p, RecordFilter{BranchID: in.BranchID, EmployeeID: in.EmployeeID, Month: in.Month, Page: in.Page, Size: in.PageSize})
			if err != nil {
				return nil, err
			}
			// Each record about a person is a look at their feedback; a
			// record about the branch alone is nobody's.
			var ids []int64
			for _, r := range items {
				if r.EmployeeID != nil {
					ids = append(ids, *r.EmployeeID)
				}
			}
			s.Reads.RecordMany(p, ids, readlog.Feedback, strconv.Itoa(in.Month))
			out := &recordsOut{}
			out.Body.Items, out.Body.Total = items, total
			return out, nil
		}))
	huma.Register(api, op("my-feedback", http.MethodGet, "/api/v1/feedback/mine", "Records about me, each with until when I may appeal it and its appeal"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *pageIn) (*recordsOut, error) {
			items, total, err := s.Mine(ctx, p, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			out := &recordsOut{}
			out.Body.Items, out.Body.Total = items, total
			return out, nil
		}))
	type appealOut struct{ Body Appeal }
	huma.Register(api, op("create-feedback-appeal", http.MethodPost, "/api/v1/feedback/records/{id}/appeals", "Appeal a record about me", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				ReasonKind string `json:"reason_kind" enum:"wrong_person,customer_error,withdrawn"`
				Reason     string `json:"reason" maxLength:"2000"`
			}
		}) (*appealOut, error) {
			a, err := s.Appeal(ctx, p, in.ID, in.Body.ReasonKind, in.Body.Reason)
			if err != nil {
				return nil, err
			}
			return &appealOut{*a}, nil
		}))
	type appealsOut struct {
		Body struct {
			Items []AppealView `json:"items"`
			Total int64        `json:"total"`
		}
	}
	huma.Register(api, op("list-feedback-appeals", http.MethodGet, "/api/v1/feedback/appeals", "Appeals about records of my branches, oldest first"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			State    string `query:"state" enum:"pending,upheld,rejected,"`
			Page     int    `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize int    `query:"page_size" minimum:"1" maximum:"200" default:"50"`
		}) (*appealsOut, error) {
			items, total, err := s.Appeals(ctx, p, in.State, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			out := &appealsOut{}
			out.Body.Items, out.Body.Total = items, total
			return out, nil
		}))
	huma.Register(api, op("decide-feedback-appeal", http.MethodPost, "/api/v1/feedback/appeals/{id}/decision", "Uphold (the record stops counting) or reject an appeal, with a reason", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID   int64 `path:"id" minimum:"1"`
			Body struct {
				Uphold bool   `json:"uphold"`
				Reason string `json:"reason" maxLength:"2000"`
			}
		}) (*appealOut, error) {
			a, err := s.Decide(ctx, p, in.ID, in.Body.Uphold, in.Body.Reason)
			if err != nil {
				return nil, err
			}
			return &appealOut{*a}, nil
		}))
}
