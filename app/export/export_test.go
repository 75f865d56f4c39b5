package export_test

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/export"
)

func TestNeutraliseFormulaStarts(t *testing.T) {
	cases := map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+1+cmd|' /C calc'!A0":       "'+1+cmd|' /C calc'!A0",
		"-2+3":                       "'-2+3",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\t=1":                       "'\t=1",
		"\r=1":                       "'\r=1",
		"":                           "",
		"柜台 =1":                      "柜台 =1",
		"a-b":                        "a-b",
		"'quoted":                    "'quoted",
	}
	for in, want := range cases {
		if got := export.Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVNeutralisesTextButNotNumbers(t *testing.T) {
	c := export.NewCSV()
	c.Header("name", "n", "score", "none")
	c.Row(export.Text("-5"), export.Int(-5), export.Float(-1.5, 1), export.OptFloat(nil, 1))
	out := string(c.Bytes())
	if !strings.HasPrefix(out, "\ufeff") {
		t.Fatalf("no byte-order mark: %q", out)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"'-5", "-5", "-1.5", ""}
	if len(recs) != 2 || strings.Join(recs[1], "|") != strings.Join(want, "|") {
		t.Fatalf("rows %q, want second row %q", recs, want)
	}
}
