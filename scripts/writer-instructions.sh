#!/usr/bin/env bash
# writer-instructions.sh — the instructions ingest's SQLite writer executes
# (issue 15), counted by valgrind (cachegrind, no cache simulation): a
# measure the load of a shared machine does not move, where CPU time moves
# by 5-10 % from run to run. Each test binary of ./internal/ingest given
# runs BenchmarkIngestWriter/iom10MB once (the transactions IngestAll wrote
# for the IOM corpus repeated to 10 MiB, written into a new store and the
# store closed) on the same recorded transactions (ARGMAP_BENCH_RECORDED,
# recorded once with the first binary, outside valgrind), in turn, for
# ARGMAP_ROUNDS rounds (default 1). A line a run: the binary and its
# instructions in millions (gob decoding of the recorded graphs included:
# the same for every binary). Under valgrind a run takes about 50 s.
#
#   go test -c -o /tmp/before.test ./internal/ingest   (at one revision)
#   go test -c -o /tmp/after.test ./internal/ingest    (at another)
#   scripts/writer-instructions.sh /tmp/before.test /tmp/after.test
#
# The binaries must agree on argmap.Graph (the recorded graphs are gob
# encoded). ARGMAP_BENCH_MB sizes the corpus as for the benchmark (then use
# a new ARGMAP_BENCH_RECORDED file).
set -euo pipefail
cd "$(dirname "$0")/../internal/ingest"
if [ $# -eq 0 ]; then
	echo "usage: scripts/writer-instructions.sh TESTBINARY..." >&2
	exit 2
fi
if ! command -v valgrind >/dev/null; then
	echo "writer-instructions: no valgrind (apt-get install valgrind); skipping" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ARGMAP_BENCH_RECORDED=${ARGMAP_BENCH_RECORDED:-$tmp/writer.gob}
bench=(-test.run '^$' -test.bench '^BenchmarkIngestWriter$/^iom10MB$' -test.benchtime 1x)
if [ ! -s "$ARGMAP_BENCH_RECORDED" ]; then
	"$1" "${bench[@]}" >"$tmp/record.log" 2>&1 || {
		cat "$tmp/record.log" >&2
		exit 1
	}
	if [ ! -s "$ARGMAP_BENCH_RECORDED" ]; then
		echo "writer-instructions: nothing recorded (is ../shared/corpus/iom there?)" >&2
		exit 1
	fi
fi
for round in $(seq "${ARGMAP_ROUNDS:-1}"); do
	for bin in "$@"; do
		valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$bin" "${bench[@]}" >"$tmp/run.log" 2>&1 || {
			cat "$tmp/run.log" >&2
			exit 1
		}
		awk -v bin="$bin" -v round="$round" '/I *refs:/ { gsub(/,/, "", $NF); printf "round %d  %-40s %10.1f M instructions\n", round, bin, $NF / 1e6 }' "$tmp/run.log"
	done
done
