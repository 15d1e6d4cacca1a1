#!/usr/bin/env bash
# Runs every check argmap has: formatting, vet, the Go tests (the store
# conformance suite on SQLite, and on Neo4j when ARGMAP_NEO4J_URI is set), and
# the Cypher lint. Needs Go and Node/npm; installs the npm lint package itself.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== gofmt"
unformatted=$(gofmt -l cmd internal api migrations scripts 2>/dev/null || true)
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== cypher lint"
bash scripts/cypher-lint.sh

echo "== go test"
go test -count=1 -timeout 20m ./...
