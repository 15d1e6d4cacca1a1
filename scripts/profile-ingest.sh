#!/usr/bin/env bash
# profile-ingest.sh — where bulk ingest's CPU goes, in parts (issue 15): one
# op of BenchmarkIngestCorpus/SET/ingestall (the parallel ingest of
# `argmap ingest`: workers extract and link ahead, one writer) under a CPU
# profile, its samples split by the stage they were taken in:
#
#   extraction  ingest.(*Service).extract (the extractor) and the link keys
#               (Linker.Keys), in the workers
#   linking     candidates and comparison: linking ahead in the workers and
#               linking inside the writer's transaction (linkAhead, link,
#               linkIn, linkWith): the comparison (Linker.Link) and the
#               rest, finding the candidates
#   writing     the writer's SQLite work (sqlitestore's Atomically,
#               WriteGraph and Close), linking inside its transaction left
#               out: the rows of the graphs (writeGraph), the full-text rows
#               and the rows kept to the end of a transaction (flushFTS), the
#               commits, and the rest (reads in the transaction, the final
#               checkpoint)
#   GC          the garbage collector's background marking
#   other       the rest (the hash look-up of each document, the scheduler,
#               the benchmark's own set-up)
#
# Samples of runtime.asyncPreempt are counted in the part whose frames they
# carry (a profiling artefact of a loaded machine: s15 measured no gain with
# asynchronous preemption off). The figures are CPU seconds of samples and
# their share of all; on a loaded machine take them as shares, not as time.
#
#   scripts/profile-ingest.sh [SET]   SET: iom10MB (default) or mixed
#   ARGMAP_BENCH_MB=N changes the repeated corpus's size; the profile and
#   the test binary stay in $ARGMAP_PROFILE_DIR (default: a new temporary
#   directory, printed) for `go tool pprof`; ARGMAP_PROFILE_REUSE=1 splits
#   the profile already there instead of taking one.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:-iom10MB}
dir=${ARGMAP_PROFILE_DIR:-$(mktemp -d)}
mkdir -p "$dir"
load=$(cut -d' ' -f1 /proc/loadavg)
if [ -z "${ARGMAP_PROFILE_REUSE:-}" ]; then
	go test -c -o "$dir/ingest.test" ./internal/ingest
	(cd internal/ingest && "$dir/ingest.test" -test.run '^$' -test.bench "^BenchmarkIngestCorpus\$/^$set_name\$/^ingestall\$" \
		-test.benchtime 1x -test.cpuprofile "$dir/cpu.prof") | grep -E '^Benchmark|^ok|FAIL' || true
fi
if [ ! -s "$dir/cpu.prof" ]; then
	echo "profile-ingest: no profile (is ../shared/corpus/iom there?)" >&2
	exit 1
fi

# part FOCUS [IGNORE]: the time of the samples with a frame matching FOCUS
# and none matching IGNORE, as pprof prints it ("1.2s", "340ms")
part() {
	local args=(-top -nodefraction 0 -edgefraction 0 -nodecount 1000000 -focus "$1")
	if [ -n "${2:-}" ]; then
		args+=(-ignore "$2")
	fi
	go tool pprof "${args[@]}" "$dir/ingest.test" "$dir/cpu.prof" 2>/dev/null |
		awk '/^Showing nodes accounting for/ { gsub(/,/, "", $5); print $5; exit }'
}
total=$(go tool pprof -top "$dir/ingest.test" "$dir/cpu.prof" 2>/dev/null | awk '/Total samples/ { print $(NF-1); exit }')
extract=$(part 'ingest\.\(\*Service\)\.extract$|extract\.\(\*Linker\)\.Keys$')
link=$(part 'ingest\.\(\*Service\)\.(linkAhead|link|linkIn|linkWith)$')
write=$(part 'sqlitestore\.\(\*Store\)\.(Atomically|WriteGraph|Close)$' 'ingest\.\(\*Service\)\.(link|linkIn|linkWith)$')
gc=$(part 'runtime\.gcBgMarkWorker$')
compare=$(part 'extract\.\(\*Linker\)\.Link$')
rows=$(part 'sqlitestore\.\(\*Store\)\.writeGraph$' 'ingest\.\(\*Service\)\.(link|linkIn|linkWith)$')
fts=$(part 'sqlitestore\.\(\*Store\)\.flushFTS$')
commit=$(part 'database/sql\.\(\*Tx\)\.Commit$')
echo "== BenchmarkIngestCorpus/$set_name/ingestall, CPU profile $dir/cpu.prof (load $load before)"
awk -v t="$total" -v e="$extract" -v l="$link" -v w="$write" -v g="$gc" -v c="$compare" -v r="$rows" -v f="$fts" -v m="$commit" 'function s(x) { if (x ~ /ms$/) return (x + 0) / 1000; if (x ~ /mins$/) return (x + 0) * 60; return x + 0 }
function line(name, x) { printf "  %-13s %6.2f s  %5.1f %%\n", name, x, 100 * x / t }
BEGIN {
	e = s(e); l = s(l); w = s(w); g = s(g); c = s(c); r = s(r); f = s(f); m = s(m); t = s(t)
	line("extraction", e)
	line("linking", l); line("  compare", c); line("  candidates", l - c)
	line("writing", w); line("  rows", r); line("  full-text", f); line("  commit", m); line("  the rest", w - r - f - m)
	line("GC", g)
	line("other", t - e - l - w - g)
	printf "  %-13s %6.2f s\n", "all", t
}'
