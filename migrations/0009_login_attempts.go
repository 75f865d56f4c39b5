package migrations

// loginAttempts counts sign-in attempts per bucket (a client IP or a bank +
// user name, hashed) and per one-minute window, in the database so that
// every instance draws on one budget (app/auth/attempts.go).
//
// Global by nature, like tenants: at sign-in there is no tenant yet, and an
// attempt names a bank that may not exist. Rows older than the previous
// window are deleted by the sign-in path itself, so the table holds about
// two minutes of attempts.
func loginAttempts(d Dialect) []string {
	return renderAll(d,
		`CREATE TABLE login_attempts (
			window_minute BIGINT NOT NULL,
			bucket VARCHAR(64) NOT NULL,
			attempts INTEGER NOT NULL,
			PRIMARY KEY (window_minute, bucket)
		)`,
	)
}
