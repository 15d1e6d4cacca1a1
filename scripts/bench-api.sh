#!/usr/bin/env bash
# bench-api.sh — load-test the REST API on loopback with wrk.
#
# Builds argmap, ingests the IOM corpus into a temporary SQLite store, starts
# `argmap serve`, and runs wrk against
#   GET /v1/supporters?q=...           (the question, answered from the store)
#   GET /v1/claims/{id}/map.svg        (a rendered map, Graphviz in workers)
# printing requests/s and the 99th-percentile latency of each, then stops the
# server and removes the temporary files. Maps are cached by the server (by
# the hash of their DOT): after the first request the map figure measures the
# cache, not Graphviz. Then it runs the in-process reference, the same
# supporters handler `argmap serve` runs, called from Go without a network
# (BenchmarkServeSupporters in cmd/argmap, GOMAXPROCS goroutines), and prints
# HTTP's requests/s as a share of it (issue 15 asks for >= 90 %).
#
# Settings (environment):
#   BENCH_DURATION  wrk duration per endpoint   (default 30s: requests still
#                   under way at the end are not counted, up to 16 slow ones)
#   BENCH_THREADS   wrk threads                 (default 2)
#   BENCH_CONNS     wrk connections             (default 16)
#   BENCH_PORT      loopback port               (default 18080)
#   BENCH_QUERY     the supporters question     (default "IOM serves the interests of states")
#   ARGMAP_CORPUS   the corpus directory        (default: shared/corpus/iom found above the repository)
#
# Needs wrk (Debian: apt-get install wrk) and curl.
set -euo pipefail

duration=${BENCH_DURATION:-30s}
threads=${BENCH_THREADS:-2}
conns=${BENCH_CONNS:-16}
port=${BENCH_PORT:-18080}
query=${BENCH_QUERY:-IOM serves the interests of states}

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! command -v wrk >/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "bench-api: wrk is missing; installing it with apt-get" >&2
		apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
	else
		echo "bench-api: wrk is missing; install it (Debian: sudo apt-get install wrk)" >&2
		exit 1
	fi
fi
command -v curl >/dev/null || { echo "bench-api: curl is missing" >&2; exit 1; }

corpus=${ARGMAP_CORPUS:-}
if [ -z "$corpus" ]; then
	d=$root
	while [ "$d" != / ]; do
		for c in "$d/shared/corpus/iom" "$d/../shared/corpus/iom"; do
			if [ -d "$c" ]; then corpus=$(cd "$c" && pwd); break 2; fi
		done
		d=$(dirname "$d")
	done
fi
[ -n "$corpus" ] && [ -d "$corpus" ] || { echo "bench-api: the IOM corpus is not found; set ARGMAP_CORPUS" >&2; exit 1; }

. scripts/lib/serve.sh

echo "== building argmap"
go build -o "$tmp/" ./cmd/argmap ./cmd/argmap-render # the map render worker beside argmap

echo "== ingesting $corpus"
"$tmp/argmap" ingest --store "$tmp/argmap.db" "$corpus"/*.txt >/dev/null 2>"$tmp/ingest.log" || { cat "$tmp/ingest.log" >&2; exit 1; }

serve bench-api "$tmp/argmap" "$tmp/argmap.db" "$port"

q=$(printf '%s' "$query" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/&/%26/g' -e 's/+/%2B/g' -e 's/#/%23/g' -e 's/?/%3F/g')
supporters="$base/v1/supporters?q=$q"
id=$(curl -fsS "$base/v1/claims/search?q=$q&limit=1" | grep -o '"id":"clm_[a-z2-7]*"' | head -1 | cut -d'"' -f4)
[ -n "$id" ] || { echo "bench-api: no claim matches \"$query\"" >&2; exit 1; }
mapurl="$base/v1/claims/$id/map.svg"
for u in "$supporters" "$mapurl"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' "$u")
	[ "$code" = 200 ] || { echo "bench-api: GET $u answered $code" >&2; exit 1; }
done

run() {
	local name=$1 url=$2 out
	echo "== wrk -t$threads -c$conns -d$duration --timeout 30s --latency $name"
	# --timeout: a request wrk gives up on is not counted at all; at 16
	# connections on 2 loaded cores a supporters answer can wait past
	# wrk's default of 2 s.
	out=$(wrk -t"$threads" -c"$conns" -d"$duration" --timeout 30s --latency "$url")
	echo "$out" | sed 's/^/   /'
	if echo "$out" | grep -q 'Non-2xx'; then
		echo "bench-api: $name answered errors under load" >&2
		exit 1
	fi
	rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	results+=("$(printf '%-40s %12s req/s   p99 %s' "$name" "$rps" "$p99")")
}

results=()
run "GET /v1/supporters?q=..." "$supporters"
run "GET /v1/claims/{id}/map.svg" "$mapurl"

stop_server

echo "== in process: go test -bench BenchmarkServeSupporters ./cmd/argmap/ (same corpus, same question)"
inproc=$(BENCH_QUERY="$query" ARGMAP_CORPUS="$corpus" go test -run '^$' -bench BenchmarkServeSupporters -benchtime 5s ./cmd/argmap/ | awk '/^BenchmarkServeSupporters/ {for (i = 1; i < NF; i++) if ($(i + 1) == "req/s") print $i}')
http_rps=$(printf '%s\n' "${results[0]}" | awk '{for (i = 1; i < NF; i++) if ($(i + 1) == "req/s") print $i}')

echo
echo "== results ($(nproc) CPUs, $threads threads, $conns connections, $duration each; claim $id; load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${results[@]}"
printf '%-40s %12s req/s   (HTTP: %s %% of it)\n' "supporters in process (Go, no network)" "$inproc" "$(awk -v h="$http_rps" -v i="$inproc" 'BEGIN { if (i > 0) printf "%.0f", 100 * h / i; else print "?" }')"
