package server_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/scenarios/library"
)

// workflowRows cover the training workflow around assignments: the dry run
// (a branch in the body, like assigning), a retake of the target's fixed
// user's failed attempt, reminding an assignment's people, and comments on
// one turn (reviewers) with the lists that name the turns.
func workflowRows() []row {
	base := "/api/v1/training/assignments"
	due := func(x *cell) string { return x.env().Clock.Now().Add(72 * time.Hour).Format(time.RFC3339) }
	trap, _ := library.ByID(trapScenario)
	return []row{
		{method: "POST", path: base + "/preview", access: perm, perm: "training.assign", object: true, ok: 200, foreign: 422,
			run: func(x *cell) resp {
				return x.do("POST", base+"/preview", map[string]any{"scenario_keys": []string{"lost-card-report"}, "branch_id": x.branchID(),
					"audience": "subtree", "due_at": due(x)})
			}},
		{method: "POST", path: base + "/retakes", access: perm, perm: "training.assign", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("POST", base+"/retakes", map[string]any{"attempt_id": failedAttemptOf(x), "due_at": due(x)})
			}},
		{method: "POST", path: base + "/{id}/remind", access: perm, perm: "training.assign", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp { return x.do("POST", idPath(base+"/{id}/remind", x.assignmentAt()), nil) }},
		{method: "GET", path: "/api/v1/training/reviews/{id}/comments", access: perm, perm: "training.reviewread", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("GET", idPath("/api/v1/training/reviews/{id}/comments", othersAttemptID(x, atEnd)), nil)
			}},
		{method: "POST", path: "/api/v1/training/reviews/{id}/turns/{turn_id}/comments", access: perm, perm: "training.review", object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				path := strings.Replace(idPath("/api/v1/training/reviews/{id}/turns/{turn_id}/comments", othersAttemptID(x, atEnd)), "{turn_id}", trap.Start, 1)
				return x.do("POST", path, map[string]string{"body": "这一轮先问风险测评"})
			}},
		{method: "GET", path: "/api/v1/training/attempts/{id}/comments", variant: "own attempt", access: ownAttempt, ok: 200,
			run: func(x *cell) resp {
				if _, takes := x.caller.can["training.take"]; !takes {
					return x.do("GET", idPath("/api/v1/training/attempts/{id}/comments", missingID), nil)
				}
				return x.do("GET", idPath("/api/v1/training/attempts/{id}/comments", attemptFor(x, x.client, atStart)), nil)
			}},
		{method: "GET", path: "/api/v1/training/attempts/{id}/comments", variant: "another user's attempt", access: othersAttempt, object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				return x.do("GET", idPath("/api/v1/training/attempts/{id}/comments", othersAttemptID(x, atStart)), nil)
			}},
	}
}

// failedAttemptOf is a failed attempt of the target's fixed user (cached per
// row and target until a retake is made of it): they confirm the suitability
// warning, a breach that fails the attempt, and play on to an ending.
func failedAttemptOf(x *cell) int64 {
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
	id := attemptFor(x, owner, atWarning)
	s, _ := library.ByID(trapScenario)
	for range 60 {
		r := send(x.t, x.w.env, owner, "GET", fmt.Sprintf("/api/v1/training/attempts/%d", id), nil)
		var a struct {
			Status  string
			Pending *struct{}
			Turn    *struct {
				ID       string
				FreeText bool `json:"free_text"`
			}
		}
		_ = json.Unmarshal([]byte(r.Body), &a)
		verb, body := "confirm", any(nil)
		switch {
		case a.Status == "finished":
			fixtures[x.fixtureKey()] = id
			return id
		case a.Pending != nil:
		case a.Turn != nil && a.Turn.FreeText:
			verb, body = "answer", map[string]string{"text": s.Turn(a.Turn.ID).ModelAnswer.Get("zh-CN")}
		case a.Turn != nil:
			verb, body = "choose", map[string]string{"choice_id": s.Turn(a.Turn.ID).Choices[0].ID}
		}
		if r := send(x.t, x.w.env, owner, "POST", fmt.Sprintf("/api/v1/training/attempts/%d/%s", id, verb), body); r.Status != 200 {
			x.t.Fatalf("setup %s: %s", verb, r)
		}
	}
	x.t.Fatal("the failed attempt fixture did not finish")
	return 0
}
