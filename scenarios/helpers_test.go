package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mustLoad loads a test scenario that must be free of problems.
func mustLoad(t testing.TB, name string) *Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	s, probs := Load(name, data)
	if len(probs) > 0 {
		t.Fatalf("%s: %v", name, probs)
	}
	return s
}

// markerLine returns the 1-based line that carries the comment "# <-", or 0.
func markerLine(doc string) int {
	for i, l := range strings.Split(doc, "\n") {
		if strings.Contains(l, "# <-") {
			return i + 1
		}
	}
	return 0
}

// miniHead is a complete scenario but for its turns, which a test appends.
const miniHead = `id: mini
version: 1
title: {zh-CN: 标题, en: Title}
summary: {zh-CN: 摘要, en: Summary}
category: cards
business_line: retail
difficulty: 1
estimated_minutes: 5
persona:
  name: {zh-CN: 王先生, en: Mr Wang}
  age: 30
  occupation: {zh-CN: 职员, en: Clerk}
  assets: {zh-CN: 存款, en: Deposits}
  goals: {zh-CN: 目标, en: Goals}
  initial_mood: 50
  risk_tolerance: R2
  hidden_needs:
    - id: need
      text: {zh-CN: 需求, en: A need}
products:
  - id: fund
    name: {zh-CN: 基金, en: Fund}
    kind: fund
    risk: R4
  - id: deposit
    name: {zh-CN: 定期, en: Time deposit}
    kind: deposit
    risk: R1
start: t1
endings:
  - id: end
    kind: resolved
    title: {zh-CN: 结束, en: The end}
    debrief: {zh-CN: 很好, en: Well done}
turns:
`

// turnY writes a choice turn. A choice is "id>next" optionally followed by ", key: value"
// pairs for the flow map, and by " <-" to mark its line for the test.
func turnY(id string, choices ...string) string {
	var b strings.Builder
	b.WriteString("  - id: " + id + "\n")
	b.WriteString("    customer: {zh-CN: 你好, en: Hello}\n")
	b.WriteString("    model_answer: {zh-CN: 您好, en: Good day}\n")
	b.WriteString("    choices:\n")
	for _, c := range choices {
		mark := ""
		if rest, ok := strings.CutSuffix(c, " <-"); ok {
			c, mark = rest, "  # <-"
		}
		head, extra, _ := strings.Cut(c, ",")
		cid, next, _ := strings.Cut(head, ">")
		if extra != "" {
			extra = "," + extra
		}
		b.WriteString("      - {id: " + cid + ", text: {zh-CN: 好的, en: OK}, next: " + next +
			", feedback: {zh-CN: 不错, en: Fine}" + extra + "}" + mark + "\n")
	}
	return b.String()
}
