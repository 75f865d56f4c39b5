# ServiceStar — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
BIN := bin/servicestar
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Build with the toolchain go.mod names (a patched standard library), fetched
# from the Go module proxy when the installed Go is older.
export GOTOOLCHAIN ?= auto
export SS_ADDR ?= :8080

.PHONY: run build frontend go-build test test-go lint-go test-frontend test-e2e bench fuzz openapi vuln clean
.PHONY: lint check-generated

## run: install, build, migrate + seed the demo data (empty database only), serve on SS_ADDR
run:
	@[ -x $(BIN) ] && [ -f frontend/node_modules/.installed ] || \
	  echo "make run: first build. It fetches the Go toolchain go.mod names (when the installed Go is older), the Go modules and the npm packages, then compiles everything cold: expect 10 minutes or more on a small machine, with long silences. Later runs take seconds."
	@$(MAKE) --no-print-directory build
	./$(BIN) demo
	@addr="$(SS_ADDR)"; host="$${addr%:*}"; case "$$host" in ""|0.0.0.0|"[::]") host=localhost;; esac; \
	  echo "ServiceStar: http://$$host:$${addr##*:}  (Ctrl-C stops it)"
	./$(BIN) serve

build: frontend go-build

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend: frontend/node_modules/.installed
	cd frontend && npm run build

go-build:
	go build -o $(BIN) ./app

## test: every test — Go (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), frontend unit tests, browser journeys
test: build test-go test-frontend test-e2e

test-go: lint-go
	go test -count=1 ./...

## lint-go: go vet and staticcheck (pinned), both clean
lint-go:
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

test-frontend: frontend/node_modules/.installed check-generated
	cd frontend && npm run lint
	cd frontend && npm run test:unit

## lint: ESLint over the frontend (also run by test-frontend)
lint: frontend/node_modules/.installed
	cd frontend && npm run lint

## check-generated: app/web/openapi.json and frontend/src/api/schema.d.ts are what the binary and gen:api write (make openapi refreshes them)
check-generated: go-build frontend/node_modules/.installed
	bash scripts/check-generated.sh

test-e2e: build
	go build -o bin/testop ./app/sso/testop/cmd # the OpenID Provider sso.spec.ts starts
	cd frontend && SS_BIN=../$(BIN) npm run test:e2e

## bench: throughput and latency figures for BENCHMARKS.md (needs wrk: apt-get install wrk)
bench:
	@command -v wrk >/dev/null || { echo "make bench needs wrk, the HTTP load generator (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
	@$(MAKE) --no-print-directory go-build
	bash scripts/bench.sh
	bash scripts/lighthouse.sh

## fuzz: run each fuzz target for 60 s
fuzz:
	go test ./scenarios/ -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 60s -fuzzminimizetime 5s
	go test ./scenarios/ -run '^$$' -fuzz '^FuzzAnswer$$' -fuzztime 60s -fuzzminimizetime 5s
	go test ./scenarios/ -run '^$$' -fuzz '^FuzzFastParse$$' -fuzztime 60s -fuzzminimizetime 5s

## openapi: refresh the committed OpenAPI document and the frontend's generated client types
openapi: go-build
	./$(BIN) openapi > app/web/openapi.json
	cd frontend && npm run gen:api

## vuln: govulncheck against vuln.go.dev, or, where that is unreachable, a database built from the module proxy (scripts/vulndb.sh)
vuln:
	@db=""; if ! curl -sf -m 5 -o /dev/null https://vuln.go.dev/index/db.json; then \
	  db="$(CURDIR)/.vulndb"; [ -f "$$db/index/db.json" ] || bash scripts/vulndb.sh "$$db"; fi; \
	go run golang.org/x/vuln/cmd/govulncheck@v1.1.4 $${db:+-db file://$$db} ./...

clean:
	rm -rf bin frontend/node_modules
