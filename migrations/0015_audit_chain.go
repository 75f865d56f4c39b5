package migrations

// auditChain makes the audit log a hash chain per tenant (app/audit/chain.go).
// Rows are written unsealed (all four columns NULL) by audit.Record in the
// transaction of the change they record; a periodic job seals them a few
// seconds later, in id order, so writers never wait on each other for the
// chain's head. Existing rows are sealed by the first run.
//
// audit_log_seq is unique per tenant: two sealers that somehow ran at once
// cannot both give out the same link. audit_log_unsealed holds only the rows
// still to seal, so finding them stays cheap however long the log grows.
func auditChain(d Dialect) []string {
	return renderAll(d,
		`ALTER TABLE audit_log ADD COLUMN seq BIGINT`,
		`ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64)`,
		`ALTER TABLE audit_log ADD COLUMN hash VARCHAR(64)`,
		`ALTER TABLE audit_log ADD COLUMN sealed_at {TS}`,
		`CREATE UNIQUE INDEX audit_log_seq ON audit_log (tenant_id, seq)`,
		`CREATE INDEX audit_log_unsealed ON audit_log (tenant_id, id) WHERE seq IS NULL`,
	)
}
