#!/usr/bin/env bash
# Checks the live API against its contract with schemathesis: builds argmap,
# ingests the demo corpus into a temporary store, serves it on a free loopback
# port and runs schemathesis over every operation of api/openapi.yaml, once
# with a write token and once without. Fails on any 5xx answer or any answer
# that does not match the spec (status, content type, headers, schema).
#
# schemathesis (pinned) is installed from PyPI into a virtual environment in
# ${ARGMAP_TOOLS:-$HOME/.cache/argmap-tools}. Environment:
#   SCHEMATHESIS_EXAMPLES  test cases per operation (default 5: about three minutes)
#   SCHEMATHESIS_SEED      random seed (default 1, so CI runs are repeatable)
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.32.5
tools=${ARGMAP_TOOLS:-$HOME/.cache/argmap-tools}
venv=$tools/schemathesis-$version
if [ ! -x "$venv/bin/st" ]; then
	python3 -m venv "$venv"
	"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

work=$(mktemp -d)
pid=""
cleanup() {
	if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/" ./cmd/argmap ./cmd/argmap-render # the map render worker beside argmap
store=$work/argmap.db
"$work/argmap" ingest --store "$store" scripts/demo/corpus >/dev/null 2>&1

token=schemathesis-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
ARGMAP_API_TOKENS="schemathesis:$token" "$work/argmap" serve --store "$store" --addr "127.0.0.1:$port" 2>"$work/server.log" &
pid=$!
python3 - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(300):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=2)
        break
    except Exception:
        time.sleep(0.2)
else:
    sys.exit("the server did not come up")
PY

checks=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance
run() {
	"$venv/bin/st" run api/openapi.yaml --url "http://127.0.0.1:$port" \
		--checks "$checks" --max-examples "${SCHEMATHESIS_EXAMPLES:-5}" --seed "${SCHEMATHESIS_SEED:-1}" \
		--phases examples,coverage,fuzzing --workers 1 --request-timeout 60 --no-color \
		--generation-database none "$@"
}
status=0
echo "== schemathesis with a write token"
run -H "Authorization: Bearer $token" || status=1
echo "== schemathesis without a token"
run || status=1
if [ $status -ne 0 ]; then
	echo "server log (last 40 lines):"; tail -40 "$work/server.log"
fi
exit $status
