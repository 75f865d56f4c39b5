package scenarios

import (
	"container/heap"
	"fmt"
	"slices"
)

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
// skipped on the way is not counted as a violation here). When the scenario has mood
// endings the search follows the customer's mood too, so a path goes where playing it
// goes, and the mood endings are reached by upsetting the customer. Ties are broken by
// file order, so the answer is stable.
func PathsToEndings(s *Scenario) map[string][]Move {
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
	// A node is a turn at a mood (one mood slot when no mood ending needs it), or an ending.
	moods := 1
	if len(s.MoodEndings) > 0 {
		moods = 101
	}
	total := n*moods + len(s.Endings)
	p := pathSearch{dist: make([]pathCost, total), known: make([]bool, total), via: make([]pathEdge, total)}

	first, ok := index[s.Start]
	if !ok || first >= n {
		return map[string][]Move{}
	}
	slot := func(mood int) int {
		if moods == 1 {
			return 0
		}
		return mood
	}
	st0 := Start(s)
	start := first*moods + slot(st0.Mood)
	moodAt := make([]int, total) // the mood at a turn node (its slot, or the one mood seen)
	moodAt[start] = st0.Mood
	p.known[start] = true
	heap.Push(&p, queued{start, pathCost{}})
	// target is where a reply with this mood delta and next leads from a node.
	target := func(from int, next string, delta int) (int, int, bool) {
		to, ok := index[next]
		if !ok {
			return 0, 0, false
		}
		if to >= n {
			return n*moods + to - n, 0, true
		}
		mood := min(max(moodAt[from]+delta, 0), 100)
		if e := s.moodEnding(mood); e != "" {
			if i, ok := index[e]; ok && i >= n {
				return n*moods + i - n, 0, true
			}
		}
		if m := s.Turns[to].Mood; m != nil {
			mood = *m
		}
		return to*moods + slot(mood), mood, true
	}
	relax := func(from int, next string, delta int, c pathCost, m Move) {
		to, mood, ok := target(from, next, delta)
		if !ok {
			return
		}
		if !p.known[to] || c.less(p.dist[to]) {
			p.known[to], p.dist[to], p.via[to] = true, c, pathEdge{from, m}
			moodAt[to] = mood
			heap.Push(&p, queued{to, c})
		}
	}
	done := make([]bool, total)
	for p.Len() > 0 {
		x := heap.Pop(&p).(queued).node
		if done[x] {
			continue
		}
		done[x] = true
		if x >= n*moods {
			continue
		}
		t := &s.Turns[x/moods]
		for j := range t.Choices {
			c := &t.Choices[j]
			step := pathCost{p.dist[x].violations, p.dist[x].steps + 1}
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
			relax(x, c.Next, c.Mood, step, m)
		}
		if ft := t.FreeText; ft != nil {
			relax(x, ft.Next, ft.Mood, pathCost{p.dist[x].violations, p.dist[x].steps + 1}, Move{Text: satisfyingAnswer(ft)})
		}
	}

	out := map[string][]Move{}
	for i := range s.Endings {
		e := n*moods + i
		if index[s.Endings[i].ID] != n+i || !done[e] {
			continue
		}
		moves := make([]Move, p.dist[e].steps)
		for x, k := e, len(moves)-1; x != start; x, k = p.via[x].from, k-1 {
			moves[k] = p.via[x].move
		}
		out[s.Endings[i].ID] = moves
	}
	return out
}

type pathCost struct{ violations, steps int }

func (a pathCost) less(b pathCost) bool {
	return a.violations < b.violations || a.violations == b.violations && a.steps < b.steps
}

type pathEdge struct {
	from int
	move Move
}

// queued is a node with the cost it had when queued; a node relaxed again is queued
// again, and the stale entry skipped when it comes out.
type queued struct {
	node int
	cost pathCost
}

// pathSearch is Dijkstra's queue: nodes by cost, then by index (file order), so ties
// are broken as they always were.
type pathSearch struct {
	dist  []pathCost
	known []bool
	via   []pathEdge
	queue []queued
}

func (p *pathSearch) Len() int { return len(p.queue) }
func (p *pathSearch) Less(i, j int) bool {
	a, b := p.queue[i], p.queue[j]
	if a.cost != b.cost {
		return a.cost.less(b.cost)
	}
	return a.node < b.node
}
func (p *pathSearch) Swap(i, j int) { p.queue[i], p.queue[j] = p.queue[j], p.queue[i] }
func (p *pathSearch) Push(x any)    { p.queue = append(p.queue, x.(queued)) }
func (p *pathSearch) Pop() any {
	x := p.queue[len(p.queue)-1]
	p.queue = p.queue[:len(p.queue)-1]
	return x
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

// PathsToMoodEndings returns, for every mood threshold (by its index in MoodEndings)
// that some play triggers, a shortest way to play until a reply leaves the customer's
// mood below it and the conversation ends there. Typed replies and warnings are played
// as in PathsToEndings.
func PathsToMoodEndings(s *Scenario) map[int][]Move {
	type node struct{ turn, mood int }
	type prev struct {
		from node
		move Move
	}
	out := map[int][]Move{}
	first := -1
	for i := range s.Turns {
		if s.Turns[i].ID == s.Start {
			first = i
			break
		}
	}
	if first < 0 || len(s.MoodEndings) == 0 {
		return out
	}
	turnIndex := func(id string) int {
		for i := range s.Turns {
			if s.Turns[i].ID == id {
				return i
			}
		}
		return -1
	}
	root := node{first, Start(s).Mood}
	via := map[node]prev{root: {}}
	path := func(n node, last Move) []Move {
		moves := []Move{last}
		for x := n; x != root; x = via[x].from {
			moves = append(moves, via[x].move)
		}
		slices.Reverse(moves)
		return moves
	}
	for queue := []node{root}; len(queue) > 0; queue = queue[1:] {
		x := queue[0]
		t := &s.Turns[x.turn]
		var edges []pathStep
		for j := range t.Choices {
			c := &t.Choices[j]
			m := Move{Choice: c.ID, Insist: s.CanInsist(t, c)}
			m.Confirm = !m.Insist && s.Mismatch(c) != nil
			edges = append(edges, pathStep{m, c.Mood, c.Next})
		}
		if ft := t.FreeText; ft != nil {
			edges = append(edges, pathStep{Move{Text: satisfyingAnswer(ft)}, ft.Mood, ft.Next})
		}
		for _, e := range edges {
			to := turnIndex(e.next)
			if to < 0 {
				continue
			}
			mood := min(max(x.mood+e.mood, 0), 100)
			if i := slices.IndexFunc(s.MoodEndings, func(m MoodEnding) bool { return mood < m.Below }); i >= 0 {
				if _, seen := out[i]; !seen {
					out[i] = path(x, e.move)
				}
				continue
			}
			if m := s.Turns[to].Mood; m != nil {
				mood = *m
			}
			n := node{to, mood}
			if _, seen := via[n]; !seen {
				via[n] = prev{x, e.move}
				queue = append(queue, n)
			}
		}
	}
	return out
}

type pathStep struct {
	move Move
	mood int
	next string
}
