package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/testkit"
	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// othersAttempt rows address an attempt of the fixed user at the target
// position: only that user reaches it; for everyone else in any tenant it
// answers like a missing attempt. (Notifications follow the same rule.)
const othersAttempt accessKind = 100

// ownAttempt rows act on an attempt of the caller's own: whoever may play
// scenarios ("training.take") reaches it; one who may not (the auditor) owns
// no attempt, so the id answers like a missing one.
const ownAttempt accessKind = 101

func expectOwnAttempt(c caller, ok int) int {
	if c.kind != member {
		return http.StatusUnauthorized
	}
	if _, takes := c.can["training.take"]; takes {
		return ok
	}
	return http.StatusNotFound
}

func expectOthersAttempt(c caller, tg target, ok int) int {
	if c.kind != member {
		return http.StatusUnauthorized
	}
	if tg.user() == c.tenant+"/"+c.username {
		return ok
	}
	return http.StatusNotFound
}

const (
	trapScenario = "conservative-wants-high-yield" // a suitability trap early on
	textScenario = "smart-deposit-complaint"       // has a free-text turn
)

// pathTo finds replies from the start to the first turn that pred accepts,
// never recommending a product above the customer's tolerance on the way.
func pathTo(s *scenarios.Scenario, pred func(*scenarios.Turn) bool) []string {
	type node struct {
		turn string
		path []string
	}
	seen := map[string]bool{s.Start: true}
	queue := []node{{s.Start, nil}}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		t := s.Turn(n.turn)
		if t == nil {
			continue
		}
		if pred(t) {
			return n.path
		}
		for i := range t.Choices {
			c := &t.Choices[i]
			if s.Mismatch(c) != nil || seen[c.Next] {
				continue
			}
			seen[c.Next] = true
			queue = append(queue, node{c.Next, append(append([]string{}, n.path...), c.ID)})
		}
	}
	return nil
}

func trapChoice(s *scenarios.Scenario, t *scenarios.Turn) string {
	for i := range t.Choices {
		if s.Mismatch(&t.Choices[i]) != nil {
			return t.Choices[i].ID
		}
	}
	return ""
}

type attemptState int

const (
	atStart attemptState = iota
	atFreeText
	atWarning
	atEnd
	atInsistWarning // a warning that offers the customer-insists path
)

// attemptFor starts an attempt as client and plays it to the wanted state
// through the API (setup: the cell's request is what is under test).
func attemptFor(x *cell, client *testkit.Client, want attemptState) int64 {
	x.t.Helper()
	id := trapScenario
	if want == atFreeText {
		id = textScenario
	}
	s, ok := library.ByID(id)
	if !ok {
		x.t.Fatalf("scenario %s not in the library", id)
	}
	r := send(x.t, x.w.env, client, "POST", "/api/v1/training/attempts", map[string]string{"scenario_id": id})
	if r.Status != 200 {
		x.t.Fatalf("start attempt: %s", r)
	}
	var a struct{ ID int64 }
	_ = json.Unmarshal([]byte(r.Body), &a)
	path := func(moves []string) {
		for _, m := range moves {
			if r := send(x.t, x.w.env, client, "POST", fmt.Sprintf("/api/v1/training/attempts/%d/choose", a.ID), map[string]string{"choice_id": m}); r.Status != 200 {
				x.t.Fatalf("setup choose %s: %s", m, r)
			}
		}
	}
	switch want {
	case atInsistWarning:
		insists := func(t *scenarios.Turn) string {
			for i := range t.Choices {
				if s.CanInsist(t, &t.Choices[i]) {
					return t.Choices[i].ID
				}
			}
			return ""
		}
		moves := pathTo(s, func(t *scenarios.Turn) bool { return insists(t) != "" })
		path(append(moves, insists(s.Turn(lastTurn(s, moves)))))
	case atFreeText:
		path(pathTo(s, func(t *scenarios.Turn) bool { return t.IsFreeText() }))
	case atWarning:
		moves := pathTo(s, func(t *scenarios.Turn) bool { return trapChoice(s, t) != "" })
		path(moves)
		cur := s.Start
		if len(moves) > 0 {
			cur = lastTurn(s, moves)
		}
		path([]string{trapChoice(s, s.Turn(cur))})
	case atEnd:
		for _, moves := range scenarios.PathsToEndings(s) {
			clean := true
			for _, m := range moves {
				clean = clean && !m.Confirm && !m.Insist && m.Text == ""
			}
			if !clean {
				continue
			}
			var ids []string
			for _, m := range moves {
				ids = append(ids, m.Choice)
			}
			path(ids)
			return a.ID
		}
		x.t.Fatal("no ending reachable by choices alone")
	}
	return a.ID
}

// lastTurn replays choice ids from the start and returns the turn reached.
func lastTurn(s *scenarios.Scenario, moves []string) string {
	cur := s.Start
	for _, m := range moves {
		cur = s.Turn(cur).Choice(m).Next
	}
	return cur
}

// othersAttemptID is an attempt of the target's fixed user in the state
// wanted, cached per row and target until a cell changes it.
func othersAttemptID(x *cell, want attemptState) int64 {
	if x.missing {
		return missingID
	}
	if id, ok := fixtures[x.fixtureKey()]; ok {
		return id
	}
	who := strings.SplitN(x.target.user(), "/", 2)
	owner, r := signIn(x.t, x.w.env, who[0], who[1], demo.Password)
	if r.Status != 200 {
		x.t.Fatalf("sign in %s: %s", x.target.user(), r)
	}
	id := attemptFor(x, owner, want)
	fixtures[x.fixtureKey()] = id
	return id
}

func trainingRows() []row {
	attempt := "/api/v1/training/attempts/{id}"
	type action struct {
		method, suffix string
		state          attemptState
		body           any
	}
	actions := []action{
		{"GET", "", atStart, nil},
		{"GET", "/debrief", atEnd, nil},
		{"POST", "/choose", atStart, nil}, // body filled per scenario below
		{"POST", "/answer", atFreeText, map[string]any{"text": "您的意思是希望我们核实利息，我们会在两个工作日内回复，并随时告诉您进展。"}},
		{"POST", "/confirm", atWarning, nil},
		{"POST", "/back", atWarning, nil},
		{"POST", "/insist", atInsistWarning, nil},
	}
	trap, _ := library.ByID(trapScenario)
	firstSafe := ""
	for _, c := range trap.Turn(trap.Start).Choices {
		if trap.Mismatch(&c) == nil {
			firstSafe = c.ID
			break
		}
	}
	_, yaml, _ := library.Source(trapScenario)
	rows := []row{
		{method: "POST", path: "/api/v1/training/scenarios/validate", access: perm, perm: "training.manage", ok: 200,
			run: func(x *cell) resp {
				req := httptest.NewRequest("POST", "/api/v1/training/scenarios/validate", bytes.NewReader(yaml))
				req.Header.Set("Content-Type", "application/yaml")
				return sendReq(x.t, x.w.env, x.client, req)
			}},
		{method: "GET", path: "/api/v1/training/scenarios", access: perm, perm: "training.take", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/training/scenarios", nil) }},
		{method: "GET", path: "/api/v1/training/scenarios/{scenario_id}", access: perm, perm: "training.take", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/training/scenarios/"+trapScenario, nil) }},
		{method: "POST", path: "/api/v1/training/attempts", access: perm, perm: "training.take", ok: 200,
			run: func(x *cell) resp {
				return x.do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": trapScenario})
			}},
		{method: "GET", path: "/api/v1/training/attempts", access: self, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/training/attempts", nil) }},
	}
	// Reviews: managers (their subtree) and HR read and comment; auditors
	// read ("training.reviewread" stands for review or inspect).
	rows = append(rows,
		row{method: "GET", path: "/api/v1/training/reviews", access: perm, perm: "training.reviewread", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/training/reviews", nil) }},
		row{method: "GET", path: "/api/v1/training/reviews/{id}", access: perm, perm: "training.reviewread", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("GET", idPath("/api/v1/training/reviews/{id}", othersAttemptID(x, atEnd)), nil)
			}},
		row{method: "POST", path: "/api/v1/training/reviews/{id}/comments", access: perm, perm: "training.review", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("POST", idPath("/api/v1/training/reviews/{id}/comments", othersAttemptID(x, atEnd)), map[string]string{"body": "继续保持"})
			}},
	)
	for _, a := range actions {
		a := a
		path := attempt + a.suffix
		body := func() any {
			if a.suffix == "/choose" {
				return map[string]string{"choice_id": firstSafe}
			}
			return a.body
		}
		rows = append(rows,
			row{method: a.method, path: path, variant: "own attempt", access: ownAttempt, ok: 200,
				run: func(x *cell) resp {
					if _, takes := x.caller.can["training.take"]; !takes {
						return x.do(a.method, idPath(path, missingID), body())
					}
					return x.do(a.method, idPath(path, attemptFor(x, x.client, a.state)), body())
				}},
			row{method: a.method, path: path, variant: "another user's attempt", access: othersAttempt, object: true, ok: 200, foreign: 404,
				run: func(x *cell) resp { return x.do(a.method, idPath(path, othersAttemptID(x, a.state)), body()) }},
		)
	}
	return rows
}

// foreignAttempt is an attempt of demo2's emp.1, for the bad-input tests.
func foreignAttempt(t *testing.T, w *world) int64 {
	t.Helper()
	c, r := signIn(t, w.env, "demo2", "emp.1", demo.Password)
	if r.Status != 200 {
		t.Fatalf("sign in demo2/emp.1: %s", r)
	}
	r = send(t, w.env, c, "POST", "/api/v1/training/attempts", map[string]string{"scenario_id": trapScenario})
	if r.Status != 200 {
		t.Fatalf("start foreign attempt: %s", r)
	}
	var a struct{ ID int64 }
	_ = json.Unmarshal([]byte(r.Body), &a)
	return a.ID
}
