#!/usr/bin/env python3
"""Time argmap's supporters answers over HTTP (used by scripts/bench-answers.sh).

    latency.py queries STORE.db N OUT.txt          write N claim IDs and N text queries (seeded)
    latency.py time BASE_URL QUERIES.txt [EXTRA]   time GET /v1/supporters?q=... for each query
    latency.py paths QUERIES.txt OUT.txt [EXTRA]   write each query's request path (for wrk)

queries: the claim IDs are claims that relations point at (what a user asks
about by ID); the text queries are four words of a stored claim, each claim
picked at random with a fixed seed. Lines are "id<TAB>q" or "text<TAB>q", in
turn.
time: every query is asked once to warm up, then once more timed, in turn,
one at a time; prints p50/p90/p99 (ms) and the mean answer size per kind.
EXTRA is appended to every URL (e.g. "&full=true").
"""
import random
import sqlite3
import sys
import time
import urllib.parse
import urllib.request


def queries(db, n, out):
    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    r = random.Random(15)
    ids = [row[0] for row in c.execute("SELECT DISTINCT to_id FROM relations WHERE to_id LIKE 'clm_%' ORDER BY to_id")]
    texts = [row[0] for row in c.execute("SELECT text FROM claims ORDER BY pk")]
    lines = [["id\t%s\n" % i] for i in r.sample(ids, n)]
    for k, t in enumerate(r.sample(texts, n)):
        words = [w.strip(".,;:").lower() for w in t.split()]
        words = [w for w in words if w]
        r.shuffle(words)
        lines[k].append("text\t%s\n" % " ".join(words[:4]))
    with open(out, "w") as f:
        for pair in lines:
            f.writelines(pair)


def timed(base, qfile, extra):
    qs = [line.rstrip("\n").split("\t", 1) for line in open(qfile) if line.strip()]
    def get(q):
        url = base + "/v1/supporters?q=" + urllib.parse.quote(q) + extra
        with urllib.request.urlopen(url) as resp:
            return len(resp.read())
    for _, q in qs:
        get(q)
    res = {}
    for kind, q in qs:
        t0 = time.perf_counter()
        size = get(q)
        res.setdefault(kind, []).append(((time.perf_counter() - t0) * 1000, size))
    for kind in ("id", "text"):
        ts = sorted(t for t, _ in res.get(kind, []))
        if not ts:
            continue
        n = len(ts)
        size = sum(s for _, s in res[kind]) / n
        print("supporters by %-4s n=%d p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  mean answer %.0f KB"
              % (kind, n, ts[n // 2], ts[int(n * 0.9)], ts[min(n - 1, int(n * 0.99))], ts[-1], size / 1000))


def paths(qfile, out, extra):
    with open(out, "w") as f:
        for line in open(qfile):
            if line.strip():
                f.write("/v1/supporters?q=%s%s\n" % (urllib.parse.quote(line.rstrip("\n").split("\t", 1)[1]), extra))


if __name__ == "__main__":
    if sys.argv[1] == "queries":
        queries(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "paths":
        paths(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "")
    elif sys.argv[1] == "time":
        timed(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "")
    else:
        sys.exit(__doc__)
