package attempts_test

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// A scenario title is written by bank staff; in the analytics export it must
// reach the spreadsheet as text, never as a formula it would run.
func TestAnalyticsCSVNeutralisesFormulaTitles(t *testing.T) {
	env := testkit.New(t)
	hr := env.Login("demo", "hr")
	const key, formula = "formula-title", `=HYPERLINK("http://x","y")`
	publishEdited(t, hr, trapScenarioID, key, func(src string) string {
		title := regexp.MustCompile(`(?m)^title:\n  zh-CN: .*$`)
		if !title.MatchString(src) {
			t.Fatalf("no zh-CN title line in:\n%.300s", src)
		}
		return title.ReplaceAllLiteralString(src, "title:\n  zh-CN: '"+formula+"'")
	})
	start(t, env.Login("demo", "emp.south.1"), key)

	out := mustGet(t, hr, "/api/v1/training/analytics/"+key+"/export")
	recs, err := csv.NewReader(bytes.NewReader([]byte(strings.TrimPrefix(out, "\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r[0] == "scenario" {
			if r[3] != "'"+formula {
				t.Fatalf("title cell %q, want %q", r[3], "'"+formula)
			}
			return
		}
	}
	t.Fatalf("no scenario row in:\n%.300s", out)
}
