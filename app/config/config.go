// Package config builds one validated Config from flags and SS_* environment
// variables. Flags win over the environment; nothing is global.
package config

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Config is everything the server needs to start.
type Config struct {
	Addr        string // SS_ADDR
	DatabaseURL string // SS_DATABASE_URL; empty means the SQLite file under ./data
	AutoMigrate bool   // SS_MIGRATE: run migrations at serve start

	SessionIdle     time.Duration // SS_SESSION_IDLE
	SessionAbsolute time.Duration // SS_SESSION_ABSOLUTE
	SecureCookies   bool          // SS_SECURE_COOKIES: set when served over HTTPS

	LoginRatePerMinute        int           // SS_LOGIN_RATE_PER_MINUTE, per client IP
	LoginAccountRatePerMinute int           // SS_LOGIN_ACCOUNT_RATE_PER_MINUTE, per tenant+username
	LockoutThreshold          int           // SS_LOCKOUT_THRESHOLD failed logins in a row
	LockoutDuration           time.Duration // SS_LOCKOUT_DURATION
	MinPasswordLength         int           // SS_MIN_PASSWORD_LENGTH

	PlatformUsername string // SS_PLATFORM_USERNAME, created by `demo` when missing
	PlatformPassword string // SS_PLATFORM_PASSWORD

	LogLevel string // SS_LOG_LEVEL: debug, info, warn, error

	// MaxConcurrentReads (SS_MAX_CONCURRENT_READS) is how many API reads run
	// at once; the rest wait in arrival order. 0 turns the limit off. The
	// default depends on the database (see defaultConcurrentReads).
	MaxConcurrentReads int
}

// Default returns the documented defaults.
func Default() Config {
	return Config{
		Addr:                      ":8080",
		AutoMigrate:               true,
		SessionIdle:               30 * time.Minute,
		SessionAbsolute:           12 * time.Hour,
		LoginRatePerMinute:        30,
		LoginAccountRatePerMinute: 10,
		LockoutThreshold:          5,
		LockoutDuration:           15 * time.Minute,
		MinPasswordLength:         8,
		PlatformUsername:          "operator",
		PlatformPassword:          "operator12345",
		LogLevel:                  "info",
		MaxConcurrentReads:        defaultConcurrentReads(""),
	}
}

// Load reads the environment, then flags from args.
func Load(fs *flag.FlagSet, args []string) (Config, error) {
	c := Default()
	var errs []error
	str := func(name string, dst *string) {
		if v, ok := os.LookupEnv(name); ok {
			*dst = v
		}
	}
	num := func(name string, dst *int) {
		if v, ok := os.LookupEnv(name); ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: not a whole number: %q", name, v))
				return
			}
			*dst = n
		}
	}
	dur := func(name string, dst *time.Duration) {
		if v, ok := os.LookupEnv(name); ok {
			d, err := time.ParseDuration(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: not a duration like 30m: %q", name, v))
				return
			}
			*dst = d
		}
	}
	boolean := func(name string, dst *bool) {
		if v, ok := os.LookupEnv(name); ok {
			b, err := strconv.ParseBool(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: want true or false: %q", name, v))
				return
			}
			*dst = b
		}
	}
	str("SS_ADDR", &c.Addr)
	str("SS_DATABASE_URL", &c.DatabaseURL)
	boolean("SS_MIGRATE", &c.AutoMigrate)
	dur("SS_SESSION_IDLE", &c.SessionIdle)
	dur("SS_SESSION_ABSOLUTE", &c.SessionAbsolute)
	boolean("SS_SECURE_COOKIES", &c.SecureCookies)
	num("SS_LOGIN_RATE_PER_MINUTE", &c.LoginRatePerMinute)
	num("SS_LOGIN_ACCOUNT_RATE_PER_MINUTE", &c.LoginAccountRatePerMinute)
	num("SS_LOCKOUT_THRESHOLD", &c.LockoutThreshold)
	dur("SS_LOCKOUT_DURATION", &c.LockoutDuration)
	num("SS_MIN_PASSWORD_LENGTH", &c.MinPasswordLength)
	str("SS_PLATFORM_USERNAME", &c.PlatformUsername)
	str("SS_PLATFORM_PASSWORD", &c.PlatformPassword)
	str("SS_LOG_LEVEL", &c.LogLevel)
	num("SS_MAX_CONCURRENT_READS", &c.MaxConcurrentReads)
	if len(errs) > 0 {
		return c, errors.Join(errs...)
	}
	if fs != nil {
		fs.StringVar(&c.Addr, "addr", c.Addr, "listen address (SS_ADDR)")
		fs.StringVar(&c.DatabaseURL, "database-url", c.DatabaseURL, "sqlite:<path> or postgres://… (SS_DATABASE_URL)")
		fs.BoolVar(&c.AutoMigrate, "migrate", c.AutoMigrate, "run migrations at start (SS_MIGRATE)")
		if err := fs.Parse(args); err != nil {
			return c, err
		}
	}
	if _, set := os.LookupEnv("SS_MAX_CONCURRENT_READS"); !set {
		c.MaxConcurrentReads = defaultConcurrentReads(c.DatabaseURL)
	}
	return c, c.Validate()
}

// defaultConcurrentReads: on SQLite a read is CPU work inside this process,
// so one per CPU keeps every CPU busy and leaves the queue in arrival order
// (more at once only interleave them, and the last finishes later); on
// PostgreSQL a read mostly waits for the database server, so more overlap.
func defaultConcurrentReads(databaseURL string) int {
	if strings.HasPrefix(databaseURL, "postgres://") || strings.HasPrefix(databaseURL, "postgresql://") {
		return 4 * runtime.GOMAXPROCS(0)
	}
	return runtime.GOMAXPROCS(0)
}

// Validate reports every bad setting at once.
func (c Config) Validate() error {
	var errs []error
	if c.Addr == "" {
		errs = append(errs, errors.New("SS_ADDR must not be empty"))
	}
	if c.SessionIdle <= 0 || c.SessionAbsolute < c.SessionIdle {
		errs = append(errs, errors.New("SS_SESSION_IDLE must be > 0 and ≤ SS_SESSION_ABSOLUTE"))
	}
	if c.LoginRatePerMinute < 1 || c.LoginAccountRatePerMinute < 1 {
		errs = append(errs, errors.New("login rate limits must be ≥ 1 per minute"))
	}
	if c.LockoutThreshold < 1 || c.LockoutDuration <= 0 {
		errs = append(errs, errors.New("SS_LOCKOUT_THRESHOLD must be ≥ 1 and SS_LOCKOUT_DURATION > 0"))
	}
	if c.MaxConcurrentReads < 0 {
		errs = append(errs, errors.New("SS_MAX_CONCURRENT_READS must be ≥ 0 (0: no limit)"))
	}
	if c.MinPasswordLength < 8 {
		errs = append(errs, errors.New("SS_MIN_PASSWORD_LENGTH must be ≥ 8"))
	}
	return errors.Join(errs...)
}
