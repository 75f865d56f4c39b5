package careers_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/careers"
	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/suggestions"
	"github.com/servicestar/servicestar/app/testkit"
)

// bank is the demo bank as these tests address it.
type bank struct {
	env    *testkit.Env
	demo   *testkit.Demo
	tid    int64
	branch map[string]org.Branch
	user   map[string]int64
	seq    int
}

func demoBank(t testing.TB) *bank {
	t.Helper()
	env := testkit.New(t)
	d := env.Demo()
	return &bank{env: env, demo: d, tid: d.TenantID, branch: d.Branch, user: d.User}
}

// as is a demo user as a service principal, with a context carrying it.
func (b *bank) as(t testing.TB, username string) (context.Context, *access.Principal) {
	t.Helper()
	return b.demo.As(username)
}

// freshUser adds an employee at branch code and returns its id and username.
func (b *bank) freshUser(t *testing.T, branch string) (int64, string) {
	t.Helper()
	ctx, admin := b.as(t, "admin")
	b.seq++
	name := fmt.Sprintf("ct.u%d", b.seq)
	u, err := b.env.App.Org.CreateUser(ctx, admin, org.NewUser{Username: name, DisplayName: fmt.Sprintf("Careers test %d", b.seq),
		EmployeeCode: fmt.Sprintf("CT%05d", b.seq), Password: demo.Password, BranchID: b.branch[branch].ID, Ready: true})
	if err != nil {
		t.Fatal(err)
	}
	b.user[name] = u.ID
	return u.ID, name
}

// service is a careers service on the test's app, reading the real KPI,
// training and suggestion facts, and cases and awards from cases and
// awards (in-test values until those areas exist on this branch).
func (b *bank) service(cases careers.Cases, awards careers.Awards) *careers.Service {
	db := b.env.App.DB
	return &careers.Service{DB: db, Guard: access.Guard{Authz: b.env.App.Authz}, Now: b.env.Clock.Now,
		KPI: kpi.Facts{DB: db}, Certifications: b.env.App.Attempts, Suggestions: suggestions.Stats{DB: db}, Cases: cases, Awards: awards}
}

// counts are in-test published-case and award counts per person.
type counts map[int64]int

func (c counts) PublishedCounts(_ context.Context, _ int64, ids []int64, _, _ *time.Time) (map[int64]int, error) {
	out := map[int64]int{}
	for _, id := range ids {
		out[id] = c[id]
	}
	return out, nil
}

type awardCounts map[string]map[int64]int

func (c awardCounts) GrantCounts(_ context.Context, _ int64, ids []int64, typeCode string) (map[int64]int, error) {
	out := map[int64]int{}
	for _, id := range ids {
		out[id] = c[typeCode][id]
	}
	return out, nil
}
