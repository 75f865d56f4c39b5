#!/usr/bin/env bash
# Measures an authenticated, authorized JSON read (session lookup + casbin
# check + one indexed query) with wrk at 64 connections on loopback, beside a
# bare Fiber JSON handler, then the Go micro-benchmarks. Prints markdown for
# BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "bench: install wrk (apt-get install wrk)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/barefiber" ./scripts/barefiber
export SS_DATABASE_URL="sqlite:$tmp/bench.db" SS_ADDR=127.0.0.1:18181 SS_LOG_LEVEL=error
export SS_LOGIN_RATE_PER_MINUTE=1000 SS_LOGIN_ACCOUNT_RATE_PER_MINUTE=1000
./bin/servicestar demo >/dev/null
./bin/servicestar serve 2>"$tmp/serve.log" &
"$tmp/barefiber" 127.0.0.1:18182 &
for _ in $(seq 1 50); do curl -sf http://127.0.0.1:18181/readyz >/dev/null && curl -sf http://127.0.0.1:18182/json >/dev/null && break; sleep 0.2; done
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"tenant":"demo","username":"mgr.north","password":"demo12345"}' http://127.0.0.1:18181/api/v1/auth/login |
  sed -n 's/^[Ss]et-[Cc]ookie: \(ss_session=[^;]*\).*/\1/p')
dur=${BENCH_SECONDS:-15}
echo "## HTTP ($(date -u +%F), $(nproc) cores, $(go version | cut -d' ' -f3), wrk -t2 -c64 -d${dur}s --latency)"
echo
echo '```'
echo "# authenticated GET /api/v1/branches as mgr.north (SQLite)"
wrk -t2 -c64 -d2s -H "Cookie: $cookie" http://127.0.0.1:18181/api/v1/branches >/dev/null # warm-up: caches, prepared statements
wrk -t2 -c64 -d"${dur}s" --latency -H "Cookie: $cookie" http://127.0.0.1:18181/api/v1/branches | tee "$tmp/ss.txt"
echo "# bare Fiber JSON handler"
wrk -t2 -c64 -d"${dur}s" --latency http://127.0.0.1:18182/json | tee "$tmp/bare.txt"
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
  # An empty PostgreSQL database: demo seeds it, then the same read is measured.
  SS_DATABASE_URL="$BENCH_POSTGRES_URL" ./bin/servicestar demo >/dev/null
  SS_DATABASE_URL="$BENCH_POSTGRES_URL" SS_ADDR=127.0.0.1:18183 ./bin/servicestar serve 2>"$tmp/serve-pg.log" &
  for _ in $(seq 1 50); do curl -sf http://127.0.0.1:18183/readyz >/dev/null && break; sleep 0.2; done
  pgcookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"tenant":"demo","username":"mgr.north","password":"demo12345"}' http://127.0.0.1:18183/api/v1/auth/login |
    sed -n 's/^[Ss]et-[Cc]ookie: \(ss_session=[^;]*\).*/\1/p')
  echo "# the same read on PostgreSQL (BENCH_POSTGRES_URL)"
  wrk -t2 -c64 -d2s -H "Cookie: $pgcookie" http://127.0.0.1:18183/api/v1/branches >/dev/null
  wrk -t2 -c64 -d"${dur}s" --latency -H "Cookie: $pgcookie" http://127.0.0.1:18183/api/v1/branches
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
