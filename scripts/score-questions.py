#!/usr/bin/env python3
"""Score argmap's answers to analyst questions.

    scripts/score-questions.py [questions.json ...] [-v] [--depth N]

Builds argmap, ingests the IOM documents (../shared/corpus/iom) and the demo
corpus (scripts/demo/corpus) into a temporary SQLite store, asks every
question with `argmap supporters --format json`, and prints support and
contest recall and precision (micro-averaged over questions). Sources a
question lists under "either" are not counted for or against. -v prints each
question's misses and false positives. Several files are scored on one store,
each on its own and then pooled.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def key(uri):
    """iom/000 for ../shared/corpus/iom/000_....txt, demo/01 for scripts/demo/corpus/01-...."""
    d, name = os.path.split(uri)
    if os.path.basename(d) == "iom":
        return "iom/" + name[:3]
    if os.path.basename(d) == "corpus":
        return "demo/" + name[:2]
    return uri


def main():
    argv = sys.argv[1:]
    depth = []
    if "--depth" in argv:
        i = argv.index("--depth")
        depth = ["--depth", argv[i + 1]]
        del argv[i:i + 2]
    args = [a for a in argv if a != "-v"]
    verbose = "-v" in argv
    qfiles = args or [os.path.join(ROOT, "scripts", "testdata", "questions.json")]
    iom = os.path.join(ROOT, "..", "shared", "corpus", "iom")
    if not os.path.isdir(iom):
        sys.exit("score-questions: ../shared/corpus/iom is absent beside the checkout")
    sets = []
    for qfile in qfiles:
        with open(qfile, encoding="utf-8") as f:
            sets.append((qfile, json.load(f)["questions"]))
    with tempfile.TemporaryDirectory() as tmp:
        binary = os.path.join(tmp, "argmap")
        subprocess.run(["go", "build", "-o", binary, "./cmd/argmap"], cwd=ROOT, check=True)
        store = os.path.join(tmp, "argmap.db")
        subprocess.run([binary, "ingest", "--store", store, iom, os.path.join(ROOT, "scripts", "demo", "corpus")],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pooled = {"support": [0, 0, 0], "contest": [0, 0, 0]}
        count = 0
        for qfile, questions in sets:
            if len(sets) > 1:
                print(f"== {os.path.basename(qfile)}")
            tally = score(binary, store, depth, questions, verbose)
            report(len(questions), tally)
            count += len(questions)
            for side in pooled:
                pooled[side] = [a + b for a, b in zip(pooled[side], tally[side])]
        if len(sets) > 1:
            print("== pooled")
            report(count, pooled)


def score(binary, store, depth, questions, verbose):
    """Asks every question and returns the tally: side -> [hits, wanted, listed]."""
    tally = {"support": [0, 0, 0], "contest": [0, 0, 0]}
    for q in questions:
        p = subprocess.run([binary, "supporters", "--store", store, "--format", "json"] + depth + [q["q"]],
                           cwd=ROOT, capture_output=True, text=True)
        got = {"support": set(), "contest": set()}
        if p.returncode == 0:
            ans = json.loads(p.stdout)
            got["support"] = {key(b["source"]["uri"]) for b in ans.get("supporting") or []}
            got["contest"] = {key(b["source"]["uri"]) for b in ans.get("contesting") or []}
        either = set(q.get("either", []))
        lines = []
        for side in ("support", "contest"):
            want = set(q[side])
            listed = got[side] - either
            t = tally[side]
            t[0] += len(want & got[side])
            t[1] += len(want)
            t[2] += len(listed)
            if want - got[side]:
                lines.append(f"  {side} missed: {' '.join(sorted(want - got[side]))}")
            if listed - want:
                lines.append(f"  {side} wrong:  {' '.join(sorted(listed - want))}")
        if verbose and lines:
            print(q["q"])
            print("\n".join(lines))
    return tally


def report(n, tally):
    print(f"{n} questions")
    for side in ("support", "contest"):
        hits, wanted, listed = tally[side]
        r = hits / wanted if wanted else 1.0
        pr = hits / listed if listed else 1.0
        print(f"{side}: recall {r:.2f} ({hits}/{wanted}) precision {pr:.2f} ({hits}/{listed})")

if __name__ == "__main__":
    main()
