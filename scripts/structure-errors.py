#!/usr/bin/env python3
"""Tell where the argument-structure parser loses relation F1 on microtexts.

    scripts/structure-errors.py DATA_DIR PRED.jsonl [--part plain|restated] [--central right|wrong]

DATA_DIR holds micro_*.txt with their gold micro_*.xml (../shared/data/microtexts2, read in place); PRED.jsonl is
`argmap extract --format jsonl` of its texts, e.g. the five folds' predictions that `scripts/cv-structure.sh` keeps
in CV_KEEP. Units and relations are matched as ../shared/eval/score_micro.py matches them (its own functions are
imported), so "found" here is its true positives. Each gold relation it misses, and each predicted relation it
counts wrong, is put in one class, the first that applies:

missed (gold a -> b):
  kind            a -> b is predicted with the other kind
  undercut        a is predicted to undercut b's relation (scored as no relation)
  seg: source     no predicted unit stands for a (merged into a neighbour)
  seg: target     none stands for b
  a is central    a is the predicted central claim
  no relation     a has no scored relation (e.g. it undercuts another relation)
  target: ...     a bears on another unit: the gold target is or is not the central claim, and so is the predicted
wrong (predicted a -> b):
  kind            a -> b is gold with the other kind
  self            a and b stand for one gold unit (a unit split in two)
  linked          a is a linked premise (microtexts' "add"): the scorer keeps no relation from it
  a is central    a is the gold central claim
  gold undercut   a undercuts a relation in the gold (not scored)
  target: ...     as above
undercuts (predicted a undercuts the relation of b): the scorer counts none of them, right or wrong, so a wrong
  relation turned into an undercut raises precision; they are listed apart: right (a undercuts b's relation in the
  gold), gold attacks b (a rebuttal), gold supports b, other target.
Each class is also split by whether the text's central claim was found. The restated texts (central claim said
again at the end: its span covers the text, see cv-structure.sh) are their own part.
"""
import argparse
import collections
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))


def load_scorer(data_dir):
    for d in (os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(data_dir))), "eval"),
              os.path.join(HERE, "..", "..", "shared", "eval")):
        if os.path.exists(os.path.join(d, "score_micro.py")):
            sys.path.insert(0, d)
            import score_micro
            return score_micro
    sys.exit("structure-errors: score_micro.py not found")


def restated(root):
    """The text restates its central claim: a unit with no relation whose EDUs lie apart (as cv-structure.sh)."""
    sources = {e.get("src") for e in root.findall("edge") if e.get("type") in ("sup", "exa", "reb", "und")}
    order = [e.get("id") for e in root.findall("edu")]
    for a in root.findall("adu"):
        edus = sorted(order.index(e.get("src")) for e in root.findall("edge")
                      if e.get("type") == "seg" and e.get("trg") == a.get("id"))
        if a.get("id") not in sources and len(edus) > 1 and edus[-1] - edus[0] >= len(edus):
            return True
    return False


def target_class(gold_target, pred_target, central):
    g = "central" if gold_target in central else "other"
    p = "central" if pred_target in central else "other"
    return "target: gold %s, predicted %s" % (g, p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("pred")
    ap.add_argument("--part", choices=("plain", "restated"))
    ap.add_argument("--central", choices=("right", "wrong"))
    args = ap.parse_args()
    sm = load_scorer(args.data)
    pred = collections.defaultdict(list)
    with open(args.pred, encoding="utf-8") as f:
        for line in f:
            try:
                o = json.loads(line)
            except ValueError:
                continue
            pred[o.get("doc")].append(o)
    missed, wrong, und = collections.Counter(), collections.Counter(), collections.Counter()
    found = gold_n = pred_n = texts = 0
    for xml in sorted(glob.glob(os.path.join(args.data, "micro_*.xml"))):
        root = ET.parse(xml).getroot()
        if args.part and (args.part == "restated") != restated(root):
            continue
        doc = os.path.basename(xml)[:-4] + ".txt"
        with open(os.path.join(args.data, doc), encoding="utf-8") as f:
            txt = f.read()
        adus, central, rels = sm.gold_for(xml, txt)
        edges = {e.get("id"): e.attrib for e in root.findall("edge")}
        linked = {e["src"] for e in edges.values() if e["type"] == "add"}
        gold_head = {}  # a -> its target unit (for an undercut: the source of the relation it attacks)
        for e in edges.values():
            if e["type"] in ("sup", "exa", "reb"):
                gold_head[e["src"]] = e["trg"]
        gold_und = {e["src"]: edges[e["trg"]]["src"] for e in edges.values()
                    if e["type"] == "und" and e["trg"] in edges}
        gold_kind = {e["src"]: e["type"] for e in edges.values() if e["type"] in ("sup", "exa", "reb")}
        P = pred.get(doc, [])
        units = {o["id"]: (o["start"], o["end"]) for o in P
                 if o.get("type") in ("claim", "evidence") and "id" in o and "start" in o}
        unit_of = {k: sm.best_adu(v, adus) for k, v in units.items()}
        claims = [o for o in P if o.get("type") == "claim" and "start" in o]
        mains = [o for o in claims if o.get("main")] or sorted(claims, key=lambda o: -float(o.get("score") or 0))[:1]
        pred_central = sm.best_adu((mains[0]["start"], mains[0]["end"]), adus) if mains else None
        cc_right = pred_central in central
        if args.central and (args.central == "right") != cc_right:
            continue
        texts += 1
        cc = "central right" if cc_right else "central wrong"
        relations = {o["id"]: o for o in P if o.get("type") == "relation"}
        got, targets, undercuts = set(), collections.defaultdict(set), collections.defaultdict(set)
        for o in relations.values():
            to = o.get("to")
            for f in o.get("from") or []:
                a = unit_of.get(f)
                if not a:
                    continue
                if to in relations:
                    for g in relations[to].get("from") or []:
                        if unit_of.get(g):
                            undercuts[a].add(unit_of[g])
                    continue
                b = unit_of.get(to)
                if b:
                    got.add((a, b, o.get("kind")))
                    targets[a].add(b)
        matched = {a for a in unit_of.values() if a}
        gold_pairs = {(a, b) for a, b, _ in rels}
        gold_n += len(rels)
        pred_n += len(got)
        for a, b, k in rels:
            if (a, b, k) in got:
                found += 1
                continue
            if b in targets[a]:
                c = "kind"
            elif b in undercuts[a]:
                c = "undercut"
            elif a not in matched:
                c = "seg: source"
            elif b not in matched:
                c = "seg: target"
            elif a == pred_central:
                c = "a is central"
            elif not targets[a]:
                c = "no relation"
            else:
                c = target_class(b, sorted(targets[a])[0], central)
            missed[c] += 1
            missed[(c, cc)] += 1
        for a, bs in undercuts.items():
            for b in bs:
                if gold_und.get(a) == b:
                    c = "right"
                elif gold_head.get(a) == b:
                    c = "gold attacks b" if gold_kind[a] == "reb" else "gold supports b"
                else:
                    c = "other target"
                und[c] += 1
                und[(c, cc)] += 1
        for a, b, k in got:
            if (a, b, k) in rels:
                continue
            if (a, b) in gold_pairs:
                c = "kind"
            elif a == b:
                c = "self"
            elif a in linked:
                c = "linked"
            elif a in central:
                c = "a is central"
            elif a in gold_und:
                c = "gold undercut"
            elif a in gold_head:
                c = target_class(gold_head[a], b, central)
            else:
                c = "other"
            wrong[c] += 1
            wrong[(c, cc)] += 1
    p = found / pred_n if pred_n else 0.0
    r = found / gold_n if gold_n else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("%d texts: %d gold relations, %d predicted, %d found (P %.3f R %.3f F1 %.3f)" %
          (texts, gold_n, pred_n, found, p, r, f1))
    for title, counts in (("missed", missed), ("wrong", wrong), ("undercuts (not scored)", und)):
        print(title + ":")
        for c, n in sorted(((c, n) for c, n in counts.items() if isinstance(c, str)), key=lambda x: -x[1]):
            print("  %-40s %4d   (central right %d, wrong %d)" %
                  (c, n, counts[(c, "central right")], counts[(c, "central wrong")]))


if __name__ == "__main__":
    main()
