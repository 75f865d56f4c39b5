package attempts

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/servicestar/servicestar/scenarios"
)

// AnalyticsCSV writes a scenario's analytics as one CSV table a spreadsheet
// can filter by its first column: the summary, the endings, every reply at
// every turn (and checklist element of typed replies), and the violations.
// It starts with a UTF-8 byte-order mark so Excel reads the Chinese right.
func AnalyticsCSV(a *Analytics) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	opt := func(v *float64) string {
		if v == nil {
			return ""
		}
		return num(*v)
	}
	row := func(section, turn, item string, text scenarios.Text, count int, share string) {
		_ = w.Write([]string{section, turn, item, text[scenarios.LocaleZH], text[scenarios.LocaleEN], strconv.Itoa(count), share})
	}
	_ = w.Write([]string{"section", "turn", "item", "text_zh", "text_en", "count", "percent"})
	_ = w.Write([]string{"scenario", "", a.ScenarioKey, a.Title[scenarios.LocaleZH], a.Title[scenarios.LocaleEN], strconv.Itoa(a.Version), ""})
	summary := []struct {
		item  string
		count int
		share string
	}{
		{"attempts", a.Attempts, ""},
		{"finished", a.Finished, ""},
		{"passed", a.Passed, opt(a.PassRate)},
		{"with_violation", a.WithViolation, ""},
		{"average_total", 0, opt(a.AvgTotal)},
	}
	for _, s := range summary {
		row("summary", "", s.item, nil, s.count, s.share)
	}
	for _, d := range a.Dimensions {
		row("dimension", "", d.Dimension, nil, 0, num(d.Average))
	}
	for _, e := range a.Endings {
		row("ending", "", e.ID+" ("+e.Kind+")", e.Title, e.Count, num(percent(e.Count, a.Finished)))
	}
	for _, t := range a.Turns {
		for _, c := range t.Choices {
			row("choice", t.ID, c.ID, c.Text, c.Count, num(c.Share))
		}
		for _, c := range t.Checklist {
			row("checklist", t.ID, c.ID, c.Label, c.Met, num(c.Share))
		}
	}
	for _, v := range a.Violations {
		row("violation", v.Turn, v.ProductID+" "+v.ProductRisk+" > "+v.CustomerRisk, v.ProductName, v.Count, "")
	}
	w.Flush()
	return buf.Bytes()
}
