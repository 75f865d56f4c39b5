// Command servicestar runs ServiceStar: serve | migrate | demo | openapi |
// backup | restore.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/servicestar/servicestar/app/config"
	"github.com/servicestar/servicestar/app/demo"
	"github.com/servicestar/servicestar/app/server"
	"github.com/servicestar/servicestar/app/store"
)

const usage = `ServiceStar (服务之星)

usage: servicestar <command> [flags]

commands:
  serve     run the web server (migrates first unless --migrate=false)
  migrate   bring the database schema to the newest version
  demo      migrate, then seed the demo banks when the database is empty
  openapi   print the OpenAPI 3.1 document
  backup    backup [flags] FILE: consistent copy of the SQLite database, while it runs
  restore   restore [flags] FILE: put a backup in place (refused while a server has it open)
            (PostgreSQL: use pg_dump and pg_restore; see README, "Backups")

configuration: flags, or SS_* environment variables (see README).
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmd, args := os.Args[1], os.Args[2:]
	fs := flag.NewFlagSet(cmd, flag.ExitOnError)
	cfg, err := config.Load(fs, args)
	if err != nil {
		fmt.Fprintln(os.Stderr, "config:", err)
		os.Exit(2)
	}
	log := newLogger(cfg.LogLevel)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch cmd {
	case "serve":
		err = serve(ctx, cfg, log)
	case "migrate":
		err = migrate(ctx, cfg, log)
	case "demo":
		err = seedDemo(ctx, cfg, log)
	case "openapi":
		err = printOpenAPI(ctx, cfg, log)
	case "backup":
		err = backup(ctx, cfg, log, fs.Args())
	case "restore":
		err = restore(ctx, cfg, log, fs.Args())
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		log.Error(cmd+" failed", "err", err)
		os.Exit(1)
	}
}

func newLogger(level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: l}))
}

func serve(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	spareProcessor()
	app, err := server.Build(ctx, cfg, log, server.Options{})
	if err != nil {
		return err
	}
	defer app.Close()
	if err := app.Jobs.Start(ctx); err != nil {
		return err
	}
	// Runs before app.Close: running jobs finish (or are cancelled, to be
	// tried again) while the database is still open.
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := app.Jobs.Stop(sctx); err != nil {
			log.Error("stopping background jobs", "err", err)
		}
	}()
	errc := make(chan error, 1)
	go func() { errc <- app.HTTP.Fiber.Listen(cfg.Addr) }()
	log.Info("ServiceStar is serving", "addr", cfg.Addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	return app.HTTP.Fiber.ShutdownWithTimeout(20 * time.Second)
}

func migrate(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	db, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	log.Info("database migrated")
	return nil
}

func seedDemo(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	cfg.AutoMigrate = true
	app, err := server.Build(ctx, cfg, log, server.Options{})
	if err != nil {
		return err
	}
	defer app.Close()
	seeded, err := demo.Seed(ctx, app.Org, app.Modules, cfg.PlatformUsername, cfg.PlatformPassword)
	if err != nil {
		return err
	}
	if seeded {
		fmt.Println("Demo data seeded.")
	} else {
		fmt.Println("The database already has tenants; demo data left as it is.")
	}
	fmt.Println("Demo logins (password " + demo.Password + "):")
	for _, l := range demo.Logins {
		fmt.Printf("  bank %-6s user %-12s %s\n", l.Tenant, l.Username, l.Role)
	}
	fmt.Printf("  platform operator: %s / %s (at /platform/login)\n", cfg.PlatformUsername, cfg.PlatformPassword)
	return nil
}

func printOpenAPI(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	// An in-memory database: the document comes from the route types only.
	cfg.DatabaseURL = "sqlite:" + os.TempDir() + "/servicestar-openapi-" + fmt.Sprint(os.Getpid()) + ".db"
	defer os.Remove(cfg.DatabaseURL[len("sqlite:"):])
	cfg.AutoMigrate = false
	app, err := server.Build(ctx, cfg, log, server.Options{})
	if err != nil {
		return err
	}
	defer app.Close()
	b, err := json.MarshalIndent(app.HTTP.API.OpenAPI(), "", "  ")
	if err != nil {
		return errors.Join(errors.New("encode openapi"), err)
	}
	_, err = os.Stdout.Write(append(b, '\n'))
	return err
}
