package kpi_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/servicestar/servicestar/app/kpi"
)

// Ranking by one metric reads kpi_metric_scores; page by page it must give
// what the people's own scorecards say: every person once, scores in order,
// those without a score (or without the metric) last, in both orders.
func TestRankingByMetricFollowsScorecards(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	hq := b.branch["HQ"].ID
	for _, sort := range []string{"satisfaction", "complaint_rate", "resolution_rate"} {
		for _, order := range []string{"desc", "asc"} {
			var all []kpi.PersonRow
			var total int64
			for page := 1; ; page++ {
				pg := get[kpi.PeoplePage](t, hr, fmt.Sprintf("/api/v1/kpi/branches/%d/people?period=2026-10&sort=%s&order=%s&page=%d&page_size=7", hq, sort, order, page), 200)
				total = pg.Total
				all = append(all, pg.Items...)
				if len(pg.Items) < 7 {
					break
				}
			}
			if total == 0 || int64(len(all)) != total {
				t.Fatalf("%s %s: %d rows over the pages, total %d", sort, order, len(all), total)
			}
			seen := map[int64]bool{}
			var scores []float64
			none := false
			for _, r := range all {
				if seen[r.Person.ID] {
					t.Fatalf("%s %s: %d appears twice", sort, order, r.Person.ID)
				}
				seen[r.Person.ID] = true
				var sc *float64
				for _, m := range r.Metrics {
					if m.Metric == sort {
						sc = m.Score
					}
				}
				if sc == nil {
					none = true
					continue
				}
				if none {
					t.Fatalf("%s %s: %d has a score after people without one", sort, order, r.Person.ID)
				}
				scores = append(scores, *sc)
			}
			if len(scores) < 2 {
				t.Fatalf("%s %s: %d people with a score: too few to test the order", sort, order, len(scores))
			}
			sorted := slices.Clone(scores)
			slices.Sort(sorted)
			if order == "desc" {
				slices.Reverse(sorted)
			}
			for i := range scores {
				// Scores are ranked in thousandths and shown to four places.
				if d := scores[i] - sorted[i]; d > 0.001 || d < -0.001 {
					t.Fatalf("%s %s: position %d has %.4f, want %.4f", sort, order, i, scores[i], sorted[i])
				}
			}
		}
	}
}
