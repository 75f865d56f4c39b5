package testkit

import (
	"fmt"
	"testing"
)

// Attempt is an attempt as the API answers it, with what tests look at.
type Attempt struct {
	ID      int64
	Status  string
	Mood    int
	Turn    *struct{ ID string }
	Pending *struct {
		CustomerRisk string `json:"customer_risk"`
		ProductRisk  string `json:"product_risk"`
		Message      map[string]string
	}
	Violations []struct {
		ProductID string `json:"product_id"`
	}
	Result *struct {
		Total  float64
		Passed bool
		Ending struct{ ID, Kind string }
	}
}

// Start begins an attempt of scenario id as c, failing the test otherwise.
func Start(t testing.TB, c *Client, id string) Attempt {
	t.Helper()
	st, body := c.Do("POST", "/api/v1/training/attempts", map[string]string{"scenario_id": id})
	if st != 200 {
		t.Fatalf("start %s: %d %s", id, st, body)
	}
	return JSON[Attempt](t, body)
}

// Act sends one move (choose, answer, confirm, back) on an attempt.
func Act(t testing.TB, c *Client, id int64, verb string, body any) (int, Attempt, string) {
	t.Helper()
	st, raw := c.Do("POST", fmt.Sprintf("/api/v1/training/attempts/%d/%s", id, verb), body)
	var a Attempt
	if st == 200 {
		a = JSON[Attempt](t, raw)
	}
	return st, a, raw
}

// MustGet reads path as c, failing the test on anything but 200.
func MustGet(t testing.TB, c *Client, path string) string {
	t.Helper()
	st, body := c.Do("GET", path, nil)
	if st != 200 {
		t.Fatalf("GET %s: %d %s", path, st, body)
	}
	return body
}
