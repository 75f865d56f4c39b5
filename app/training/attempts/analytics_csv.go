package attempts

import (
	"github.com/servicestar/servicestar/app/export"
	"github.com/servicestar/servicestar/scenarios"
)

// AnalyticsCSV writes a scenario's analytics as one CSV table a spreadsheet
// can filter by its first column: the summary, the endings, every reply at
// every turn (and checklist element of typed replies), and the violations.
// Counts, the version and percentages are numbers; everything else (the
// scenario's texts, written by bank staff) is text export neutralises.
func AnalyticsCSV(a *Analytics) []byte {
	w := export.NewCSV()
	num := func(v float64) export.Cell { return export.Float(v, 1) }
	row := func(section, turn, item string, text scenarios.Text, count int, share export.Cell) {
		w.Row(export.Text(section), export.Text(turn), export.Text(item),
			export.Text(text[scenarios.LocaleZH]), export.Text(text[scenarios.LocaleEN]), export.Int(count), share)
	}
	w.Header("section", "turn", "item", "text_zh", "text_en", "count", "percent")
	w.Row(export.Text("scenario"), export.Text(""), export.Text(a.ScenarioKey),
		export.Text(a.Title[scenarios.LocaleZH]), export.Text(a.Title[scenarios.LocaleEN]), export.Int(a.Version), export.Text(""))
	summary := []struct {
		item  string
		count int
		share export.Cell
	}{
		{"attempts", a.Attempts, export.Text("")},
		{"finished", a.Finished, export.Text("")},
		{"passed", a.Passed, export.OptFloat(a.PassRate, 1)},
		{"with_violation", a.WithViolation, export.Text("")},
		{"average_total", 0, export.OptFloat(a.AvgTotal, 1)},
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
		if v.Kind == scenarios.ViolationRedLine {
			row("red_line", v.Turn, "", v.Reason, v.Count, export.Text(""))
			continue
		}
		row("violation", v.Turn, v.ProductID+" "+v.ProductRisk+" > "+v.CustomerRisk, v.ProductName, v.Count, export.Text(""))
	}
	return w.Bytes()
}
