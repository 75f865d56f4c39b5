package kpi_test

import (
	"fmt"
	"testing"
)

type trendBody struct {
	Points []struct {
		Period    string              `json:"period"`
		Composite *float64            `json:"composite"`
		Metrics   map[string]*float64 `json:"metrics"`
	} `json:"points"`
}

// The trend carries each metric's score beside the composite (handTenant's
// figures): A's satisfaction 73.75 and resolution 80 in November; the
// subtree of Chaoyang, whose one rankable person is A, the same; a period
// without a result has none.
func TestTrendHasEachMetric(t *testing.T) {
	b, _ := handTenant(t)
	hr := b.env.Login("demo", "hr")
	for _, c := range []struct {
		who, path string
	}{
		{"A's own", "/api/v1/kpi/me/trend"},
		{"A as HR sees it", fmt.Sprintf("/api/v1/kpi/people/%d/trend", b.user["emp.north.1"])},
		{"Chaoyang's", fmt.Sprintf("/api/v1/kpi/branches/%d/trend", b.branch["north-chaoyang"].ID)},
	} {
		client := hr
		if c.who == "A's own" {
			client = b.env.Login("demo", "emp.north.1")
		}
		tr := get[trendBody](t, client, c.path, 200)
		if len(tr.Points) != 12 {
			t.Fatalf("%s trend: %d points", c.who, len(tr.Points))
		}
		for _, pt := range tr.Points {
			if pt.Period != "2026-11" {
				if pt.Composite == nil && len(pt.Metrics) > 0 {
					t.Errorf("%s trend, %s: metrics %v without a result", c.who, pt.Period, pt.Metrics)
				}
				continue
			}
			if num(pt.Metrics["satisfaction"]) != "73.8" || num(pt.Metrics["resolution_rate"]) != "80" {
				t.Errorf("%s trend, November: %s %s, want 73.8 80", c.who, num(pt.Metrics["satisfaction"]), num(pt.Metrics["resolution_rate"]))
			}
		}
	}
}
