package audit_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// The auditor reads the head and verifies over HTTP; once a sealed record
// of the bank is altered, verification names it, while the other bank's
// chain stays intact. An employee may do neither.
func TestChainRoutesNameTheBrokenRecord(t *testing.T) {
	env := testkit.New(t)
	if _, err := audit.Seal(context.Background(), env.App.DB, env.App.Now); err != nil {
		t.Fatal(err)
	}
	auditor := env.Login("demo", "auditor")
	st, body := auditor.Do("GET", "/api/v1/audit/chain", nil)
	var chain struct {
		Head *struct {
			Seq  int64  `json:"seq"`
			Hash string `json:"hash"`
			ID   int64  `json:"id"`
		} `json:"head"`
		Sealed   int64 `json:"sealed"`
		Unsealed int64 `json:"unsealed"`
	}
	if st != 200 || json.Unmarshal([]byte(body), &chain) != nil || chain.Head == nil || chain.Sealed != chain.Head.Seq || len(chain.Head.Hash) != 64 {
		t.Fatalf("GET chain: %d %s", st, body)
	}

	var verdict struct {
		OK          bool  `json:"ok"`
		Checked     int64 `json:"checked"`
		FirstBroken *struct {
			ID     int64  `json:"id"`
			Seq    int64  `json:"seq"`
			Reason string `json:"reason"`
		} `json:"first_broken"`
	}
	if st, body := auditor.Do("GET", "/api/v1/audit/chain/verify", nil); st != 200 || json.Unmarshal([]byte(body), &verdict) != nil || !verdict.OK || verdict.Checked != chain.Sealed || verdict.FirstBroken != nil {
		t.Fatalf("verify an untouched chain: %d %s", st, body)
	}

	tid := tenantID(t, env, "demo")
	var third int64
	if err := env.App.DB.R.Model(&audit.Entry{}).Scopes(store.Tenant(tid)).Where("seq = 3").Pluck("id", &third).Error; err != nil || third == 0 {
		t.Fatalf("the third record: %d, %v", third, err)
	}
	if err := env.App.DB.W.Exec("UPDATE audit_log SET action = 'nothing.happened' WHERE tenant_id = ? AND id = ?", tid, third).Error; err != nil {
		t.Fatal(err)
	}
	st, body = auditor.Do("GET", "/api/v1/audit/chain/verify", nil)
	verdict.FirstBroken = nil
	if st != 200 || json.Unmarshal([]byte(body), &verdict) != nil || verdict.OK || verdict.FirstBroken == nil ||
		verdict.FirstBroken.ID != third || verdict.FirstBroken.Seq != 3 || verdict.FirstBroken.Reason != "altered" || verdict.Checked != 3 {
		t.Fatalf("verify after altering record %d: %d %s", third, st, body)
	}

	verdict.FirstBroken = nil
	if st, body := env.Login("demo2", "admin").Do("GET", "/api/v1/audit/chain/verify", nil); st != 200 || json.Unmarshal([]byte(body), &verdict) != nil || !verdict.OK {
		t.Errorf("the other bank's chain: %d %s, want intact", st, body)
	}
	emp := env.Login("demo", "emp.north.1")
	for _, path := range []string{"/api/v1/audit/chain", "/api/v1/audit/chain/verify"} {
		if st, body := emp.Do("GET", path, nil); st != 403 {
			t.Errorf("employee GET %s: %d %s, want 403", path, st, body)
		}
	}
}

// The module's periodic job seals what was written, once the job engine runs.
func TestTheSealerRunsAsAPeriodicJob(t *testing.T) {
	env := testkit.New(t)
	tid := tenantID(t, env, "demo")
	before, err := audit.ReadChain(context.Background(), env.App.DB, tid)
	if err != nil || before.Unsealed == 0 {
		t.Fatalf("before the engine runs: %+v, %v; want the demo's records unsealed", before, err)
	}
	if err := env.App.Jobs.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_ = env.App.Jobs.Stop(ctx)
	})
	// A generous deadline: the condition is asserted, not how long it took.
	deadline := time.Now().Add(90 * time.Second)
	for {
		s, err := audit.ReadChain(context.Background(), env.App.DB, tid)
		if err != nil {
			t.Fatal(err)
		}
		if s.Unsealed == 0 && s.Sealed >= before.Unsealed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the sealer never sealed the demo's records: %+v", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if v, err := audit.Verify(context.Background(), env.App.DB, tid); err != nil || !v.OK {
		t.Fatalf("verify what the job sealed: %+v, %v", v, err)
	}
}

func tenantID(t *testing.T, env *testkit.Env, slug string) int64 {
	t.Helper()
	tn, err := env.App.Org.TenantBySlug(context.Background(), slug)
	if err != nil || tn == nil {
		t.Fatalf("tenant %s: %v", slug, err)
	}
	return tn.ID
}
