#!/bin/sh
# cypher-lint.sh lints every Cypher statement of argmap — the Neo4j migrations
# (migrations/neo4j/*.cypher) and the store's queries
# (internal/neo4jstore/queries/*.cypher) — with @neo4j-cypher/language-support,
# pinned in scripts/cypherlint/package-lock.json and installed on first use
# into scripts/cypherlint/node_modules. It first checks that the linter rejects
# scripts/cypherlint/testdata/bad.cypher, then fails on any error or warning,
# printing file:line:col: severity: message.
#
# Usage: scripts/cypher-lint.sh [FILE_OR_DIR...]
# Needs node (20 works; the package asks for 24) and npm.
set -eu
dir=$(cd "$(dirname "$0")/cypherlint" && pwd)
if [ ! -f "$dir/node_modules/@neo4j-cypher/language-support/package.json" ] ||
	[ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
node "$dir/lint.mjs" --self-test
node "$dir/lint.mjs" "$@"
