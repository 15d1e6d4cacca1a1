#!/usr/bin/env python3
"""Compile WordNet 3.0 (Debian package wordnet-base) into the compact table
internal/extract/lexicon embeds: lemmas with the synsets of their commonest
senses and of their derivationally related forms and pertainyms (internally ~
internal), antonyms, and the morphological exception lists.

    apt-get install -y wordnet-base
    python3 scripts/build-lexicon.py [/usr/share/wordnet] [internal/extract/lexicon]

Output (gzip, deterministic): one line per lemma
    lemma <TAB> concepts <TAB> antonyms
where concepts and antonyms are comma-separated base-36 synset numbers
(renumbered densely), and one line per inflected form
    =form <TAB> lemma[,lemma...]
The WordNet licence is written beside the table (WORDNET-LICENSE); it must
travel with every copy.
"""
import gzip
import os
import sys

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
# how many senses of each lemma count: WordNet lists senses commonest first;
# at most this many, and no more than the senses seen in its tagged corpus
# (at least one)
MAX_SENSES = 2


def b36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out


def plain(w):
    return w.isascii() and all(c.isalpha() or c in "-'" for c in w) and len(w) > 1


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    dst = sys.argv[2] if len(sys.argv) > 2 else "internal/extract/lexicon"
    # synsets: (pos, offset) -> (words, pointers)
    synsets = {}
    for name, p in POS.items():
        with open(os.path.join(src, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split(" | ")[0].split()
                off, ss = fields[0], fields[2]
                wcnt = int(fields[3], 16)
                words = [fields[4 + 2 * i].lower() for i in range(wcnt)]
                words = [w.split("(")[0] for w in words]
                i = 4 + 2 * wcnt
                pcnt = int(fields[i])
                ptrs = []
                for k in range(pcnt):
                    sym, toff, tpos, st = fields[i + 1 + 4 * k: i + 5 + 4 * k]
                    tpos = "a" if tpos == "s" else tpos
                    ptrs.append((sym, toff, tpos, int(st[:2], 16), int(st[2:], 16)))
                synsets[(p, off)] = (words, ptrs)
    concepts = {}
    antonyms = {}
    for name, p in POS.items():
        with open(os.path.join(src, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                lemma = fields[0]
                if not plain(lemma):
                    continue
                ncount = int(fields[2])
                pcnt = int(fields[3])
                tagged = int(fields[5 + pcnt])
                offs = fields[6 + pcnt: 6 + pcnt + ncount]
                k = max(1, min(MAX_SENSES, tagged))
                cs = concepts.setdefault(lemma, [])
                ants = antonyms.setdefault(lemma, [])
                for off in offs[:k]:
                    key = (p, off)
                    if key not in synsets:
                        continue
                    if key not in cs:
                        cs.append(key)
                    words, ptrs = synsets[key]
                    idx = words.index(lemma) + 1 if lemma in words else -1
                    for sym, toff, tpos, s, t in ptrs:
                        if s not in (0, idx):
                            continue
                        tk = (tpos, toff)
                        if sym in ("+", "\\") and tk not in cs:
                            cs.append(tk)
                        elif sym == "!" and tk not in ants:
                            ants.append(tk)
    # dense numbering of the synsets used, in order of first use by sorted lemma
    number = {}
    lines = []
    for lemma in sorted(concepts):
        cs = concepts[lemma]
        if not cs:
            continue
        row = []
        for group in (cs, antonyms.get(lemma, [])):
            ids = []
            for key in group:
                if key not in number:
                    number[key] = len(number)
                ids.append(b36(number[key]))
            row.append(",".join(ids))
        lines.append(lemma + "\t" + row[0] + "\t" + row[1])
    exc = {}
    for name in POS:
        with open(os.path.join(src, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 2 or not plain(parts[0]):
                    continue
                for lemma in parts[1:]:
                    if lemma in concepts and lemma != parts[0]:
                        exc.setdefault(parts[0], [])
                        if lemma not in exc[parts[0]]:
                            exc[parts[0]].append(lemma)
    for form in sorted(exc):
        lines.append("=" + form + "\t" + ",".join(exc[form]))
    data = ("\n".join(lines) + "\n").encode()
    with open(os.path.join(dst, "wordnet.tsv.gz"), "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
            gz.write(data)
    # the licence paragraph of the Debian copyright file
    lic = []
    with open("/usr/share/doc/wordnet-base/copyright", encoding="utf-8") as f:
        inside = False
        for line in f:
            if line.startswith("License: WordNet3.0") and not inside and lic == []:
                inside = True
                continue
            if inside:
                if not line.startswith(" "):
                    break
                lic.append("" if line.strip() == "." else line[1:].rstrip())
    with open(os.path.join(dst, "WORDNET-LICENSE"), "w", encoding="utf-8") as f:
        f.write("WordNet 3.0 licence (the table wordnet.tsv.gz is compiled from WordNet 3.0)\n\n")
        f.write("\n".join(lic).strip() + "\n")
    print(f"{len(concepts)} lemmas, {len(number)} synsets, {len(exc)} exceptions, {len(data)} bytes raw", file=sys.stderr)


if __name__ == "__main__":
    main()
