package migrations

// failedIsNotCompleted reopens the assignments a failed attempt had marked
// completed: from now on only a pass completes one. The failed attempt's score
// and link stay, so the inbox shows "failed" rather than "not started".
func failedIsNotCompleted(d Dialect) []string {
	return renderAll(d,
		`UPDATE training_assignment_members SET completed_at = NULL
			WHERE completed_at IS NOT NULL AND NOT passed`,
	)
}
