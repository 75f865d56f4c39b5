package kpi_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/kpi"
)

// dueIn and attendedIn answer for November 2026 only, as the assignments
// and the case library would for the data the test gives them.
type dueIn map[int64][2]int

func (d dueIn) DueMemberships(_ context.Context, _ int64, from, to time.Time) (map[int64][2]int, error) {
	if !inNovember(from, to) {
		return map[int64][2]int{}, nil
	}
	return d, nil
}

type attendedIn map[int64]int

func (a attendedIn) Attendance(_ context.Context, _ int64, from, to time.Time) (map[int64]int, error) {
	if !inNovember(from, to) {
		return map[int64]int{}, nil
	}
	return a, nil
}

func inNovember(from, to time.Time) bool {
	mid := time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC)
	return !mid.Before(from) && mid.Before(to)
}

// Case-study sessions attended count as training done. November 2026, one
// scheme: satisfaction 50% (linear 3→5, 10 ratings), training completion
// 50% (linear 0.5→1, 1 item); the feedback of handTenant (tenant mean 4.45).
//
//	A emp.north.1 (Chaoyang): 1 of 2 assignments done, 2 sessions attended → (1+2)/(2+2) = 0.75 → 50
//	B emp.south.1 (South):    no assignment, 1 session attended            → 1/1 = 1 → 100
//	C staff.north.1 (North):  0 of 1 assignment done, no session           → 0/1 = 0 → 0
//
//	A: satisfaction 4.475 → 73.75; composite 0.5×73.75 + 0.5×50 = 61.875
//	B: satisfaction 4.65625 → 82.8125; composite 0.5×82.8125 + 0.5×100 = 91.40625
//
// Subtrees: Chaoyang 3 of 4; North (Chaoyang and C) 3 of 5 = 0.6.
// Without the sessions A would stand at 1 of 2 (score 0) and B would have
// no completion at all.
func TestCaseSessionsCountAsTrainingDone(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	b.scheme(t, hr, "2026-11",
		metric("satisfaction", 50, 3, 5, "higher", 10),
		metric("training_completion", 50, 0.5, 1, "higher", 1))
	cy, north, south := b.branch["north-chaoyang"].ID, b.branch["north"].ID, b.branch["south"].ID
	b.rollups(t, 202611,
		roll(cy, b.user["emp.north.1"], 20, 20, 90000, 10, 9, 1),
		roll(south, b.user["emp.south.1"], 12, 12, 60000, 4, 4, 0),
		roll(north, b.user["staff.north.1"], 2, 2, 10000, 0, 0, 0),
		roll(cy, 0, 6, 6, 18000, 2, 0, 2))
	svc := b.env.App.KPI
	svc.Done = dueIn{b.user["emp.north.1"]: {1, 2}, b.user["staff.north.1"]: {0, 1}}
	svc.Cases = attendedIn{b.user["emp.north.1"]: 2, b.user["emp.south.1"]: 1}
	b.recompute(t, "2026-11")

	for _, c := range []struct {
		user      string
		composite string
		line      [3]string // raw, sample, score of training completion
	}{
		{"emp.north.1", "61.9", [3]string{"0.75", "4", "50"}},
		{"emp.south.1", "91.4", [3]string{"1", "1", "100"}},
	} {
		card := get[kpi.Scorecard](t, b.env.Login("demo", c.user), "/api/v1/kpi/me?period=2026-11", 200)
		if num(card.Composite) != c.composite {
			t.Errorf("%s: composite %s, want %s", c.user, num(card.Composite), c.composite)
		}
		found := false
		for _, m := range card.Metrics {
			if m.Metric == "training_completion" {
				found = true
				if got := [3]string{num(m.Raw), fmt.Sprint(m.Sample), num(m.Score)}; got != c.line {
					t.Errorf("%s training completion: %v, want %v", c.user, got, c.line)
				}
			}
		}
		if !found {
			t.Errorf("%s: no training completion line", c.user)
		}
	}
	for code, want := range map[string][2]string{"north-chaoyang": {"0.75", "4"}, "north": {"0.6", "5"}} {
		s := get[kpi.BranchSummary](t, hr, fmt.Sprintf("/api/v1/kpi/branches/%d?period=2026-11", b.branch[code].ID), 200)
		for _, m := range s.Metrics {
			if m.Metric == "training_completion" && (num(m.Raw) != want[0] || fmt.Sprint(m.Sample) != want[1]) {
				t.Errorf("%s training completion: raw %s sample %d, want %v", code, num(m.Raw), m.Sample, want)
			}
		}
	}
}
