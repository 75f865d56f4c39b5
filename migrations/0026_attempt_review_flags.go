package migrations

// attemptReviewFlags copies out of an attempt's state what the review list filters
// on: the number of violations, the number of near misses (a recommendation withdrawn
// at the suitability warning) and whether the grader of a typed reply was unsure and
// asked for a human look. The state stays the truth; these columns are rewritten
// with it on every move. Attempts saved before near misses existed had none; their
// violations are counted from the saved state.
func attemptReviewFlags(d Dialect) []string {
	count := `json_array_length(state_json, '$.violations')`
	if d == Postgres {
		count = `json_array_length(CAST(state_json AS JSON) -> 'violations')`
	}
	return renderAll(d,
		`ALTER TABLE training_attempts ADD COLUMN violations INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE training_attempts ADD COLUMN near_misses INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE training_attempts ADD COLUMN needs_human_look {BOOL} NOT NULL DEFAULT FALSE`,
		`UPDATE training_attempts SET violations = COALESCE(`+count+`, 0)
			WHERE state_json LIKE '%"violations":[%'`,
	)
}
