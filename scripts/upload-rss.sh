#!/usr/bin/env bash
# Peak memory (VmHWM) of a real server around one upload, for issue 14's bound: any upload within
# the size limit keeps the server under 200 MB. Usage:
#   scripts/upload-rss.sh bin/servicestar FILE [API path, default /api/v1/users/import]
# Runs `demo` and `serve` on a throw-away SQLite file, signs in as the demo admin, posts FILE as a
# dry run and prints the peak resident memory before and after.
set -euo pipefail
bin=$1 file=$2 path=${3:-/api/v1/users/import}
port=${RSS_PORT:-18127}
tmp=$(mktemp -d)
export SS_DATABASE_URL="sqlite:$tmp/rss.db" SS_ADDR="127.0.0.1:$port" SS_LOG_LEVEL=error
export SS_LOGIN_RATE_PER_MINUTE=10000 SS_LOGIN_ACCOUNT_RATE_PER_MINUTE=10000
"$bin" demo >/dev/null
"$bin" serve >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 150); do curl -sf -m 2 "http://$SS_ADDR/readyz" >/dev/null && break; sleep 0.2; done
grep VmHWM /proc/$pid/status | sed 's/^/before the upload: /'
curl -s -c "$tmp/jar" -H 'Content-Type: application/json' \
  -d '{"tenant":"demo","username":"admin","password":"demo12345"}' "http://$SS_ADDR/api/v1/auth/login" >/dev/null
csrf=$(awk '$6=="ss_csrf"{print $7}' "$tmp/jar")
curl -s -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -F "file=@$file" -o /dev/null -w 'answer: %{http_code}\n' \
  "http://$SS_ADDR$path?dry_run=true"
grep VmHWM /proc/$pid/status | sed 's/^/after the upload: /'
