package assignments

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/training"
)

// assignBody is an assignment as a manager or HR sends it (made, or tried in a dry run).
type assignBody struct {
	Programme    string    `json:"programme,omitempty" maxLength:"100" doc:"groups assignments, e.g. a monthly programme"`
	ScenarioKeys []string  `json:"scenario_keys" minItems:"1" maxItems:"20" uniqueItems:"true"`
	BranchID     int64     `json:"branch_id" minimum:"1" doc:"the audience lives in this branch and below"`
	Audience     string    `json:"audience" enum:"subtree,role,users"`
	Role         string    `json:"role,omitempty" maxLength:"32" doc:"for audience role"`
	UserIDs      []int64   `json:"user_ids,omitempty" maxItems:"1000" doc:"for audience users"`
	DueAt        time.Time `json:"due_at"`
	Note         string    `json:"note,omitempty" maxLength:"1000"`
	MaxAttempts  int       `json:"max_attempts,omitempty" minimum:"0" maximum:"20" doc:"attempts allowed until a pass (retakes until passed); 0 or absent: no limit"`
	BeginnerHint bool      `json:"beginner_hint,omitempty" doc:"beginner mode: the product shelf of its attempts marks which products fit the customer, which makes the compliance judgement easier; absent: off"`
}

// Routes registers assigning, progress, programmes and the inbox.
func (s *Service) Routes(api huma.API) {
	s.workflowRoutes(api)
	type assignmentListOut struct {
		Body struct {
			Items []AssignmentView `json:"items"`
		}
	}
	huma.Register(api, training.Op("create-assignments", http.MethodPost, "/api/v1/training/assignments", "Assign scenarios to a branch subtree, a role there, or named people, with a due date", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body assignBody }) (*assignmentListOut, error) {
			as, members, err := s.Assign(ctx, p, AssignInput(in.Body))
			if err != nil {
				return nil, err
			}
			out := &assignmentListOut{}
			out.Body.Items = make([]AssignmentView, 0, len(as))
			for i := range as {
				v, err := s.assignmentView(ctx, p.TenantID, &as[i], Stats{Members: members})
				if err != nil {
					return nil, err
				}
				out.Body.Items = append(out.Body.Items, v)
			}
			return out, nil
		}))

	huma.Register(api, training.Op("list-assignments", http.MethodGet, "/api/v1/training/assignments", "Assignments reaching my branches, with completion, average score, pass rate and overdue count there"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Programme string `query:"programme" maxLength:"100"`
		}) (*assignmentListOut, error) {
			items, err := s.Assignments(ctx, p, in.Programme)
			if err != nil {
				return nil, err
			}
			out := &assignmentListOut{}
			out.Body.Items = items
			return out, nil
		}))

	type programmeListOut struct {
		Body struct {
			Items []ProgrammeView `json:"items"`
		}
	}
	huma.Register(api, training.Op("list-programmes", http.MethodGet, "/api/v1/training/programmes", "Programmes of the assignments reaching my branches, the one due latest first"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*programmeListOut, error) {
			items, err := s.Programmes(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &programmeListOut{}
			out.Body.Items = items
			return out, nil
		}))

	type idPath struct {
		ID int64 `path:"id" minimum:"1"`
	}
	type progressIn struct {
		ID       int64  `path:"id" minimum:"1"`
		Status   string `query:"status" enum:"todo,overdue,done,failed," doc:"only people with this status; failed: tried and not passed yet (to do or overdue)"`
		Page     int    `query:"page" minimum:"1" maximum:"1000000" default:"1"`
		PageSize int    `query:"page_size" minimum:"1" maximum:"500" default:"100"`
	}
	huma.Register(api, training.Op("get-assignment-progress", http.MethodGet, "/api/v1/training/assignments/{id}", "One assignment per branch and one page of its people in my branches"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *progressIn) (*struct{ Body AssignmentProgress }, error) {
			pr, err := s.Progress(ctx, p, in.ID, PeopleQuery{Status: in.Status, Page: in.Page, PageSize: in.PageSize})
			if err != nil {
				return nil, err
			}
			return &struct{ Body AssignmentProgress }{*pr}, nil
		}))

	huma.Register(api, training.Op("cancel-assignment", http.MethodPost, "/api/v1/training/assignments/{id}/cancel", "Withdraw an assignment made in my branches", 409),
		access.Signed(func(ctx context.Context, p *access.Principal, in *idPath) (*struct{ Body AssignmentView }, error) {
			v, err := s.CancelAssignment(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &struct{ Body AssignmentView }{*v}, nil
		}))

	type inboxOut struct {
		Body struct {
			Items  []InboxItem    `json:"items"`
			Counts map[string]int `json:"counts" doc:"todo, overdue, done"`
		}
	}
	huma.Register(api, training.Op("my-training-inbox", http.MethodGet, "/api/v1/training/inbox", "My assignments: overdue, to do, done"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*inboxOut, error) {
			items, err := s.Inbox(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &inboxOut{}
			out.Body.Items = items
			out.Body.Counts = map[string]int{StatusTodo: 0, StatusOverdue: 0, StatusDone: 0}
			for _, it := range items {
				out.Body.Counts[it.Status]++
			}
			return out, nil
		}))
}
