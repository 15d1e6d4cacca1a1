#!/usr/bin/env bash
# cv-structure.sh — 5-fold cross-validation of the argument-structure parser on
# microtexts2 (../shared/data/microtexts2, CC BY-NC-SA: read in place, never
# copied). Texts are split into folds by topic (argmap train-structure
# --folds); for each fold the parser is trained on the other four, the fold is
# extracted with those weights, and ../shared/eval/score_micro.py scores it on
# a temporary directory of symlinks to the fold's .txt/.xml. Prints each fold's
# scores and the mean, then the scores of all folds' predictions on two parts
# of the corpus: the texts that restate their central claim (its gold unit is
# two or more EDUs apart, so the scorer's span of it holds most of the text and
# every unit inside stands for the central claim: their relations cannot be
# matched) and the others.
#
# Our own labelled texts (internal/extract/structure/owntexts, or EXTRA_DIR;
# "-" for none) are in every fold's training, as in the shipped weights: they
# train the segmenter and the central claim, and are never scored.
#
# CV_KEEP=DIR keeps the five folds' predictions, as DIR/predictions.jsonl, for
# scripts/structure-errors.py (where the relations are lost).
#
#   scripts/cv-structure.sh [DATA_DIR] [FOLDS] [EXTRA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(cd "${1:-../shared/data/microtexts2}" && pwd)
k=${2:-5}
extra=()
if [ "${3:-internal/extract/structure/owntexts}" != "-" ]; then
	extra=(--extra "$(cd "${3:-internal/extract/structure/owntexts}" && pwd)")
fi
scorer=$(cd "$(dirname "$data")/../eval" 2>/dev/null && pwd)/score_micro.py
[ -f "$scorer" ] || scorer=$(pwd)/../shared/eval/score_micro.py
[ -f "$scorer" ] || { echo "cv-structure: score_micro.py not found" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/argmap" ./cmd/argmap
for ((f = 0; f < k; f++)); do
	dir="$tmp/fold$f"
	mkdir -p "$dir"
	"$tmp/argmap" train-structure --data "$data" --folds "$k" --fold "$f" --list-fold -o /dev/null >"$tmp/names$f"
	while read -r name; do
		ln -s "$data/$name" "$dir/$name"
		ln -s "$data/${name%.txt}.xml" "$dir/${name%.txt}.xml"
	done <"$tmp/names$f"
	"$tmp/argmap" train-structure --data "$data" "${extra[@]}" --folds "$k" --fold "$f" -o "$tmp/w$f.json" 2>/dev/null
	"$tmp/argmap" extract --structure-weights "$tmp/w$f.json" --format jsonl "$dir"/*.txt >"$tmp/p$f.jsonl"
	echo "fold $f: $(python3 "$scorer" "$dir" "$tmp/p$f.jsonl")"
done | tee "$tmp/folds"
python3 - "$tmp/folds" <<'PY'
import json, sys
rows = [json.loads(l.split(": ", 1)[1]) for l in open(sys.argv[1])]
keys = ["central_claim_acc", "relation_p", "relation_r", "relation_f1", "stance_acc_on_attached"]
print("mean over %d folds (%d texts): %s" % (len(rows), sum(r["texts"] for r in rows),
      json.dumps({k: round(sum(r[k] for r in rows) / len(rows), 3) for k in keys})))
PY
cat "$tmp"/p*.jsonl >"$tmp/all.jsonl"
if [ -n "${CV_KEEP:-}" ]; then
	mkdir -p "$CV_KEEP"
	cp "$tmp/all.jsonl" "$CV_KEEP/predictions.jsonl"
fi
mkdir -p "$tmp/plain" "$tmp/restated"
python3 - "$data" "$tmp" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET
data, tmp = sys.argv[1], sys.argv[2]
for x in sorted(glob.glob(os.path.join(data, "micro_*.xml"))):
    g = ET.parse(x).getroot()
    sources = {e.get("src") for e in g.findall("edge") if e.get("type") in ("sup", "exa", "reb", "und")}
    order = [e.get("id") for e in g.findall("edu")]
    restated = False
    for a in g.findall("adu"):
        edus = sorted(order.index(e.get("src")) for e in g.findall("edge") if e.get("type") == "seg" and e.get("trg") == a.get("id"))
        if a.get("id") not in sources and len(edus) > 1 and edus[-1] - edus[0] >= len(edus):
            restated = True
    part = "restated" if restated else "plain"
    name = os.path.basename(x)[:-4]
    for ext in (".txt", ".xml"):
        os.symlink(os.path.join(data, name + ext), os.path.join(tmp, part, name + ext))
PY
for part in plain restated; do
	echo "$part texts: $(python3 "$scorer" "$tmp/$part" "$tmp/all.jsonl")"
done
