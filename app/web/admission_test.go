package web

import (
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
)

// With one slot, a second read starts only after the first has finished,
// while a write goes through at once.
func TestAdmitReadsQueuesReadsNotWrites(t *testing.T) {
	app := fiber.New()
	app.Use(admitReads(1, time.Hour))
	entered, release := make(chan struct{}), make(chan struct{})
	var slowDone atomic.Bool
	app.Get("/slow", func(c *fiber.Ctx) error {
		close(entered)
		<-release
		slowDone.Store(true)
		return c.SendStatus(200)
	})
	var fastSawSlowDone atomic.Bool
	app.Get("/fast", func(c *fiber.Ctx) error {
		fastSawSlowDone.Store(slowDone.Load())
		return c.SendStatus(200)
	})
	app.Post("/write", func(c *fiber.Ctx) error {
		if slowDone.Load() {
			return c.SendStatus(500) // the write waited for the read
		}
		return c.SendStatus(200)
	})
	do := func(method, path string) int {
		res, err := app.Test(httptest.NewRequest(method, path, nil), -1)
		if err != nil {
			t.Error(err)
			return 0
		}
		return res.StatusCode
	}
	slow := make(chan int)
	go func() { slow <- do("GET", "/slow") }()
	<-entered
	fast := make(chan int)
	go func() { fast <- do("GET", "/fast") }()
	if st := do("POST", "/write"); st != 200 {
		t.Fatalf("write while a read holds the only slot: %d, want 200 at once", st)
	}
	close(release)
	if st := <-slow; st != 200 {
		t.Fatalf("slow: %d", st)
	}
	if st := <-fast; st != 200 {
		t.Fatalf("fast: %d", st)
	}
	if !fastSawSlowDone.Load() {
		t.Fatal("the second read ran while the first held the only slot")
	}
}

// A read that finds every slot held by slow reads runs anyway once its
// patience is up, instead of waiting for them to finish.
func TestAdmitReadsRunsAReadAfterItsPatience(t *testing.T) {
	app := fiber.New()
	app.Use(admitReads(1, time.Millisecond))
	entered, release := make(chan struct{}), make(chan struct{})
	app.Get("/slow", func(c *fiber.Ctx) error {
		close(entered)
		<-release
		return c.SendStatus(200)
	})
	app.Get("/fast", func(c *fiber.Ctx) error { return c.SendStatus(200) })
	slow := make(chan int)
	go func() {
		res, err := app.Test(httptest.NewRequest("GET", "/slow", nil), -1)
		if err != nil {
			t.Error(err)
			slow <- 0
			return
		}
		slow <- res.StatusCode
	}()
	<-entered
	// Answered while the slow read still holds the only slot.
	res, err := app.Test(httptest.NewRequest("GET", "/fast", nil), -1)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("fast read behind a slow one: %v %v", res, err)
	}
	close(release)
	if st := <-slow; st != 200 {
		t.Fatalf("slow: %d", st)
	}
}
