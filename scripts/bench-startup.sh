#!/usr/bin/env bash
# bench-startup.sh — how long argmap takes to start: `argmap help` and
# `argmap extract` of one small demo document, each run N times (default 30)
# after one warm-up run, wall time per run from bash's clock (no extra
# processes), min / median / p90 in milliseconds.
#
#   scripts/bench-startup.sh [ARGMAP_BINARY]   (default: go build ./cmd/argmap)
#   ARGMAP_STARTUP_RUNS=N to change the number of runs.
#
# The target of issue 15 is <= 30 ms warm for both. The machine's load (uptime)
# is printed beside the figures: they are noisy on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${ARGMAP_STARTUP_RUNS:-30}
bin=${1:-}
if [ -z "$bin" ]; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	go build -o "$tmp/argmap" ./cmd/argmap
	bin=$tmp/argmap
fi
doc=scripts/demo/corpus/02-ngo-statement-return-detention.txt

# measure NAME ARGS...: runs argmap ARGS runs times and prints the figures.
measure() {
	local name=$1
	shift
	"$bin" "$@" >/dev/null 2>&1 || true
	local ms=()
	for _ in $(seq "$runs"); do
		local t0=$EPOCHREALTIME
		"$bin" "$@" >/dev/null 2>&1 || true
		local t1=$EPOCHREALTIME
		ms+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')")
	done
	printf '%s\n' "${ms[@]}" | sort -n | awk -v name="$name" -v n="$runs" '
		{ v[NR] = $1 }
		END { printf "%-8s min %6.1f ms  median %6.1f ms  p90 %6.1f ms  (%d runs)\n", name, v[1], v[int((n + 1) / 2)], v[int(n * 0.9 + 0.5)], n }'
}

echo "binary: $bin"
echo "load:  $(uptime)"
measure help help
measure extract extract "$doc"
echo "load:  $(uptime)"
