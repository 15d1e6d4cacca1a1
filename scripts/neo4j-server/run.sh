#!/usr/bin/env bash
# run.sh builds the test launcher (once: Maven downloads Neo4j Community and
# its dependencies from Maven Central into ~/.m2 and copies them to target/lib;
# it builds again only when pom.xml or the Java source changes) and then runs it
# in the foreground with the arguments given:
#
#   scripts/neo4j-server/run.sh --home DIR --port N --password P [--pagecache SIZE] [--stop-on-eof]
#
# It prints "argmap-neo4j-server ready bolt://127.0.0.1:N" once Bolt accepts the
# password, and stops cleanly on SIGTERM or SIGINT. DIR is kept; start it again
# on the same DIR to get the same data back. `run.sh --build` only builds.
# ARGMAP_NEO4J_HEAP sets the Java heap (default 1g). Needs Java 17+ and Maven.
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
stamp="$dir/target/.built"
if [ ! -f "$stamp" ] || [ "$dir/pom.xml" -nt "$stamp" ] ||
	[ -n "$(find "$dir/src" -newer "$stamp" -type f 2>/dev/null)" ]; then
	for tool in java mvn; do
		command -v "$tool" >/dev/null || { echo "neo4j-server: $tool is not installed (needs Java 17+ and Maven 3.8+)" >&2; exit 2; }
	done
	echo "neo4j-server: building the launcher (Maven, first time downloads about 170 MB)" >&2
	(cd "$dir" && rm -rf target/lib && mvn -B -q package -DskipTests) >&2
	touch "$stamp"
fi
if [ "${1:-}" = "--build" ]; then
	exit 0
fi
exec java -Xms256m -Xmx"${ARGMAP_NEO4J_HEAP:-1g}" -XX:+UseG1GC \
	-cp "$dir/target/classes:$dir/target/lib/*" org.argmap.neo4jserver.Main "$@"
