package store

import (
	"context"
	"os"
	"testing"
)

func TestWithoutJIT(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"postgres://u:p@h:5432/db?sslmode=disable", "postgres://u:p@h:5432/db?jit=off&sslmode=disable"},
		{"postgresql://u@h/db", "postgresql://u@h/db?jit=off"},
		{"postgres://u@h/db?jit=on", "postgres://u@h/db?jit=on"},
	} {
		if got := withoutJIT(c.in); got != c.want {
			t.Errorf("withoutJIT(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The setting reaches the server: every pooled connection starts with it.
func TestPostgresConnectionsRunWithoutJIT(t *testing.T) {
	url := os.Getenv("TEST_DATABASE_URL")
	if url == "" {
		t.Skip("TEST_DATABASE_URL not set")
	}
	db, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var jit string
	if err := db.R.WithContext(context.Background()).Raw("SHOW jit").Scan(&jit).Error; err != nil {
		t.Fatal(err)
	}
	if jit != "off" {
		t.Fatalf("jit = %q, want off", jit)
	}
}
