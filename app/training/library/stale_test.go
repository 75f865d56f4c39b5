package library_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/app/training/library"
	builtin "github.com/servicestar/servicestar/scenarios/library"
)

// HR finds the scenarios whose facts were last checked more than a year ago:
// the list carries the date, and ?facts_stale=true keeps those only.
func TestLibraryFiltersFactsCheckedOverAYearAgo(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	const src, old = "lost-card-report", "lost-card-report-2024"
	_, data, _ := builtin.Source(src)
	checked := regexp.MustCompile(`(?m)^facts_checked_on: .*$`)
	if !checked.Match(data) {
		t.Fatalf("%s has no facts_checked_on line", src)
	}
	yaml := checked.ReplaceAllString(strings.Replace(string(data), "id: "+src, "id: "+old, 1), `facts_checked_on: "2024-03-01"`)
	if st, body := uploadYAML(hr, []byte(yaml)); st != 200 || !strings.Contains(body, `"facts_checked_on":"2024-03-01"`) {
		t.Fatalf("upload: %d %s", st, body)
	}

	type list struct {
		Items []struct {
			Key            string
			FactsCheckedOn string `json:"facts_checked_on"`
		}
	}
	all := testkit.JSON[list](t, mustGet(t, hr, "/api/v1/training/library"))
	stale := testkit.JSON[list](t, mustGet(t, hr, "/api/v1/training/library?facts_stale=true"))
	now := time.Now()
	keys := map[string]bool{}
	for _, e := range stale.Items {
		keys[e.Key] = true
		if !library.FactsStale(e.FactsCheckedOn, now) {
			t.Errorf("%s (checked %s) listed as stale", e.Key, e.FactsCheckedOn)
		}
	}
	if !keys[old] {
		t.Fatalf("the 2024 copy is not among the stale: %+v", stale.Items)
	}
	for _, e := range all.Items {
		if e.Key == src && e.FactsCheckedOn == "" {
			t.Errorf("%s: no facts_checked_on in the list", src)
		}
		if library.FactsStale(e.FactsCheckedOn, now) != keys[e.Key] {
			t.Errorf("%s (checked %q): stale %v, listed %v", e.Key, e.FactsCheckedOn, library.FactsStale(e.FactsCheckedOn, now), keys[e.Key])
		}
	}
	if len(stale.Items) >= len(all.Items) {
		t.Fatalf("the filter kept %d of %d", len(stale.Items), len(all.Items))
	}
	if st, body := hr.Do("GET", "/api/v1/training/library?facts_stale=maybe", nil); st != 422 || !strings.Contains(body, "facts_stale") {
		t.Fatalf("facts_stale=maybe: %d %s", st, body)
	}
}

func TestFactsStaleIsAYear(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	for day, want := range map[string]bool{"2026-12-05": false, "2025-12-05": false, "2025-12-04": true, "": true, "soon": true} {
		if got := library.FactsStale(day, now); got != want {
			t.Errorf("%q: %v, want %v", day, got, want)
		}
	}
}
