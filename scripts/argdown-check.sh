#!/bin/sh
# argdown-check.sh checks argmap's Argdown export with the real Argdown CLI
# (@argdown/cli 1.7.5, pinned in scripts/argdowncheck/package-lock.json and
# installed on first use into scripts/argdowncheck/node_modules):
#  1. every document in ../shared/data/argdown/examples is imported into an
#     empty store, exported with `argmap export --format argdown`, and read
#     back by `argdown json`: the numbers of arguments, equivalence classes
#     and relations of each type must equal the CLI's own JSON for the
#     original document in ../shared/data/argdown/golden; `argdown map` must
#     render the export without errors;
#  2. the same for argmap's own Argdown test documents
#     (internal/argdown/testdata) and ../shared/data/argdown/fixtures, against
#     the CLI's reading of the original;
#  3. a document argmap extracted itself (the demo corpus) is exported and
#     must be read by `argdown json` and `argdown map` without errors.
# Without ../shared it says so and checks only argmap's own documents in (2)
# and (3).
#
# Usage: scripts/argdown-check.sh
# Needs Go, node (20 works) and npm.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/scripts/argdowncheck"
if [ ! -f "$dir/node_modules/@argdown/cli/package.json" ] ||
	[ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
argdown="$dir/node_modules/.bin/argdown"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/" ./cmd/argmap ./cmd/argmap-render)

# runcli FILE OUTDIR [map]: argdown json (and map, which renders the map
# through Graphviz, when asked); fails on any error the CLI reports.
runcli() {
	cmds=json
	[ "${3:-}" = map ] && cmds="json map"
	for cmd in $cmds; do
		"$argdown" "$cmd" "$1" "$2" >"$tmp/cli.log" 2>&1 || { cat "$tmp/cli.log"; echo "argdown $cmd failed on $1"; return 1; }
		if grep -qi "error" "$tmp/cli.log"; then
			cat "$tmp/cli.log"
			echo "argdown $cmd reported errors on $1"
			return 1
		fi
	done
}

failed=0
shared="$root/../shared/data/argdown"
if [ -d "$shared/examples" ] && [ -d "$shared/golden" ]; then
	for f in "$shared"/examples/*.argdown; do
		name=$(basename "$f" .argdown)
		store="$tmp/$name.db"
		"$tmp/argmap" import --store "$store" "$f" 2>"$tmp/import.log" || { cat "$tmp/import.log"; failed=1; continue; }
		"$tmp/argmap" export --store "$store" --format argdown -o "$tmp/$name.argdown" 2>"$tmp/export.log" || { cat "$tmp/export.log"; failed=1; continue; }
		mkdir -p "$tmp/out"
		runcli "$tmp/$name.argdown" "$tmp/out" map || { failed=1; continue; }
		node "$dir/compare.mjs" "$tmp/out/$name.json" "$shared/golden/$name.json" || failed=1
	done
else
	echo "argdown-check: no $shared/examples or golden: skipping the round trip of the shared examples"
fi

# argmap's own test documents (internal/argdown/testdata) and the Argdown
# parser's fixtures: where the CLI reads the original, it must read the same
# counts from the export.
mkdir -p "$tmp/orig" "$tmp/back"
fixtures=""
[ -d "$shared/fixtures" ] && fixtures="$shared/fixtures/*.argdown"
# shellcheck disable=SC2086 # the glob expands here
for f in "$root"/internal/argdown/testdata/*.argdown $fixtures; do
	name=$(basename "$f" .argdown)
	"$argdown" json "$f" "$tmp/orig" >"$tmp/cli.log" 2>&1 || true
	if [ ! -f "$tmp/orig/$name.json" ]; then
		echo "skip $name: the Argdown CLI refuses the original"
		continue
	fi
	store="$tmp/own-$name.db"
	"$tmp/argmap" import --store "$store" "$f" 2>"$tmp/import.log" || { cat "$tmp/import.log"; failed=1; continue; }
	"$tmp/argmap" export --store "$store" --format argdown -o "$tmp/back/$name.argdown" 2>/dev/null || { failed=1; continue; }
	runcli "$tmp/back/$name.argdown" "$tmp/back" || { failed=1; continue; }
	node "$dir/compare.mjs" "$tmp/back/$name.json" "$tmp/orig/$name.json" || failed=1
done

# An extracted document's map, exported as Argdown.
store="$tmp/extracted.db"
"$tmp/argmap" ingest --store "$store" "$root/scripts/demo/corpus" >/dev/null 2>"$tmp/ingest.log" || { cat "$tmp/ingest.log"; exit 1; }
"$tmp/argmap" export --store "$store" --format argdown -o "$tmp/extracted.argdown" 2>/dev/null
mkdir -p "$tmp/out2"
if runcli "$tmp/extracted.argdown" "$tmp/out2" map; then
	echo "ok the demo corpus's extracted map: $(node -e 'const d=require(process.argv[1]);console.log(Object.keys(d.arguments).length+" arguments, "+Object.keys(d.statements).length+" statements, "+d.relations.length+" relations")' "$tmp/out2/extracted.json")"
else
	failed=1
fi
exit $failed
