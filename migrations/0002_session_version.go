package migrations

// sessionVersion: a per-tenant counter moved by every change that ends or
// alters sessions (logout, disable, password, transfer, branch move), so
// instances can cache resolved sessions and still drop them at once.
func sessionVersion(d Dialect) []string {
	return renderAll(d, `ALTER TABLE tenants ADD COLUMN session_version BIGINT NOT NULL DEFAULT 1`)
}
