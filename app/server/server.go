// Package server builds the running application from a Config: database,
// authorizer, services and HTTP routes.
package server

import (
	"context"
	"io/fs"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/auth"
	"github.com/servicestar/servicestar/app/auth/secretbox"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/awards"
	"github.com/servicestar/servicestar/app/careers"
	"github.com/servicestar/servicestar/app/cases"
	"github.com/servicestar/servicestar/app/config"
	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/jobs"
	"github.com/servicestar/servicestar/app/kpi"
	"github.com/servicestar/servicestar/app/mfa"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/readlog"
	"github.com/servicestar/servicestar/app/retention"
	"github.com/servicestar/servicestar/app/session"
	"github.com/servicestar/servicestar/app/sso"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/suggestions"
	"github.com/servicestar/servicestar/app/training/assignments"
	"github.com/servicestar/servicestar/app/training/attempts"
	"github.com/servicestar/servicestar/app/training/library"
	"github.com/servicestar/servicestar/app/web"
	"github.com/servicestar/servicestar/frontend"
)

// App is a built application.
type App struct {
	Cfg         config.Config
	DB          *store.DB
	Authz       *authz.Authz
	Org         *org.Service
	Library     *library.Service
	Attempts    *attempts.Service
	Assignments *assignments.Service
	Feedback    *feedback.Service
	Cases       *cases.Service
	KPI         *kpi.Service
	Awards      *awards.Service
	Jobs        *jobs.Engine // started by serve, not by Build
	// Reads records looks at other people's personal data, written in
	// batches; Close writes what is pending.
	Reads *readlog.Recorder
	HTTP  *web.Server
	// Modules are the areas in wiring order; RoutesOf names the API
	// operations ("GET /api/v1/users") each one registered.
	Modules  []module.Module
	RoutesOf map[string][]string
	Log      *slog.Logger
	Now      func() time.Time
}

// Options beyond Config, mostly for tests.
type Options struct {
	Now func() time.Time // injected clock; time.Now when nil
	SPA fs.FS            // frontend files; the embedded build when nil
}

// Build opens the database (migrating it when configured) and wires everything.
func Build(ctx context.Context, cfg config.Config, log *slog.Logger, o Options) (*App, error) {
	db, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.AutoMigrate {
		if err := db.Migrate(ctx); err != nil {
			_ = db.Close()
			return nil, err
		}
	}
	return Wire(db, cfg, log, o)
}

// Wire builds the app on an open, migrated database.
func Wire(db *store.DB, cfg config.Config, log *slog.Logger, o Options) (*App, error) {
	now := o.Now
	if now == nil {
		now = time.Now
	}
	az, err := authz.New(db.R)
	if err != nil {
		return nil, err
	}
	guard := access.Guard{Authz: az}
	sessions := &session.Sessions{DB: db, Now: now, Idle: cfg.SessionIdle, Absolute: cfg.SessionAbsolute}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	srv := web.New(web.Options{
		Log: log, Sessions: sessions, Registry: reg,
		Ready:                     func() error { return db.Ping(context.Background()) },
		LoginAttempts:             &auth.Attempts{DB: db, Now: now},
		LoginRatePerMinute:        cfg.LoginRatePerMinute,
		MaxConcurrentReads:        cfg.MaxConcurrentReads,
		LoginAccountRatePerMinute: cfg.LoginAccountRatePerMinute,
		StreamedPaths:             []string{feedback.UploadPath, org.UsersImportPath, org.BranchesImportPath},
	})
	orgSvc := &org.Service{DB: db, Guard: guard, Now: now, MinPasswordLength: cfg.MinPasswordLength,
		LockoutThreshold: cfg.LockoutThreshold, LockoutDuration: cfg.LockoutDuration,
		Operator: func(ctx context.Context) (string, error) {
			op, err := auth.MustOperator(ctx)
			if err != nil {
				return "", err
			}
			return op.Username, nil
		}}
	authH := &auth.Handlers{DB: db, Sessions: sessions, Authz: az, SecureCookies: cfg.SecureCookies,
		MinPasswordLength: cfg.MinPasswordLength, Cookie: web.SessionCookie, PlatformCookie: web.PlatformCookie, CSRFCookie: web.CSRFCookie,
		Login: &auth.Login{DB: db, Now: now, LockoutThreshold: cfg.LockoutThreshold, LockoutDuration: cfg.LockoutDuration}}
	secondFactor := &mfa.Service{DB: db, Guard: guard, Now: now, Org: orgSvc, Issuer: "ServiceStar",
		Defaults: org.PolicyDefaults{MinPasswordLength: cfg.MinPasswordLength, LockoutThreshold: cfg.LockoutThreshold, LockoutDuration: cfg.LockoutDuration}}
	authH.MFA = secondFactor
	// TOTP seeds and SSO secrets are sealed at rest under the server's key;
	// plaintext an older version stored is sealed now, before any sign-in.
	migrated := db.W.Migrator().HasTable("mfa_totp")
	box, err := secretbox.ForDatabase(cfg.DatabaseURL, migrated)
	if err != nil {
		return nil, err
	}
	secondFactor.Box = box
	single := &sso.Service{DB: db, Guard: guard, Now: now, Sessions: authH, Log: log, SecureCookies: cfg.SecureCookies, Box: box}
	if migrated {
		if err := secondFactor.SealStored(context.Background()); err != nil {
			return nil, err
		}
		if err := single.SealStored(context.Background()); err != nil {
			return nil, err
		}
	}
	catalogue := &library.Catalogue{DB: db}
	lib := &library.Service{DB: db, Guard: guard, Now: now, Catalogue: catalogue}
	assign := &assignments.Service{DB: db, Guard: guard, Now: now, Catalogue: catalogue}
	play := &attempts.Service{DB: db, Guard: guard, Now: now, Catalogue: catalogue, Drafts: lib, Completions: assign}
	orgSvc.Placed = assign.JoinOpenAssignments // newcomers join open programmes
	bell := &notify.Service{DB: db, Now: now}

	// The areas, in the order their demo data builds on each other.
	engine := jobs.New(db, jobs.Options{Log: log, Now: now})
	reads := readlog.New(db, now, log, 2*time.Second)
	// Looks at another person's attempts, feedback, KPI results and profile are recorded.
	orgSvc.Reads, play.Reads = reads, reads
	fb := &feedback.Service{DB: db, Guard: guard, Now: now, Jobs: engine, Staff: orgSvc, Reads: reads}
	fb.RegisterJobs(engine)
	kpiSvc := &kpi.Service{DB: db, Guard: guard, Now: now, Feedback: feedback.Stats{DB: db}, Scores: play, Done: assign, Reads: reads}
	kpiSvc.Cases = cases.Stats{DB: db} // case-study sessions attended count as training done
	kpiSvc.Register(engine)
	fb.Changed = kpiSvc.Changed // ingest and appeal decisions queue the touched periods' recompute
	caseSvc := &cases.Service{DB: db, Guard: guard, Now: now, Scenarios: lib}
	// Awards read KPI results, complaints, scenario passes and published cases.
	awardSvc := &awards.Service{DB: db, Guard: guard, Now: now, KPI: kpi.Facts{DB: db}, Feedback: feedback.Stats{DB: db}, Passes: play, Cases: cases.Stats{DB: db}}
	// careers measures requirements against the other areas' facts.
	ideas := &suggestions.Service{DB: db, Guard: guard, Now: now}
	ladder := &careers.Service{DB: db, Guard: guard, Now: now, KPI: kpi.Facts{DB: db}, Certifications: play, Suggestions: suggestions.Stats{DB: db}}
	ladder.Awards, ladder.Cases = awards.Stats{DB: db}, cases.Stats{DB: db}
	mods := []module.Module{
		authH.Module(),
		orgSvc.Module(),
		secondFactor.Module(),
		(&audit.Handlers{DB: db, Guard: guard, Now: now}).Module(),
		bell.Module(),
		lib.Module(),
		assign.Module(),
		play.Module(),
		fb.Module(),
		kpiSvc.Module(),
		caseSvc.Module(),
		awardSvc.Module(),
		ideas.Module(),
		ladder.Module(),
		(&retention.Service{DB: db, Guard: guard, Now: now}).Module(),
		(&jobs.Handlers{DB: db, Guard: guard}).Module(),
		(&readlog.Handlers{DB: db, Guard: guard}).Module(),
		single.Module(),
	}
	routesOf, err := registerRoutes(srv.API, mods)
	if err != nil {
		return nil, err
	}
	for _, m := range mods {
		for _, p := range m.Periodic {
			engine.Periodic(m.Name+"."+p.Name, p.Every, p.Run)
		}
	}

	spa := o.SPA
	if spa == nil {
		sub, err := fs.Sub(frontend.Dist, "dist")
		if err != nil {
			return nil, err
		}
		spa = sub
	}
	srv.Finish(spa)
	return &App{Cfg: cfg, DB: db, Authz: az, Org: orgSvc, Library: lib, Attempts: play, Assignments: assign, Feedback: fb, Cases: caseSvc, KPI: kpiSvc, Awards: awardSvc, Jobs: engine, Reads: reads,
		HTTP: srv, Log: log, Now: now, Modules: mods, RoutesOf: routesOf}, nil
}

// Close writes the pending read log and releases the database.
func (a *App) Close() error {
	if err := a.Reads.Flush(context.Background()); err != nil && a.Log != nil {
		a.Log.Error("personal-data read log: last batch not written", "err", err)
	}
	return a.DB.Close()
}
