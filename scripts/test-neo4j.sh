#!/usr/bin/env bash
# test-neo4j.sh runs argmap's Neo4j tests — the store conformance suite
# (internal/neo4jstore), the HTTP end-to-end test (internal/httpapi) and the
# copy round trip (cmd/argmap) — against a Neo4j 5 server.
#
# Without ARGMAP_NEO4J_URI it starts the bundled launcher (scripts/neo4j-server:
# Neo4j Community 5.26 embedded, built with Maven on first use) on a free
# loopback port with a fresh data directory and a test password, waits until
# Bolt answers, runs the tests, then stops the server and deletes its files,
# also when a test fails or the script is interrupted. Needs Java 17+ and Maven.
#
# With ARGMAP_NEO4J_URI set it uses that server instead, e.g. after
# `docker compose up`. THE DATABASE IS WIPED before every subtest: use a
# scratch server or a database you can lose.
#
# Usage:
#   scripts/test-neo4j.sh [go test flags...]        # the Neo4j packages, e.g. -run TestConformance -v
#   scripts/test-neo4j.sh --run COMMAND [ARGS...]   # any command with the server's ARGMAP_NEO4J_* set
#
# Environment:
#   ARGMAP_NEO4J_URI       an external server: neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s://, bolt+ssc://
#   ARGMAP_NEO4J_USER      its user ("" when authentication is off)
#   ARGMAP_NEO4J_PASSWORD  its password
#   ARGMAP_NEO4J_DATABASE  database name ("" for the server's default; named databases need Enterprise)
#   ARGMAP_NEO4J_PACKAGES  the packages to test (default below)
#   ARGMAP_NEO4J_HEAP, ARGMAP_NEO4J_PAGECACHE  the bundled server's Java heap (1g) and page cache (256m)
#   ARGMAP_NEO4J_START_TIMEOUT  seconds to wait for the bundled server (600; a loaded machine took 3 minutes)
#
# With the bundled server the tests also get ARGMAP_NEO4J_LAUNCHER (the path of
# scripts/neo4j-server/run.sh): the fault tests start and stop servers of their
# own with it. The packages run one at a time (-p 1): they share the database.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
packages=${ARGMAP_NEO4J_PACKAGES:-./internal/neo4jstore/... ./internal/httpapi/... ./cmd/argmap/...}

if [ "${1:-}" = "--run" ]; then
	shift
	[ $# -gt 0 ] || { echo "test-neo4j.sh: --run needs a command" >&2; exit 2; }
	cmd=("$@")
else
	# shellcheck disable=SC2206 # the package list is split on purpose
	cmd=(go test -count=1 -p 1 -timeout 30m "$@" $packages)
fi

redact() { sed 's#://[^@/]*@#://#'; }

if [ -n "${ARGMAP_NEO4J_URI:-}" ]; then
	echo "== neo4j: external server $(echo "$ARGMAP_NEO4J_URI" | redact)"
	exec "${cmd[@]}"
fi

launcher="$root/scripts/neo4j-server/run.sh"
bash "$launcher" --build

home=$(mktemp -d "${TMPDIR:-/tmp}/argmap-neo4j.XXXXXX")
pid=""
child=""
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ -n "$child" ]; then
		kill -TERM "$child" 2>/dev/null || true
		wait "$child" 2>/dev/null || true
	fi
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$home"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# free_port prints a loopback port nothing listens on.
free_port() {
	local p
	for _ in $(seq 50); do
		p=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"; return 0
		fi
	done
	echo "test-neo4j.sh: no free port found" >&2; return 1
}

password="argmap-test-$RANDOM$RANDOM"
ready=""
for attempt in 1 2 3; do
	port=$(free_port)
	log="$home/server.log"
	bash "$launcher" --home "$home/db" --port "$port" --password "$password" \
		--pagecache "${ARGMAP_NEO4J_PAGECACHE:-256m}" >"$log" 2>&1 </dev/null &
	pid=$!
	deadline=$((SECONDS + ${ARGMAP_NEO4J_START_TIMEOUT:-600}))
	while [ "$SECONDS" -lt "$deadline" ]; do
		if grep -q '^argmap-neo4j-server ready' "$log"; then ready=1; break; fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	[ -n "$ready" ] && break
	alive=""
	kill -0 "$pid" 2>/dev/null && alive=1
	kill -TERM "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	pid=""
	if [ -n "$alive" ]; then
		echo "test-neo4j.sh: the Neo4j launcher was not ready after ${ARGMAP_NEO4J_START_TIMEOUT:-600} s (ARGMAP_NEO4J_START_TIMEOUT); its log:" >&2
		tail -40 "$log" >&2
		exit 1
	fi
	if ! grep -q 'Address already in use' "$log"; then
		echo "test-neo4j.sh: the Neo4j launcher did not start (attempt $attempt); its log:" >&2
		tail -40 "$log" >&2
		exit 1
	fi
	rm -rf "$home/db"
done
[ -n "$ready" ] || { echo "test-neo4j.sh: no port to start Neo4j on" >&2; exit 1; }
echo "== neo4j: bundled Neo4j Community on bolt://127.0.0.1:$port (data in $home)"

export ARGMAP_NEO4J_URI="bolt://127.0.0.1:$port"
export ARGMAP_NEO4J_USER=neo4j
export ARGMAP_NEO4J_PASSWORD="$password"
export ARGMAP_NEO4J_LAUNCHER="$launcher"
# In the background and waited for, so that a signal to this script stops it
# at once (bash runs traps only between foreground commands).
"${cmd[@]}" &
child=$!
rc=0
wait "$child" || rc=$?
child=""
exit "$rc"
