#!/usr/bin/env bash
# Builds govulncheck's vulnerability database in OUTDIR from golang.org/x/vulndb
# as the Go module proxy serves it (its OSV files and its own indexer), for
# machines that reach the proxy but not vuln.go.dev. The proxy's copy can be a
# few weeks behind the live database.
set -euo pipefail
out=${1:?usage: scripts/vulndb.sh OUTDIR}
ver=$(go list -m -json golang.org/x/vulndb@latest | sed -n 's/^[[:space:]]*"Version": "\(.*\)",*$/\1/p')
dir=$(go mod download -json "golang.org/x/vulndb@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
rm -rf "$out"
go run "golang.org/x/vulndb/cmd/indexdb@$ver" -vulns "$dir/data/osv" -out "$out"
echo "vulndb: golang.org/x/vulndb@$ver → $out" >&2
