package awards_test

import (
	"net/http"
	"testing"

	"github.com/servicestar/servicestar/app/awards"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

type nomList struct {
	Items []awards.NominationView `json:"items"`
}

// The demo ships the three awards granted in past periods and one open
// nomination by mgr.north for emp.north.1.
func TestDemoAwards(t *testing.T) {
	b := demoBank(t)
	var types []awards.Type
	if err := b.env.App.DB.R.Scopes(store.Tenant(b.tid)).Find(&types).Error; err != nil {
		t.Fatal(err)
	}
	byCode := map[string]int64{}
	for _, x := range types {
		byCode[x.Code] = x.ID
	}
	for _, code := range []string{"customer-praise", "monthly-service-star", "service-innovation"} {
		if n := b.count(&awards.Grant{}, "type_id = ?", byCode[code]); n == 0 {
			t.Errorf("%s: no grants in the demo", code)
		}
	}
	if n := b.count(&awards.Round{}, "type_id = ? AND state = ?", byCode["customer-praise"], awards.RoundOpen); n != 1 {
		t.Errorf("%d open Customer Praise rounds, want the latest quarter's", n)
	}
	emp := b.env.Login("demo", "emp.north.1")
	mine := get[nomList](t, emp, "/api/v1/nominations?state=pending")
	if len(mine.Items) != 1 || mine.Items[0].Nominator.ID != b.user["mgr.north"] || mine.Items[0].CurrentLevel != awards.LevelHR || mine.Items[0].CanDecide {
		t.Errorf("emp.north.1's pending nominations: %+v", mine.Items)
	}
	hr := b.env.Login("demo", "hr")
	queue := get[nomList](t, hr, "/api/v1/nominations?state=pending")
	if len(queue.Items) != 1 || !queue.Items[0].CanDecide {
		t.Errorf("HR's queue: %+v", queue.Items)
	}
	roll := get[struct {
		Items []awards.AwardGrantView `json:"items"`
	}](t, emp, "/api/v1/honour-roll?branch_id="+itoa(b.branch["north"].ID))
	if len(roll.Items) == 0 {
		t.Error("the North honour roll is empty")
	}
	for _, g := range roll.Items {
		if g.Branch.ID != b.branch["north"].ID && g.Branch.ID != b.branch["north-chaoyang"].ID && g.Branch.ID != b.branch["north-haidian"].ID && g.Branch.ID != b.branch["north-dongcheng"].ID {
			t.Errorf("North's roll lists %+v", g)
		}
	}
	badges := get[struct {
		Items []awards.AwardGrantView `json:"items"`
	}](t, emp, "/api/v1/me/badges")
	if len(badges.Items) == 0 {
		t.Fatal("emp.north.1 has no badge (granted Service Innovation last quarter)")
	}
	cert := get[awards.AwardCertificate](t, emp, "/api/v1/grants/"+itoa(badges.Items[0].ID)+"/certificate")
	if cert.GrantNo == "" || cert.Employee.Name == "" || cert.TenantName == "" {
		t.Errorf("certificate %+v", cert)
	}
	// Someone else's certificate outside one's branch reads as missing.
	south := b.env.Login("demo", "emp.south.1")
	if st, body := south.Do("GET", "/api/v1/grants/"+itoa(badges.Items[0].ID)+"/certificate", nil); st != http.StatusNotFound {
		t.Errorf("emp.south.1 reads emp.north.1's certificate: %d %s", st, body)
	}
	counts := must(awards.Stats{DB: b.env.App.DB}.GrantCounts(t.Context(), b.tid, []int64{b.user["emp.north.1"]}, "service-innovation"))
	if counts[b.user["emp.north.1"]] != 1 {
		t.Errorf("GrantCounts %v", counts)
	}
	if bs := must(awards.Stats{DB: b.env.App.DB}.Badges(t.Context(), b.tid, b.user["emp.north.1"])); len(bs) == 0 || bs[0].NameZh == "" {
		t.Errorf("Stats.Badges %+v", bs)
	}
}

func nominationType(code string) awards.AwardTypeIn {
	return awards.AwardTypeIn{Code: code, NameZh: "测试提名奖", NameEn: "Test nomination", Badge: "Flag", Period: scoring.Quarter, Kind: awards.KindNomination,
		Quota: scoring.AwardQuota{Per: scoring.QuotaPerBranch, Count: 1}, ApprovalLevels: []string{awards.LevelParentManager, awards.LevelHR}, Active: true}
}

// Chaoyang's manager nominates: North's manager approves first (a manager
// strictly above the nominator's grant branch), then HR; the award is
// granted and the nominee told. Nobody else decides a step.
func TestNominationChain(t *testing.T) {
	b := demoBank(t)
	s := b.svc()
	hctx, hr := b.as("hr")
	typ := must(s.SaveType(hctx, hr, 0, nominationType(code())))
	cctx, chaoyang := b.as("mgr.chaoyang")
	nominee := b.user["staff.north-chaoyang.2"]
	n := must(s.Nominate(cctx, chaoyang, awards.NominationIn{TypeID: typ.ID, PeriodKey: "2026-Q3", NomineeID: nominee, Reason: "服务标兵"}))
	if len(n.Levels) != 2 || n.CurrentLevel != awards.LevelParentManager {
		t.Fatalf("levels %v at %q, want parent_manager then hr", n.Levels, n.CurrentLevel)
	}
	sctx, south := b.as("mgr.south")
	if _, err := s.DecideNomination(sctx, south, n.ID, true, ""); status(err) != http.StatusForbidden {
		t.Errorf("South's manager decides: %v, want 403", err)
	}
	if _, err := s.DecideNomination(hctx, hr, n.ID, true, ""); status(err) != http.StatusForbidden {
		t.Errorf("HR decides the parent_manager step: %v, want 403", err)
	}
	if _, err := s.DecideNomination(cctx, chaoyang, n.ID, true, ""); status(err) != http.StatusForbidden {
		t.Errorf("the nominator approves: %v, want 403", err)
	}
	nctx, north := b.as("mgr.north")
	n = must(s.DecideNomination(nctx, north, n.ID, true, "同意"))
	if n.CurrentLevel != awards.LevelHR || n.State != awards.Pending {
		t.Fatalf("after North: %+v", n)
	}
	n = must(s.DecideNomination(hctx, hr, n.ID, true, ""))
	if n.State != awards.Approved || len(n.Steps) != 2 {
		t.Fatalf("after HR: %+v", n)
	}
	// The nominee may hold demo awards too: the notification counted is this grant's.
	var grant awards.Grant
	if err := b.env.App.DB.R.Scopes(store.Tenant(b.tid)).Where("type_id = ? AND employee_id = ?", typ.ID, nominee).Take(&grant).Error; err != nil ||
		b.count(&notify.Notification{}, "user_id = ? AND kind = ? AND subject_id = ?", nominee, awards.NotifyGranted, grant.ID) != 1 {
		t.Errorf("no grant (%v), or the nominee was not told", err)
	}
	// The branch's one seat is taken: the next nomination there cannot be granted.
	second := must(s.Nominate(nctx, north, awards.NominationIn{TypeID: typ.ID, PeriodKey: "2026-Q3", NomineeID: b.user["emp.north.1"], Reason: "再提名"}))
	if second.CurrentLevel != awards.LevelHR {
		t.Fatalf("North's own nomination skips parent_manager (nobody above): %+v", second)
	}
	if _, err := s.DecideNomination(hctx, hr, second.ID, true, ""); status(err) != http.StatusConflict {
		t.Errorf("granting over the branch quota: %v, want 409", err)
	}
	if b.count(&awards.Grant{}, "type_id = ?", typ.ID) != 1 {
		t.Error("a grant over the quota was kept")
	}
	// Turning down needs a reason and tells the nominee.
	if _, err := s.DecideNomination(hctx, hr, second.ID, false, " "); status(err) != http.StatusUnprocessableEntity {
		t.Errorf("rejecting without a reason: %v, want 422", err)
	}
	rej := must(s.DecideNomination(hctx, hr, second.ID, false, "名额已满"))
	if rej.State != awards.Rejected || b.count(&notify.Notification{}, "user_id = ? AND kind = ?", b.user["emp.north.1"], awards.NotifyNominationRejected) != 1 {
		t.Errorf("rejection: %+v", rej)
	}
}

func TestBadNominationsChangeNothing(t *testing.T) {
	b := demoBank(t)
	s := b.svc()
	hctx, hr := b.as("hr")
	typ := must(s.SaveType(hctx, hr, 0, nominationType(code())))
	before := b.count(&awards.Nomination{}, "")
	nctx, north := b.as("mgr.north")
	try := func(name string, in awards.NominationIn, want int) {
		t.Helper()
		if _, err := s.Nominate(nctx, north, in); status(err) != want {
			t.Errorf("%s: %v, want %d", name, err, want)
		}
	}
	try("outside the subtree", awards.NominationIn{TypeID: typ.ID, PeriodKey: "2026-Q3", NomineeID: b.user["emp.south.1"], Reason: "x"}, http.StatusNotFound)
	try("no such person", awards.NominationIn{TypeID: typ.ID, PeriodKey: "2026-Q3", NomineeID: 2_000_000_000, Reason: "x"}, http.StatusNotFound)
	try("no reason", awards.NominationIn{TypeID: typ.ID, PeriodKey: "2026-Q3", NomineeID: b.user["emp.north.1"], Reason: "  "}, http.StatusUnprocessableEntity)
	try("a month for a quarterly award", awards.NominationIn{TypeID: typ.ID, PeriodKey: "2026-09", NomineeID: b.user["emp.north.1"], Reason: "x"}, http.StatusUnprocessableEntity)
	try("oneself", awards.NominationIn{TypeID: typ.ID, PeriodKey: "2026-Q3", NomineeID: north.UserID, Reason: "x"}, http.StatusUnprocessableEntity)
	if after := b.count(&awards.Nomination{}, ""); after != before {
		t.Errorf("%d nominations after bad input, want %d", after, before)
	}
	ectx, emp := b.as("emp.north.1")
	if _, err := s.Nominate(ectx, emp, awards.NominationIn{TypeID: typ.ID, PeriodKey: "2026-Q3", NomineeID: b.user["staff.north-chaoyang.1"], Reason: "x"}); status(err) != http.StatusForbidden {
		t.Errorf("an employee nominates: %v, want 403", err)
	}
}
