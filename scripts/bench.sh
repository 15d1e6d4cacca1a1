#!/usr/bin/env bash
# bench.sh — the performance baselines, each a Go benchmark (the figures in the
# issue notes come from these commands). Benchmarks that need the IOM corpus
# read it from ../shared beside the checkout and skip without it.
#
#   scripts/bench.sh [extract|ingest|ingest-cli|scale|store|render|startup|api|answers|neo4j|all]   (default: all but ingest-cli, scale, api, answers and neo4j)
#
#   extract  extraction throughput, corpus repeated to 20 MB, one core and two
#   ingest   ingest throughput (extract + link + SQLite write) beside extraction alone
#            in the same run: the mixed real corpus and the IOM corpus repeated to
#            10 MB (ARGMAP_BENCH_MB to change), one by one and in parallel
#            (BenchmarkIngestCorpus); the writer alone on both corpora, their
#            transactions recorded and written again (BenchmarkIngestWriter); one
#            5 MB document; a document into stores of 1k and 10k documents; slow: minutes
#   scale    the scale curve: one store grown to 1k and 10k documents (ARGMAP_SCALE_DOCS
#            lists other sizes, e.g. 1000,10000,100000) of the mixed real corpus and
#            documents generated from it, through the parallel ingest; at each size the
#            ingest MB/s and docs/s of the documents added, store size, claims,
#            propositions, relations, supporters by ID and by text p50/p99 and CPU per
#            answer (ms): right after the ingest (SQL), once the copies are read (as
#            serve answers) and without the stance judge (the store's part); slow
#   store    supporters/reach/search latency p50/p99 on a generated graph of
#            100k claims and 300k relations (ARGMAP_BENCH_CLAIMS to change), SQLite;
#            ARGMAP_BENCH_DB=FILE keeps the generated store in FILE and measures it
#            again on later runs without loading it (compare two builds on one copy each);
#            the graph is written in one bulk load (argmap.Bulk: load_claims/s and
#            load_claims/cpu_s), ARGMAP_BENCH_LOAD=batches writes it a transaction per
#            1,000 claims instead (as ingest writes)
#   neo4j    the same benchmarks on the same generated graph in Neo4j: a server
#            of the bundled launcher (scripts/test-neo4j.sh --run; 2g heap, 1g page
#            cache), or ARGMAP_NEO4J_URI's (its database is wiped); slow: the load
#            takes minutes. The graph is written a transaction per 1,000 claims:
#            one Bulk transaction of 100k claims needs more than the 2g heap
#            (ARGMAP_BENCH_LOAD=bulk with ARGMAP_NEO4J_HEAP=4g or more for it).
#            Not part of all.
#   render   DOT/SVG/PNG of a generated 200-node map, in process and in workers; SVG of
#            a 1000-node map through native dot (when installed) and go-graphviz
#            workers, against dot run by hand
#   startup  argmap help and argmap extract of one small file (scripts/bench-startup.sh)
#   ingest-cli  argmap ingest into a new store beside argmap extract, in turn, on the
#            mixed corpus and the IOM corpus repeated to 10 MB: end to end, process
#            start and store creation included (scripts/bench-ingest-cli.sh)
#   api      wrk against the HTTP API (scripts/bench-api.sh)
#   answers  supporters by ID and by text over HTTP on the generated 100k store, p50/p99,
#            and HTTP requests/s beside the same handler in process (scripts/bench-answers.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-default}
run() { echo "== $*"; "$@"; }

case $what in
extract | default | all) run go test -count=1 -run XXX -bench BenchmarkExtract -benchtime 1x -cpu 1,2 ./internal/extract/ ;;&
ingest | default | all) run go test -count=1 -run XXX -bench BenchmarkIngest -benchtime 1x -timeout 60m ./internal/ingest/ ;;&
scale | all) run go test -count=1 -run XXX -bench BenchmarkScale -benchtime 1x -timeout 180m ./internal/ingest/ ;;&
store | default | all) run go test -count=1 -run XXX -bench . -benchtime 200x -timeout 40m ./internal/sqlitestore/ ;;&
render | default | all) run go test -count=1 -run '^$' -bench BenchmarkRender -benchtime 3x ./internal/render/ ;;&
startup | default | all) run bash scripts/bench-startup.sh ;;&
ingest-cli) run bash scripts/bench-ingest-cli.sh ;;&
api | all) run bash scripts/bench-api.sh ;;&
answers | all) run bash scripts/bench-answers.sh ;;&
neo4j) ARGMAP_NEO4J_HEAP=${ARGMAP_NEO4J_HEAP:-2g} ARGMAP_NEO4J_PAGECACHE=${ARGMAP_NEO4J_PAGECACHE:-1g} ARGMAP_BENCH_LOAD=${ARGMAP_BENCH_LOAD:-batches} \
	run bash scripts/test-neo4j.sh --run go test -count=1 -run XXX -bench . -benchtime 200x -timeout 90m ./internal/neo4jstore/ ;;&
extract | ingest | ingest-cli | scale | store | render | startup | api | answers | neo4j | default | all) ;;
*) echo "usage: scripts/bench.sh [extract|ingest|ingest-cli|scale|store|render|startup|api|answers|neo4j|all]" >&2; exit 2 ;;
esac
