package cases_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// body is a complete case, ready to submit.
func body(title string, extra map[string]any) map[string]any {
	b := map[string]any{
		"title": title, "title_en": "An elderly customer learns mobile banking", "summary": "耐心教老年客户使用手机银行理财功能",
		"summary_en": "Patiently teaching an elderly customer the mobile app's wealth features",
		"situation":  "一位七十岁的老人来到网点，担心手机银行不安全，想把**理财**产品赎回。",
		"actions":    "1. 请老人坐下，倒水\n2. 用老年版界面一步步演示\n3. 讲解防诈骗要点",
		"outcome":    "老人学会了查询理财收益，并推荐给老伙伴。", "lesson": "耐心比流程更重要。Patience beats procedure.",
		"customer_type": "elderly", "business_line": "wealth", "tags": []string{"适老化", "手机银行"},
	}
	for k, v := range extra {
		b[k] = v
	}
	return b
}

type caseOut struct {
	ID       int64  `json:"id"`
	Status   string `json:"status"`
	Revision int    `json:"revision"`
	Featured bool   `json:"featured"`
	Masked   []struct {
		Field, Kind string
	} `json:"masked"`
	Situation     string `json:"situation"`
	SituationHTML string `json:"situation_html"`
	ActionsHTML   string `json:"actions_html"`
	LessonHTML    string `json:"lesson_html"`
	OutcomeHTML   string `json:"outcome_html"`
	Can           map[string]bool
	Comments      []struct {
		Text, Decision string
	} `json:"comments"`
}

func must(t *testing.T, c *testkit.Client, want int, method, path string, b any) string {
	t.Helper()
	st, out := c.Do(method, path, b)
	if st != want {
		t.Fatalf("%s %s: %d %s (want %d)", method, path, st, out, want)
	}
	return out
}

func decode[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("decode %s: %v", s, err)
	}
	return v
}

// publish writes a case as author, submits it and has reviewer approve it.
func publish(t *testing.T, author, reviewer *testkit.Client, b map[string]any) int64 {
	t.Helper()
	c := decode[caseOut](t, must(t, author, 200, "POST", "/api/v1/cases", b))
	must(t, author, 200, "POST", fmt.Sprintf("/api/v1/cases/%d/submit", c.ID), nil)
	must(t, reviewer, 200, "POST", fmt.Sprintf("/api/v1/cases/%d/approve", c.ID), map[string]any{})
	return c.ID
}
