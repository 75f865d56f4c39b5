package library

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// Library entry sources.
const (
	SourceBuiltin = "builtin"
	SourceTenant  = "tenant"
)

// LibraryEntry is a line of HR's scenario library.
type LibraryEntry struct {
	Key    string `json:"key"`
	Source string `json:"source" enum:"builtin,tenant"`
	// Status: built-in scenarios are published or hidden; the tenant's own
	// are draft, published or retired.
	Status           string         `json:"status" enum:"draft,published,retired,hidden"`
	Title            scenarios.Text `json:"title"`
	Category         string         `json:"category"`
	BusinessLine     string         `json:"business_line"`
	Difficulty       int            `json:"difficulty"`
	PublishedVersion int            `json:"published_version" doc:"0 when never published"`
	DraftVersion     int            `json:"draft_version" doc:"0 when there is no draft"`
	Origin           string         `json:"origin" doc:"the built-in scenario this one was cloned from"`
	FactsCheckedOn   string         `json:"facts_checked_on" doc:"the day the facts it cites were last checked (YYYY-MM-DD); empty when never"`
	UpdatedAt        *time.Time     `json:"updated_at"`
}

func builtinEntry(s *scenarios.Scenario, hidden bool) LibraryEntry {
	e := LibraryEntry{Key: s.ID, Source: SourceBuiltin, Status: Published, Title: s.Title, Category: s.Category,
		BusinessLine: s.BusinessLine, Difficulty: s.Difficulty, PublishedVersion: s.Version, FactsCheckedOn: s.FactsCheckedOn}
	if hidden {
		e.Status = "hidden"
	}
	return e
}

// entry describes one of the tenant's scenarios from its draft, else its
// latest published version.
func (s *Service) entry(ctx context.Context, tenantID int64, o *LibraryScenario) (LibraryEntry, error) {
	e := LibraryEntry{Key: o.ScenarioKey, Source: SourceTenant, Status: o.Status, PublishedVersion: o.PublishedVersion,
		Origin: o.Origin, UpdatedAt: &o.UpdatedAt}
	var sc *scenarios.Scenario
	if o.DraftYAML != nil {
		d, problems := scenarios.Load(o.ScenarioKey+".yaml", []byte(*o.DraftYAML))
		if len(problems) > 0 {
			return e, fmt.Errorf("stored draft %s no longer loads: %w", o.ScenarioKey, problems)
		}
		sc, e.DraftVersion = d, d.Version
	} else {
		var err error
		if sc, err = s.Catalogue.At(ctx, tenantID, o.ScenarioKey, o.PublishedVersion); err != nil {
			return e, err
		}
	}
	e.Title, e.Category, e.BusinessLine, e.Difficulty, e.FactsCheckedOn = sc.Title, sc.Category, sc.BusinessLine, sc.Difficulty, sc.FactsCheckedOn
	return e, nil
}

// Library lists the built-in pack (with what the tenant hides) and the
// tenant's own scenarios; factsStale keeps only those whose facts were last
// checked more than a year ago, or never.
func (s *Service) Library(ctx context.Context, p *access.Principal, factsStale bool) ([]LibraryEntry, error) {
	if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
		return nil, err
	}
	builtin, err := library.Builtin()
	if err != nil {
		return nil, err
	}
	hidden, err := s.Catalogue.hidden(ctx, p.TenantID)
	if err != nil {
		return nil, err
	}
	out := make([]LibraryEntry, 0, len(builtin))
	for _, sc := range builtin {
		out = append(out, builtinEntry(sc, hidden[sc.ID]))
	}
	var own []LibraryScenario
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Order("scenario_key").Find(&own).Error; err != nil {
		return nil, err
	}
	for i := range own {
		e, err := s.entry(ctx, p.TenantID, &own[i])
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if factsStale {
		now := s.Now()
		out = slices.DeleteFunc(out, func(e LibraryEntry) bool { return !FactsStale(e.FactsCheckedOn, now) })
	}
	return out, nil
}

// FactsStale tells whether facts last checked on day (YYYY-MM-DD) are more
// than a year old at now; facts never checked are.
func FactsStale(day string, now time.Time) bool {
	d, err := time.Parse(time.DateOnly, day)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return err != nil || d.Before(today.AddDate(-1, 0, 0))
}

// findOwn loads one of the tenant's scenarios by key; nil when there is none.
func findOwn(ctx context.Context, db *gorm.DB, tenantID int64, key string) (*LibraryScenario, error) {
	var o LibraryScenario
	err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("scenario_key = ?", key).Take(&o).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	return &o, err
}

// ownScenario is findOwn answering 404 for a missing key.
func ownScenario(ctx context.Context, db *gorm.DB, tenantID int64, key string) (*LibraryScenario, error) {
	o, err := findOwn(ctx, db, tenantID, key)
	if err == nil && o == nil {
		err = apperr.NotFound("scenario")
	}
	return o, err
}

// invalidFile is the 422 listing a file's problems.
func invalidFile(problems scenarios.Problems, locale string) error {
	if locale != "" {
		problems = problems.Localize(locale)
	}
	return &validationProblem{Title: "Unprocessable Entity", Status: http.StatusUnprocessableEntity,
		Detail: "the scenario has problems; nothing was stored", Problems: problems}
}

// SaveDraft stores an uploaded file as the working draft of the scenario its
// id names, creating the scenario when the tenant has none by that id. The
// file must validate, must not take a built-in id, and its version must be
// above the last published one.
func (s *Service) SaveDraft(ctx context.Context, p *access.Principal, file string, data []byte, locale string) (*LibraryEntry, error) {
	if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
		return nil, err
	}
	return s.saveDraft(ctx, p, file, data, locale, "")
}

func (s *Service) saveDraft(ctx context.Context, p *access.Principal, file string, data []byte, locale, origin string) (*LibraryEntry, error) {
	sc, problems := scenarios.Load(file, data)
	if len(problems) > 0 {
		return nil, invalidFile(problems, locale)
	}
	if _, builtin := library.ByID(sc.ID); builtin {
		return nil, invalidFile(scenarios.Problems{scenarios.LibraryProblem(sc, file, "id", scenarios.CodeIDTaken, "value", sc.ID)}, locale)
	}
	now := s.Now().UTC()
	text := string(data)
	var saved LibraryScenario
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		o, err := findOwn(ctx, tx, p.TenantID, sc.ID)
		if err != nil {
			return err
		}
		if o == nil {
			o = &LibraryScenario{TenantID: p.TenantID, ScenarioKey: sc.ID, Origin: origin, Status: Draft, CreatedBy: p.UserID, CreatedAt: now}
		}
		if sc.Version <= o.PublishedVersion {
			return invalidFile(scenarios.Problems{scenarios.LibraryProblem(sc, file, "version", scenarios.CodeVersionNotNewer,
				"value", strconv.Itoa(sc.Version), "published", strconv.Itoa(o.PublishedVersion))}, locale)
		}
		before := o.DraftYAML != nil
		o.DraftYAML, o.DraftUpdatedAt, o.UpdatedAt = &text, &now, now
		if err := tx.Scopes(store.Tenant(p.TenantID)).Save(o).Error; err != nil {
			return err
		}
		saved = *o
		return audit.Record(ctx, tx, audit.By(p), now, "training.scenario.save_draft", "scenario", sc.ID,
			map[string]any{"had_draft": before}, map[string]any{"version": sc.Version, "bytes": len(data), "origin": origin})
	})
	if err != nil {
		return nil, err
	}
	e, err := s.entry(ctx, p.TenantID, &saved)
	return &e, err
}

var (
	topLevelID      = regexp.MustCompile(`(?m)^id:[^\n]*$`)
	topLevelVersion = regexp.MustCompile(`(?m)^version:[^\n]*$`)
)

// Clone copies a built-in scenario (or the latest published version of one
// of the tenant's own) into a new draft under newKey, version 1, so HR can
// adapt it; the source stays as it is.
func (s *Service) Clone(ctx context.Context, p *access.Principal, fromKey, newKey, locale string) (*LibraryEntry, error) {
	if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
		return nil, err
	}
	data, _, err := s.source(ctx, p.TenantID, fromKey, "")
	if err != nil {
		return nil, err
	}
	if o, err := findOwn(ctx, s.DB.R, p.TenantID, newKey); err != nil || o != nil {
		if err != nil {
			return nil, err
		}
		return nil, apperr.Invalid(apperr.Field{Location: "body.new_key", Message: "the library already has a scenario with this id", Value: newKey})
	}
	if _, builtin := library.ByID(newKey); builtin {
		return nil, apperr.Invalid(apperr.Field{Location: "body.new_key", Message: "a built-in scenario has this id", Value: newKey})
	}
	if !topLevelID.Match(data) || !topLevelVersion.Match(data) {
		return nil, apperr.Invalid(apperr.Field{Location: "path.key", Message: "the source file does not keep id and version on their own top-level lines, so it cannot be cloned automatically; download it, change id and version, and upload it"})
	}
	data = topLevelID.ReplaceAll(data, []byte("id: "+newKey))
	data = topLevelVersion.ReplaceAll(data, []byte("version: 1"))
	origin := fromKey
	if o, err := findOwn(ctx, s.DB.R, p.TenantID, fromKey); err == nil && o != nil && o.Origin != "" {
		origin = o.Origin
	}
	return s.saveDraft(ctx, p, newKey+".yaml", data, locale, origin)
}

// source returns the YAML of a scenario: which is "draft", a version number,
// or "" for the newest (the draft when there is one, else the latest
// published version).
func (s *Service) source(ctx context.Context, tenantID int64, key, which string) ([]byte, int, error) {
	if sc, ok := library.ByID(key); ok {
		if which != "" && which != strconv.Itoa(sc.Version) {
			return nil, 0, apperr.NotFound("scenario version")
		}
		_, data, _ := library.Source(key)
		return data, sc.Version, nil
	}
	o, err := ownScenario(ctx, s.DB.R, tenantID, key)
	if err != nil {
		return nil, 0, err
	}
	if which == "draft" || (which == "" && o.DraftYAML != nil) {
		if o.DraftYAML == nil {
			return nil, 0, apperr.NotFound("draft")
		}
		return []byte(*o.DraftYAML), 0, nil
	}
	version := o.PublishedVersion
	if which != "" {
		if version, err = strconv.Atoi(which); err != nil || version < 1 {
			return nil, 0, apperr.Invalid(apperr.Field{Location: "query.version", Message: "draft or a version number", Value: which})
		}
	}
	var v ScenarioVersion
	err = s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("scenario_id = ? AND version = ?", o.ID, version).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, 0, apperr.NotFound("scenario version")
	}
	return []byte(v.YAML), version, err
}

// Source is a scenario file for download.
func (s *Service) Source(ctx context.Context, p *access.Principal, key, which string) ([]byte, error) {
	if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
		return nil, err
	}
	data, _, err := s.source(ctx, p.TenantID, key, which)
	return data, err
}

// Versions lists the published versions of one of the tenant's scenarios,
// newest first.
func (s *Service) Versions(ctx context.Context, p *access.Principal, key string) ([]PublishedVersion, error) {
	if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
		return nil, err
	}
	o, err := ownScenario(ctx, s.DB.R, p.TenantID, key)
	if err != nil {
		return nil, err
	}
	var vs []PublishedVersion
	err = s.DB.R.WithContext(ctx).Model(&ScenarioVersion{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN users u ON u.tenant_id = training_scenario_versions.tenant_id AND u.id = training_scenario_versions.published_by").
		Select("training_scenario_versions.version, training_scenario_versions.published_by, u.display_name AS published_by_name, training_scenario_versions.published_at").
		Where("training_scenario_versions.scenario_id = ?", o.ID).Order("training_scenario_versions.version DESC").Scan(&vs).Error
	return vs, err
}

// PublishedVersion is a line of a scenario's version history.
type PublishedVersion struct {
	Version         int
	PublishedBy     int64
	PublishedByName string
	PublishedAt     time.Time
}

// Publish turns the draft into a new immutable version and makes it the one
// new attempts start on.
func (s *Service) Publish(ctx context.Context, p *access.Principal, key string) (*LibraryEntry, error) {
	return s.changeOwn(ctx, p, key, "training.scenario.publish", func(tx *gorm.DB, o *LibraryScenario, now time.Time) error {
		if o.DraftYAML == nil {
			return apperr.Conflict("there is no draft to publish; upload or clone one first")
		}
		if err := refuseUnchangedClone(ctx, tx, o); err != nil {
			return err
		}
		sc, problems := scenarios.Load(key+".yaml", []byte(*o.DraftYAML))
		if len(problems) > 0 {
			return fmt.Errorf("stored draft %s no longer loads: %w", key, problems)
		}
		v := &ScenarioVersion{TenantID: o.TenantID, ScenarioID: o.ID, Version: sc.Version, YAML: *o.DraftYAML, PublishedBy: p.UserID, PublishedAt: now}
		if err := tx.Create(v).Error; err != nil {
			return err
		}
		o.Status, o.PublishedVersion, o.DraftYAML, o.DraftUpdatedAt = Published, sc.Version, nil, nil
		return nil
	})
}

// Retire stops new attempts of one of the tenant's scenarios; attempts
// already begun can be finished and stay readable.
func (s *Service) Retire(ctx context.Context, p *access.Principal, key string) (*LibraryEntry, error) {
	return s.changeOwn(ctx, p, key, "training.scenario.retire", func(_ *gorm.DB, o *LibraryScenario, _ time.Time) error {
		if o.Status != Published {
			return apperr.Conflict("only a published scenario can be retired")
		}
		o.Status = Retired
		return nil
	})
}

// changeOwn loads one of the tenant's scenarios, applies change and saves
// it with an audit entry, all in one transaction.
func (s *Service) changeOwn(ctx context.Context, p *access.Principal, key, action string, change func(tx *gorm.DB, o *LibraryScenario, now time.Time) error) (*LibraryEntry, error) {
	if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var saved LibraryScenario
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		o, err := ownScenario(ctx, tx, p.TenantID, key)
		if err != nil {
			return err
		}
		before := map[string]any{"status": o.Status, "published_version": o.PublishedVersion}
		if err := change(tx, o, now); err != nil {
			return err
		}
		o.UpdatedAt = now
		if err := tx.Scopes(store.Tenant(p.TenantID)).Save(o).Error; err != nil {
			return err
		}
		saved = *o
		return audit.Record(ctx, tx, audit.By(p), now, action, "scenario", key, before, map[string]any{"status": o.Status, "published_version": o.PublishedVersion})
	})
	if err != nil {
		return nil, err
	}
	e, err := s.entry(ctx, p.TenantID, &saved)
	return &e, err
}

// SetHidden hides a built-in scenario from the tenant's catalogue or shows
// it again. Attempts already taken stay readable either way.
func (s *Service) SetHidden(ctx context.Context, p *access.Principal, key string, hide bool) (*LibraryEntry, error) {
	if err := s.Guard.Can(ctx, p, training.PermManage); err != nil {
		return nil, err
	}
	sc, ok := library.ByID(key)
	if !ok {
		return nil, apperr.NotFound("built-in scenario")
	}
	now := s.Now().UTC()
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&HiddenScenario{}).Scopes(store.Tenant(p.TenantID)).Where("scenario_key = ?", key).Count(&n).Error; err != nil {
			return err
		}
		if (n > 0) == hide {
			return nil // already so: sending it again changes nothing
		}
		action := "training.scenario.show"
		if hide {
			action = "training.scenario.hide"
			if err := tx.Create(&HiddenScenario{TenantID: p.TenantID, ScenarioKey: key, HiddenBy: p.UserID, HiddenAt: now}).Error; err != nil {
				return err
			}
		} else if err := tx.Scopes(store.Tenant(p.TenantID)).Where("scenario_key = ?", key).Delete(&HiddenScenario{}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, action, "scenario", key, nil, nil)
	})
	if err != nil {
		return nil, err
	}
	e := builtinEntry(sc, hide)
	return &e, nil
}
