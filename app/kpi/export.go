package kpi

import (
	"context"
	"fmt"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/export"
)

// Export writes a subtree's people of a period, best first, with every
// metric's raw value and score (the ranking the dashboard shows, all pages
// at once), and names the file.
func (s *Service) Export(ctx context.Context, p *access.Principal, id int64, key string, w export.Sheet) (string, error) {
	page, err := s.People(ctx, p, id, PeopleQuery{Period: key, all: true})
	if err != nil {
		return "", err
	}
	var metrics []string
	labels := map[string]string{}
	for _, r := range page.Items {
		for _, m := range r.Metrics {
			if _, ok := labels[m.Metric]; !ok {
				labels[m.Metric] = m.Label
				metrics = append(metrics, m.Metric)
			}
		}
	}
	head := []string{"employee_code", "name", "branch_code", "branch", "composite", "rankable", "rank", "ratings"}
	for _, m := range metrics {
		head = append(head, m+" raw", m+" sample", m+" score", m+" contribution")
	}
	w.Header(head...)
	for _, r := range page.Items {
		rank := export.Text("")
		if r.Rank != nil {
			rank = export.Int(*r.Rank)
		}
		yes := "no"
		if r.Rankable {
			yes = "yes"
		}
		cells := []export.Cell{export.Text(r.Person.EmployeeCode), export.Text(r.Person.Name), export.Text(r.Person.Branch.Code), export.Text(r.Person.Branch.Name),
			export.OptFloat(r.Composite, 1), export.Text(yes), rank, export.Int(int(r.Ratings))}
		byMetric := map[string]MetricEntry{}
		for _, m := range r.Metrics {
			byMetric[m.Metric] = m
		}
		for _, k := range metrics {
			m, ok := byMetric[k]
			if !ok {
				cells = append(cells, export.Text(""), export.Text(""), export.Text(""), export.Text(""))
				continue
			}
			cells = append(cells, export.OptFloat(m.Raw, 4), export.Int(int(m.Sample)), export.OptFloat(m.Score, 1), export.OptFloat(m.Contribution, 2))
		}
		w.Row(cells...)
	}
	if key == "" {
		key = "current"
	}
	return fmt.Sprintf("kpi-%d-%s", id, key), nil
}
