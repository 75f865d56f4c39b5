package web

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/prometheus/client_golang/prometheus"
)

// /healthz names the process that answered, so a script can tell its own
// server from another listening on the same port.
func TestHealthzNamesTheProcess(t *testing.T) {
	app := fiber.New()
	opsRoutes(app, Options{Registry: prometheus.NewRegistry()})
	res, err := app.Test(httptest.NewRequest("GET", "/healthz", nil), -1)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Status string
		PID    int
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 || body.Status != "ok" || body.PID != os.Getpid() {
		t.Fatalf("GET /healthz: %d %+v, want ok with pid %d", res.StatusCode, body, os.Getpid())
	}
}
