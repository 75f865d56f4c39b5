package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/servicestar/servicestar/migrations"
)

// tenantCondition must appear in every statement TenantRows runs: the tenant
// is bound to its placeholder, which is the statement's first.
const tenantCondition = "tenant_id = ?"

// TenantRows runs a read on the reader pool without GORM, for the few hot
// reads where building and scanning through GORM costs more than the query
// itself. It keeps the tenant scope's rules: a zero tenant is an error, and
// the statement must start its placeholders with "tenant_id = ?", to which
// the tenant is bound. Each distinct statement is prepared once.
func (db *DB) TenantRows(ctx context.Context, tenantID int64, query string, args ...any) (*sql.Rows, error) {
	if tenantID <= 0 {
		return nil, ErrNoTenant
	}
	stmt, err := db.preparedRead(query)
	if err != nil {
		return nil, err
	}
	return stmt.QueryContext(ctx, append([]any{tenantID}, args...)...)
}

// preparedRead returns the reader's prepared statement for query, preparing
// it on first use. The statements come from constants in the code, so the
// cache stays as small as the number of call sites.
func (db *DB) preparedRead(query string) (*sql.Stmt, error) {
	if s, ok := db.reads.Load(query); ok {
		return s.(*sql.Stmt), nil
	}
	first := strings.Index(query, "?")
	if i := strings.Index(query, tenantCondition); i < 0 || i+len(tenantCondition)-1 != first {
		return nil, fmt.Errorf("%w: the statement's first placeholder must be in %q: %s", ErrNoTenant, tenantCondition, query)
	}
	text := query
	if db.Dialect == migrations.Postgres {
		text = numberPlaceholders(query)
	}
	r, err := db.R.DB()
	if err != nil {
		return nil, err
	}
	s, err := r.Prepare(text)
	if err != nil {
		return nil, err
	}
	if prev, loaded := db.reads.LoadOrStore(query, s); loaded {
		_ = s.Close()
		return prev.(*sql.Stmt), nil
	}
	return s, nil
}

// numberPlaceholders turns "?" into PostgreSQL's "$1", "$2", …; the
// statements TenantRows runs have no "?" inside quoted text.
func numberPlaceholders(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// closeReads releases the prepared statements.
func (db *DB) closeReads() {
	db.reads.Range(func(k, v any) bool {
		_ = v.(*sql.Stmt).Close()
		db.reads.Delete(k)
		return true
	})
}
