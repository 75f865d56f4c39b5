package migrations

// builtinVersions keeps the text of every built-in scenario version an
// attempt was started on. The built-in pack ships inside the binary, so an
// upgrade that revises a scenario would otherwise leave earlier attempts
// pointing at a version no longer there. Shared by all tenants: the text is
// the same for everyone.
func builtinVersions(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE training_builtin_versions (
			scenario_key VARCHAR(100) NOT NULL,
			version INTEGER NOT NULL,
			yaml TEXT NOT NULL,
			first_used_at {TS} NOT NULL,
			PRIMARY KEY (scenario_key, version)
		)`,
	)
}
