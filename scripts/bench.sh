#!/usr/bin/env bash
# Measures an authenticated, authorized JSON read (session lookup + casbin
# check + one indexed query) with wrk at 64 connections on loopback, beside a
# bare Fiber JSON handler, then the Go micro-benchmarks. Prints markdown for
# BENCHMARKS.md. Needs wrk and curl; `make bench` builds bin/servicestar first.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || {
  echo "bench: wrk (the HTTP load generator) is not installed; install it first (Debian/Ubuntu: apt-get install wrk)" >&2
  exit 1
}
command -v curl >/dev/null || { echo "bench: curl is not installed (apt-get install curl)" >&2; exit 1; }
[ -x bin/servicestar ] || { echo "bench: no bin/servicestar; run make bench, which builds it" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT

# free_port prints a loopback port where nothing listens (a connection is refused).
free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "bench: found no free port" >&2
  return 1
}

# await_own PORT PID NAME waits until process PID answers /healthz on PORT.
# Another process taking the port between free_port and the start would
# otherwise be what wrk measures: its /healthz names another pid, or none.
await_own() {
  local port=$1 pid=$2 name=$3 body got
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || { echo "bench: $name (pid $pid) exited before serving on port $port" >&2; return 1; }
    if body=$(curl -s -m 2 "http://127.0.0.1:$port/healthz"); then
      got=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' <<<"$body")
      [ "$got" = "$pid" ] && return 0
      echo "bench: port $port is answered by ${got:+process }${got:-something else}, not by $name (pid $pid)" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "bench: $name (pid $pid) did not answer on port $port" >&2
  return 1
}

go build -o "$tmp/barefiber" ./scripts/barefiber
ss_port=$(free_port)
export SS_DATABASE_URL="sqlite:$tmp/bench.db" SS_ADDR="127.0.0.1:$ss_port" SS_LOG_LEVEL=error
export SS_LOGIN_RATE_PER_MINUTE=1000 SS_LOGIN_ACCOUNT_RATE_PER_MINUTE=1000
ss_url="http://127.0.0.1:$ss_port"
./bin/servicestar demo >/dev/null
./bin/servicestar serve 2>"$tmp/serve.log" &
await_own "$ss_port" $! ServiceStar || { cat "$tmp/serve.log" >&2; exit 1; }
bare_port=$(free_port)
bare_url="http://127.0.0.1:$bare_port"
"$tmp/barefiber" "127.0.0.1:$bare_port" &
await_own "$bare_port" $! barefiber
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"tenant":"demo","username":"mgr.north","password":"demo12345"}' "$ss_url/api/v1/auth/login" |
  sed -n 's/^[Ss]et-[Cc]ookie: \(ss_session=[^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "bench: sign-in as mgr.north failed" >&2; exit 1; }
dur=${BENCH_SECONDS:-15}
echo "## HTTP ($(date -u +%F), $(nproc) cores, $(go version | cut -d' ' -f3), wrk -t2 -c64 -d${dur}s --latency)"
echo
echo '```'
echo "# authenticated GET /api/v1/branches as mgr.north (SQLite)"
wrk -t2 -c64 -d2s -H "Cookie: $cookie" "$ss_url/api/v1/branches" >/dev/null # warm-up: caches, prepared statements
wrk -t2 -c64 -d"${dur}s" --latency -H "Cookie: $cookie" "$ss_url/api/v1/branches" | tee "$tmp/ss.txt"
echo "# bare Fiber JSON handler"
wrk -t2 -c64 -d"${dur}s" --latency "$bare_url/json" | tee "$tmp/bare.txt"
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
  # An empty PostgreSQL database: demo seeds it, then the same read is measured.
  export SS_SECRET_KEY="${SS_SECRET_KEY:-$(head -c 32 /dev/urandom | base64)}" # PostgreSQL needs one (docs/SIGN_IN.md)
  SS_DATABASE_URL="$BENCH_POSTGRES_URL" ./bin/servicestar demo >/dev/null
  pg_port=$(free_port)
  pg_url="http://127.0.0.1:$pg_port"
  SS_DATABASE_URL="$BENCH_POSTGRES_URL" SS_ADDR="127.0.0.1:$pg_port" ./bin/servicestar serve 2>"$tmp/serve-pg.log" &
  await_own "$pg_port" $! "ServiceStar on PostgreSQL" || { cat "$tmp/serve-pg.log" >&2; exit 1; }
  pgcookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"tenant":"demo","username":"mgr.north","password":"demo12345"}' "$pg_url/api/v1/auth/login" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(ss_session=[^;]*\).*/\1/p')
  [ -n "$pgcookie" ] || { echo "bench: sign-in as mgr.north on PostgreSQL failed" >&2; exit 1; }
  echo "# the same read on PostgreSQL (BENCH_POSTGRES_URL)"
  wrk -t2 -c64 -d2s -H "Cookie: $pgcookie" "$pg_url/api/v1/branches" >/dev/null
  wrk -t2 -c64 -d"${dur}s" --latency -H "Cookie: $pgcookie" "$pg_url/api/v1/branches"
fi
echo '```'
ss=$(awk '/Requests\/sec/{print $2}' "$tmp/ss.txt"); bare=$(awk '/Requests\/sec/{print $2}' "$tmp/bare.txt")
echo
echo "ServiceStar / bare Fiber throughput: $(awk -v a="$ss" -v b="$bare" 'BEGIN{printf "%.2f", a/b}')"
echo
[ -n "${BENCH_HTTP_ONLY:-}" ] && exit 0
echo "## Go benchmarks (go test -bench . -benchmem -run '^\$' ./app/authz/ ./app/training/ ./app/server/ ./scenarios/)"
echo '```'
go test -run '^$' -bench . -benchmem ./app/authz/ ./app/training/ ./app/server/ ./scenarios/ 2>&1 | grep -E '^(Benchmark|ok|goos|cpu)' || true
echo '```'
echo
echo "## Areas at a bank's scale (500 branches, 10,000 staff): feedback ingest, KPI recompute and dashboards, award rules"
echo '```'
FEEDBACK_BENCH_ROWS="${FEEDBACK_BENCH_ROWS:-100000}" go test -run '^$' -bench IngestCSV -benchtime 1x ./app/feedback/ 2>&1 | grep -E '^(Benchmark|ok)' || true
SS_KPI_SCALE=1 go test -count=1 -run KPIScale -v ./app/kpi/ 2>&1 | grep -E 'p50|p95|generated|recompute|^ok' || true
go test -run '^$' -bench AwardEvaluate -benchtime 1x ./app/awards/ 2>&1 | grep -E '^(Benchmark|ok)' || true
go test -run '^$' -bench NextLevelProgress -benchtime 200x ./app/careers/ 2>&1 | grep -E '^(Benchmark|ok)' || true
go test -run '^$' -bench CaseSearch -benchtime 200x ./app/cases/ 2>&1 | grep -E '^(Benchmark|ok|    )' || true
echo '```'
