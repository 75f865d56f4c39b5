package careers_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/careers"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/suggestions"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/app/training/attempts"
	"github.com/servicestar/servicestar/scenarios/library"
)

// trackWithLevels adds a track of two levels as HR; the second level asks
// reqs. It returns the track and both level ids.
func (b *bank) trackWithLevels(t *testing.T, hr *testkit.Client, reqs ...map[string]any) (int64, int64, int64) {
	t.Helper()
	b.seq++
	st, body := hr.Do("POST", "/api/v1/career-tracks", map[string]any{"code": fmt.Sprintf("t%d", b.seq), "kind": "expert", "name_zh": "测试通道", "name_en": "Test track"})
	if st != 200 {
		t.Fatalf("create track: %d %s", st, body)
	}
	tr := testkit.JSON[careers.CareerTrack](t, body)
	level := func(rank int, rs []map[string]any) int64 {
		if rs == nil {
			rs = []map[string]any{}
		}
		st, body := hr.Do("POST", fmt.Sprintf("/api/v1/career-tracks/%d/levels", tr.ID), map[string]any{"rank": rank, "code": fmt.Sprintf("l%d", rank),
			"name_zh": fmt.Sprintf("第%d级", rank), "name_en": fmt.Sprintf("Level %d", rank), "requirements": rs})
		if st != 200 {
			t.Fatalf("create level: %d %s", st, body)
		}
		return testkit.JSON[careers.CareerLevelView](t, body).ID
	}
	return tr.ID, level(1, nil), level(2, reqs)
}

func TestRequirementEvaluationPerKind(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	uid, _ := b.freshUser(t, "north-chaoyang")
	trackID, l1, _ := b.trackWithLevels(t, hr,
		map[string]any{"kind": "tenure_months", "params": map[string]any{"count": 24}},
		map[string]any{"kind": "kpi_composite", "params": map[string]any{"period_kind": "quarter", "periods": 3, "min_milli": 80000}},
		map[string]any{"kind": "kpi_composite", "params": map[string]any{"period_kind": "quarter", "periods": 3, "min_milli": 85000}},
		map[string]any{"kind": "scenario_category", "params": map[string]any{"category": "wealth", "count": 2}},
		map[string]any{"kind": "scenario_category", "params": map[string]any{"category": "complaint", "count": 1}},
		map[string]any{"kind": "cases_published", "params": map[string]any{"count": 2}},
		map[string]any{"kind": "awards", "params": map[string]any{"count": 1, "type_code": "customer_praise"}},
		map[string]any{"kind": "awards", "params": map[string]any{"count": 3}},
		map[string]any{"kind": "suggestions_adopted", "params": map[string]any{"count": 1}},
	)
	if st, body := hr.Do("POST", fmt.Sprintf("/api/v1/users/%d/career/move", uid), map[string]any{"track_id": trackID, "level_id": l1, "note": "入职定级"}); st != 200 {
		t.Fatalf("place: %d %s", st, body)
	}
	// The clock stands at 2026-11-02: hired 2024-03-15 is 31 full months.
	if st, body := hr.Do("PUT", fmt.Sprintf("/api/v1/users/%d/career/profile", uid), map[string]any{"hired_on": "2024-03-15"}); st != 200 {
		t.Fatalf("hire date: %d %s", st, body)
	}
	db := b.env.App.DB.W
	path := b.branch["north-chaoyang"].Path
	// The three quarters before the current one, and the current one (which must not count).
	for key, c := range map[string]int64{"2026-Q3": 82_000, "2026-Q2": 91_000, "2026-Q1": 86_500, "2026-Q4": 10_000, "2025-Q4": 10_000, "2026-10": 99_000} {
		c := c
		r := kpi.Result{TenantID: b.tid, PeriodKey: key, EmployeeID: uid, BranchID: b.branch["north-chaoyang"].ID, BranchPath: path, SchemeID: 1,
			CompositeMilli: &c, Rankable: true, Ratings: 20, Breakdown: json.RawMessage(`{}`), ComputedAt: b.env.Clock.Now()}
		if err := db.Create(&r).Error; err != nil {
			t.Fatal(err)
		}
	}
	// Two wealth scenarios passed (one of them twice), one failed complaint scenario, each at
	// the built-in version the catalogue holds.
	now := b.env.Clock.Now()
	builtin, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	version := map[string]int{}
	for _, sc := range builtin {
		version[sc.ID] = sc.Version
	}
	for _, a := range []struct {
		key     string
		version int
		passed  bool
	}{{"wealth-inheritance", version["wealth-inheritance"], true}, {"wealth-inheritance", version["wealth-inheritance"], true},
		{"salary-to-fixed-deposit", version["salary-to-fixed-deposit"], true}, {"smart-deposit-complaint", version["smart-deposit-complaint"], false}} {
		total := 90.0
		passed := a.passed
		row := attempts.Attempt{TenantID: b.tid, UserID: uid, BranchID: b.branch["north-chaoyang"].ID, ScenarioID: a.key, ScenarioVersion: a.version,
			Status: attempts.Finished, StateJSON: "{}", Total: &total, Passed: &passed, StartedAt: now, UpdatedAt: now, FinishedAt: &now}
		if err := db.Create(&row).Error; err != nil {
			t.Fatal(err)
		}
	}
	svc := b.service(counts{uid: 2}, awardCounts{"": {uid: 2}, "customer_praise": {uid: 1}})
	ctx, p := b.as(t, "hr")
	v, err := svc.Of(ctx, p, uid)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		current any
		met     bool
		unavail string
	}
	wants := []want{
		{31, true, ""},
		{82_000, true, ""},  // every one of the last three ≥ 80
		{82_000, false, ""}, // Q3 is below 85
		{2, true, ""},       // distinct wealth scenarios
		{0, false, ""},      // the complaint attempt failed
		{2, true, ""},       // cases (in-test reader)
		{1, true, ""},       // awards of a type
		{2, false, ""},      // any awards
		{0, false, ""},      // no adopted suggestion yet
	}
	if len(v.Requirements) != len(wants) {
		t.Fatalf("%d requirements, want %d", len(v.Requirements), len(wants))
	}
	for i, w := range wants {
		r := v.Requirements[i]
		var cur any
		if r.Current != nil {
			cur = *r.Current
		}
		if cur != w.current || r.Met != w.met || r.Unavailable != w.unavail {
			t.Errorf("requirement %d (%s %s): current %v met %v unavailable %q, want %v %v %q", i, r.Kind, r.LabelEn, cur, r.Met, r.Unavailable, w.current, w.met, w.unavail)
		}
	}
	if v.Met != 5 || v.Total != 9 || v.Ready {
		t.Errorf("met %d of %d ready %v, want 5 of 9, not ready", v.Met, v.Total, v.Ready)
	}

	// An adopted suggestion the person contributed to counts.
	ideas := &suggestions.Service{DB: b.env.App.DB, Guard: svc.Guard, Now: b.env.Clock.Now}
	ectx, emp := b.as(t, "emp.north.1")
	d, err := ideas.Submit(ectx, emp, suggestions.SuggestionIn{Title: "排队叫号", Problem: "p", Proposal: "q", ExpectedBenefit: "r", Process: "s"})
	if err != nil {
		t.Fatal(err)
	}
	mctx, mgr := b.as(t, "mgr.north")
	if _, err := ideas.Decide(mctx, mgr, d.ID, "adopt", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := ideas.SetProject(ctx, p, d.ID, suggestions.SuggestionProjectIn{PoolCents: 100, Contributors: []suggestions.SuggestionContributorIn{{UserID: emp.UserID, ShareBP: 5000}, {UserID: uid, ShareBP: 5000}}}); err != nil {
		t.Fatal(err)
	}
	v, err = svc.Of(ctx, p, uid)
	if err != nil {
		t.Fatal(err)
	}
	if r := v.Requirements[8]; r.Current == nil || *r.Current != 1 || !r.Met {
		t.Errorf("suggestions adopted after contributing: %+v", r)
	}

	// Without a reader, a requirement is unavailable, never met, and nothing panics.
	bare := &careers.Service{DB: b.env.App.DB, Guard: svc.Guard, Now: b.env.Clock.Now}
	v, err = bare.Of(ctx, p, uid)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range v.Requirements {
		if i == 0 {
			continue // tenure needs no other area
		}
		if r.Met || r.Unavailable != "source_unavailable" || r.Current != nil {
			t.Errorf("requirement %d (%s) without its reader: %+v", i, r.Kind, r)
		}
	}
}

func TestLevelInputRefusedNamingTheField(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	trackID, _, l2 := b.trackWithLevels(t, hr)
	countRows := func() [2]int64 {
		var n [2]int64
		b.env.App.DB.R.Model(&careers.CareerLevel{}).Scopes(store.Tenant(b.tid)).Count(&n[0])
		b.env.App.DB.R.Model(&careers.RequirementRow{}).Scopes(store.Tenant(b.tid)).Count(&n[1])
		return n
	}
	before := countRows()
	cases := []struct {
		reqs []map[string]any
		loc  string
	}{
		{[]map[string]any{{"kind": "charisma", "params": map[string]any{"count": 1}}}, "body.requirements[0].kind"},
		{[]map[string]any{{"kind": "tenure_months", "params": map[string]any{"count": 12}}, {"kind": "cases_published", "params": map[string]any{"count": -3}}}, "body.requirements[1].params.count"},
		{[]map[string]any{{"kind": "scenario_category", "params": map[string]any{"category": "astrology", "count": 1}}}, "body.requirements[0].params.category"},
		{[]map[string]any{{"kind": "kpi_composite", "params": map[string]any{"period_kind": "week", "periods": 3, "min_milli": 80000}}}, "body.requirements[0].params.period_kind"},
		{[]map[string]any{{"kind": "tenure_months", "params": map[string]any{"months": 3}}}, "body.requirements[0].params"},
	}
	for _, c := range cases {
		for _, url := range []string{fmt.Sprintf("/api/v1/career-tracks/%d/levels", trackID), fmt.Sprintf("/api/v1/career-levels/%d", l2)} {
			st, body := hr.Do(map[bool]string{true: "POST", false: "PUT"}[url[len(url)-1] == 's'], url, map[string]any{"rank": 3, "code": "l3", "name_zh": "三", "name_en": "Three", "requirements": c.reqs})
			if st != 422 || !slices.Contains(locations(t, body), c.loc) {
				t.Errorf("%s %v: %d %s, want 422 at %s", url, c.reqs, st, body, c.loc)
			}
		}
	}
	if after := countRows(); after != before {
		t.Errorf("refused input changed levels/requirements: %v → %v", before, after)
	}
	// A good edit replaces the level's requirements and renames the track.
	st, body := hr.Do("PUT", fmt.Sprintf("/api/v1/career-levels/%d", l2), map[string]any{"rank": 2, "code": "l2", "name_zh": "二级", "name_en": "Two",
		"requirements": []map[string]any{{"kind": "awards", "params": map[string]any{"count": 2, "type_code": "customer_praise"}}}})
	if lv := testkit.JSON[careers.CareerLevelView](t, body); st != 200 || len(lv.Requirements) != 1 || lv.Requirements[0].Kind != "awards" || lv.NameZh != "二级" {
		t.Errorf("edit level: %d %s", st, body)
	}
	if st, body := hr.Do("PUT", fmt.Sprintf("/api/v1/career-tracks/%d", trackID), map[string]any{"code": "renamed", "kind": "management", "name_zh": "改名", "name_en": "Renamed"}); st != 200 {
		t.Errorf("edit track: %d %s", st, body)
	}
	// A clashing rank is a conflict naming the rank.
	if st, body := hr.Do("POST", fmt.Sprintf("/api/v1/career-tracks/%d/levels", trackID), map[string]any{"rank": 2, "code": "other", "name_zh": "二", "name_en": "Two", "requirements": []any{}}); st != 409 || !slices.Contains(locations(t, body), "body.rank") {
		t.Errorf("clashing rank: %d %s", st, body)
	}
	// Staff and managers may not edit tracks.
	for _, who := range []string{"emp.north.1", "mgr.north"} {
		if st, _ := b.env.Login("demo", who).Do("PUT", fmt.Sprintf("/api/v1/career-levels/%d", l2), map[string]any{"rank": 2, "code": "l2", "name_zh": "二", "name_en": "Two", "requirements": []any{}}); st != 403 {
			t.Errorf("%s edits a level: %d, want 403", who, st)
		}
	}
}

func locations(t *testing.T, body string) []string {
	var p struct {
		Errors []struct {
			Location string `json:"location"`
		} `json:"errors"`
	}
	_ = json.Unmarshal([]byte(body), &p)
	var out []string
	for _, e := range p.Errors {
		out = append(out, e.Location)
	}
	return out
}

func TestPromoteAndMoveAreAuditedWithHistory(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	uid, uname := b.freshUser(t, "south")
	trackA, a1, a2 := b.trackWithLevels(t, hr)
	trackB, b1, _ := b.trackWithLevels(t, hr)
	url := func(what string) string { return fmt.Sprintf("/api/v1/users/%d/career/%s", uid, what) }

	// Promoting someone on no track is a conflict; nothing is written.
	if st, body := hr.Do("POST", url("promote"), map[string]any{"level_id": a2}); st != 409 {
		t.Fatalf("promote before placing: %d %s", st, body)
	}
	if st, body := hr.Do("POST", url("move"), map[string]any{"track_id": trackA, "level_id": b1}); st != 422 || !slices.Contains(locations(t, body), "body.level_id") {
		t.Errorf("move to another track's level: %d %s", st, body)
	}
	steps := []struct {
		path string
		body map[string]any
	}{
		{"move", map[string]any{"track_id": trackA, "level_id": a1, "note": "定级"}},
		{"promote", map[string]any{"level_id": a2, "note": "业绩突出"}},
		{"move", map[string]any{"track_id": trackB, "level_id": b1, "note": "转专家通道"}},
	}
	for _, s := range steps {
		if st, body := hr.Do("POST", url(s.path), s.body); st != 200 {
			t.Fatalf("%s: %d %s", s.path, st, body)
		}
	}
	// Promoting down or sideways is refused.
	if st, body := hr.Do("POST", url("promote"), map[string]any{"level_id": b1}); st != 409 {
		t.Errorf("promote to the current level: %d %s", st, body)
	}
	st, body := hr.Do("GET", fmt.Sprintf("/api/v1/users/%d/career", uid), nil)
	if st != 200 {
		t.Fatalf("career: %d %s", st, body)
	}
	v := testkit.JSON[careers.CareerView](t, body)
	if v.Track == nil || v.Track.ID != trackB || v.Level == nil || v.Level.ID != b1 {
		t.Errorf("now at %+v %+v, want track %d level %d", v.Track, v.Level, trackB, b1)
	}
	var actions []string
	for _, h := range v.History {
		actions = append(actions, h.Action)
	}
	if !slices.Equal(actions, []string{"move", "promote", "place"}) {
		t.Errorf("history (newest first) %v", actions)
	}
	if h := v.History[0]; h.FromLevelID == nil || *h.FromLevelID != a2 || h.Note != "转专家通道" || h.ByName == "" {
		t.Errorf("move history row %+v", h)
	}
	var audited []string
	b.env.App.DB.R.Model(&audit.Entry{}).Scopes(store.Tenant(b.tid)).Where("target_type = ? AND target_id = ?", "career_profile", fmt.Sprint(uid)).Order("id").Pluck("action", &audited)
	if !slices.Equal(audited, []string{"careers.place", "careers.promote", "careers.move"}) {
		t.Errorf("audit %v", audited)
	}
	var kinds []string
	b.env.App.DB.R.Model(&notify.Notification{}).Scopes(store.Tenant(b.tid)).Where("user_id = ? AND kind LIKE ?", uid, "careers.%").Order("id").Pluck("kind", &kinds)
	if !slices.Equal(kinds, []string{"careers.moved", "careers.promoted", "careers.moved"}) {
		t.Errorf("notifications %v", kinds)
	}
	// The person sees it too; others outside their branch do not.
	emp := b.env.Login("demo", uname)
	if st, body := emp.Do("GET", "/api/v1/me/career", nil); st != 200 || testkit.JSON[careers.CareerView](t, body).Level.ID != b1 {
		t.Errorf("me/career: %d %s", st, body)
	}
	for who, wantSt := range map[string]int{"mgr.north": 404, "emp.north.1": 403, "mgr.south": 200, "auditor": 403} {
		if st, body := b.env.Login("demo", who).Do("GET", fmt.Sprintf("/api/v1/users/%d/career", uid), nil); st != wantSt {
			t.Errorf("%s reads a South person's career: %d %s, want %d", who, st, body, wantSt)
		}
	}
	for _, who := range []string{"mgr.south", "emp.south.1"} {
		if st, _ := b.env.Login("demo", who).Do("POST", url("promote"), map[string]any{"level_id": a2}); st != 403 {
			t.Errorf("%s promotes: %d, want 403", who, st)
		}
	}
	// A hire date in the future is refused, naming the field.
	if st, body := hr.Do("PUT", url("profile"), map[string]any{"hired_on": b.env.Clock.Now().AddDate(0, 1, 0).Format(time.DateOnly)}); st != 422 || !slices.Contains(locations(t, body), "body.hired_on") {
		t.Errorf("future hire date: %d %s", st, body)
	}
}

func TestReadinessIsScoped(t *testing.T) {
	b := demoBank(t)
	hr := b.env.Login("demo", "hr")
	trackID, l1, _ := b.trackWithLevels(t, hr, map[string]any{"kind": "tenure_months", "params": map[string]any{"count": 12}})
	place := func(branch, hired string) int64 {
		id, _ := b.freshUser(t, branch)
		if st, body := hr.Do("POST", fmt.Sprintf("/api/v1/users/%d/career/move", id), map[string]any{"track_id": trackID, "level_id": l1}); st != 200 {
			t.Fatalf("place: %d %s", st, body)
		}
		if hired != "" {
			if st, body := hr.Do("PUT", fmt.Sprintf("/api/v1/users/%d/career/profile", id), map[string]any{"hired_on": hired}); st != 200 {
				t.Fatalf("hire: %d %s", st, body)
			}
		}
		return id
	}
	ready := place("north-chaoyang", "2020-01-01")
	notYet := place("north", "2026-06-01")
	south := place("south", "2019-05-01")
	type out struct {
		Items []careers.CareerReadinessItem `json:"items"`
		Ready int                           `json:"ready"`
	}
	read := func(c *testkit.Client, q string) map[int64]careers.CareerReadinessItem {
		st, body := c.Do("GET", fmt.Sprintf("/api/v1/careers/readiness?track_id=%d%s", trackID, q), nil)
		if st != 200 {
			t.Fatalf("readiness%s: %d %s", q, st, body)
		}
		m := map[int64]careers.CareerReadinessItem{}
		for _, it := range testkit.JSON[out](t, body).Items {
			m[it.User.ID] = it
		}
		return m
	}
	all := read(hr, "")
	if len(all) != 3 || !all[ready].Ready || all[notYet].Ready || !all[south].Ready || all[notYet].Met != 0 || all[notYet].Total != 1 {
		t.Errorf("HR readiness: %+v", all)
	}
	mine := read(b.env.Login("demo", "mgr.north"), "")
	if len(mine) != 2 || mine[south].User.ID != 0 {
		t.Errorf("North manager sees %v, want the two North people", mine)
	}
	if got := read(hr, fmt.Sprintf("&branch_id=%d", b.branch["north-chaoyang"].ID)); len(got) != 1 || !got[ready].Ready {
		t.Errorf("Chaoyang only: %+v", got)
	}
	if st, _ := b.env.Login("demo", "mgr.north").Do("GET", fmt.Sprintf("/api/v1/careers/readiness?branch_id=%d", b.branch["south"].ID), nil); st != 404 {
		t.Errorf("North manager asks for South: %d, want 404", st)
	}
	if st, _ := b.env.Login("demo", "emp.north.1").Do("GET", "/api/v1/careers/readiness", nil); st != 403 {
		t.Errorf("employee asks for readiness: %d, want 403", st)
	}
}
