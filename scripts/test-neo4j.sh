#!/bin/sh
# test-neo4j.sh runs the Neo4j store's tests, the conformance suite included,
# against a Neo4j 5.6+ server you provide. THE DATABASE IS WIPED before every
# subtest: use a scratch server or a database you can lose.
#
# Usage:
#   ARGMAP_NEO4J_URI=neo4j://localhost:7687 \
#   ARGMAP_NEO4J_USER=neo4j ARGMAP_NEO4J_PASSWORD=secret \
#   scripts/test-neo4j.sh [go test flags...]
#
# Environment:
#   ARGMAP_NEO4J_URI       required: neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s:// or bolt+ssc://
#   ARGMAP_NEO4J_USER      user ("" when the server has authentication off)
#   ARGMAP_NEO4J_PASSWORD  password
#   ARGMAP_NEO4J_DATABASE  database name ("" for the server's default; named databases need Enterprise)
#   ARGMAP_NEO4J_MAX_POOL, ARGMAP_NEO4J_ACQUIRE_TIMEOUT, ARGMAP_NEO4J_QUERY_TIMEOUT  optional tuning
#
# A throwaway server with Docker, for example:
#   docker run -d --name argmap-neo4j-test -p 7687:7687 -e NEO4J_AUTH=neo4j/testpassword neo4j:5-community
#   ARGMAP_NEO4J_URI=bolt://localhost:7687 ARGMAP_NEO4J_USER=neo4j ARGMAP_NEO4J_PASSWORD=testpassword scripts/test-neo4j.sh
#
# Without ARGMAP_NEO4J_URI the server-free tests still run and the
# conformance suite reports itself skipped; this script refuses instead, so
# that a CI job meant to test Neo4j cannot pass without one.
set -eu
cd "$(dirname "$0")/.."
if [ -z "${ARGMAP_NEO4J_URI:-}" ]; then
	echo "test-neo4j.sh: set ARGMAP_NEO4J_URI (and ARGMAP_NEO4J_USER, ARGMAP_NEO4J_PASSWORD) to a Neo4j 5 server; see the header of this script" >&2
	exit 2
fi
echo "== cypher lint"
sh scripts/cypher-lint.sh
echo "== neo4jstore tests against $(echo "$ARGMAP_NEO4J_URI" | sed 's#://[^@/]*@#://#')"
exec go test -count=1 -timeout 30m "$@" ./internal/neo4jstore/...
