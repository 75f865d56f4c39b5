package notify_test

import (
	"fmt"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

type page struct {
	Items []struct {
		ID int64 `json:"id"`
	} `json:"items"`
	Total  int64 `json:"total"`
	Unread int64 `json:"unread"`
}

func get(t *testing.T, c *testkit.Client, path string) page {
	t.Helper()
	st, body := c.Do("GET", path, nil)
	if st != 200 {
		t.Fatalf("GET %s: %d %s", path, st, body)
	}
	return testkit.JSON[page](t, body)
}

// The notifications page walks every notification, newest first, one page at
// a time; the totals follow the unread filter and marking all read.
func TestNotificationsArePagedWithTotals(t *testing.T) {
	env := testkit.New(t)
	emp := env.Login("demo", "emp.north.1")
	all := get(t, emp, "/api/v1/notifications?limit=100")
	if all.Total < 2 || int64(len(all.Items)) != all.Total || all.Unread == 0 {
		t.Fatalf("demo employee: %+v, want at least two notifications, some unread", all)
	}
	for i := range all.Total {
		p := get(t, emp, fmt.Sprintf("/api/v1/notifications?limit=1&page=%d", i+1))
		if len(p.Items) != 1 || p.Items[0].ID != all.Items[i].ID || p.Total != all.Total {
			t.Fatalf("page %d of 1: %+v, want item %d of %d", i+1, p, all.Items[i].ID, all.Total)
		}
	}
	if past := get(t, emp, fmt.Sprintf("/api/v1/notifications?limit=1&page=%d", all.Total+1)); len(past.Items) != 0 {
		t.Fatalf("past the last page: %+v", past)
	}
	if unread := get(t, emp, "/api/v1/notifications?unread=true"); unread.Total != all.Unread {
		t.Fatalf("unread filter total %d, unread count %d", unread.Total, all.Unread)
	}
	if st, body := emp.Do("POST", "/api/v1/notifications/read-all", nil); st != 204 {
		t.Fatalf("read-all: %d %s", st, body)
	}
	after := get(t, emp, "/api/v1/notifications")
	if after.Unread != 0 || after.Total != all.Total {
		t.Fatalf("after read-all: %+v, want 0 unread of %d", after, all.Total)
	}
	if unread := get(t, emp, "/api/v1/notifications?unread=true"); unread.Total != 0 || len(unread.Items) != 0 {
		t.Fatalf("unread after read-all: %+v", unread)
	}
}
