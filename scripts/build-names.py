#!/usr/bin/env python3
"""Compile the proper names of WordNet 3.0 (Debian package wordnet-base) that
name actors, and the places that do not, into the table the actor finder
embeds (internal/extract/lexicon/names.tsv.gz):

- countries and other states: noun synsets under "country, state, land" or
  "state, nation, country" that are named (capitalised lemmas, no hyponyms of
  their own): Germany, United Kingdom, Mauritania;
- organisations: named synsets under "organization": United Nations, World
  Bank, Red Cross, Interpol;
- places that are not actors: named physical entities that are not living
  things (cities, regions, continents, seas, buildings): London, North
  Africa, Europe, Mediterranean;
- demonyms: capitalised adjectives whose pertainym is a state (Mauritanian ->
  Mauritania, Greek -> Greece);
- acronyms that name no actor: all-capital forms whose commonest sense is
  neither a state nor an organisation (URL, DNA, AIDS), so that a text's
  "the URL is" is not read as an organisation acting.

A form counts for the commonest of its senses that WordNet writes with that
case (index order), so "Georgia" is the American state (a place) and
"Europe" the continent, not the European Union.

    apt-get install -y wordnet-base
    python3 scripts/build-names.py [/usr/share/wordnet] [internal/extract/lexicon]

Output (gzip, deterministic), one line per form:
    form <TAB> kind <TAB> canonical name <TAB> flags
kind is s (state), o (organisation), p (place), d (demonym; canonical is
the state) or x (an acronym of something else); flags has c when the form written in lower case is also a common
English word in WordNet ("Chad" ~ chad, "Labour" ~ labour), so that a
capital at the start of a sentence does not make it a name. The WordNet
licence is beside the table (WORDNET-LICENSE, written by build-lexicon.py).
"""
import gzip
import os
import sys

ORGANIZATION = "08008335"  # organization, organisation: a group of people who work together
COUNTRIES = {"08544813", "08168978"}  # country, state, land; state, nation, country, land ...
PHYSICAL = "00001930"  # physical entity: places, lands, seas, buildings ...
LIVING = "00004258"  # living thing: people, animals (not places)


def read_synsets(path, pos):
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            off = fields[0]
            wcnt = int(fields[3], 16)
            words = [fields[4 + 2 * i].split("(")[0].replace("_", " ") for i in range(wcnt)]
            i = 4 + 2 * wcnt
            pcnt = int(fields[i])
            ptrs = []
            for k in range(pcnt):
                sym, toff, tpos, _ = fields[i + 1 + 4 * k: i + 5 + 4 * k]
                ptrs.append((sym, toff, tpos))
            out[off] = (words, ptrs)
    return out


def read_index(path):
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma = fields[0]
            scnt = int(fields[2])
            out[lemma] = fields[-scnt:]
    return out


def named(w):
    return w[:1].isupper() and all(c.isalpha() or c in " -.'" for c in w) and w.isascii()


def acronym(w):
    letters = w.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    dst = sys.argv[2] if len(sys.argv) > 2 else "internal/extract/lexicon"
    nouns = read_synsets(os.path.join(src, "data.noun"), "n")
    adjs = read_synsets(os.path.join(src, "data.adj"), "a")
    index = read_index(os.path.join(src, "index.noun"))
    common = set()
    for name in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(src, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split(" | ")[0].split()
                for i in range(int(fields[3], 16)):
                    w = fields[4 + 2 * i].split("(")[0]
                    if w[:1].islower():
                        common.add(w.lower().replace("_", " "))
    closure = {}

    def up(off):
        if off in closure:
            return closure[off]
        closure[off] = set()
        out = set()
        for sym, t, _ in nouns[off][1]:
            if sym in ("@", "@i"):
                out.add(t)
                out |= up(t)
        closure[off] = out
        return out

    def kind_of(off):
        words, ptrs = nouns[off]
        if not named(words[0]):
            return None
        # a class ("European country", "United Nations agency") has
        # hyponyms and is no instance itself
        if not any(sym == "@i" for sym, _, _ in ptrs) and any(sym in ("~", "~i") for sym, _, _ in ptrs):
            return None
        above = up(off)
        if above & COUNTRIES:
            return "s"
        if ORGANIZATION in above:
            return "o"
        if PHYSICAL in above and LIVING not in above:
            return "p"
        return None

    def first_sense(w):
        # the commonest sense written this way, an actor's before a place's:
        # Niger the state, not the river
        senses = [o for o in index.get(w.lower().replace(" ", "_"), []) if w in nouns[o][0]]
        for o in senses:
            if kind_of(o) == "s":
                return o
        return senses[0] if senses else None

    def canonical(off, kind):
        words = nouns[off][0]
        if kind == "o":
            # the acronym of the first name, when the acronym means this
            # organisation first: United Nations -> UN, not Army -> USA
            initials = "".join(p[0] for p in words[0].replace("-", " ").split() if p[0].isupper())
            for w in words:
                if acronym(w) and "." not in w and len(w) >= 2 and w == initials and first_sense(w) == off:
                    return w
        return words[0]

    places = set()
    for off, (words, _) in nouns.items():
        if kind_of(off) == "p":
            places.update(w for w in words if " " not in w)
    rows = {}
    for off, (words, _) in nouns.items():
        kind = kind_of(off)
        if kind is None:
            continue
        for w in words:
            if not named(w) or len(w) < 2 or w in rows:
                continue
            # the commonest sense written this way decides
            if first_sense(w) != off:
                continue
            # a state's other name that ends in a place's ("Central Africa"
            # for the Central African Republic) names the region first
            last = w.split()[-1]
            if kind == "s" and w != words[0] and len(w.split()) == 2 and last in places:
                continue
            rows[w] = (kind, canonical(off, kind))
    for off, (words, _) in nouns.items():
        for w in words:
            letters = w.replace(".", "")
            if w in rows or not (2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()):
                continue
            first = first_sense(w)
            if first is not None and kind_of(first) not in ("s", "o"):
                rows[w] = ("x", nouns[first][0][0])
    for off, (words, ptrs) in adjs.items():
        for sym, t, tpos in ptrs:
            if sym != "\\" or tpos != "n" or t not in nouns:
                continue
            if kind_of(t) != "s":
                continue
            state = canonical(t, "s")
            for w in words:
                if named(w) and w not in rows:
                    rows[w] = ("d", state)
    lines = []
    for w in sorted(rows):
        kind, canon = rows[w]
        flags = "c" if w.lower() in common else ""
        lines.append(f"{w}\t{kind}\t{canon}\t{flags}\n")
    data = "".join(lines).encode()
    with open(os.path.join(dst, "names.tsv.gz"), "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as z:
            z.write(data)
    counts = {}
    for kind, _ in rows.values():
        counts[kind] = counts.get(kind, 0) + 1
    print(f"{len(rows)} forms: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
