package org_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// The import paths are streamed, so no layer before the handler bounds the
// body: a file past 32 MB must still be refused whole with a 413, never read
// in part and reported on as if it were the file.
func TestAnImportPastTheSizeLimitIsRefused(t *testing.T) {
	env := testkit.New(t)
	admin := env.Login("demo", "admin")
	line := "u,名字,E1,u@example.com,north,employee\n"
	big := []byte(strings.Repeat(line, (33<<20)/len(line)+1))
	for _, path := range []string{"/api/v1/users/import?dry_run=true", "/api/v1/branches/import?dry_run=true"} {
		st, resp := admin.Upload(path, "import.csv", big)
		if st != http.StatusRequestEntityTooLarge || !strings.Contains(resp, "32 MB") {
			t.Errorf("%s with a 33 MB file: %d %.300s, want 413 naming the limit", path, st, resp)
		}
	}
}
