package scenarios

import "fmt"

// Move is one action of a player: a choice id (with Confirm when the choice raises the
// suitability checkpoint and the player goes through with it, or Insist when the player
// takes the "customer insists" path there), or a typed reply.
type Move struct {
	Choice  string `json:"choice,omitempty"`
	Text    string `json:"text,omitempty"`
	Confirm bool   `json:"confirm,omitempty"`
	Insist  bool   `json:"insist,omitempty"`
}

// PathsToEndings returns, for every ending that can be reached, a shortest way to play
// to it: fewest violations first, then fewest moves. Typed replies meet every checklist
// element; at a warning the customer insists on, the path insists (a sale with a step
// skipped on the way is not counted as a violation here). Ties are broken by file
// order, so the answer is stable.
func PathsToEndings(s *Scenario) map[string][]Move {
	type cost struct{ violations, steps int }
	less := func(a, b cost) bool {
		return a.violations < b.violations || a.violations == b.violations && a.steps < b.steps
	}
	type edge struct {
		from int
		move Move
	}
	n := len(s.Turns)
	index := map[string]int{}
	for i := range s.Turns {
		if _, dup := index[s.Turns[i].ID]; !dup {
			index[s.Turns[i].ID] = i
		}
	}
	for i := range s.Endings {
		if _, dup := index[s.Endings[i].ID]; !dup {
			index[s.Endings[i].ID] = n + i
		}
	}
	total := n + len(s.Endings)
	dist := make([]cost, total)
	known := make([]bool, total)
	done := make([]bool, total)
	via := make([]edge, total)

	start, ok := index[s.Start]
	if !ok || start >= n {
		return map[string][]Move{}
	}
	known[start] = true
	relax := func(from int, next string, c cost, m Move) {
		to, ok := index[next]
		if !ok {
			return
		}
		if !known[to] || less(c, dist[to]) {
			known[to], dist[to], via[to] = true, c, edge{from, m}
		}
	}
	// Dijkstra in O(V²): scenarios hold at most MaxTurns turns.
	for {
		x := -1
		for i := range total {
			if known[i] && !done[i] && (x < 0 || less(dist[i], dist[x])) {
				x = i
			}
		}
		if x < 0 {
			break
		}
		done[x] = true
		if x >= n {
			continue
		}
		t := &s.Turns[x]
		for j := range t.Choices {
			c := &t.Choices[j]
			step := cost{dist[x].violations, dist[x].steps + 1}
			m := Move{Choice: c.ID}
			switch {
			case s.CanInsist(t, c):
				m.Insist = true
			case s.Mismatch(c) != nil:
				step.violations++
				m.Confirm = true
			}
			if c.IsCritical() {
				step.violations++
			}
			relax(x, c.Next, step, m)
		}
		if ft := t.FreeText; ft != nil {
			relax(x, ft.Next, cost{dist[x].violations, dist[x].steps + 1}, Move{Text: satisfyingAnswer(ft)})
		}
	}

	out := map[string][]Move{}
	for i := range s.Endings {
		e := n + i
		if index[s.Endings[i].ID] != e || !done[e] {
			continue
		}
		moves := make([]Move, dist[e].steps)
		for x, k := e, len(moves)-1; x != start; x, k = via[x].from, k-1 {
			moves[k] = via[x].move
		}
		out[s.Endings[i].ID] = moves
	}
	return out
}

// Play starts an attempt and applies the moves, each taking no time. A choice that raises
// the checkpoint needs Confirm or Insist on its move; either where none is raised is an
// error.
func Play(s *Scenario, moves []Move) (State, error) {
	st := Start(s)
	for i, m := range moves {
		var err error
		if m.Choice == "" {
			st, _, err = Answer(s, st, m.Text, 0)
		} else {
			st, _, err = Choose(s, st, m.Choice, 0)
		}
		switch {
		case err != nil:
		case st.Pending != nil && !m.Confirm && !m.Insist:
			err = fmt.Errorf("%w (the move neither confirms nor insists)", ErrCheckpointPending)
		case st.Pending == nil && (m.Confirm || m.Insist):
			err = fmt.Errorf("%w (the move confirms or insists)", ErrNoCheckpoint)
		case m.Insist:
			st, _, err = Insist(s, st)
		case m.Confirm:
			st, _, err = Confirm(s, st)
		}
		if err != nil {
			return st, fmt.Errorf("move %d (%+v): %w", i, m, err)
		}
	}
	return st, nil
}
