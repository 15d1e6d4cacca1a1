#!/usr/bin/env python3
"""Compile WordNet 3.0 (Debian package wordnet-base) into the compact table
internal/extract/lexicon embeds: lemmas with the synsets of their commonest
senses and of their derivationally related forms and pertainyms (internally ~
internal; an adverb's adjective's own too: legally ~ legal ~ law), antonyms, near synsets (hypernyms up to two levels, hyponyms of
narrow synsets, similar adjectives, also-see, entailments, verb groups,
attributes, and their derivations; never the most general synsets), parts of
speech, and the morphological exception lists. Antonyms are those of the
lemma's synsets: WordNet says antonymy between two words, and it holds for
their synonyms in those senses too. Multiword verbs, adverbs and
adjectives (keep away, talk out of, close to) are lemmas with their words
joined by spaces.

    apt-get install -y wordnet-base
    python3 scripts/build-lexicon.py [/usr/share/wordnet] [internal/extract/lexicon]
    go test ./internal/extract/lexicon -run TestImage -update   # the image the binary embeds

Output (gzip, deterministic): a first line
    #pos <TAB> where the noun, verb, adjective and adverb synset numbers start
then one line per lemma
    lemma <TAB> concepts <TAB> antonyms <TAB> broader|narrower|related|genus <TAB> parts of speech (n v a r) [<TAB> -]
where a sixth field "-" marks an adjective whose commonest sense is defined as
an absence and that has no antonym ("silent", "missing"),
and concepts, antonyms and the near lists are comma-separated base-36 synset numbers
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
# a hyponym is near its hypernym only when the hypernym is narrow (has at
# most this many hyponyms): "crisis" ~ "emergency", not "act" ~ everything
MAX_HYPONYMS = 12
# a synset with more hyponyms than this, or near the top of its hierarchy,
# is too general to say that two words are related ("act", "change")
MAX_GENERAL_HYPONYMS = 40
# a genus class (the verb synsets whose definitions open with the same verb)
# larger than this says too little to relate its members
MAX_GENUS_CLASS = 60
# the openings of a definition that says an absence: an adjective defined so
# ("silent", "missing", "sparse": not dense) and with no antonym is marked
# negative (a sixth field "-")
NEGATIVE_GLOSS = ("not ", "lacking", "without ", "failing to", "having no", "devoid of", "absence of",
                  "marked by absence", "marked by an absence", "no longer")


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


def phrase(w, p):
    """A multiword verb, adverb or adjective of two to four plain words
    (keep_away, take_out, talk_out_of, close_to): kept with its words
    joined by spaces. Multiword nouns are mostly names and species, and are
    left out."""
    parts = w.split("_")
    return p in "vra" and 2 <= len(parts) <= 4 and all(plain(x) or x in ("a", "i") for x in parts)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    dst = sys.argv[2] if len(sys.argv) > 2 else "internal/extract/lexicon"
    # synsets: (pos, offset) -> (words, pointers)
    synsets = {}
    glosses = {}  # verb synset offset -> its definition and examples
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
                if p in "va":
                    glosses[(p, off)] = line.split(" | ", 1)[1] if " | " in line else ""
    concepts = {}
    antonyms = {}
    near = {}
    pos_of = {}
    negative = set()
    for name, p in POS.items():
        with open(os.path.join(src, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                lemma = fields[0]
                if phrase(lemma, p):
                    lemma = lemma.replace("_", " ")
                elif not plain(lemma):
                    continue
                ncount = int(fields[2])
                pcnt = int(fields[3])
                tagged = int(fields[5 + pcnt])
                offs = fields[6 + pcnt: 6 + pcnt + ncount]
                k = max(1, min(MAX_SENSES, tagged))
                if p == "a" and "!" not in fields[4: 4 + pcnt] and offs:
                    # an adjective whose commonest sense is defined as an
                    # absence ("silent": marked by absence of sound;
                    # "missing": not able to be found) and that has no
                    # antonym to say it with (an opposite is matched as one)
                    g = glosses.get(("a", offs[0]), "").split(";")[0].strip().lower()
                    if g.startswith(NEGATIVE_GLOSS):
                        negative.add(lemma)
                cs = concepts.setdefault(lemma, [])
                ants = antonyms.setdefault(lemma, [])
                pos_of.setdefault(lemma, set()).add(p)
                for off in offs[:k]:
                    key = (p, off)
                    if key not in synsets:
                        continue
                    if key not in cs:
                        cs.append(key)
                    words, ptrs = synsets[key]
                    wl = lemma.replace(" ", "_")
                    idx = words.index(wl) + 1 if wl in words else -1
                    for sym, toff, tpos, s, t in ptrs:
                        tk = (tpos, toff)
                        if sym == "!":
                            # antonymy is said between two words, and holds
                            # for their synonyms in those senses: "employ"
                            # (hire, engage, employ) is opposed to "fire"
                            # as "hire" is
                            if tk not in ants:
                                ants.append(tk)
                            continue
                        if s not in (0, idx):
                            continue
                        if sym in ("+", "\\") and tk not in cs:
                            cs.append(tk)
                        if p == "r" and sym == "\\" and tk in synsets:
                            # an adverb says what the adjective it is
                            # derived from says, and that adjective's own
                            # derivations and pertainyms come with it
                            # (legally: legal, law; forcibly: forcible,
                            # force)
                            for sym2, toff2, tpos2, s2, _ in synsets[tk][1]:
                                tk2 = (tpos2, toff2)
                                if sym2 in ("+", "\\") and s2 in (0, t) and tk2 in synsets and tk2 not in cs:
                                    cs.append(tk2)
    # near concepts: what is related to a lemma's concepts without being
    # the same (hypernyms two levels up, direct hyponyms of narrow synsets,
    # similar adjectives, "also see", entailments, verb groups, attributes);
    # the related synsets' derivations come with them (harm ~ harmful)
    def hyponyms(key):
        return sum(1 for q in synsets[key][1] if q[0] in ("~", "~i"))

    depth_memo = {}

    def depth(key):
        """Steps from key up to a root of the hierarchy (shortest)."""
        if key in depth_memo:
            return depth_memo[key]
        depth_memo[key] = 0
        ups = [(q[2], q[1]) for q in synsets[key][1] if q[0] in ("@", "@i") and (q[2], q[1]) in synsets]
        d = 0 if not ups else 1 + min(depth(u) for u in ups)
        depth_memo[key] = d
        return d

    def general(key):
        """A synset too broad to relate words: many hyponyms, or near the top."""
        top = 4 if key[0] == "n" else 1
        return hyponyms(key) > MAX_GENERAL_HYPONYMS or (key[0] in "nv" and depth(key) < top)

    def related(key):
        """The synsets near key: (up, down, side) — hypernyms two levels up,
        hyponyms of a narrow synset, and the symmetric relations."""
        up, down, side = [], [], []
        _, ptrs = synsets[key]
        for sym, toff, tpos, s_, t_ in ptrs:
            tk = (tpos, toff)
            if tk not in synsets:
                continue
            if sym in ("@", "@i"):
                up.append(tk)
                for sym2, toff2, tpos2, _, _ in synsets[tk][1]:
                    if sym2 in ("@", "@i") and (tpos2, toff2) in synsets:
                        up.append((tpos2, toff2))
            elif sym in ("~", "~i"):
                if sum(1 for q in ptrs if q[0] in ("~", "~i")) <= MAX_HYPONYMS:
                    down.append(tk)
            elif sym in ("&", "^", "*", "$", "="):
                side.append(tk)
        return up, down, side

    for lemma, cs in concepts.items():
        groups = ([], [], [])
        for key in cs:
            for g, keys in zip(groups, related(key)):
                for tk in keys:
                    if tk not in cs and tk not in g and not general(tk):
                        g.append(tk)
                    for sym, toff, tpos, _, _ in synsets[tk][1]:
                        dk = (tpos, toff)
                        if sym in ("+", "\\") and dk in synsets and dk not in cs and dk not in g and not general(dk):
                            g.append(dk)
        near[lemma] = groups
    # genus: the verbs a verb synset's definition opens with ("prevent from
    # entering" of exclude, "hinder or prevent the progress" of obstruct):
    # synsets defined by the same verb form a class; a class of more than
    # MAX_GENUS_CLASS synsets ("make", "cause") is left out
    verb_index = {}
    with open(os.path.join(src, "index.verb"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                fields = line.split()
                verb_index[fields[0]] = fields[-int(fields[2]):]
    verb_exc = {}
    with open(os.path.join(src, "verb.exc"), encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                verb_exc.setdefault(parts[0], parts[1])

    def verb_lemma(w):
        if w in verb_exc:
            return verb_exc[w]
        if w in verb_index:
            return w
        for a, b in (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")):
            if w.endswith(a) and w[: -len(a)] + b in verb_index:
                return w[: -len(a)] + b
        return None

    genus_of = {}
    for (gp, off), gloss in glosses.items():
        if gp != "v":
            continue
        words = "".join(c if c.isalpha() else " " for c in gloss.split(";")[0].lower()).split()
        heads = []
        i = 0
        while i < len(words):
            v = verb_lemma(words[i])
            if v is None:
                break
            top = ("v", verb_index[v][0])
            if top in synsets:
                heads.append(top)
            if i + 2 < len(words) and words[i + 1] in ("or", "and"):
                i += 2
                continue
            break
        genus_of[("v", off)] = heads
    members = {}
    for key, heads in genus_of.items():
        for h in heads:
            members[h] = members.get(h, 0) + 1
    genus = {}
    for lemma, cs in concepts.items():
        g = []
        for key in cs:
            for h in genus_of.get(key, []):
                if members[h] <= MAX_GENUS_CLASS and h not in g:
                    g.append(h)
        genus[lemma] = g
    # dense numbering of the synsets used, in order of first use by sorted lemma
    # the synsets of each part of speech in one range (nouns, verbs,
    # adjectives, adverbs), in order of first use: the first line gives
    # where each range starts, so that a synset's part of speech is known
    def groups_of(lemma):
        return (concepts[lemma], antonyms.get(lemma, []), *near.get(lemma, ([], [], [])), genus.get(lemma, []))

    used = {q: [] for q in "nvar"}
    seen_keys = set()
    for lemma in sorted(concepts):
        if not concepts[lemma]:
            continue
        for group in groups_of(lemma):
            for key in group:
                if key not in seen_keys:
                    seen_keys.add(key)
                    used[key[0]].append(key)
    number = {}
    starts = []
    for q in "nvar":
        starts.append(len(number))
        for key in used[q]:
            number[key] = len(number)
    lines = ["#pos\t" + ",".join(b36(n) for n in starts)]
    for lemma in sorted(concepts):
        cs = concepts[lemma]
        if not cs:
            continue
        row = []
        for group in groups_of(lemma):
            row.append(",".join(b36(number[key]) for key in group))
        pos = "".join(q for q in "nvar" if q in pos_of.get(lemma, ()))
        line = lemma + "\t" + row[0] + "\t" + row[1] + "\t" + row[2] + "|" + row[3] + "|" + row[4] + "|" + row[5] + "\t" + pos
        if lemma in negative:
            line += "\t-"
        lines.append(line)
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
