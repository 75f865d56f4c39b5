package scenarios

// Timed lets the benchmarks of package scenarios_test report p99 as these do.
var Timed = timed

// PathsUntil returns the fewest moves from the start to the turn (nil when none
// reaches it), for benchmarks that measure a move on a given turn.
func PathsUntil(s *Scenario, turn string) []Move {
	via := map[string][]Move{s.Start: {}}
	for queue := []string{s.Start}; len(queue) > 0; queue = queue[1:] {
		id := queue[0]
		if id == turn {
			return via[id]
		}
		t := s.Turn(id)
		if t == nil {
			continue
		}
		step := func(next string, m Move) {
			if _, seen := via[next]; !seen {
				via[next] = append(append([]Move{}, via[id]...), m)
				queue = append(queue, next)
			}
		}
		for i := range t.Choices {
			c := &t.Choices[i]
			m := Move{Choice: c.ID, Insist: s.CanInsist(t, c)}
			m.Confirm = !m.Insist && s.Mismatch(c) != nil
			step(c.Next, m)
		}
		if t.FreeText != nil {
			step(t.FreeText.Next, Move{Text: satisfyingAnswer(t.FreeText)})
		}
	}
	return nil
}
