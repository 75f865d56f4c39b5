package jobs

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// pgxPool opens a pgx pool to the database that sqlDB, a database/sql handle
// over pgx (GORM's PostgreSQL driver), talks to, with the same settings
// (host, role, search_path): River's pgx driver wants a pool of its own, and
// taking the settings from the open handle keeps both on one database
// without the URL being passed around again.
func pgxPool(ctx context.Context, sqlDB *sql.DB, maxConns int32) (*pgxpool.Pool, error) {
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var url string
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("jobs: the PostgreSQL handle is not pgx's (%T)", dc)
		}
		url = c.Conn().Config().ConnString()
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Parsed afresh, not copied: a live connection's config holds callbacks
	// bound to that connection (its notification buffer), which a pool's
	// connections must not share.
	pc, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	pc.MaxConns = maxConns
	return pgxpool.NewWithConfig(ctx, pc)
}
