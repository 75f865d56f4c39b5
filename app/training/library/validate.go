package library

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// validationProblem is the 422 of an invalid scenario file: a problem
// document carrying every problem the validator found, each with file,
// line, turn and code, so HR can fix them all in one go.
type validationProblem struct {
	Title    string             `json:"title"`
	Status   int                `json:"status"`
	Detail   string             `json:"detail"`
	Problems scenarios.Problems `json:"problems"`
}

func (e *validationProblem) Error() string             { return e.Detail }
func (e *validationProblem) GetStatus() int            { return e.Status }
func (e *validationProblem) ContentType(string) string { return "application/problem+json" }

// ValidationOK is the answer for a valid file.
type ValidationOK struct {
	Valid    bool                  `json:"valid"`
	Scenario training.ScenarioCard `json:"scenario"`
	// Warnings do not stop publishing: they name what makes the scenario easy to game.
	Warnings scenarios.Problems `json:"warnings"`
}

func (s *Service) validateRoutes(api huma.API) {
	type schemaOut struct {
		ContentType string `header:"Content-Type"`
		Body        []byte
	}
	huma.Register(api, training.Op("scenario-schema", http.MethodGet, "/api/v1/training/scenario-schema", "The JSON Schema of the scenario YAML format, for editors"),
		func(ctx context.Context, _ *struct{}) (*schemaOut, error) {
			if _, err := access.Must(ctx); err != nil {
				return nil, err
			}
			return &schemaOut{ContentType: "application/schema+json", Body: scenarios.Schema()}, nil
		})

	o := training.Op("validate-scenario", http.MethodPost, "/api/v1/training/scenarios/validate", "Check a scenario YAML file and list every problem (stores nothing)", 413, 422)
	o.MaxBodyBytes = scenarios.MaxFileSize
	huma.Register(api, o, access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
		Locale  string `query:"locale" enum:"zh-CN,en," doc:"language of the problem messages"`
		RawBody []byte `contentType:"application/yaml"`
	}) (*struct{ Body ValidationOK }, error) {
		if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
			return nil, err
		}
		sc, problems := scenarios.Load("upload.yaml", in.RawBody)
		if len(problems) > 0 {
			if in.Locale != "" {
				problems = problems.Localize(in.Locale)
			}
			return nil, &validationProblem{Title: "Unprocessable Entity", Status: http.StatusUnprocessableEntity,
				Detail: "the scenario has problems; nothing was stored", Problems: problems}
		}
		warnings := scenarios.Warnings(sc)
		if warnings == nil {
			warnings = scenarios.Problems{}
		} else if in.Locale != "" {
			warnings = warnings.Localize(in.Locale)
		}
		return &struct{ Body ValidationOK }{ValidationOK{Valid: true, Scenario: training.Card(sc), Warnings: warnings}}, nil
	}))
}
