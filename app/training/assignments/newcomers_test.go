package assignments_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// People who come under an open subtree assignment (hired, transferred in,
// imported) or are given an open role assignment's role join it and are
// told; cancelled, named-people and past-due assignments take no one in,
// and people who leave keep what they had.
func TestNewcomersJoinOpenAssignments(t *testing.T) {
	env := testkit.New(t)
	hr, admin := env.Login("demo", "hr"), env.Login("demo", "admin")
	north, south := branchID(t, hr, "north"), branchID(t, hr, "south")
	haidian, chaoyang := branchID(t, hr, "north-haidian"), branchID(t, hr, "north-chaoyang")
	due := env.Clock.Now().Add(7 * 24 * time.Hour)
	userID := func(username string) int64 {
		t.Helper()
		out := testkit.JSON[struct {
			Items []struct {
				ID       int64
				Username string
			}
		}](t, mustGet(t, admin, "/api/v1/users?q="+username))
		for _, u := range out.Items {
			if u.Username == username {
				return u.ID
			}
		}
		t.Fatalf("no user %s", username)
		return 0
	}
	const programme = "newcomers"
	make := func(key string, body map[string]any) int64 {
		t.Helper()
		body["programme"], body["scenario_keys"], body["due_at"] = programme, []string{key}, due
		st, created, raw := assign(t, hr, body)
		if st != 200 || len(created) != 1 {
			t.Fatalf("assign %s: %d %s", key, st, raw)
		}
		return created[0].ID
	}
	subtree := make("lost-card-report", map[string]any{"branch_id": north, "audience": "subtree"})
	managers := make("smart-deposit-complaint", map[string]any{"branch_id": north, "audience": "role", "role": "manager"})
	named := make("salary-to-fixed-deposit", map[string]any{"branch_id": north, "audience": "users", "user_ids": []int64{userID("emp.north.1")}})
	cancelled := make("conservative-wants-high-yield", map[string]any{"branch_id": north, "audience": "subtree"})
	southern := make("lost-card-report", map[string]any{"branch_id": south, "audience": "subtree"})
	if st, raw := hr.Do("POST", fmt.Sprintf("/api/v1/training/assignments/%d/cancel", cancelled), nil); st != 200 {
		t.Fatalf("cancel: %d %s", st, raw)
	}
	members := func() map[int64]int {
		t.Helper()
		out := map[int64]int{}
		for _, a := range testkit.JSON[struct{ Items []assignmentView }](t, mustGet(t, hr, "/api/v1/training/assignments?programme="+programme)).Items {
			out[a.ID] = a.Members
		}
		return out
	}
	expect := func(step string, before map[int64]int, grew ...int64) map[int64]int {
		t.Helper()
		after := members()
		for _, id := range []int64{subtree, managers, named, cancelled, southern} {
			want := before[id]
			for _, g := range grew {
				if g == id {
					want++
				}
			}
			if after[id] != want {
				t.Errorf("%s: assignment %d has %d members, want %d", step, id, after[id], want)
			}
		}
		return after
	}
	counts := members()

	// A new hire in a North sub-branch joins the North subtree programme, and is told.
	st, raw := admin.Do("POST", "/api/v1/users", map[string]any{"username": "new.hire", "display_name": "新同事甲",
		"employee_code": "NEW001", "branch_id": haidian, "password": "Welcome-2026"})
	if st != 200 {
		t.Fatalf("create user: %d %s", st, raw)
	}
	hire := testkit.JSON[struct{ ID int64 }](t, raw).ID
	counts = expect("hired", counts, subtree)
	var told int64
	if err := env.App.DB.R.Table("notifications").Scopes(store.Tenant(1)).
		Where("user_id = ? AND kind = ? AND subject_id = ?", hire, "training.assigned", subtree).Count(&told).Error; err != nil || told != 1 {
		t.Fatalf("the new hire was told %d times (err %v), want once", told, err)
	}

	// Someone transferred from South joins North's and keeps South's.
	if st, raw := admin.Do("POST", fmt.Sprintf("/api/v1/users/%d/move", userID("emp.south.1")), map[string]any{"branch_id": chaoyang}); st != 200 {
		t.Fatalf("move: %d %s", st, raw)
	}
	counts = expect("transferred", counts, subtree)

	// Made a manager there, the new hire joins the managers' programme.
	if st, raw := admin.Do("PUT", fmt.Sprintf("/api/v1/users/%d/roles", hire), map[string]any{"roles": []map[string]any{
		{"role": "employee", "branch_id": haidian}, {"role": "manager", "branch_id": haidian}}}); st != 200 {
		t.Fatalf("set roles: %d %s", st, raw)
	}
	counts = expect("made manager", counts, managers)

	// An imported newcomer joins too; re-sending the file changes nothing.
	file := []byte("username,display_name,employee_code,branch_code,password\nimported.one,导入新人,IMP900,north-dongcheng,Welcome-2026\n")
	for i, grew := range [][]int64{{subtree}, nil} {
		if st, raw := admin.Upload("/api/v1/users/import", "staff.csv", file); st != 200 {
			t.Fatalf("import %d: %d %s", i+1, st, raw)
		}
		counts = expect(fmt.Sprintf("import %d", i+1), counts, grew...)
	}

	// Once due, a programme takes no one in.
	env.Clock.Advance(8 * 24 * time.Hour)
	hr, admin = env.Login("demo", "hr"), env.Login("demo", "admin") // the sessions timed out
	if st, raw := admin.Do("POST", "/api/v1/users", map[string]any{"username": "late.hire", "display_name": "新同事乙",
		"employee_code": "NEW002", "branch_id": haidian, "password": "Welcome-2026"}); st != 200 {
		t.Fatalf("create user: %d %s", st, raw)
	}
	expect("hired after the due date", counts)
}
