package training

import (
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// Catalogue is where scenarios come from. Today that is the built-in pack;
// tenant uploads and clones will add to it, keyed by id and version.
type Catalogue interface {
	List() ([]*scenarios.Scenario, error)
	Get(id string, version int) (*scenarios.Scenario, error)
}

// Builtin serves the scenarios embedded in the binary.
type Builtin struct{}

// List returns every built-in scenario.
func (Builtin) List() ([]*scenarios.Scenario, error) { return library.Builtin() }

// Get returns a built-in scenario at a version (0: the current one).
func (Builtin) Get(id string, version int) (*scenarios.Scenario, error) {
	s, ok := library.ByID(id)
	if !ok || (version != 0 && s.Version != version) {
		return nil, apperr.NotFound("scenario")
	}
	return s, nil
}
