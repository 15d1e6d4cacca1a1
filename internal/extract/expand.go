package extract

import (
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

// maxAlternatives bounds what ExpandQuery returns, and maxPerWord the
// words that may stand for one word of the query.
const (
	maxAlternatives = 16
	maxPerWord      = 4
)

// ExpandQuery returns q followed by alternative phrasings of it for
// full-text search: each content word of q replaced by a word that shares
// one of its WordNet concepts (its commonest senses and their derivations),
// those sharing most first: derivations the stores' stemmers do not fold
// (voluntariness, voluntary; exclusion, exclude; detention, detain) and
// synonyms (enforce, impose; contest, dispute). Names, acronyms and
// function words stay as they are. Every alternative is a plain string of
// words; there are at most 16 besides q, taken in turn from each word's
// list. An empty or blank q gives nil.
func ExpandQuery(q string) []string {
	if strings.TrimSpace(q) == "" {
		return nil
	}
	out := []string{strings.TrimSpace(q)}
	fs := strings.Fields(out[0])
	lex := lexicon.Default()
	alts := make([][]string, len(fs))
	for i, f := range fs {
		w := strings.Trim(f, ".,;:?!()\"'“”‘’")
		if i == 0 && len(w) > 1 && w[1:] == strings.ToLower(w[1:]) {
			w = strings.ToLower(w) // "Detention of migrants ..."
		}
		if len(w) < 4 || w != strings.ToLower(w) || wordFlags(w)&flagFunction != 0 {
			continue // a name, an acronym, a short or function word
		}
		alts[i] = fellows(lex, w)
	}
	seen := map[string]bool{strings.ToLower(out[0]): true}
	for round := 0; round < maxPerWord; round++ {
		for i, as := range alts {
			if round >= len(as) {
				continue
			}
			b := append([]string(nil), fs...)
			b[i] = as[round]
			alt := strings.Join(b, " ")
			if k := strings.ToLower(alt); !seen[k] {
				seen[k] = true
				out = append(out, alt)
				if len(out) > maxAlternatives {
					return out
				}
			}
		}
	}
	return out
}

// fellows returns up to maxPerWord one-word lemmas that share concepts
// with w, those sharing most first (then the shorter, then in alphabetical
// order): its lemma when w is another form of it, derivations, synonyms;
// not w itself, longer forms of it, or the doer or undergoer of its act
// (contester, contestee).
func fellows(lex *lexicon.Lexicon, w string) []string {
	in := struct {
		lexicon.Info
		Verb bool
	}{lex.WordNoNear(w), lex.Verb(w) && !lex.Noun(w)}
	count := map[string]int{}
	for _, c := range in.Concepts {
		for _, m := range lex.Members(c) {
			count[m]++
		}
	}
	var ms []string
	for m := range count {
		if count[m] < 2 && !in.Verb {
			continue // one concept in common: a synonym in some sense; kept for verbs only
		}
		if m == w || strings.ContainsAny(m, "-_.'") || agentOf(m, w) || inflectedStem(m) == inflectedStem(w) {
			continue // the same word to a stemmer, or not a way to say it
		}
		ms = append(ms, m)
	}
	sort.Slice(ms, func(a, b int) bool {
		if count[ms[a]] != count[ms[b]] {
			return count[ms[a]] > count[ms[b]]
		}
		if len(ms[a]) != len(ms[b]) {
			return len(ms[a]) < len(ms[b])
		}
		return ms[a] < ms[b]
	})
	// derivations (of w's family: its first four letters) and other words
	// take turns, so that neither crowds the other out
	var family, other []string
	for _, m := range ms {
		if len(m) >= 4 && len(w) >= 4 && m[:4] == w[:4] {
			family = append(family, m)
		} else {
			other = append(other, m)
		}
	}
	var out []string
	for k := 0; len(out) < maxPerWord && (k < len(family) || k < len(other)); k++ {
		if k < len(family) {
			out = append(out, family[k])
		}
		if k < len(other) && len(out) < maxPerWord {
			out = append(out, other[k])
		}
	}
	return out
}

// inflectedStem is w without an inflection a stemmer removes (-s, -es,
// -ed, -d, -ing; a final y read as i, a final e dropped): contest and
// contested, study and studied have one.
func inflectedStem(w string) string {
	for _, suf := range []string{"ing", "ies", "ied", "es", "ed", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			if suf == "ies" || suf == "ied" {
				w += "i"
			}
			break
		}
	}
	switch {
	case strings.HasSuffix(w, "y"):
		w = w[:len(w)-1] + "i"
	case strings.HasSuffix(w, "e"):
		w = w[:len(w)-1]
	}
	return w
}

// agentOf reports whether m names the doer or undergoer of w's act: a word
// in -er, -or or -ee of w's family (its first five letters).
func agentOf(m, w string) bool {
	if len(m) < 6 || len(w) < 5 || m[:5] != w[:5] {
		return false
	}
	return strings.HasSuffix(m, "er") || strings.HasSuffix(m, "or") || strings.HasSuffix(m, "ee")
}
