package migrations

// beginnerShelfHint: an assignment may be in beginner mode, where the product
// shelf of its attempts marks which products fit the customer (the hint a
// scenario can also turn on). An attempt records whether its shelf showed the
// hint, decided when it started, so resuming and reviewing it show the same
// shelf the trainee saw.
func beginnerShelfHint(d Dialect) []string {
	return renderAll(d,
		`ALTER TABLE training_assignments ADD COLUMN beginner_hint {BOOL} NOT NULL DEFAULT FALSE`,
		`ALTER TABLE training_attempts ADD COLUMN shelf_hint {BOOL} NOT NULL DEFAULT FALSE`,
	)
}
