package extract

import (
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/actor"
)

// Linker links claims across documents: two claims that state the same
// proposition in other words support each other (both ways), and a claim
// that denies another contests it. It compares stemmed content words of the
// claims' gists, with actor names folded to canonical names and a few
// near-synonyms folded to one concept. It is safe for concurrent use.
type Linker struct {
	actors    *actor.Finder
	threshold float64
}

// NewLinker returns a Linker with the default similarity threshold.
func NewLinker() *Linker {
	return &Linker{actors: actor.NewFinder(), threshold: 0.5}
}

// contestThreshold is the similarity a denial needs: it must restate the
// other claim's proposition closely, not merely share its topic.
const contestThreshold = 0.55

// signature is a claim reduced for comparison.
type signature struct {
	concepts map[string]bool // stemmed content words and concepts
	actors   map[string]bool // canonical actor names
	negated  bool
}

// linkStop are words that carry no proposition of their own.
var linkStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of to in on at for from by with as and or but nor so yet is are was were be been
	being am do does did has have had having it its it's this that these those there their them they he she his her we
	our us i me my you your which who whom whose what when where why how than then thus also not no never very more most
	much many some any all each both such only own same other another into onto over under about against between through
	during before after above below up down out off again further once here can could may might must shall should will
	would just even still while whether if because since although though however therefore hence indeed one two three
	first second new well way ways s also part role used use using make makes made within without upon via per`) {
		linkStop[w] = true
	}
}

// concepts folds near-synonyms (after stemming) to one concept.
var concepts = map[string]string{
	"exclus": "exclude", "exclud": "exclude", "filter": "exclude", "bar": "exclude", "keep": "exclude",
	"block": "exclude", "deter": "exclude", "prevent": "exclude", "obstruct": "exclude", "intercept": "exclude",
	"contain": "exclude", "deni": "exclude",
	"volunt": "voluntary", "voluntar": "voluntary", "voluntari": "voluntary", "voluntarili": "voluntary",
	"avr":   "voluntary return",
	"coerc": "coerce", "forc": "coerce", "compel": "coerce", "pressur": "coerce",
	"question": "contest", "contest": "contest", "disput": "contest", "challeng": "contest", "doubt": "contest",
	"seeker": "asylum", "asylum": "asylum", "refuge": "refugee", "refugee": "refugee",
	"migrant": "migrant", "migrat": "migration", "detain": "detention", "detent": "detention",
	"right": "rights", "harm": "harm", "abus": "harm", "violat": "harm",
	"state": "state", "nation-stat": "state", "govern": "state",
	"return": "return", "repatri": "return", "deport": "return",
}

// generic words are common to a whole domain and weigh little.
var generic = map[string]bool{
	"international": true, "human": true, "work": true, "activiti": true, "activity": true, "policy": true,
	"polici": true, "practic": true, "organiz": true, "organis": true, "global": true, "project": true,
	"role": true, "interest": true, "language": true, "languag": true, "important": true, "import": true,
	"engag": true, "way": true, "context": true, "certain": true, "effect": true, "particular": true,
	"state": true, "member": true, "migrant": true, "migration": true, "rights": true, "refugee": true,
	"today": true, "time": true, "iom": true, "organization": true, "organisation": true, "agency": true,
}

// keyConcepts are the folded concepts that carry a proposition; the rest of
// the folded words (migrant, state, rights) are common to the whole domain.
var keyConcepts = map[string]bool{"exclude": true, "voluntary": true, "voluntary return": true, "coerce": true,
	"contest": true, "asylum": true, "detention": true, "harm": true}

// weight of a concept: a key concept weighs 2, a generic word 0.3, others 1.
func weight(c string) float64 {
	if generic[c] {
		return 0.3
	}
	if keyConcepts[c] {
		return 2
	}
	return 1
}

// negators flip a claim's polarity.
var negators = map[string]bool{"not": true, "no": true, "never": true, "cannot": true, "neither": true, "nor": true,
	"without": true, "fails": true, "fail": true, "failed": true, "lacks": true, "denies": true, "doesn't": true,
	"don't": true, "isn't": true, "aren't": true, "wasn't": true, "won't": true, "didn't": true, "can't": true,
	"wrong": true, "inaccurate": true, "untrue": true, "false": true, "disagree": true, "myth": true}

// stem strips common English suffixes: a light, deterministic stemmer good
// enough to match inflections and derivations of one word.
func stem(w string) string {
	for _, suf := range []string{"ations", "ation", "ities", "ity", "ments", "ment", "ness", "ings", "ing", "ions", "ion",
		"ies", "ied", "ily", "ers", "er", "ed", "es", "ly", "s", "e", "y"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func (l *Linker) signature(c argmap.Claim) signature {
	s := c.Gist
	if strings.TrimSpace(s) == "" {
		s = c.Text
	}
	sig := signature{concepts: map[string]bool{}, actors: map[string]bool{}}
	ms, _ := l.actors.Find(s)
	var b strings.Builder
	last := 0
	for _, m := range ms {
		if m.Start < last || m.End > len(s) {
			continue
		}
		if m.Kind == argmap.ActorGroup {
			// "asylum seekers", "migrants": the words carry the proposition
			continue
		}
		b.WriteString(s[last:m.Start])
		b.WriteString(" ")
		last = m.End
		sig.actors[m.Name] = true
	}
	b.WriteString(s[last:])
	neg := 0
	main := true // negations count outside relative clauses only
	contested := false
	for _, w := range words(b.String()) {
		switch w {
		case "who", "which", "whose", "whom":
			main = false
		}
		if negators[w] || strings.HasSuffix(w, "n't") {
			if main {
				neg++
			}
			continue
		}
		if linkStop[w] || len(w) < 3 || hasDigit(w) {
			continue
		}
		st := stem(w)
		for _, form := range []string{w, strings.TrimSuffix(w, "s"), st} {
			if cpt, ok := concepts[form]; ok {
				st = cpt
				break
			}
		}
		if st == "contest" && main {
			// "its voluntariness is contested" denies that it is voluntary
			contested = true
		}
		sig.concepts[st] = true
	}
	sig.negated = (neg > 0) != contested
	return sig
}

// Similarity returns how far two claims state the same proposition, 0..1:
// the share of the smaller claim's content concepts the other claim shares,
// with shared actors counting half. Claims sharing fewer than two content
// concepts score 0.
func (l *Linker) Similarity(a, b argmap.Claim) float64 {
	return similarity(l.signature(a), l.signature(b))
}

func similarity(a, b signature) float64 {
	shared, sharedN := 0.0, 0
	for c := range a.concepts {
		if b.concepts[c] && !generic[c] {
			shared += weight(c)
			sharedN++
		}
	}
	if sharedN < 2 {
		return 0
	}
	// the same proposition shares what is predicated, not only the topic:
	// a key concept (exclusion, voluntariness, coercion ...) or three
	// content words
	key := false
	for c := range a.concepts {
		if b.concepts[c] && keyConcepts[c] {
			key = true
		}
	}
	if !key && sharedN < 3 {
		return 0
	}
	sharedA := 0
	for x := range a.actors {
		if b.actors[x] {
			sharedA++
		}
	}
	na, nb := 0.5*float64(len(a.actors)), 0.5*float64(len(b.actors))
	for c := range a.concepts {
		na += weight(c)
	}
	for c := range b.concepts {
		nb += weight(c)
	}
	small := na
	if nb < small {
		small = nb
	}
	if small == 0 {
		return 0
	}
	s := (shared + 0.5*float64(sharedA)) / small
	if s > 1 {
		s = 1
	}
	return s
}

// Link implements argmap.Linker. For every pair of a new claim and a stored
// claim (the same ID is skipped) whose similarity reaches the threshold it
// returns two supports relations (one each way) when both have the same
// polarity, or one contests relation from the new claim to the stored one
// when one negates the other. Relations are of origin linked, scored by
// similarity, with IDs derived from the endpoints, sorted by ID.
func (l *Linker) Link(newClaims, stored []argmap.Claim) []argmap.Relation {
	sigs := make([]signature, len(stored))
	for i, c := range stored {
		sigs[i] = l.signature(c)
	}
	var out []argmap.Relation
	seen := map[string]bool{}
	add := func(kind argmap.RelationKind, from, to string, score float64) {
		id := argmap.DerivedID(argmap.KindRelation, "link", from, to)
		if seen[id] || from == to {
			return
		}
		seen[id] = true
		out = append(out, argmap.Relation{ID: id, Kind: kind, From: []string{from}, To: to, Origin: argmap.OriginLinked,
			Score: float64(int(score*1000)) / 1000})
	}
	for _, c := range newClaims {
		sc := l.signature(c)
		for i, s := range stored {
			if s.ID == c.ID || s.ID == "" || c.ID == "" {
				continue
			}
			sim := similarity(sc, sigs[i])
			if sim < l.threshold {
				continue
			}
			if sc.negated != sigs[i].negated {
				// a denial must restate the proposition closely
				if sim >= contestThreshold {
					add(argmap.Contests, c.ID, s.ID, sim)
				}
				continue
			}
			add(argmap.Supports, c.ID, s.ID, sim)
			add(argmap.Supports, s.ID, c.ID, sim)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
