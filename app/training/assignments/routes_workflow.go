package assignments

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/training"
)

// workflowRoutes registers the dry run of an assignment, a retake of a
// failed attempt and the reminder of those not started.
func (s *Service) workflowRoutes(api huma.API) {
	huma.Register(api, training.Op("preview-assignments", http.MethodPost, "/api/v1/training/assignments/preview", "Dry run of an assignment: how many people it reaches and who has the same scenario open already (nothing is written)", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body assignBody }) (*struct{ Body AssignPreview }, error) {
			pv, err := s.PreviewAssign(ctx, p, AssignInput(in.Body))
			if err != nil {
				return nil, err
			}
			return &struct{ Body AssignPreview }{*pv}, nil
		}))

	type retakeBody struct {
		AttemptID   int64     `json:"attempt_id" minimum:"1" doc:"the failed attempt"`
		DueAt       time.Time `json:"due_at"`
		MaxAttempts int       `json:"max_attempts,omitempty" minimum:"0" maximum:"20" doc:"attempts allowed until a pass; 0 or absent: no limit"`
		Note        string    `json:"note,omitempty" maxLength:"1000"`
	}
	huma.Register(api, training.Op("create-retake", http.MethodPost, "/api/v1/training/assignments/retakes", "Assign the scenario of a failed attempt again to the person who took it", 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body retakeBody }) (*struct{ Body AssignmentView }, error) {
			v, err := s.Retake(ctx, p, RetakeInput(in.Body))
			if err != nil {
				return nil, err
			}
			return &struct{ Body AssignmentView }{*v}, nil
		}))

	huma.Register(api, training.Op("remind-assignment", http.MethodPost, "/api/v1/training/assignments/{id}/remind", "Remind the people in my branches who have not started (once a day per assignment)", 409, 429),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID int64 `path:"id" minimum:"1"`
		}) (*struct{ Body Reminder }, error) {
			r, err := s.RemindNotStarted(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &struct{ Body Reminder }{*r}, nil
		}))
}
