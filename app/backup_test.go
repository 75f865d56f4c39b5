package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/config"
	"github.com/servicestar/servicestar/app/store"
)

// The commands as an operator meets them: a backup of a running database
// works, a restore over it is refused with the reason, and once the server
// has stopped the restore goes through.
func TestBackupAndRestoreCommands(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	dir := t.TempDir()
	cfg := config.Default()
	cfg.DatabaseURL = "sqlite:" + filepath.Join(dir, "live.db")

	if err := backup(ctx, cfg, log, []string{filepath.Join(dir, "b.db")}); err == nil || !strings.Contains(err.Error(), "no database to back up") {
		t.Errorf("backup of a database that does not exist: %v", err)
	}
	running, err := store.Open(cfg.DatabaseURL) // the server
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = running.Close() })
	if err := running.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := backup(ctx, cfg, log, nil); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Errorf("backup without a file: %v, want the usage", err)
	}
	file := filepath.Join(dir, "b.db")
	if err := backup(ctx, cfg, log, []string{file}); err != nil {
		t.Fatalf("backup while the server runs: %v", err)
	}
	if err := restore(ctx, cfg, log, []string{file}); err == nil || !strings.Contains(err.Error(), "refusing to restore") || !strings.Contains(err.Error(), "stop it") {
		t.Errorf("restore while the server runs: %v, want a refusal that says to stop it", err)
	}
	if err := running.Close(); err != nil {
		t.Fatal(err)
	}
	if err := restore(ctx, cfg, log, []string{file}); err != nil {
		t.Errorf("restore once the server stopped: %v", err)
	}
	pg := cfg
	pg.DatabaseURL = "postgres://servicestar@localhost/servicestar"
	for name, run := range map[string]func() error{
		"backup":  func() error { return backup(ctx, pg, log, []string{file}) },
		"restore": func() error { return restore(ctx, pg, log, []string{file}) },
	} {
		if err := run(); err == nil || !strings.Contains(err.Error(), "pg_dump") {
			t.Errorf("%s on PostgreSQL: %v, want it to name pg_dump", name, err)
		}
	}
}
