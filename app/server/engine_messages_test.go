package server_test

import (
	"testing"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios"
)

// The training service writes a scenario engine error's text as the
// problem's detail (training.engineProblem), so each has a Chinese text.
func TestEngineErrorsAreInTheCatalogue(t *testing.T) {
	testkit.New(t) // wiring adds every module\'s catalogue
	for _, e := range []*scenarios.Error{
		scenarios.ErrStateMismatch, scenarios.ErrFinished, scenarios.ErrCheckpointPending,
		scenarios.ErrNoCheckpoint, scenarios.ErrUnknownChoice, scenarios.ErrWrongTurnKind,
		scenarios.ErrEmptyAnswer, scenarios.ErrAnswerTooLong, scenarios.ErrInvalidElapsed,
		scenarios.ErrTooManySteps,
	} {
		if !apperr.Known(e.Error()) {
			t.Errorf("engine error %s: %q is not in the catalogue", e.Code, e.Error())
		}
	}
}
