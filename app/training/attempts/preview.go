package attempts

import (
	"context"
	"errors"
	"fmt"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// MaxPreviewMoves bounds a preview replay; no real scenario path is longer.
const MaxPreviewMoves = 200

// PreviewView is a preview's position: the attempt as the sandbox would
// show it, and the debrief once an ending is reached.
type PreviewView struct {
	// Scenario is the version being previewed (persona card, product
	// shelf), which may be a draft the catalogue does not serve.
	Scenario training.ScenarioDetail `json:"scenario"`
	Attempt  AttemptView             `json:"attempt"`
	Debrief  *DebriefView            `json:"debrief"`
}

// Preview plays a scenario without recording anything. The client keeps the
// list of moves and sends it whole each time; the engine replays it from the
// start, which is deterministic, so no state has to be trusted from the
// client or stored on the server.
func (s *Service) Preview(ctx context.Context, p *access.Principal, key, which string, moves []Move) (*PreviewView, error) {
	if len(moves) > MaxPreviewMoves {
		return nil, apperr.Invalid(apperr.Field{Location: "body.moves", Message: "at most {max} moves", Args: apperr.Args{"max": MaxPreviewMoves}})
	}
	data, err := s.Drafts.Source(ctx, p, key, which) // checks training.manage
	if err != nil {
		return nil, err
	}
	sc, problems := scenarios.Load(key+".yaml", data)
	if len(problems) > 0 {
		return nil, fmt.Errorf("stored scenario %s no longer loads: %w", key, problems)
	}
	st := scenarios.Start(sc)
	for i, m := range moves {
		next, err := apply(sc, st, m)
		if err != nil {
			msg := "the move does not apply here"
			var e *scenarios.Error
			if errors.As(err, &e) {
				msg = e.Error()
			}
			return nil, apperr.Invalid(apperr.Field{Location: fmt.Sprintf("body.moves[%d]", i), Message: msg})
		}
		st = next
	}
	a := &Attempt{ScenarioID: sc.ID, ScenarioVersion: sc.Version, Status: InProgress}
	if st.Finished {
		a.Status = Finished
	}
	out := &PreviewView{Scenario: training.Detail(sc), Attempt: attemptView(a, sc, st)}
	if st.Finished {
		d := debrief(sc, st)
		out.Debrief = &d
	}
	return out, nil
}
