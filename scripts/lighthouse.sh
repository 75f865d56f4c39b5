#!/usr/bin/env bash
# Lighthouse (frontend/node_modules, pinned) with Debian's chromium against a throw-away demo
# ServiceStar: the sign-in page, the employee's home, a scenario in play and the manager's home,
# each with the desktop preset and with mobile throttling. Writes one line per page and preset
# (performance, accessibility, best practices, SEO) to $LH_OUT (default bin/lighthouse.tsv)
# and prints it. Targets (issue 15): accessibility >= 98 and best practices 100 everywhere,
# performance >= 90 desktop and >= 70 mobile. Needs bin/servicestar (make build), curl, node.
# LH_PAGES="sign-in manager-home" measures only those pages, LH_PRESETS=mobile only that preset; LH_JSON_DIR keeps each full report
# (network requests, boot-up time, the largest contentful paint's element) there.
set -euo pipefail
cd "$(dirname "$0")/.."
chrome=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$chrome" ] || { echo "lighthouse: no chromium at $chrome (set CHROME_PATH)" >&2; exit 1; }
[ -x bin/servicestar ] || { echo "lighthouse: no bin/servicestar; run make build first" >&2; exit 1; }
[ -x frontend/node_modules/.bin/lighthouse ] || { echo "lighthouse: run npm ci in frontend first" >&2; exit 1; }
out=${LH_OUT:-bin/lighthouse.tsv}
mkdir -p "$(dirname "$out")"
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT

port=${LH_PORT:-18190}
export SS_DATABASE_URL="sqlite:$tmp/lh.db" SS_ADDR="127.0.0.1:$port" SS_LOG_LEVEL=error
export SS_LOGIN_RATE_PER_MINUTE=1000 SS_LOGIN_ACCOUNT_RATE_PER_MINUTE=1000
url="http://127.0.0.1:$port"
./bin/servicestar demo >/dev/null
./bin/servicestar serve 2>"$tmp/serve.log" &
for _ in $(seq 1 150); do curl -sf -m 2 "$url/readyz" >/dev/null && break; sleep 0.2; done
curl -sf -m 2 "$url/readyz" >/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }

# sign_in USER: the Cookie header of a fresh session (session and CSRF cookies).
sign_in() {
  curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"demo\",\"username\":\"$1\",\"password\":\"demo12345\"}" "$url/api/v1/auth/login" |
    sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | paste -sd';' | sed 's/;/; /g'
}
emp=$(sign_in emp.south.1)
mgr=$(sign_in mgr.north)
[ -n "$emp" ] && [ -n "$mgr" ] || { echo "lighthouse: demo sign-in failed" >&2; exit 1; }
csrf=$(sed -n 's/.*ss_csrf=\([^;]*\).*/\1/p' <<<"$emp")
attempt=$(curl -sf -H "Cookie: $emp" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"scenario_id":"conservative-wants-high-yield"}' "$url/api/v1/training/attempts" |
  node -e 'let d = ""; process.stdin.on("data", (c) => (d += c)).on("end", () => console.log(JSON.parse(d).id ?? ""))')
[ -n "$attempt" ] || { echo "lighthouse: could not start a scenario" >&2; exit 1; }

# run NAME PATH COOKIE: both presets for one page, one line each.
run() {
  local name=$1 path=$2 cookie=$3 preset
  [ -z "${LH_PAGES:-}" ] || [[ " $LH_PAGES " == *" $name "* ]] || return 0
  for preset in ${LH_PRESETS:-desktop mobile}; do
    local flags=()
    [ "$preset" = desktop ] && flags+=(--preset=desktop)
    # The session goes into the browser's cookie jar (the app reads its CSRF cookie to know it is
    # signed in); a Cookie header alone measured every page as the sign-in page.
    LH_CDP_PORT=$((port + 1)) node --experimental-websocket frontend/scripts/lighthouse-signed-in.mjs "$chrome" "$cookie" "$url$path" \
      "${flags[@]}" --quiet --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$tmp/$name-$preset.json" >/dev/null 2>"$tmp/lh.log" ||
      { cat "$tmp/lh.log" >&2; exit 1; }
    # A page that needs a session must not have been sent to the sign-in page.
    [ -z "$cookie" ] || node -e '
      const r = require(process.argv[1])
      if (new URL(r.finalDisplayedUrl).pathname === "/login") { console.error(`lighthouse: ${process.argv[2]} ended on the sign-in page`); process.exit(1) }
    ' "$tmp/$name-$preset.json" "$name"
    node -e '
      const r = require(process.argv[1]); const c = r.categories
      const s = (k) => Math.round(c[k].score * 100)
      const failing = Object.values(r.audits).filter((a) => a.score !== null && a.score < 1 && ["accessibility", "best-practices"].some((k) => c[k].auditRefs.some((x) => x.id === a.id && x.weight > 0))).map((a) => a.id)
      console.log([process.argv[2], process.argv[3], s("performance"), s("accessibility"), s("best-practices"), s("seo"), failing.join(",") || "-"].join("\t"))
    ' "$tmp/$name-$preset.json" "$name" "$preset" >>"$tmp/scores.tsv"
    [ -z "${LH_JSON_DIR:-}" ] || { mkdir -p "$LH_JSON_DIR" && cp "$tmp/$name-$preset.json" "$LH_JSON_DIR/"; }
  done
}
run sign-in /login ""
run employee-home / "$emp"
run scenario "/training/attempts/$attempt" "$emp"
run manager-home / "$mgr"

{
  printf 'page\tpreset\tperformance\taccessibility\tbest-practices\tseo\tfailing a11y/bp audits\n'
  cat "$tmp/scores.tsv"
} >"$out"
cat "$out"
