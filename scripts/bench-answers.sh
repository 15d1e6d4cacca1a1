#!/usr/bin/env bash
# bench-answers.sh — supporters answers as a user gets them, on the generated
# graph of 100k claims / 300k relations (issue 15: "answers in milliseconds").
#
# Builds argmap, makes the benchmark store if ARGMAP_BENCH_DB does not exist
# yet (the store benchmark of internal/sqlitestore generates it and keeps it
# there; ARGMAP_BENCH_CLAIMS for another size), serves a copy of it with
# `argmap serve` and:
#   1. times GET /v1/supporters?q=... over HTTP, one request at a time, for
#      BENCH_N claim IDs (claims relations point at) and BENCH_N text questions
#      (four words of a stored claim), every one asked once before to warm the
#      server, then each once more timed: p50/p90/p99 per kind
#      (scripts/benchanswers/latency.py);
#   2. runs wrk over the same questions in turn (by ID and by text
#      alternate) for BENCH_DURATION, BENCH_CONNS connections, then, with
#      the server stopped, the same
#      handler in process (BenchmarkServeSupporters of cmd/argmap on the
#      same copy and questions, 4*BENCH_N requests from GOMAXPROCS goroutines), and prints HTTP's
#      requests/s as a share of it (issue 15 asks for >= 90 %), and the CPU
#      each answer took in the server (from /proc, over the wrk run) and in
#      process (cpu_ms/op), which a loaded machine moves much less.
# BENCH_EXTRA is appended to every request (e.g. "&full=true" for the whole
# answers, "&limit=5"). BENCH_BIN=PATH measures that argmap binary (an older
# build) instead of building one; the in-process reference is always this
# tree's. BENCH_THROUGHPUT=0 leaves out step 2.
#
# Settings: ARGMAP_BENCH_DB (default /tmp/argmap-bench100k.db, kept),
# BENCH_N (150), BENCH_DURATION (30s), BENCH_CONNS (4), BENCH_PORT (18181).
# Needs python3, curl and wrk (Debian: apt-get install wrk).
set -euo pipefail

db=${ARGMAP_BENCH_DB:-/tmp/argmap-bench100k.db}
n=${BENCH_N:-150}
duration=${BENCH_DURATION:-30s}
conns=${BENCH_CONNS:-4}
port=${BENCH_PORT:-18181}
extra=${BENCH_EXTRA:-}

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
for c in python3 curl wrk; do
	command -v "$c" >/dev/null || { echo "bench-answers: $c is missing" >&2; exit 1; }
done

. scripts/lib/serve.sh

if [ ! -f "$db" ]; then
	echo "== generating the benchmark store in $db (kept for later runs)"
	ARGMAP_BENCH_DB=$db go test -count=1 -run XXX -bench 'BenchmarkStore/SupportersByID' -benchtime 1x -timeout 60m ./internal/sqlitestore/ | grep -E '^(Benchmark|ok|FAIL)|graph:' || true
	[ -f "$db" ] || { echo "bench-answers: the store was not generated" >&2; exit 1; }
fi
bin=${BENCH_BIN:-}
if [ -z "$bin" ]; then
	echo "== building argmap"
	go build -o "$tmp/" ./cmd/argmap
	bin=$tmp/argmap
fi
echo "== copying $db (the copy is served; the file stays as it is)"
cp "$db" "$tmp/store.db"
python3 scripts/benchanswers/latency.py queries "$db" "$n" "$tmp/queries.txt"
python3 scripts/benchanswers/latency.py paths "$tmp/queries.txt" "$tmp/paths.txt" "$extra"

serve bench-answers "$bin" "$tmp/store.db" "$port"

echo "== latency over HTTP ($n by ID, $n by text, warm, one at a time; extra: '${extra}'; load: $(cut -d' ' -f1-3 /proc/loadavg))"
lat=$(python3 scripts/benchanswers/latency.py time "$base" "$tmp/queries.txt" "$extra")
echo "$lat" | sed 's/^/   /'

if [ "${BENCH_THROUGHPUT:-1}" = 0 ]; then
	echo
	echo "== results ($(nproc) CPUs; $db; extra '${extra}'; load at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
	echo "$lat"
	exit 0
fi
requests=$((4 * n))
# the server's CPU time (user + system, clock ticks) from /proc
cputicks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
echo "== wrk -t1 -c$conns -d$duration, the same questions in turn"
ticks0=$(cputicks)
out=$(BENCH_PATHS=$tmp/paths.txt wrk -t1 -c"$conns" -d"$duration" --timeout 30s --latency -s scripts/benchanswers/paths.lua "$base")
ticks1=$(cputicks)
echo "$out" | sed 's/^/   /'
if echo "$out" | grep -q 'Non-2xx'; then
	echo "bench-answers: errors under load" >&2
	exit 1
fi
http_rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
http_n=$(echo "$out" | awk '/requests in/ {print $1}')
http_cpu=$(awk -v t="$((ticks1 - ticks0))" -v hz="$(getconf CLK_TCK)" -v n="$http_n" 'BEGIN { if (n > 0) printf "%.2f", 1000 * t / hz / n; else print "?" }')
stop_server

echo "== in process: BenchmarkServeSupporters on the same copy and questions"
bench=$(ARGMAP_BENCH_DB="$tmp/store.db" BENCH_QUERIES="$tmp/queries.txt" BENCH_EXTRA="$extra" \
	go test -count=1 -run '^$' -bench BenchmarkServeSupporters -benchtime "${requests}x" -timeout 60m ./cmd/argmap/ | grep '^BenchmarkServeSupporters')
inproc=$(echo "$bench" | awk '{for (i = 1; i < NF; i++) if ($(i + 1) == "req/s") print $i}')
inproc_cpu=$(echo "$bench" | awk '{for (i = 1; i < NF; i++) if ($(i + 1) == "cpu_ms/op") printf "%.2f", $i}')

echo
echo "== results ($(nproc) CPUs; $db; extra '${extra}'; load at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "$lat"
printf 'HTTP (wrk, %s connections)   %10s req/s\n' "$conns" "$http_rps"
printf 'in process (Go, no network)  %10s req/s   (HTTP: %s %% of it)\n' "$inproc" \
	"$(awk -v h="$http_rps" -v i="$inproc" 'BEGIN { if (i > 0) printf "%.0f", 100 * h / i; else print "?" }')"
# requests/s measured minutes apart on a shared machine move with its load;
# CPU per answer does much less: on CPU of their own, HTTP's throughput is
# the in-process CPU per answer over HTTP's
printf 'CPU per answer: HTTP server %s ms, in process %s ms   (HTTP throughput on the same CPU: %s %% of in process)\n' \
	"$http_cpu" "$inproc_cpu" "$(awk -v h="$http_cpu" -v i="$inproc_cpu" 'BEGIN { if (h > 0) printf "%.0f", 100 * i / h; else print "?" }')"
