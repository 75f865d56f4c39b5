package library

import (
	"context"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/training"
)

// DraftFromCase stores a scenario the case library wrote from a published
// case as a draft of the bank's library (origin "case"), which HR then
// edits, validates and publishes like any draft. It satisfies
// cases.Scenarios and returns the scenario's key.
func (s *Service) DraftFromCase(ctx context.Context, p *access.Principal, key string, data []byte, locale string) (string, error) {
	if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
		return "", err
	}
	e, err := s.saveDraft(ctx, p, key+".yaml", data, locale, "case")
	if err != nil {
		return "", err
	}
	return e.Key, nil
}
