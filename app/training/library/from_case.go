package library

import (
	"context"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training"
)

// originCase is the origin of a draft written from a case: not a clone.
const originCase = "case"

// DraftFromCase stores a scenario the case library wrote from a published
// case as a draft of the bank's library (origin "case"), which HR then
// edits, validates and publishes like any draft. It writes in tx, the case
// library's transaction, so the draft and the case's link to it are stored
// together or not at all (the draft's own transaction nests as a
// savepoint). It satisfies cases.Scenarios and returns the scenario's key.
func (s *Service) DraftFromCase(ctx context.Context, tx *gorm.DB, p *access.Principal, key string, data []byte, locale string) (string, error) {
	if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
		return "", err
	}
	in := *s
	in.DB = &store.DB{W: tx, R: tx, Dialect: s.DB.Dialect}
	e, err := in.saveDraft(ctx, p, key+".yaml", data, locale, originCase)
	if err != nil {
		return "", err
	}
	return e.Key, nil
}
