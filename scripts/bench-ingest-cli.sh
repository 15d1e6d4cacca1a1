#!/usr/bin/env bash
# bench-ingest-cli.sh — issue 15's ingest figures end to end, as a user runs
# them: `argmap ingest` into a new store (process start, store creation and
# migrations, extraction, linking, writing, the final checkpoint) beside
# `argmap extract` of the same files (extraction alone, its reference), in
# turn, on the two corpora of BenchmarkIngestCorpus: the mixed real corpus
# (the IOM documents, the demo corpus and the microtexts of
# ../shared/data/microtexts2) and the IOM documents repeated to 10 MiB (each
# copy ending in its own line). Each line gives wall and CPU (user+sys)
# seconds, MB/s of wall, and the load average before the run: the figures
# are noisy on a shared machine, where only CPU is comparable (on two cores
# the wall cannot beat CPU/2). Each corpus ends with the medians of its runs
# and ingest over extract, in wall and in CPU time (issue 15 asks for 2x at
# most). The Go benchmark (scripts/bench.sh ingest) leaves out process start
# and store creation.
#
#   scripts/bench-ingest-cli.sh [ARGMAP_BINARY]   (default: go build ./cmd/argmap)
#   ARGMAP_INGEST_RUNS=N rounds (default 3); ARGMAP_BENCH_MB as for the Go benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${ARGMAP_INGEST_RUNS:-3}
mb=${ARGMAP_BENCH_MB:-10}
shared=${ARGMAP_SHARED:-../shared}
if ! ls "$shared"/corpus/iom/*.txt >/dev/null 2>&1; then
	echo "bench-ingest-cli: no IOM corpus in $shared/corpus/iom; skipping" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${1:-}
if [ -z "$bin" ]; then
	go build -o "$tmp/argmap" ./cmd/argmap
	bin=$tmp/argmap
fi

mkdir -p "$tmp/mixed" "$tmp/repeated"
cp "$shared"/corpus/iom/*.txt scripts/demo/corpus/* "$tmp/mixed/"
cp "$shared"/data/microtexts2/*.txt "$tmp/mixed/" 2>/dev/null || echo "bench-ingest-cli: no microtexts in $shared/data/microtexts2" >&2
iom=("$shared"/corpus/iom/*.txt)
total=0
n=0
while [ "$total" -lt $((mb << 20)) ]; do
	f=$(printf '%s/repeated/doc%05d.txt' "$tmp" "$n")
	cat "${iom[$((n % ${#iom[@]}))]}" >"$f"
	printf '\n\nCopy %d of the corpus.\n' "$n" >>"$f"
	total=$((total + $(wc -c <"$f")))
	n=$((n + 1))
done

# run LABEL BYTES COMMAND...: one timed run, printed as a line and noted
# in $tmp/runs ("LABEL WALL CPU") for the summary.
run() {
	local label=$1 bytes=$2 load
	shift 2
	load=$(cut -d' ' -f1 /proc/loadavg)
	local TIMEFORMAT='%R %U %S'
	local t
	t=$({ time "$@" >/dev/null 2>&1; } 2>&1) || {
		echo "$label: failed" >&2
		return 1
	}
	awk -v l="$label" -v b="$bytes" -v load="$load" -v t="$t" -v runs="$tmp/runs" 'BEGIN {
		split(t, f, " ")
		printf "%-18s wall %6.2f s  cpu %6.2f s  %6.2f MB/s  (load %s)\n", l, f[1], f[2] + f[3], b / 1e6 / f[1], load
		printf "%s %s %s\n", l, f[1], f[2] + f[3] >> runs }'
}

# summary BYTES: the median wall and CPU of each label's runs, MB/s at the
# median wall, and ingest over extract (issue 15: within 2x), from $tmp/runs.
summary() {
	# medians COLUMN: "LABEL MEDIAN" of that column of $tmp/runs
	medians() {
		sort -k1,1 -k"$1,$1"n "$tmp/runs" | awk -v c="$1" '
		{ n[$1]++; v[$1, n[$1]] = $c }
		END { for (l in n) { k = n[l]; print l, (k % 2 ? v[l, (k + 1) / 2] : (v[l, k / 2] + v[l, k / 2 + 1]) / 2), k } }'
	}
	join <(medians 2 | sort) <(medians 3 | sort) | awk -v b="$1" '
	{ w[$1] = $2; c[$1] = $4; printf "  median %-8s wall %6.2f s  cpu %6.2f s  %6.2f MB/s  (%d runs)\n", $1, $2, $4, b / 1e6 / $2, $3 }
	END { if (w["extract"] > 0 && c["extract"] > 0) printf "  ingest / extract: wall %.2fx  cpu %.2fx\n", w["ingest"] / w["extract"], c["ingest"] / c["extract"] }'
}

for corpus in mixed repeated; do
	files=("$tmp/$corpus"/*)
	bytes=$(cat "${files[@]}" | wc -c)
	echo "== $corpus: ${#files[@]} files, $bytes bytes"
	: >"$tmp/runs"
	for r in $(seq "$runs"); do
		run "extract" "$bytes" "$bin" extract --format jsonl "${files[@]}"
		rm -rf "$tmp/store"
		mkdir "$tmp/store"
		run "ingest" "$bytes" "$bin" ingest --store "$tmp/store/argmap.db" --progress lines "${files[@]}"
	done
	summary "$bytes"
done
