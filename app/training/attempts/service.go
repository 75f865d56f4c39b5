package attempts

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/readlog"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// Service runs attempts, their review and analytics.
type Service struct {
	// Reads records looks at other people's data (nil records nothing).
	Reads       *readlog.Recorder
	DB          *store.DB
	Guard       access.Guard
	Now         func() time.Time
	Catalogue   Scenarios
	Drafts      Drafts
	Completions Completions

	// AnalyticsLimit overrides MaxAnalyticsAttempts when > 0 (tests).
	AnalyticsLimit int
}

// Start begins an attempt of the current version of a scenario.
func (s *Service) Start(ctx context.Context, p *access.Principal, scenarioID string) (*Attempt, *scenarios.Scenario, error) {
	if err := s.Guard.Require(ctx, p, p.BranchPath, training.PermTake, "scenario"); err != nil {
		return nil, nil, err
	}
	sc, err := s.Catalogue.Current(ctx, p.TenantID, scenarioID)
	if err != nil {
		return nil, nil, apperr.Invalid(apperr.Field{Location: "body.scenario_id", Message: "no such scenario", Value: scenarioID})
	}
	st := scenarios.StartShuffled(sc, newSeed())
	blob, err := json.Marshal(st)
	if err != nil {
		return nil, nil, err
	}
	hint, err := s.shelfHint(ctx, p, sc)
	if err != nil {
		return nil, nil, err
	}
	now := s.Now().UTC()
	if err := s.Catalogue.Keep(ctx, sc, now); err != nil {
		return nil, nil, err
	}
	a := &Attempt{TenantID: p.TenantID, UserID: p.UserID, BranchID: p.BranchID, ScenarioID: sc.ID, ScenarioVersion: sc.Version,
		Status: InProgress, StateJSON: string(blob), ShelfHint: hint, StartedAt: now, UpdatedAt: now}
	if err := s.DB.W.WithContext(ctx).Create(a).Error; err != nil {
		return nil, nil, err
	}
	return a, sc, nil
}

// BeginnerShelf is the assignments area's say in an attempt's shelf hint: on
// when every open assignment the attempt counts for is in beginner mode.
type BeginnerShelf interface {
	BeginnerShelf(ctx context.Context, tenantID, userID int64, scenarioKey string) (bool, error)
}

// shelfHint decides whether a new attempt's shelf marks which products fit the
// customer: the scenario asks for it (shelf_hint: fit), or the attempt is for
// beginner-mode assignments only. The server decides, never the browser.
func (s *Service) shelfHint(ctx context.Context, p *access.Principal, sc *scenarios.Scenario) (bool, error) {
	if sc.ShelfHint == scenarios.ShelfHintFit {
		return true, nil
	}
	if b, ok := s.Completions.(BeginnerShelf); ok {
		return b.BeginnerShelf(ctx, p.TenantID, p.UserID, sc.ID)
	}
	return false, nil
}

// newSeed draws the seed that fixes an attempt's choice order: never 0 (the file's
// order), and below 2^53 so the state's JSON reads back exactly in any JSON reader.
func newSeed() uint64 { return rand.Uint64()>>11 | 1 }

// Own loads one of the principal's own attempts with its scenario and state.
// Another user's attempt answers like a missing one.
func (s *Service) Own(ctx context.Context, p *access.Principal, id int64) (*Attempt, *scenarios.Scenario, scenarios.State, error) {
	var a Attempt
	var st scenarios.State
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ? AND user_id = ?", id, p.UserID).Take(&a).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil, st, apperr.NotFound("attempt")
	}
	if err != nil {
		return nil, nil, st, err
	}
	sc, err := s.Catalogue.At(ctx, p.TenantID, a.ScenarioID, a.ScenarioVersion)
	if err != nil {
		return nil, nil, st, err
	}
	if err := json.Unmarshal([]byte(a.StateJSON), &st); err != nil {
		return nil, nil, st, err
	}
	return &a, sc, st, nil
}

// Move is one reply: a choice, a typed answer, or the answer to a
// suitability warning.
type Move struct {
	Kind      string // choose | answer | confirm | insist | back
	ChoiceID  string
	Text      string
	ElapsedMs int64
}

// Act applies a move to an attempt and saves the new state. The save is
// conditional on the step count it read, so two replies sent at once cannot
// both apply: the second gets 409 and the state is as the first left it.
func (s *Service) Act(ctx context.Context, p *access.Principal, id int64, m Move) (*Attempt, *scenarios.Scenario, scenarios.State, error) {
	a, sc, st, err := s.Own(ctx, p, id)
	if err != nil {
		return nil, nil, st, err
	}
	if a.Status == Finished {
		return nil, nil, st, apperr.Conflict("the attempt is finished")
	}
	next, err := apply(sc, st, m)
	if err != nil {
		return nil, nil, st, engineProblem(err, m)
	}
	blob, err := json.Marshal(next)
	if err != nil {
		return nil, nil, st, err
	}
	now := s.Now().UTC()
	upd := map[string]any{"state_json": string(blob), "steps": a.Steps + 1, "updated_at": now,
		"violations": len(next.Violations), "near_misses": len(next.NearMisses), "needs_human_look": next.NeedsHumanLook()}
	if next.Finished {
		res := scenarios.Score(sc, next)
		total, passed := res.Total, res.Passed
		upd["status"], upd["total"], upd["passed"], upd["finished_at"] = Finished, total, passed, now
		a.Status, a.Total, a.Passed, a.FinishedAt = Finished, &total, &passed, &now
	}
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&Attempt{}).Scopes(store.Tenant(p.TenantID)).Where("id = ? AND steps = ?", a.ID, a.Steps).Updates(upd)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return apperr.Conflict("the attempt changed meanwhile; reload it")
		}
		if next.Finished {
			return s.Completions.Completed(tx, training.Completion{TenantID: a.TenantID, AttemptID: a.ID, UserID: a.UserID,
				ScenarioKey: a.ScenarioID, StartedAt: a.StartedAt, Total: *a.Total, Passed: *a.Passed}, now)
		}
		return nil
	})
	if err != nil {
		return nil, nil, st, err
	}
	a.Steps++
	a.StateJSON, a.UpdatedAt = string(blob), now
	a.Violations, a.NearMisses, a.NeedsHumanLook = len(next.Violations), len(next.NearMisses), next.NeedsHumanLook()
	return a, sc, next, nil
}

// apply runs one move through the engine. Engine errors come back as they
// are (*scenarios.Error), for the caller to place in its request.
func apply(sc *scenarios.Scenario, st scenarios.State, m Move) (scenarios.State, error) {
	var next scenarios.State
	var err error
	switch m.Kind {
	case "choose":
		next, _, err = scenarios.Choose(sc, st, m.ChoiceID, m.ElapsedMs)
	case "answer":
		next, _, err = scenarios.Answer(sc, st, m.Text, m.ElapsedMs)
	case "confirm":
		next, _, err = scenarios.Confirm(sc, st)
	case "insist":
		next, _, err = scenarios.Insist(sc, st)
	case "back":
		next, err = scenarios.Back(sc, st)
	default:
		return st, apperr.Invalid(apperr.Field{Location: "body.kind", Message: "must be choose, answer, confirm, insist or back", Value: m.Kind})
	}
	return next, err
}

// engineProblem maps an engine error to a 4xx naming the field.
func engineProblem(err error, m Move) error {
	var e *scenarios.Error
	if !errors.As(err, &e) {
		return err
	}
	loc := "body"
	switch {
	case errors.Is(err, scenarios.ErrUnknownChoice), errors.Is(err, scenarios.ErrWrongTurnKind) && m.Kind == "choose":
		loc = "body.choice_id"
	case errors.Is(err, scenarios.ErrWrongTurnKind) && m.Kind == "answer":
		loc = "body.text"
	case errors.Is(err, scenarios.ErrEmptyAnswer), errors.Is(err, scenarios.ErrAnswerTooLong):
		loc = "body.text"
	case errors.Is(err, scenarios.ErrInvalidElapsed):
		loc = "body.elapsed_ms"
	case errors.Is(err, scenarios.ErrCheckpointPending), errors.Is(err, scenarios.ErrNoCheckpoint), errors.Is(err, scenarios.ErrCannotInsist), errors.Is(err, scenarios.ErrFinished), errors.Is(err, scenarios.ErrTooManySteps):
		return huma.NewError(http.StatusConflict, e.Error(), &huma.ErrorDetail{Location: "path.id", Message: e.Code})
	}
	var val any
	if m.ChoiceID != "" {
		val = m.ChoiceID
	}
	return huma.NewError(http.StatusUnprocessableEntity, e.Error(), &huma.ErrorDetail{Location: loc, Message: e.Code, Value: val})
}

// Mine lists the principal's attempts, newest first.
func (s *Service) Mine(ctx context.Context, p *access.Principal) ([]Attempt, error) {
	var out []Attempt
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("user_id = ?", p.UserID).
		Order("started_at DESC, id DESC").Limit(200).Find(&out).Error
	return out, err
}
