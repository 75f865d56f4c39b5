package library

import (
	"bytes"
	"context"
	"net/http"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scenarios/library"
)

// sameApartFromIDAndVersion tells whether two scenario files differ only in
// the top-level id and version lines Clone rewrites (and line endings).
func sameApartFromIDAndVersion(a, b []byte) bool {
	norm := func(d []byte) []byte {
		d = bytes.ReplaceAll(d, []byte("\r\n"), []byte("\n"))
		d = topLevelID.ReplaceAll(d, []byte("id:"))
		d = topLevelVersion.ReplaceAll(d, []byte("version:"))
		return bytes.TrimSpace(d)
	}
	return bytes.Equal(norm(a), norm(b))
}

// cloneTwin is the key of a card the draft would duplicate: the built-in it
// was cloned from, or one of the bank's own scenarios of the same lineage (a
// clone of a clone keeps the first origin) whose latest published version it
// equals apart from id and version. "" when the draft is no one's twin.
func cloneTwin(ctx context.Context, tx *gorm.DB, o *LibraryScenario) (string, error) {
	if o.Origin == "" || o.Origin == originCase || o.DraftYAML == nil {
		return "", nil // uploaded, or written from a case
	}
	draft := []byte(*o.DraftYAML)
	if _, ok := library.ByID(o.Origin); ok {
		if _, data, _ := library.Source(o.Origin); sameApartFromIDAndVersion(draft, data) {
			return o.Origin, nil
		}
	}
	var kin []struct {
		ScenarioKey string
		YAML        string `gorm:"column:yaml"`
	}
	err := tx.WithContext(ctx).Table("training_scenarios").Scopes(store.Tenant(o.TenantID)).
		Joins("JOIN training_scenario_versions v ON v.tenant_id = training_scenarios.tenant_id AND v.scenario_id = training_scenarios.id AND v.version = training_scenarios.published_version").
		Where("training_scenarios.id <> ? AND (training_scenarios.origin = ? OR training_scenarios.scenario_key = ?)", o.ID, o.Origin, o.Origin).
		Select("training_scenarios.scenario_key, v.yaml").Order("training_scenarios.scenario_key").Scan(&kin).Error
	if err != nil {
		return "", err
	}
	for _, k := range kin {
		if sameApartFromIDAndVersion(draft, []byte(k.YAML)) {
			return k.ScenarioKey, nil
		}
	}
	return "", nil
}

// refuseUnchangedClone answers 409 when publishing the draft would put a
// second identical card in the catalogue.
func refuseUnchangedClone(ctx context.Context, tx *gorm.DB, o *LibraryScenario) error {
	twin, err := cloneTwin(ctx, tx, o)
	if err != nil || twin == "" {
		return err
	}
	args := apperr.Args{"origin": twin}
	return &apperr.Problem{Status: http.StatusConflict, DetailArgs: args,
		Detail: "nothing changed since the clone of {origin}; edit the draft before publishing it, or the catalogue shows two identical cards",
		Fields: []apperr.Field{{Location: "path.key", Message: "unchanged from {origin}", Args: args, Value: o.ScenarioKey}}}
}
