package migrations

// auditorsReadOnly removes the employee role from every user who holds the
// auditor role. Demo data and imports made before the rule "an auditor holds
// no other role" gave the demo auditor the employee role too, so an existing
// database keeps an auditor who can start attempts. The policy version of
// every tenant moves, so running instances drop their cached answers on the
// next request (the version is read with each session).
func auditorsReadOnly(d Dialect) []string {
	return renderAll(d,
		`DELETE FROM casbin_rule WHERE ptype = 'g' AND v1 = 'employee'
			AND v0 IN (SELECT a.v0 FROM casbin_rule a WHERE a.ptype = 'g' AND a.v1 = 'auditor')`,
		`UPDATE tenants SET policy_version = policy_version + 1`,
	)
}
