package server_test

import (
	"fmt"

	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/suggestions"
	"github.com/servicestar/servicestar/app/testkit"
)

// suggestionsRows cover the suggestions area. "suggestions.any" is
// suggestions.submit or suggestions.review (the list: one's own and those
// one reviews). A suggestion is an object at its author's branch: a
// reviewer reaches their subtree, HR the bank; staff read only their own,
// so another's answers 403 (they review nowhere). Projects and payouts are
// HR's ("suggestions.pay"); anyone signed in reads their own bonuses.
func suggestionsRows() []row {
	object := func(method, path, p, stage string, body func(x *cell) any) row {
		return row{method: method, path: path, access: perm, perm: p, object: true, ok: 200, foreign: 404,
			run: func(x *cell) resp {
				id := x.suggestionAt(stage)
				var b any
				if body != nil {
					b = body(x)
				}
				return x.do(method, idPath(path, id), b)
			}}
	}
	decision := func(*cell) any { return map[string]string{"decision": "return", "comment": "请补充成本估算"} }
	project := func(x *cell) any { return matrixProject(x.suggestionAuthorID()) }
	return []row{
		{method: "POST", path: "/api/v1/suggestions", access: perm, perm: "suggestions.submit", ok: 200,
			run: func(x *cell) resp { return x.do("POST", "/api/v1/suggestions", matrixIdea) }},
		{method: "GET", path: "/api/v1/suggestions", access: perm, perm: "suggestions.any", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/suggestions?state=submitted", nil) }},
		object("GET", "/api/v1/suggestions/{id}", "suggestions.review", "submitted", nil),
		{method: "PUT", path: "/api/v1/suggestions/{id}", access: perm, perm: "suggestions.submit", ok: 200,
			run: func(x *cell) resp {
				return x.do("PUT", idPath("/api/v1/suggestions/{id}", x.ownReturnedSuggestion()), matrixIdea)
			}},
		object("POST", "/api/v1/suggestions/{id}/decision", "suggestions.review", "submitted", decision),
		object("PUT", "/api/v1/suggestions/{id}/project", "suggestions.pay", "adopted", project),
		object("GET", "/api/v1/suggestions/{id}/payout", "suggestions.pay", "pending", nil),
		object("POST", "/api/v1/suggestions/{id}/payout/approve", "suggestions.pay", "pending", nil),
		{method: "GET", path: "/api/v1/me/bonuses", access: self, ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/me/bonuses", nil) }},
	}
}

var matrixIdea = map[string]string{"title": "矩阵建议", "problem": "问题", "proposal": "方案", "expected_benefit": "收益", "process": "流程"}

// fixtureClients are signed-in fixture actors ("demo/hr") of each app.
var fixtureClients = map[*testkit.Env]map[string]*testkit.Client{}

func (x *cell) actor(slug, username string) *testkit.Client {
	key := slug + "/" + username
	if fixtureClients[x.env()] == nil {
		fixtureClients[x.env()] = map[string]*testkit.Client{}
	}
	if c := fixtureClients[x.env()][key]; c != nil {
		return c
	}
	c, r := signIn(x.t, x.env(), slug, username, demo.Password)
	if r.Status != 200 {
		x.t.Fatalf("fixture sign-in %s: %s", key, r)
	}
	fixtureClients[x.env()][key] = c
	return c
}

func (x *cell) fixtureCall(c *testkit.Client, method, path string, body any) resp {
	r := send(x.t, x.env(), c, method, path, body)
	if r.Status != 200 {
		x.t.Fatalf("fixture %s %s: %s", method, path, r)
	}
	return r
}

// suggestionAt is a suggestion by the fixed user at the target branch, taken
// to stage (submitted, adopted, pending: shares set), untouched so far.
func (x *cell) suggestionAt(stage string) int64 {
	if x.missing {
		return missingID
	}
	key := x.fixtureKey()
	if id, ok := fixtures[key]; ok {
		return id
	}
	slug, author := splitKey(suggestionAuthor[x.target])
	r := x.fixtureCall(x.actor(slug, author), "POST", "/api/v1/suggestions", matrixIdea)
	id := testkit.JSON[struct {
		ID int64 `json:"id"`
	}](x.t, r.Body).ID
	hr := x.actor(slug, "hr")
	if stage != "submitted" {
		x.fixtureCall(hr, "POST", fmt.Sprintf("/api/v1/suggestions/%d/decision", id), map[string]string{"decision": "adopt"})
	}
	if stage == "pending" {
		x.fixtureCall(hr, "PUT", fmt.Sprintf("/api/v1/suggestions/%d/project", id), matrixProject(x.suggestionAuthorID()))
	}
	fixtures[key] = id
	return id
}

// suggestionAuthor writes the suggestions at each target: not the fixed
// user there, who is also a caller (an author reads their own).
var suggestionAuthor = map[target]string{ownBranch: "demo/staff.north.1", childBranch: "demo/staff.north-chaoyang.1",
	siblingBranch: "demo/staff.south.1", otherTenant: "demo2/emp.2"}

func (x *cell) suggestionAuthorID() int64 {
	if x.missing {
		return missingID
	}
	return x.w.user[suggestionAuthor[x.target]]
}

func matrixProject(userID int64) map[string]any {
	return map[string]any{"pool_cents": 12_345, "contributors": []map[string]any{{"user_id": userID, "share_bp": 10_000}}}
}

// ownReturnedSuggestion is one of the caller's suggestions, returned to them
// by their bank's HR (callers who submit nothing get a missing id).
func (x *cell) ownReturnedSuggestion() int64 {
	if _, ok := x.caller.can["suggestions.submit"]; !ok || x.caller.kind != member {
		return missingID
	}
	r := x.fixtureCall(x.client, "POST", "/api/v1/suggestions", matrixIdea)
	id := testkit.JSON[struct {
		ID int64 `json:"id"`
	}](x.t, r.Body).ID
	// Setup, not the thing under test: HR cannot return HR's own.
	if err := x.env().App.DB.W.Model(&suggestions.Suggestion{}).Scopes(store.Tenant(x.w.tenant[x.caller.tenant])).Where("id = ?", id).
		Update("state", suggestions.Returned).Error; err != nil {
		x.t.Fatal(err)
	}
	return id
}
