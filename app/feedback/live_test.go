package feedback_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/testkit"
)

// While a file is imported, its view shows how far the file has been read,
// although on SQLite nothing the import writes can be seen before it ends:
// the count is kept in memory by the process running it.
func TestARunningImportShowsHowFarItHasRead(t *testing.T) {
	env := testkit.New(t)
	var b strings.Builder
	b.WriteString("external_id,channel,occurred_at,branch_code,employee_no,score,resolved,complaint,comment\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "L-%05d,counter,2026-10-%02d 10:00,north-chaoyang,XH0008,%d,,no,row %d of a file big enough to be read in many pieces\n", i, 1+i%28, 1+i%5, i)
	}
	data := []byte(b.String())
	hr := env.Login("demo", "hr")
	st, body := hr.Upload("/api/v1/feedback/imports?source=live", "live.csv", data)
	if st != 202 {
		t.Fatalf("upload: %d %s", st, body)
	}
	id := testkit.JSON[uploaded](t, body).Import.ID
	ctx, p := as(t, env, "demo", "hr")
	var seen []int64
	env.App.Feedback.OnRead(func(importID int64) {
		if importID != id {
			return
		}
		imp, err := env.App.Feedback.GetImport(ctx, p, id)
		if err != nil {
			t.Fatal(err)
		}
		if imp.State != feedback.ImportRunning {
			t.Fatalf("state %q while it runs", imp.State)
		}
		seen = append(seen, imp.ReadBytes)
	})
	if err := env.App.Feedback.RunImport(context.Background(), tenantOf(t, env, "demo"), id, nil); err != nil {
		t.Fatal(err)
	}
	env.App.Feedback.OnRead(nil)
	between := 0
	for i, v := range seen {
		if i > 0 && v < seen[i-1] {
			t.Fatalf("the count went back: %v", seen)
		}
		if v > 0 && v < int64(len(data)) {
			between++
		}
	}
	if between < 2 {
		t.Fatalf("the view showed %d counts between 0 and %d while running: %v", between, len(data), seen[:min(len(seen), 20)])
	}
	imp, err := env.App.Feedback.GetImport(ctx, p, id)
	if err != nil {
		t.Fatal(err)
	}
	if imp.State != feedback.ImportDone || imp.ReadBytes != imp.Bytes || imp.Inserted != 3000 {
		t.Fatalf("after: %+v", imp)
	}
}
