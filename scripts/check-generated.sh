#!/usr/bin/env bash
# Fails when the committed OpenAPI document (app/web/openapi.json) or the frontend's client
# types (frontend/src/api/schema.d.ts) are not what the code makes of them: the binary's
# `openapi` command, and the frontend's generator (`npm run gen:api`) run on its output.
# `make openapi` refreshes both. Expects the binary at SS_BIN (default bin/servicestar).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${SS_BIN:-bin/servicestar}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" openapi >"$tmp/openapi.json"
status=0
if ! cmp -s "$tmp/openapi.json" app/web/openapi.json; then
  echo "check-generated: app/web/openapi.json is not what \`$bin openapi\` writes; run \`make openapi\` and commit both files:" >&2
  diff -u app/web/openapi.json "$tmp/openapi.json" | head -40 >&2 || true
  status=1
fi
(cd frontend && npm run --silent gen:api -- --check --input "$tmp/openapi.json") || status=1
[ "$status" -eq 0 ] && echo "check-generated: app/web/openapi.json and frontend/src/api/schema.d.ts are up to date"
exit "$status"
