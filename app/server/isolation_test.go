package server_test

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/retention"
	"github.com/servicestar/servicestar/app/server"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/migrations"
)

// tenantModels lists every tenant-owned model, as the app's modules declare
// them: an area that adds a table with tenant_id declares its model in its
// Module, or the schema walk below fails.
func tenantModels(app *server.App) []any {
	var out []any
	for _, m := range app.Modules {
		out = append(out, m.Models...)
	}
	return out
}

// tablesWithoutModel are tenant-carrying tables that no GORM model reads,
// each with the reason, as the modules declare them.
func tablesWithoutModel(app *server.App) map[string]string {
	out := map[string]string{}
	for _, m := range app.Modules {
		for table, why := range m.RawTables {
			out[table] = m.Name + ": " + why
		}
	}
	return out
}

var errRollback = errors.New("rollback")

func tableOf(t *testing.T, db *gorm.DB, m any) string {
	t.Helper()
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(m); err != nil {
		t.Fatalf("parse %T: %v", m, err)
	}
	return stmt.Schema.Table
}

// keyOf names a model's id column, or (for a table keyed by tenant and
// something else) the first key column after tenant_id, or tenant_id itself
// for a table of one row per tenant, and says which.
func keyOf(t *testing.T, db *gorm.DB, m any) (string, bool) {
	t.Helper()
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(m); err != nil {
		t.Fatalf("parse %T: %v", m, err)
	}
	if stmt.Schema.LookUpField("id") != nil {
		return "id", true
	}
	for _, f := range stmt.Schema.PrimaryFields {
		if f.DBName != "tenant_id" {
			return f.DBName, false
		}
	}
	// One row per tenant (feedback_settings): the counted walk covers it too.
	return "tenant_id", false
}

func newSliceOf(m any) any { return reflect.New(reflect.SliceOf(reflect.TypeOf(m).Elem())).Interface() }

func sliceLen(p any) int { return reflect.ValueOf(p).Elem().Len() }

func fieldInt(p any, i int, name string) int64 {
	return reflect.ValueOf(p).Elem().Index(i).FieldByName(name).Int()
}

// TestIsolationSchemaHasNoUnwalkedTenantTable finds every table with a
// tenant_id column in the migrated schema and requires a model in the walk.
func TestIsolationSchemaHasNoUnwalkedTenantTable(t *testing.T) {
	w := newWorld(t)
	db := w.env.App.DB.W
	walked := map[string]bool{}
	for _, m := range tenantModels(w.env.App) {
		walked[tableOf(t, db, m)] = true
	}
	// The catalog, not Migrator().ColumnTypes: that one reads a row of each
	// table by name, which a guard that covers table names rightly refuses.
	var found []string
	q := `SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'tenant_id' ORDER BY m.name`
	if w.env.App.DB.Dialect == migrations.Postgres {
		q = `SELECT table_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND column_name = 'tenant_id' ORDER BY table_name`
	}
	if err := db.Raw(q).Scan(&found).Error; err != nil {
		t.Fatal(err)
	}
	for _, table := range found {
		if !walked[table] && tablesWithoutModel(w.env.App)[table] == "" {
			t.Errorf("table %s has tenant_id but no model in tenantModels(w.env.App): declare its model in its module (module.Module.Models)", table)
		}
	}
	sort.Strings(found)
	t.Logf("tenant-owned tables: %v", found)
	for table := range walked {
		if !contains(found, table) {
			t.Errorf("model table %s has no tenant_id column", table)
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// walkKey is the column that tells a table's rows of one tenant from
// another's: id, or for a table keyed otherwise a column of ids (or the
// tenant itself) that no other tenant's rows hold.
func walkKey(table string) string {
	switch table {
	case "feedback_rollups":
		return "branch_id"
	case "feedback_upload_chunks":
		return "import_id"
	case "feedback_settings":
		return "tenant_id"
	}
	return "id"
}

// TestIsolationWalk proves for every tenant-owned model: a query scoped to
// another tenant returns nothing of this one (reads, updates, deletes), and a
// query with tenant id 0, a negative id, or no scope at all fails with
// store.ErrNoTenant before touching a row.
func TestIsolationWalk(t *testing.T) {
	w := newWorld(t)
	db := w.env.App.DB
	a, b := w.tenant["demo"], w.tenant["demo2"]
	var maxTenant int64
	if err := db.R.Model(&org.Tenant{}).Select("MAX(id)").Scan(&maxTenant).Error; err != nil {
		t.Fatal(err)
	}
	nobody := maxTenant + 1000
	// The demo seed hides a built-in scenario only in demo2; hide one in demo
	// too so that table has rows on both sides.
	hr, r := signIn(t, w.env, "demo", "hr", demo.Password)
	if r.Status != 200 {
		t.Fatalf("sign in hr: %s", r)
	}
	if r := send(t, w.env, hr, "PUT", "/api/v1/training/library/lost-card-report/hidden", map[string]bool{"hidden": true}); r.Status != 200 {
		t.Fatalf("hide a scenario in demo: %s", r)
	}
	// The seed queues no background job; queue one in each bank.
	w.queueJob(t, "demo")
	w.queueJob(t, "demo2")
	// Uploads wait in pieces until their job runs (the engine is not started here).
	for _, slug := range []string{"demo", "demo2"} {
		c, r := signIn(t, w.env, slug, "hr", demo.Password)
		if r.Status != 200 {
			t.Fatalf("sign in %s hr: %s", slug, r)
		}
		if r := upload(t, w.env, c, "/api/v1/feedback/imports?source=walk", "walk.csv", []byte("external_id\n1\n")); r.Status != 202 {
			t.Fatalf("upload a file in %s: %s", slug, r)
		}
	}

	// Retention periods are set by each bank's admin; a run row is written
	// here because the demo holds nothing old enough for the job to remove.
	for _, slug := range []string{"demo", "demo2"} {
		c, r := signIn(t, w.env, slug, "admin", demo.Password)
		if r.Status != 200 {
			t.Fatalf("sign in %s admin: %s", slug, r)
		}
		if r := send(t, w.env, c, "PUT", "/api/v1/retention", map[string]any{"typed_replies_days": 730, "feedback_comments_days": 1095, "notifications_days": 365}); r.Status != 200 {
			t.Fatalf("set retention in %s: %s", slug, r)
		}
		if err := db.W.Create(&retention.PurgeRun{TenantID: w.tenant[slug], RanAt: w.env.Clock.Now(), Notifications: 1}).Error; err != nil {
			t.Fatal(err)
		}
	}

	mfaWalkRows(t, w)

	for _, m := range tenantModels(w.env.App) {
		m := m
		table := tableOf(t, db.W, m)
		t.Run(table, func(t *testing.T) {
			// A table keyed by tenant and something else (a period, a
			// month) has no id; its rows are told apart by a count.
			key, keyed := keyOf(t, db.W, m)
			ids := map[int64][]int64{}
			for _, tid := range []int64{a, b} {
				var n int64
				if err := db.R.Model(m).Scopes(store.Tenant(tid)).Count(&n).Error; err != nil {
					t.Fatal(err)
				}
				if n == 0 {
					t.Fatalf("tenant %d has no %s rows: the walk would prove nothing", tid, table)
				}
				if keyed {
					var got []int64
					if err := db.R.Model(m).Scopes(store.Tenant(tid)).Pluck("id", &got).Error; err != nil {
						t.Fatal(err)
					}
					ids[tid] = got
				}
			}
			for _, h := range []struct {
				name string
				db   *gorm.DB
			}{{"reader", db.R}, {"writer", db.W}} {
				for _, pair := range [][2]int64{{a, b}, {b, a}} {
					owner, other := pair[0], pair[1]
					label := fmt.Sprintf("%s: %s rows of tenant %d under tenant %d's scope", h.name, table, owner, other)
					if keyed {
						// Reads: by id, by Find, Take, Count, Pluck.
						rows := newSliceOf(m)
						if err := h.db.Scopes(store.Tenant(other)).Where("id IN ?", ids[owner]).Find(rows).Error; err != nil || sliceLen(rows) != 0 {
							t.Errorf("%s: Find returned %d rows, err %v; want none", label, sliceLen(rows), err)
						}
						one := reflect.New(reflect.TypeOf(m).Elem()).Interface()
						if err := h.db.Scopes(store.Tenant(other)).Where("id = ?", ids[owner][0]).Take(one).Error; !errors.Is(err, gorm.ErrRecordNotFound) {
							t.Errorf("%s: Take by id: err %v, want record not found", label, err)
						}
						var n int64
						if err := h.db.Model(m).Scopes(store.Tenant(other)).Where("id IN ?", ids[owner]).Count(&n).Error; err != nil || n != 0 {
							t.Errorf("%s: Count %d, err %v; want 0", label, n, err)
						}
					}
					// Everything the other scope returns is the other tenant's.
					all := newSliceOf(m)
					if err := h.db.Scopes(store.Tenant(other)).Find(all).Error; err != nil {
						t.Fatal(err)
					}
					for i := 0; i < sliceLen(all); i++ {
						if got := fieldInt(all, i, "TenantID"); got != other {
							t.Errorf("%s: scope of tenant %d returned a row of tenant %d", h.name, other, got)
						}
					}
					// Writes through the other scope touch nothing (in a transaction rolled back either way).
					_ = h.db.Transaction(func(tx *gorm.DB) error {
						if !keyed {
							// Every row the other scope reaches, written and
							// deleted: the owner's rows stay.
							var before, after int64
							_ = tx.Model(m).Scopes(store.Tenant(owner)).Count(&before).Error
							if err := tx.Model(m).Scopes(store.Tenant(other)).Where("1 = 1").UpdateColumn("tenant_id", gorm.Expr("tenant_id")).Error; err != nil {
								t.Errorf("%s: Update: %v", label, err)
							}
							if err := tx.Scopes(store.Tenant(other)).Where("1 = 1").Delete(m).Error; err != nil {
								t.Errorf("%s: Delete: %v", label, err)
							}
							_ = tx.Model(m).Scopes(store.Tenant(owner)).Count(&after).Error
							if before != after {
								t.Errorf("%s: the owner's rows went from %d to %d", label, before, after)
							}
							return errRollback
						}
						res := tx.Model(m).Scopes(store.Tenant(other)).Where("id IN ?", ids[owner]).UpdateColumn("tenant_id", gorm.Expr("tenant_id"))
						if res.Error != nil || res.RowsAffected != 0 {
							t.Errorf("%s: Update affected %d rows, err %v; want 0", label, res.RowsAffected, res.Error)
						}
						res = tx.Scopes(store.Tenant(other)).Where(walkKey(table)+" IN ?", ids[owner]).Delete(m)
						if res.Error != nil || res.RowsAffected != 0 {
							t.Errorf("%s: Delete affected %d rows, err %v; want 0", label, res.RowsAffected, res.Error)
						}
						return errRollback
					})
				}
				// A tenant that does not exist sees nothing.
				var n int64
				if err := h.db.Model(m).Scopes(store.Tenant(nobody)).Count(&n).Error; err != nil || n != 0 {
					t.Errorf("%s: %s under missing tenant %d: %d rows, err %v", h.name, table, nobody, n, err)
				}

				// Fail closed: tenant 0, a negative tenant, and no scope at all.
				for _, sc := range []struct {
					name  string
					scope func(*gorm.DB) *gorm.DB
				}{
					{"tenant 0", store.Tenant(0)},
					{"tenant -1", store.Tenant(-1)},
					{"no scope", func(d *gorm.DB) *gorm.DB { return d }},
				} {
					label := fmt.Sprintf("%s: %s with %s", h.name, table, sc.name)
					expectNoTenant := func(op string, err error) {
						t.Helper()
						if !errors.Is(err, store.ErrNoTenant) {
							t.Errorf("%s: %s: err %v, want store.ErrNoTenant", label, op, err)
						}
					}
					rows := newSliceOf(m)
					expectNoTenant("Find", h.db.Scopes(sc.scope).Find(rows).Error)
					if sliceLen(rows) != 0 {
						t.Errorf("%s: Find filled %d rows despite the error", label, sliceLen(rows))
					}
					expectNoTenant("Take", h.db.Scopes(sc.scope).Take(reflect.New(reflect.TypeOf(m).Elem()).Interface()).Error)
					expectNoTenant("First", h.db.Scopes(sc.scope).Where("1 = 1").First(reflect.New(reflect.TypeOf(m).Elem()).Interface()).Error)
					var n int64
					expectNoTenant("Count", h.db.Model(m).Scopes(sc.scope).Count(&n).Error)
					var got []any
					expectNoTenant("Pluck", h.db.Model(m).Scopes(sc.scope).Pluck(key, &got).Error)
					if len(got) != 0 {
						t.Errorf("%s: Pluck returned %d ids despite the error", label, len(got))
					}
					r, err := h.db.Model(m).Scopes(sc.scope).Rows()
					if r != nil {
						_ = r.Close()
					}
					expectNoTenant("Rows", err)
					var scanned []map[string]any
					expectNoTenant("Scan", h.db.Model(m).Scopes(sc.scope).Select(key).Scan(&scanned).Error)
					_ = h.db.Transaction(func(tx *gorm.DB) error {
						var before, after int64
						_ = tx.Model(m).Scopes(store.Tenant(a)).Count(&before).Error
						expectNoTenant("Update", tx.Model(m).Scopes(sc.scope).Where("1 = 1").UpdateColumn("tenant_id", gorm.Expr("tenant_id")).Error)
						expectNoTenant("Updates", tx.Model(m).Scopes(sc.scope).Where("1 = 1").Updates(map[string]any{"tenant_id": gorm.Expr("tenant_id")}).Error)
						expectNoTenant("Delete", tx.Scopes(sc.scope).Where("1 = 1").Delete(m).Error)
						_ = tx.Model(m).Scopes(store.Tenant(a)).Count(&after).Error
						if before != after || before == 0 {
							t.Errorf("%s: rows of tenant %d went from %d to %d", label, a, before, after)
						}
						return errRollback
					})
				}
				// Creating a row without a tenant fails closed too.
				_ = h.db.Transaction(func(tx *gorm.DB) error {
					fresh := reflect.New(reflect.TypeOf(m).Elem()).Interface()
					if err := tx.Create(fresh).Error; !errors.Is(err, store.ErrNoTenant) {
						t.Errorf("%s: Create %s with tenant 0: err %v, want store.ErrNoTenant", h.name, table, err)
					}
					// A batch is not checked by the guard (it looks at single
					// structs); the foreign key to tenants must still refuse it.
					batch := reflect.New(reflect.SliceOf(reflect.TypeOf(m).Elem()))
					batch.Elem().Set(reflect.Append(batch.Elem(), reflect.New(reflect.TypeOf(m).Elem()).Elem()))
					if err := tx.Create(batch.Interface()).Error; err == nil {
						t.Errorf("%s: batch Create of %s with tenant 0 succeeded", h.name, table)
					}
					return errRollback
				})
			}
		})
	}
}

// TestIsolationGuardCoversQueriesByTableName: the guard is the net under a
// forgotten scope, so a query that names a tenant-owned table instead of a
// model must fail closed as well, not read every tenant.
func TestIsolationGuardCoversQueriesByTableName(t *testing.T) {
	w := newWorld(t)
	db := w.env.App.DB
	for _, m := range tenantModels(w.env.App) {
		table := tableOf(t, db.W, m)
		var rows []map[string]any
		err := db.R.Table(table).Find(&rows).Error
		if !errors.Is(err, store.ErrNoTenant) {
			t.Errorf("db.Table(%q).Find(&maps) without a tenant scope: %d rows of every tenant, err %v; want store.ErrNoTenant", table, len(rows), err)
		}
		var n int64
		err = db.R.Table(table).Count(&n).Error
		if !errors.Is(err, store.ErrNoTenant) {
			t.Errorf("db.Table(%q).Count without a tenant scope: %d, err %v; want store.ErrNoTenant", table, n, err)
		}
		var ids []int64
		err = db.R.Table(table).Pluck("id", &ids).Error
		if !errors.Is(err, store.ErrNoTenant) {
			t.Errorf("db.Table(%q).Pluck(id) without a tenant scope: %d ids, err %v; want store.ErrNoTenant", table, len(ids), err)
		}
		// Scoped by table name, the query works and stays in the tenant.
		var scoped []map[string]any
		if err := db.R.Table(table).Scopes(store.Tenant(w.tenant["demo2"])).Find(&scoped).Error; err != nil {
			t.Errorf("db.Table(%q) with a tenant scope: %v", table, err)
		}
		for _, r := range scoped {
			if fmt.Sprint(r["tenant_id"]) != fmt.Sprint(w.tenant["demo2"]) {
				t.Errorf("db.Table(%q) scoped to demo2 returned tenant %v", table, r["tenant_id"])
			}
		}
	}
}
