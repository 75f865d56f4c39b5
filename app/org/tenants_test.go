package org_test

import (
	"errors"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/testkit"
)

// The platform operator's "new bank" form reports every bad field of the
// tenant and of its first administrator at once.
func TestCreateTenantReportsEveryBadFieldAtOnce(t *testing.T) {
	env := testkit.New(t)
	op := env.LoginOperator()
	st, body := op.Do("POST", "/api/v1/platform/tenants", map[string]string{"slug": "Bad Slug", "name": "x", "time_zone": "Mars/Base", "admin_username": "a b", "admin_password": "short"})
	if st != 422 {
		t.Fatalf("status %d: %s", st, body)
	}
	for _, field := range []string{"body.slug", "body.time_zone", "body.admin_username", "body.admin_password"} {
		if !strings.Contains(body, field) {
			t.Errorf("%s not named: %s", field, body)
		}
	}
}

// When the administrator cannot be written, the tenant is not created either:
// both are one transaction. The failure is injected as a GORM callback on the
// real database's writer.
func TestCreateTenantWithAdminIsAllOrNothing(t *testing.T) {
	env := testkit.New(t)
	boom := errors.New("injected: users insert fails")
	err := env.App.DB.W.Callback().Create().Before("gorm:create").Register("test:fail-users", func(tx *gorm.DB) {
		if tx.Statement.Table == "users" {
			_ = tx.AddError(boom)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = env.App.Org.CreateTenantWithAdmin(t.Context(), org.NewTenant{Slug: "half-bank", Name: "半家银行"},
		org.NewUser{Username: "boss", Password: "first-pass-1"}, "platform:test")
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	_ = env.App.DB.W.Callback().Create().Remove("test:fail-users")
	ts, err := env.App.Org.ListTenants(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, tn := range ts {
		if tn.Slug == "half-bank" {
			t.Fatal("the tenant was created without its administrator")
		}
	}
	// With the failure gone, the same request succeeds: nothing was left behind.
	if _, err := env.App.Org.CreateTenantWithAdmin(t.Context(), org.NewTenant{Slug: "half-bank", Name: "半家银行"},
		org.NewUser{Username: "boss", Password: "first-pass-1"}, "platform:test"); err != nil {
		t.Fatalf("second try: %v", err)
	}
}
