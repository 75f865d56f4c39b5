package retention

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
)

func op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"retention"}, Summary: summary,
		Errors: append([]int{401, 403, 404}, errs...)}
}

// PeriodsIn is what the tenant admin sends: every period, null to keep forever.
type PeriodsIn struct {
	TypedRepliesDays     *int `json:"typed_replies_days" doc:"30–3650, or null to keep typed replies"`
	FeedbackCommentsDays *int `json:"feedback_comments_days" doc:"30–3650, or null to keep feedback comments"`
	NotificationsDays    *int `json:"notifications_days" doc:"30–3650, or null to keep notifications"`
}

// Routes registers the settings and the runs list (tenant.write at the head office).
func (s *Service) Routes(api huma.API) {
	type settingsOut struct{ Body Periods }
	huma.Register(api, op("get-retention", http.MethodGet, "/api/v1/retention", "How long the bank keeps personal data"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*settingsOut, error) {
			set, err := s.Settings(ctx, p)
			return &settingsOut{set}, err
		}))
	huma.Register(api, op("put-retention", http.MethodPut, "/api/v1/retention", "Set how long the bank keeps personal data", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body PeriodsIn }) (*settingsOut, error) {
			set, err := s.SetSettings(ctx, p, Periods{TypedRepliesDays: in.Body.TypedRepliesDays,
				FeedbackCommentsDays: in.Body.FeedbackCommentsDays, NotificationsDays: in.Body.NotificationsDays})
			if err != nil {
				return nil, err
			}
			return &settingsOut{set}, nil
		}))
	type runsOut struct {
		Body struct {
			Items []PurgeRun `json:"items"`
		}
	}
	huma.Register(api, op("list-retention-runs", http.MethodGet, "/api/v1/retention/runs", "What the retention job removed, latest 50 runs"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*runsOut, error) {
			items, err := s.Runs(ctx, p, 50)
			if err != nil {
				return nil, err
			}
			out := &runsOut{}
			out.Body.Items = items
			return out, nil
		}))
}
