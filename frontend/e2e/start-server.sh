#!/usr/bin/env bash
# Starts a throw-away ServiceStar for the browser tests: a fresh SQLite file in a temp dir,
# seeded with the demo tenants. Builds nothing: expects the binary at $SS_BIN.
set -euo pipefail
cd "$(dirname "$0")/.."

SS_BIN="${SS_BIN:-../bin/servicestar}"
if [[ ! -x "$SS_BIN" ]]; then
  echo "start-server: no executable at SS_BIN=$SS_BIN (run: go build -o bin/servicestar ./app)" >&2
  exit 1
fi
SS_BIN="$(cd "$(dirname "$SS_BIN")" && pwd)/$(basename "$SS_BIN")"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

export SS_DATABASE_URL="sqlite:$tmp/e2e.db"
export SS_ADDR="127.0.0.1:${SS_E2E_PORT:-18080}"
export SS_LOGIN_RATE_PER_MINUTE=10000
export SS_LOGIN_ACCOUNT_RATE_PER_MINUTE=10000

"$SS_BIN" demo
# Not exec: the EXIT trap removes the temp dir once the server stops.
"$SS_BIN" serve &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM
wait "$pid"
