#!/usr/bin/env bash
# Runs every check argmap has: formatting, vet, the Cypher lint and the Go
# tests. The packages with Neo4j tests (the store conformance suite, the HTTP
# end-to-end test, the copy round trip) run through scripts/test-neo4j.sh,
# against the bundled Neo4j launcher, or against ARGMAP_NEO4J_URI when set.
# The Argdown export is read back by the pinned Argdown CLI (scripts/argdown-check.sh).
# Needs Go, Node/npm, Java 17+ and Maven; installs the npm packages and the
# Maven dependencies itself. ARGMAP_TEST_NEO4J=off runs those packages without
# a server instead (their Neo4j tests then skip; CI never sets it).
#
# Go test results are cached between runs (go test's own cache, keyed on the
# test binary, its flags and the files and environment it reads), so a second
# run on a warm machine re-runs only what changed; ARGMAP_TEST_FRESH=1 runs
# every test again. Each go test step ends with the list of the tests that
# skipped and why (gotestsum, pinned below, run with go run), and the script
# ends with what the other steps skipped and the time each step took; a
# failing run says which step failed and still lists what was skipped.
#
# ARGMAP_TEST_QUICK=1 is for a quick check while working (about a minute on
# a warm machine, where the whole script takes about 20): gofmt, vet, the
# Cypher lint and every Go test, the Neo4j packages without a server (their
# Neo4j tests skip, and say so); the Argdown CLI, browser, schemathesis and
# faults steps are not run, and the script ends by listing them. CI never
# sets it; run the whole script before landing.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=""
[ -n "${ARGMAP_TEST_QUICK:-}" ] && quick=1
not_run=()    # steps ARGMAP_TEST_QUICK left out
step_skips="" # what the other steps said they skipped
logs=$(mktemp -d)
step=""      # the step running
step_start=0 # its start, in $SECONDS
timings=""   # "  NAME  Ns" per finished step
# begin ends the step running (noting its time) and starts the next one.
begin() {
	[ -n "$step" ] && timings+="  $step: $((SECONDS - step_start)) s"$'\n'
	step=$1
	step_start=$SECONDS
	echo "== $1"
}
# finish runs on exit: the time of every step, and when a step failed,
# which one, which steps it kept from running and what was skipped so far.
finish() {
	rc=$?
	rm -rf "$logs"
	[ -n "$step" ] && timings+="  $step: $((SECONDS - step_start)) s"$'\n'
	echo "=== Time per step (total $SECONDS s)"
	printf '%s' "$timings"
	if [ $rc -ne 0 ] && [ -n "$step" ]; then
		echo "=== FAILED in step: $step (exit $rc); the steps after it did not run"
		summary
	fi
}
trap finish EXIT
# summary prints what was not checked.
summary() {
	if [ -n "$step_skips" ]; then
		echo "=== Skipped by the steps above"
		printf '%s\n' "$step_skips"
	fi
	if [ ${#not_run[@]} -gt 0 ]; then
		echo "=== Not run (ARGMAP_TEST_QUICK=1): ${#not_run[@]} steps; run scripts/test.sh without it before landing"
		printf '  %s\n' "${not_run[@]}"
	fi
}

fresh=()
[ -n "${ARGMAP_TEST_FRESH:-}" ] && fresh=(-count=1)
gotest=(go run gotest.tools/gotestsum@v1.13.0 --format pkgname-and-test-fails --format-hide-empty-pkg --)

begin "gofmt"
unformatted=$(gofmt -l cmd internal api migrations scripts 2>/dev/null || true)
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

begin "go vet"
go vet ./...

begin "cypher lint"
bash scripts/cypher-lint.sh

if [ -n "$quick" ]; then
	not_run+=("argdown check: argmap's Argdown export read back by the Argdown CLI (scripts/argdown-check.sh)")
else
	begin "argdown check (argmap's Argdown export read back by the Argdown CLI 1.7.5)"
	bash scripts/argdown-check.sh | tee "$logs/argdown.log"
	step_skips+=$(grep -E '^skip |skipping' "$logs/argdown.log" | sed 's/^/  argdown check: /' || true)
fi

# The packages scripts/test-neo4j.sh runs; keep in step with its default.
neo4j_packages="./internal/neo4jstore/... ./internal/httpapi/... ./cmd/argmap/..."
neo4j_pattern='/internal/neo4jstore$|/internal/neo4jstore/|/internal/httpapi$|/internal/httpapi/|/cmd/argmap$|/cmd/argmap/'

begin "go test"
# shellcheck disable=SC2046 # one argument per package
"${gotest[@]}" "${fresh[@]}" -timeout 20m $(go list ./... | grep -Ev "$neo4j_pattern")

if [ "${ARGMAP_TEST_NEO4J:-}" = "off" ] || [ -n "$quick" ]; then
	begin "go test of the Neo4j packages without a server (ARGMAP_TEST_NEO4J=off or ARGMAP_TEST_QUICK=1: their Neo4j tests skip)"
	# shellcheck disable=SC2086
	"${gotest[@]}" "${fresh[@]}" -timeout 20m $neo4j_packages
else
	begin "go test with neo4j"
	# a fresh server each run: these always run (-count=1)
	# shellcheck disable=SC2086
	bash scripts/test-neo4j.sh --run "${gotest[@]}" -count=1 -p 1 -timeout 30m $neo4j_packages
fi

if [ -n "$quick" ]; then
	not_run+=("web app in a browser (scripts/test-webui.sh)"
		"API contract: schemathesis (scripts/schemathesis.sh)"
		"faults: SIGKILL during ingest; writers, readers and deleters (scripts/faults.sh)")
	summary
	exit 0
fi

begin "web app in a browser"
bash scripts/test-webui.sh

begin "API contract (schemathesis against a live server, with and without a token)"
bash scripts/schemathesis.sh

begin "faults (SIGKILL during ingest, concurrent writers, readers and deleters; short: scripts/faults.sh)"
bash scripts/faults.sh
summary
