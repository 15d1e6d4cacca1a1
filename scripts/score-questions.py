#!/usr/bin/env python3
"""Score argmap's answers to analyst questions.

    scripts/score-questions.py [questions.json ...] [-v] [--depth N] [--labels FILE]

Builds argmap, ingests the IOM documents (../shared/corpus/iom) and the demo
corpus (scripts/demo/corpus) into a temporary SQLite store, asks every
question with `argmap supporters --format json`, and prints support and
contest recall and precision (micro-averaged over questions). Sources a
question lists under "either" are not counted for or against. -v prints each
question's misses and false positives. Several files are scored on one store,
each on its own and then pooled. --labels FILE (scripts/testdata/stating-spans.json)
also counts, of the sources found on the side a set lists them on that the labels
give spans for, those the answer quotes (directly, not through a chain) by a
labelled span: whether the quote shown states the question, not only the source.
"""
import difflib
import hashlib
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
    labels = None
    if "--labels" in argv:
        i = argv.index("--labels")
        labels = read_labels(argv[i + 1])
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
        pooled = {"support": [0] * 5, "contest": [0] * 5}
        count = 0
        for qfile, questions in sets:
            if len(sets) > 1:
                print(f"== {os.path.basename(qfile)}")
            tally = score(binary, store, depth, questions, verbose, labels, os.path.basename(qfile))
            report(len(questions), tally)
            count += len(questions)
            for side in pooled:
                pooled[side] = [a + b for a, b in zip(pooled[side], tally[side])]
        if len(sets) > 1:
            print("== pooled")
            report(count, pooled)


def read_labels(path):
    """The labels file's spans by (set, question, source, side): those given as
    text, and those given by place ("at": an IOM document's spans) read from
    the document in ../shared/corpus/iom."""
    with open(path, encoding="utf-8") as f:
        labels = json.load(f)["labels"]
    return {(l["set"], l["q"], l["source"], l["side"]): l["spans"] + [span_at(l["source"], a) for a in l.get("at", [])]
            for l in labels}


def span_at(source, at):
    """The text of a span given by place in an IOM document, as argmap stores
    the text (line breaks normalised as extract.NormalizeBreaks does: the same
    length); an error when the text there is not the labelled one."""
    d = os.path.join(ROOT, "..", "shared", "corpus", "iom")
    names = [n for n in sorted(os.listdir(d)) if source.startswith("iom/") and n.startswith(source[4:] + "_")]
    if not names:
        sys.exit(f"labels: no document for {source} in {d}")
    with open(os.path.join(d, names[0]), "rb") as f:
        text = normalize_breaks(f.read())
    b = text[at["start"]:at["end"]]
    if hashlib.sha256(b).hexdigest()[:12] != at["sha256"]:
        sys.exit(f"labels: {source} at {at['start']}-{at['end']} is not the labelled text")
    return b.decode("utf-8")


def normalize_breaks(b):
    """extract.NormalizeBreaks on bytes: CR LF, CR, NEL, LS and PS become line
    breaks and spaces of the same length."""
    for old, new in ((b"\r\n", b" \n"), (b"\r", b"\n"), ("\u0085".encode(), b"\n "),
                     ("\u2028".encode(), b"\n  "), ("\u2029".encode(), b"\n\n ")):
        b = b.replace(old, new)
    return b


def states(quote, spans):
    """Whether a quote overlaps a labelled span by at least half of the shorter
    (whitespace aside): a clause of the stating sentence, or a passage holding it."""
    a = " ".join(quote.split())
    for sp in spans:
        b = " ".join(sp.split())
        m = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
        if a and b and 2 * m.size >= min(len(a), len(b)):
            return True
    return False


def score(binary, store, depth, questions, verbose, labels=None, qset=None):
    """Asks every question and returns the tally: side -> [hits, wanted, listed,
    hits with labelled spans, those quoted by a labelled span]."""
    tally = {"support": [0] * 5, "contest": [0] * 5}
    for q in questions:
        p = subprocess.run([binary, "supporters", "--store", store, "--format", "json"] + depth + [q["q"]],
                           cwd=ROOT, capture_output=True, text=True)
        got = {"support": set(), "contest": set()}
        quotes = {"support": {}, "contest": {}}
        if p.returncode == 0:
            ans = json.loads(p.stdout)
            for side, field in (("support", "supporting"), ("contest", "contesting")):
                for b in ans.get(field) or []:
                    got[side].add(key(b["source"]["uri"]))
                    quotes[side].setdefault(key(b["source"]["uri"]), []).extend(
                        x["quote"] for x in b.get("quotes") or [] if not x.get("chain"))
        either = set(q.get("either", []))
        lines = []
        for side in ("support", "contest"):
            want = set(q[side])
            listed = got[side] - either
            t = tally[side]
            t[0] += len(want & got[side])
            t[1] += len(want)
            t[2] += len(listed)
            for src in want & got[side]:
                spans = (labels or {}).get((qset, q["q"], src, side))
                if spans:
                    t[3] += 1
                    t[4] += any(states(x, spans) for x in quotes[side].get(src, []))
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
        hits, wanted, listed = tally[side][:3]
        r = hits / wanted if wanted else 1.0
        pr = hits / listed if listed else 1.0
        print(f"{side}: recall {r:.2f} ({hits}/{wanted}) precision {pr:.2f} ({hits}/{listed})")
        if len(tally[side]) > 3 and tally[side][3]:
            print(f"{side} quotes: {tally[side][4]} of the {tally[side][3]} sources found that the labels mark spans of are quoted by a labelled span")

if __name__ == "__main__":
    main()
