package extract

import (
	"strings"

	wn "github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/lexicon/vectors"
)

// A question word that no claim word meets through WordNet may be met by
// one whose word vector is near its own (lexicon/vectors: GloVe): a
// paraphrase WordNet does not tie (harms ~ undermines 0.66, protect ~
// safeguard 0.73). Vectors say that two words are used alike,
// which opposites are too, so the match counts for part of the word's
// weight, never turns a claim round, and WordNet's opposites keep the
// upper hand.

// vectorThreshold is the cosine of their word vectors at which a claim word
// WordNet does not tie to a question word meets it (in part). Calibrated
// with vectorWeight on the six question sets of scripts/testdata: 0.55 to
// 0.65 gain the same answers, 0.55 one false one more, 0.7 none (most
// paraphrases the judge misses lie at 0.4 to 0.65: clash ~ conflict 0.53,
// block ~ refuse 0.37).
const vectorThreshold = 0.6

// vectorMinRank: a word among GloVe's this many most frequent has vectors
// near too many words to tell (make ~ return 0.72, right ~ way 0.76,
// project ~ development 0.76, ignore ~ consider 0.69, particular ~ certain
// 0.83): it meets no other word by vectors. At 1,000 the question sets
// gained one answer more, through such pairs.
const vectorMinRank = 2000

// vectorWeight is the share of a question word's weight that a claim word
// near it by vectors earns: as little as a broader word, since vectors tell
// relatedness, not sameness (at half the weight, one more answer and one
// false denial more on the question sets).
const vectorWeight = broaderWeight

// withVectors numbers each term in the word vectors (term.vec) once, as
// its clause is analysed: not names, nor manner and degree words (near one
// another in vectors: increasingly ~ particularly), nor words among the
// vectorMinRank most frequent, nor phrases.
func withVectors(toks []token, ts []term) {
	vt := vectors.Default()
	for i := range ts {
		t := &ts[i]
		if t.acr || t.adverb || strings.Contains(t.lemma, " ") || properName(toks, t.tok) {
			continue
		}
		if id := vt.ID(vectorWord(t.lemma)); id >= 0 && vt.RankID(id) >= vectorMinRank {
			t.vec = int32(id) + 1
		}
	}
}

// properName reports whether toks[i] is a name: capitalised where a sentence
// does not start (Morocco, Tunisia: places and people are near their
// neighbours in vectors, 0.85, and are not the same).
func properName(toks []token, i int) bool {
	if i <= 0 || i >= len(toks) || toks[i].text == "" || toks[i-1].punct == '.' || toks[i-1].punct == '"' {
		return false
	}
	r := toks[i].text[0]
	return r >= 'A' && r <= 'Z'
}

// vectorNear returns the index of the claim term in c whose vector is
// nearest to qt's, at vectorThreshold or nearer, or -1; -1 too when c has
// an opposite of qt near it (below). Left out: a word
// the question itself says (own reports whether c[k] is one: it stands for
// that word, not for another near it), and opposites. Vectors put
// opposites close (increase ~ decrease 0.88, strengthen ~ undermine 0.76),
// so a pair WordNet opposes, directly, through a negative prefix, or
// through the broader or related senses of either, never meets, nor a
// word nearer in vectors to the other's WordNet opposite than to the other
// (undermine is nearer weaken, the opposite of strengthen, than
// strengthen).
func vectorNear(qt term, c []term, own func(k int) bool) int {
	if qt.vec == 0 {
		return -1
	}
	vt := vectors.Default()
	qi := int(qt.vec - 1)
	best, bestCos := -1, vectorThreshold
	for k, ct := range c {
		if ct.vec == 0 || ct.lemma == qt.lemma {
			continue
		}
		ci := int(ct.vec - 1)
		cos := vt.CosineID(qi, ci)
		if cos < vectorThreshold || own(k) {
			continue
		}
		if opposed(qt, ct) || nearerOpposite(vt, qt, ci, cos) || nearerOpposite(vt, ct, qi, cos) {
			// the claim says an opposite of the question's word: no other
			// word near it stands for the word there ("strengthen" is not
			// met by "seek" beside "undermining")
			return -1
		}
		if cos >= bestCos {
			best, bestCos = k, cos
		}
	}
	return best
}

// vectorWord is the word whose vector stands for lemma: a participle
// WordNet lists as an adjective of its own ("supported", "opposed",
// "increasing") is read as its verb, whose vector its frequency and
// opposites are known by ("supported" ~ "opposed" is 0.82).
func vectorWord(lemma string) string {
	if len(lemma) > 5 && (strings.HasSuffix(lemma, "ed") || strings.HasSuffix(lemma, "ing")) {
		lex := wn.Default()
		for _, l := range lex.Lemmas(lemma) {
			if l != lemma && lex.Verb(l) {
				return l
			}
		}
	}
	return lemma
}

// nearerOpposite reports whether the word numbered other is nearer, in
// vectors, to one of t's WordNet antonyms than cos: it leans to t's
// opposite (undermine is nearer weaken, strengthen's opposite, than
// strengthen itself).
func nearerOpposite(vt *vectors.Table, t term, other int, cos float64) bool {
	lex := wn.Default()
	ants := t.antonyms
	if w := vectorWord(t.lemma); w != t.lemma {
		ants = append(ants[:len(ants):len(ants)], lex.Antonyms(w)...)
	}
	for _, a := range ants {
		for _, m := range lex.Members(a) {
			if j := vt.ID(m); j >= 0 && vt.CosineID(j, other) > cos {
				return true
			}
		}
	}
	return false
}

// opposed reports whether WordNet opposes the terms: an antonym of one is
// a sense of the other or one of its broader, related or genus senses, a
// negative prefix turns one into the other, or they say changes opposite
// ways (grow, shrink: term.dir).
func opposed(a, b term) bool {
	if a.dir != 0 && b.dir == -a.dir {
		return true
	}
	for _, p := range [2][2]*term{{&a, &b}, {&b, &a}} {
		x, y := p[0], p[1]
		if len(x.antonyms) > 0 && (sharesConcept(x.antonyms, y.concepts) || sharesConcept(x.antonyms, y.broader) ||
			sharesConcept(x.antonyms, y.related) || sharesConcept(x.antonyms, y.genus)) {
			return true
		}
	}
	return negatedBy(a, b)
}

// opposite reports whether a claim's word says the opposite of a
// question's: an antonym of one is a sense of the other or one of its
// hypernyms ("undermine" is a kind of weakening, the opposite of
// strengthening), or they are near in vectors (at least vectorThreshold)
// and one is nearer to the other's WordNet antonym than to the other. A
// word only similar to an antonym (WordNet's related senses: "ready" and
// "unwilling") is no opposite, nor a change the other way, which may be a
// change of something else (changeOf).
func opposite(qt, ct term) bool {
	for _, p := range [2][2]*term{{&qt, &ct}, {&ct, &qt}} {
		x, y := p[0], p[1]
		if len(x.antonyms) > 0 && (sharesConcept(x.antonyms, y.concepts) || sharesConcept(x.antonyms, y.broader)) {
			return true
		}
	}
	if qt.side != 0 && ct.side == -qt.side {
		return true // "objected to" of "supported", "criticised" of "welcomed"
	}
	if qt.vec == 0 || ct.vec == 0 {
		return false
	}
	vt := vectors.Default()
	qi, ci := int(qt.vec-1), int(ct.vec-1)
	cos := vt.CosineID(qi, ci)
	return cos >= vectorThreshold && (nearerOpposite(vt, qt, ci, cos) || nearerOpposite(vt, ct, qi, cos))
}
