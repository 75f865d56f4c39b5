package kpi_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/store"
)

// A small tenant computed by hand. November 2026 (open, the test clock's
// month), one scheme from November: satisfaction 60% (linear 3→5, 10
// ratings), resolution 40% (linear 0.5→1, 5 problems); prior 20, 10
// ratings to be ranked.
//
//	A emp.north.1 at Chaoyang: 20 ratings summing 90 (4.5), 10 problems, 9 resolved, 1 complaint in 20
//	B emp.south.1 at South:    12 ratings summing 60 (5.0), 4 problems, all resolved
//	C staff.north.1 at North:   2 ratings summing 10 (5.0)
//	Chaoyang, nobody named:     6 ratings summing 18 (3.0), 2 problems unresolved, 2 complaints
//
// Tenant mean: 178 / 40 = 4.45.
//
//	A: credible (20×4.45+90)/40 = 4.475 → 73.75; resolution 0.9 → 80; 0.6×73.75+0.4×80 = 76.25
//	B: credible (89+60)/32 = 4.65625 → 82.8125; 4 problems < 5, left out: composite 82.8125
//	C: 2 ratings < 10 and no problems: not enough data, not ranked
//
// Ranks: B 1, A 2 of 2. Subtrees: Chaoyang and North 76.25 (C is not
// rankable), South 82.8125, head office (76.25+82.8125)/2 = 79.53125.
func handTenant(t *testing.T) (*bank, int64) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	sid := b.scheme(t, hr, "2026-11",
		metric("satisfaction", 60, 3, 5, "higher", 10),
		metric("resolution_rate", 40, 0.5, 1, "higher", 5))
	cy, north, south := b.branch["north-chaoyang"].ID, b.branch["north"].ID, b.branch["south"].ID
	b.rollups(t, 202611,
		roll(cy, b.user["emp.north.1"], 20, 20, 90000, 10, 9, 1),
		roll(south, b.user["emp.south.1"], 12, 12, 60000, 4, 4, 0),
		roll(north, b.user["staff.north.1"], 2, 2, 10000, 0, 0, 0),
		roll(cy, 0, 6, 6, 18000, 2, 0, 2))
	b.recompute(t, "2026-11")
	return b, sid
}

func TestRollupsToResultsByHand(t *testing.T) {
	b, sid := handTenant(t)
	var rows []kpi.Result
	if err := b.env.App.DB.R.Scopes(store.Tenant(b.tid)).Where("period_key = ?", "2026-11").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	byUser := map[int64]kpi.Result{}
	for _, r := range rows {
		byUser[r.EmployeeID] = r
	}
	milli := func(r kpi.Result) string {
		if r.CompositeMilli == nil {
			return "null"
		}
		return fmt.Sprint(*r.CompositeMilli)
	}
	for _, c := range []struct {
		user      string
		composite string
		rankable  bool
		branch    string
	}{
		{"emp.north.1", "76250", true, "north-chaoyang"},
		{"emp.south.1", "82813", true, "south"},
		{"staff.north.1", "null", false, "north"},
	} {
		r, ok := byUser[b.user[c.user]]
		if !ok {
			t.Errorf("%s has no result", c.user)
			continue
		}
		if milli(r) != c.composite || r.Rankable != c.rankable || r.BranchID != b.branch[c.branch].ID || r.SchemeID != sid {
			t.Errorf("%s: composite %s rankable %v branch %d scheme %d; want %s %v %d %d", c.user, milli(r), r.Rankable, r.BranchID, r.SchemeID,
				c.composite, c.rankable, b.branch[c.branch].ID, sid)
		}
	}

	// A's scorecard explains the score line by line.
	a := get[kpi.Scorecard](t, b.env.Login("demo", "emp.north.1"), "/api/v1/kpi/me?period=2026-11", 200)
	if num(a.Composite) != "76.3" || !a.Rankable || a.Rank == nil || *a.Rank != 2 || a.Of != 2 || a.State != "open" || a.Scheme == nil || a.Scheme.ID != sid {
		t.Errorf("A's card: composite %s rankable %v rank %v of %d state %s scheme %+v", num(a.Composite), a.Rankable, a.Rank, a.Of, a.State, a.Scheme)
	}
	want := map[string][4]string{ // raw, sample, score, contribution
		"satisfaction":    {"4.475", "20", "73.8", "44.25"},
		"resolution_rate": {"0.9", "10", "80", "32"},
	}
	for _, m := range a.Metrics {
		got := [4]string{num(m.Raw), fmt.Sprint(m.Sample), num(m.Score), num(m.Contribution)}
		if got != want[m.Metric] {
			t.Errorf("A's %s line: %v, want %v", m.Metric, got, want[m.Metric])
		}
	}
	// B's thin resolution rate is shown, but left out and its weight spread.
	bc := get[kpi.Scorecard](t, b.env.Login("demo", "emp.south.1"), "/api/v1/kpi/me?period=2026-11", 200)
	if num(bc.Composite) != "82.8" || bc.Rank == nil || *bc.Rank != 1 {
		t.Errorf("B's card: composite %s rank %v", num(bc.Composite), bc.Rank)
	}
	for _, m := range bc.Metrics {
		if m.Metric == "resolution_rate" && (m.Enough || m.Score != nil || m.Sample != 4 || num(m.Raw) != "1") {
			t.Errorf("B's resolution line: %+v", m)
		}
		if m.Metric == "satisfaction" && m.EffectivePct != 100 {
			t.Errorf("B's satisfaction weighs %v%%, want 100", m.EffectivePct)
		}
	}

	// Subtrees.
	hr := b.env.Login("demo", "hr")
	for code, want := range map[string]string{"north-chaoyang": "76.3", "north": "76.3", "south": "82.8", "HQ": "79.5"} {
		s := get[kpi.BranchSummary](t, hr, fmt.Sprintf("/api/v1/kpi/branches/%d?period=2026-11", b.branch[code].ID), 200)
		if num(s.Composite) != want {
			t.Errorf("%s composite %s, want %s", code, num(s.Composite), want)
		}
	}
	cy := get[kpi.BranchSummary](t, hr, fmt.Sprintf("/api/v1/kpi/branches/%d?period=2026-11", b.branch["north-chaoyang"].ID), 200)
	// Chaoyang's tallies hold A's and the branch-only feedback: 26 ratings
	// summing 108, 9 of 12 problems resolved, 3 complaints in 26 records.
	sums := map[string][2]string{"satisfaction": {"4.1538", "26"}, "resolution_rate": {"0.75", "12"}, "complaint_rate": {"0.1154", "26"}}
	for _, m := range cy.Metrics {
		if w, ok := sums[m.Metric]; ok && (num(m.Raw) != w[0] || fmt.Sprint(m.Sample) != w[1]) {
			t.Errorf("Chaoyang %s: raw %s sample %d, want %v", m.Metric, num(m.Raw), m.Sample, w)
		}
	}
	if cy.Rankable != 1 || cy.NotEnoughData != cy.People-1 || len(cy.Top) != 1 || cy.Top[0].Person.ID != b.user["emp.north.1"] {
		t.Errorf("Chaoyang: rankable %d, not enough %d of %d, top %+v", cy.Rankable, cy.NotEnoughData, cy.People, cy.Top)
	}
	hq := get[kpi.BranchSummary](t, hr, fmt.Sprintf("/api/v1/kpi/branches/%d?period=2026-11", b.branch["HQ"].ID), 200)
	if len(hq.Top) != 2 || hq.Top[0].Person.ID != b.user["emp.south.1"] || hq.Bottom[0].Person.ID != b.user["emp.north.1"] {
		t.Errorf("head office top %+v bottom %+v", hq.Top, hq.Bottom)
	}
	for _, d := range hq.Distribution {
		if d.From == 70 || d.From == 80 {
			if d.Count != 1 {
				t.Errorf("bucket %d–%d holds %d, want 1", d.From, d.To, d.Count)
			}
		}
	}
	if len(hq.Children) != 3 || hq.Children[0].Branch.Code != "south" || num(hq.Children[0].Composite) != "82.8" {
		t.Errorf("head office children %+v", hq.Children)
	}

	// The ranking: B, A, then everyone without a composite.
	pg := get[kpi.PeoplePage](t, hr, fmt.Sprintf("/api/v1/kpi/branches/%d/people?period=2026-11&page_size=3", b.branch["HQ"].ID), 200)
	if len(pg.Items) != 3 || pg.Items[0].Person.ID != b.user["emp.south.1"] || pg.Items[1].Person.ID != b.user["emp.north.1"] || pg.Items[2].Composite != nil {
		t.Errorf("ranking page: %+v", pg.Items)
	}
	asc := get[kpi.PeoplePage](t, hr, fmt.Sprintf("/api/v1/kpi/branches/%d/people?period=2026-11&sort=resolution_rate&order=asc", b.branch["HQ"].ID), 200)
	if asc.Items[0].Person.ID != b.user["emp.north.1"] {
		t.Errorf("by resolution score, ascending: first %+v", asc.Items[0].Person)
	}
}

// A manager of North sees North and its sub-branch Chaoyang and the people
// whose results counted there; South and its people answer 404, like a
// missing branch or person. An employee sees only their own card.
func TestManagerSeesOnlyTheirSubtree(t *testing.T) {
	b, _ := handTenant(t)
	mgr := b.env.Login("demo", "mgr.north")
	br := func(code, path string) string {
		return fmt.Sprintf("/api/v1/kpi/branches/%d%s?period=2026-11", b.branch[code].ID, path)
	}
	for _, path := range []string{"", "/people", "/trend", "/export"} {
		status(t, mgr, br("north-chaoyang", path), 200)
		status(t, mgr, br("south", path), 404)
		status(t, mgr, fmt.Sprintf("/api/v1/kpi/branches/%d%s?period=2026-11", 2_000_000_000, path), 404)
	}
	a := get[kpi.Scorecard](t, mgr, fmt.Sprintf("/api/v1/kpi/people/%d?period=2026-11", b.user["emp.north.1"]), 200)
	if num(a.Composite) != "76.3" {
		t.Errorf("A seen by North's manager: %s", num(a.Composite))
	}
	status(t, mgr, fmt.Sprintf("/api/v1/kpi/people/%d?period=2026-11", b.user["emp.south.1"]), 404)
	status(t, mgr, fmt.Sprintf("/api/v1/kpi/people/%d/trend", b.user["emp.south.1"]), 404)
	// North's list has no one from South.
	pg := get[kpi.PeoplePage](t, mgr, br("north", "/people")+"&page_size=200", 200)
	for _, it := range pg.Items {
		if it.Person.ID == b.user["emp.south.1"] {
			t.Error("North's ranking lists South's employee")
		}
	}
	emp := b.env.Login("demo", "emp.north.1")
	status(t, emp, br("north-chaoyang", ""), 403)
	status(t, emp, fmt.Sprintf("/api/v1/kpi/people/%d?period=2026-11", b.user["emp.north.1"]), 403)
	// Another bank's HR sees nothing of this one.
	other := b.env.Login("demo2", "hr")
	status(t, other, br("north", ""), 404)
	status(t, other, fmt.Sprintf("/api/v1/kpi/people/%d?period=2026-11", b.user["emp.north.1"]), 404)
}

func TestExportCSVAndXLSX(t *testing.T) {
	b, _ := handTenant(t)
	hr := b.env.Login("demo", "hr")
	path := fmt.Sprintf("/api/v1/kpi/branches/%d/export?period=2026-11", b.branch["HQ"].ID)
	st, body := hr.Do("GET", path+"&format=csv", nil)
	if st != 200 {
		t.Fatalf("csv: %d %s", st, body)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(recs[0][:8], ",")
	if head != "employee_code,name,branch_code,branch,composite,rankable,rank,ratings" {
		t.Errorf("csv header %q", head)
	}
	if got := strings.Join(recs[1][4:8], ","); got != "82.8,yes,1,12" {
		t.Errorf("csv first row %q: want B at 82.8, rank 1, 12 ratings", recs[1])
	}
	if got := strings.Join(recs[2][4:8], ","); got != "76.3,yes,2,20" {
		t.Errorf("csv second row %q: want A at 76.3, rank 2, 20 ratings", recs[2])
	}
	var users int64
	if err := b.env.App.DB.R.Model(&kpi.Result{}).Scopes(store.Tenant(b.tid)).Where("period_key = ?", "2026-11").Count(&users).Error; err != nil {
		t.Fatal(err)
	}
	if int64(len(recs)-1) != users {
		t.Errorf("csv has %d people, the period %d", len(recs)-1, users)
	}

	st, body = hr.Do("GET", path+"&format=xlsx", nil)
	if st != 200 {
		t.Fatalf("xlsx: %d %s", st, body)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("KPI")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(recs) || strings.Join(rows[1][4:8], ",") != "82.8,yes,1,12" || rows[2][1] != recs[2][1] {
		t.Errorf("xlsx rows %d (csv %d), first %q", len(rows), len(recs), rows[1])
	}
	if typ, err := f.GetCellType("KPI", "E2"); err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("composite cell is text (%v, %v), want a number", typ, err)
	}
}

// Business results: a person's value is their average per month with a
// result, scored here by percentile among everyone with a value; a subtree
// shows its total per month.
func TestBusinessResultsByPercentile(t *testing.T) {
	b := demoBank(t)
	db := b.env.App.DB.W
	// The demo defines the metric; the test states its own name and unit.
	if err := db.Scopes(store.Tenant(b.tid)).Where("code = ?", "sales_amount_cents").Delete(&feedback.BusinessMetric{}).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Create(&feedback.BusinessMetric{TenantID: b.tid, Code: "sales_amount_cents", Name: "销售额", Unit: "cents", CreatedAt: time.Now()}).Error; err != nil {
		t.Fatal(err)
	}
	b.rollups(t, 202611)
	a, bb := b.user["emp.north.1"], b.user["emp.south.1"]
	for i, r := range []feedback.BusinessResult{
		{EmployeeID: a, BranchID: b.branch["north-chaoyang"].ID, Value: 300, Source: "core"},
		{EmployeeID: bb, BranchID: b.branch["south"].ID, Value: 400, Source: "core"},
	} {
		r.TenantID, r.Month, r.Metric, r.CreatedAt, r.UpdatedAt = b.tid, 202611, "sales_amount_cents", time.Now(), time.Now()
		if err := db.Create(&r).Error; err != nil {
			t.Fatalf("result %d: %v", i, err)
		}
	}
	hr := b.env.Login("demo", "hr")
	st, body := hr.Do("POST", "/api/v1/kpi/schemes", map[string]any{"name": "Sales", "valid_from": "2026-11", "min_sample": 0,
		"metrics": []any{map[string]any{"metric": "business:sales_amount_cents", "weight_pct": 100, "normalisation": "percentile", "direction": "higher", "min_sample": 1}}})
	if st != 200 {
		t.Fatalf("scheme: %d %s", st, body)
	}
	b.recompute(t, "2026-11")
	// Population {300, 400}: A has 0 worse and itself half: 25; B 1 + ½: 75.
	for user, want := range map[string]string{"emp.north.1": "25", "emp.south.1": "75"} {
		sc := get[kpi.Scorecard](t, hr, fmt.Sprintf("/api/v1/kpi/people/%d?period=2026-11", b.user[user]), 200)
		if num(sc.Composite) != want || len(sc.Metrics) != 1 || sc.Metrics[0].Label != "销售额" || sc.Metrics[0].RawUnit != "cents" {
			t.Errorf("%s: composite %s, metrics %+v; want %s", user, num(sc.Composite), sc.Metrics, want)
		}
	}
	hq := get[kpi.BranchSummary](t, hr, fmt.Sprintf("/api/v1/kpi/branches/%d?period=2026-11", b.branch["HQ"].ID), 200)
	for _, m := range hq.Metrics {
		if m.Metric == "business:sales_amount_cents" && (num(m.Raw) != "700" || num(m.Score) != "50") {
			t.Errorf("head office sales: raw %s score %s, want 700 a month and the mean score 50", num(m.Raw), num(m.Score))
		}
	}
}
