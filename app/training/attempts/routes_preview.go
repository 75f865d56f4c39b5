package attempts

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/training"
)

// PreviewMove is one reply in a preview replay.
type PreviewMove struct {
	Kind     string `json:"kind" enum:"choose,answer,confirm,back"`
	ChoiceID string `json:"choice_id,omitempty" maxLength:"100"`
	Text     string `json:"text,omitempty" maxLength:"4000"`
}

// ScenarioKeyPath names a scenario of the library in the URL.
type ScenarioKeyPath struct {
	Key string `path:"key" minLength:"1" maxLength:"100"`
}

// previewOp is the library's preview route: HR plays a draft or a version
// without recording, so it sits with play, not with the library.
func previewOp(id, method, path, summary string, errs ...int) huma.Operation {
	o := training.Op(id, method, path, summary, errs...)
	o.Tags = []string{"training library"}
	return o
}

func (s *Service) previewRoutes(api huma.API) {
	huma.Register(api, previewOp("preview-scenario", http.MethodPost, "/api/v1/training/library/{key}/preview", "Play a scenario without recording: send every move so far, get the position", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ScenarioKeyPath
			Body struct {
				Version string        `json:"version,omitempty" maxLength:"10" doc:"draft, a version number, or empty for the newest"`
				Moves   []PreviewMove `json:"moves" maxItems:"200"`
			}
		}) (*struct{ Body PreviewView }, error) {
			moves := make([]Move, len(in.Body.Moves))
			for i, m := range in.Body.Moves {
				moves[i] = Move{Kind: m.Kind, ChoiceID: m.ChoiceID, Text: m.Text}
			}
			v, err := s.Preview(ctx, p, in.Key, in.Body.Version, moves)
			if err != nil {
				return nil, err
			}
			return &struct{ Body PreviewView }{*v}, nil
		}))
}
