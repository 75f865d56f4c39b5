package library

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// Catalogue is where a tenant's scenarios come from: the built-in pack
// (minus the ones the tenant hides) and the tenant's own published ones.
type Catalogue struct {
	DB *store.DB
	// parsed caches published versions by tenant, key and version. A
	// published version is never rewritten, so an entry never goes stale.
	parsed sync.Map
	// kept notes the built-in versions already stored in this process.
	kept sync.Map
}

// builtinVersion is a built-in scenario's text as an attempt began on it.
type builtinVersion struct {
	ScenarioKey string
	Version     int
	YAML        string `gorm:"column:yaml"`
	FirstUsedAt time.Time
}

func (builtinVersion) TableName() string { return "training_builtin_versions" }

// Keep stores the text of a built-in scenario version the first time an
// attempt starts on it, so the attempt stays readable after an upgrade
// revises the scenario. Tenant scenarios keep their versions already.
func (c *Catalogue) Keep(ctx context.Context, s *scenarios.Scenario, now time.Time) error {
	if _, builtin := library.ByID(s.ID); !builtin {
		return nil
	}
	key := fmt.Sprintf("%s/%d", s.ID, s.Version)
	if _, done := c.kept.Load(key); done {
		return nil
	}
	_, data, _ := library.Source(s.ID)
	row := builtinVersion{ScenarioKey: s.ID, Version: s.Version, YAML: string(data), FirstUsedAt: now.UTC()}
	if err := c.DB.W.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
		return err
	}
	c.kept.Store(key, true)
	return nil
}

// Available lists what a tenant's employees may start, built-in first.
func (c *Catalogue) Available(ctx context.Context, tenantID int64) ([]*scenarios.Scenario, error) {
	builtin, err := library.Builtin()
	if err != nil {
		return nil, err
	}
	hidden, err := c.hidden(ctx, tenantID)
	if err != nil {
		return nil, err
	}
	var out []*scenarios.Scenario
	for _, s := range builtin {
		if !hidden[s.ID] {
			out = append(out, s)
		}
	}
	var own []LibraryScenario
	if err := c.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("status = ?", Published).
		Order("scenario_key").Find(&own).Error; err != nil {
		return nil, err
	}
	for _, o := range own {
		s, err := c.At(ctx, tenantID, o.ScenarioKey, o.PublishedVersion)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Current is the version a new attempt of key starts on; hidden built-ins,
// drafts and retired scenarios answer as missing.
func (c *Catalogue) Current(ctx context.Context, tenantID int64, key string) (*scenarios.Scenario, error) {
	if s, ok := library.ByID(key); ok {
		hidden, err := c.hidden(ctx, tenantID)
		if err != nil {
			return nil, err
		}
		if hidden[key] {
			return nil, apperr.NotFound("scenario")
		}
		return s, nil
	}
	var o LibraryScenario
	err := c.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("scenario_key = ? AND status = ?", key, Published).Take(&o).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.NotFound("scenario")
	}
	if err != nil {
		return nil, err
	}
	return c.At(ctx, tenantID, key, o.PublishedVersion)
}

// At returns a scenario at the version an attempt was taken on, whatever has
// happened to the scenario since (hidden, retired, republished).
func (c *Catalogue) At(ctx context.Context, tenantID int64, key string, version int) (*scenarios.Scenario, error) {
	if s, ok := library.ByID(key); ok {
		if version == 0 || s.Version == version {
			return s, nil
		}
		return c.earlierBuiltin(ctx, key, version)
	}
	cacheKey := fmt.Sprintf("%d/%s/%d", tenantID, key, version)
	if s, ok := c.parsed.Load(cacheKey); ok {
		return s.(*scenarios.Scenario), nil
	}
	var v ScenarioVersion
	err := c.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).
		Where("version = ? AND scenario_id = (SELECT id FROM training_scenarios WHERE tenant_id = ? AND scenario_key = ?)", version, tenantID, key).
		Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.NotFound("scenario")
	}
	if err != nil {
		return nil, err
	}
	s, problems := scenarios.Load(key+".yaml", []byte(v.YAML))
	if len(problems) > 0 {
		// It validated when it was published; failing now means the format
		// moved under it, which is a defect to report, not a user error.
		return nil, fmt.Errorf("published scenario %s v%d no longer loads: %w", key, version, problems)
	}
	c.parsed.Store(cacheKey, s)
	return s, nil
}

// earlierBuiltin loads a built-in version the binary no longer ships, as
// Keep stored it.
func (c *Catalogue) earlierBuiltin(ctx context.Context, key string, version int) (*scenarios.Scenario, error) {
	cacheKey := fmt.Sprintf("builtin/%s/%d", key, version)
	if s, ok := c.parsed.Load(cacheKey); ok {
		return s.(*scenarios.Scenario), nil
	}
	var v builtinVersion
	err := c.DB.R.WithContext(ctx).Where("scenario_key = ? AND version = ?", key, version).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.NotFound("scenario")
	}
	if err != nil {
		return nil, err
	}
	s, problems := scenarios.Load(key+".yaml", []byte(v.YAML))
	if len(problems) > 0 {
		return nil, fmt.Errorf("kept built-in scenario %s v%d no longer loads: %w", key, version, problems)
	}
	c.parsed.Store(cacheKey, s)
	return s, nil
}

// Latest is the newest published version of key whatever its status now
// (for titles of assignments whose scenario was hidden or retired since).
func (c *Catalogue) Latest(ctx context.Context, tenantID int64, key string) (*scenarios.Scenario, error) {
	if s, ok := library.ByID(key); ok {
		return s, nil
	}
	o, err := findOwn(ctx, c.DB.R, tenantID, key)
	if err != nil {
		return nil, err
	}
	if o == nil || o.PublishedVersion == 0 {
		return nil, apperr.NotFound("scenario")
	}
	return c.At(ctx, tenantID, key, o.PublishedVersion)
}

func (c *Catalogue) hidden(ctx context.Context, tenantID int64) (map[string]bool, error) {
	var keys []string
	if err := c.DB.R.WithContext(ctx).Model(&HiddenScenario{}).Scopes(store.Tenant(tenantID)).Pluck("scenario_key", &keys).Error; err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(keys))
	for _, k := range keys {
		out[k] = true
	}
	return out, nil
}
