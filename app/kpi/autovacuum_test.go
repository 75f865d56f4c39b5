package kpi_test

import (
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// On PostgreSQL the two tables a ranking reads index-only are vacuumed soon
// after a recompute rewrites a period (step 36), not after a fifth of them
// changed: until then every ranked row costs a heap fetch.
func TestRankedTablesAreVacuumedSoonAfterARecompute(t *testing.T) {
	if !testkit.Postgres() {
		t.Skip("SQLite has no visibility map and no autovacuum")
	}
	db := testkit.DB(t)
	for _, table := range []string{"kpi_results", "kpi_metric_scores"} {
		var opts []string
		if err := db.R.Raw("SELECT unnest(reloptions) FROM pg_class WHERE relname = ? AND relnamespace = current_schema()::regnamespace", table).Scan(&opts).Error; err != nil {
			t.Fatal(err)
		}
		got := strings.Join(opts, ",")
		for _, want := range []string{"autovacuum_vacuum_threshold=2000", "autovacuum_vacuum_scale_factor=0.01", "autovacuum_vacuum_insert_scale_factor=0.01", "autovacuum_analyze_scale_factor=0.01"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: reloptions %q lack %s", table, got, want)
			}
		}
	}
}
