package lexicon_test

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

func shares(a, b []lexicon.Concept) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func TestLemmas(t *testing.T) {
	l := lexicon.Default()
	tests := []struct{ in, want string }{
		{"exclusions", "exclusion"},
		{"enforces", "enforce"},
		{"was", "be"},
		{"children", "child"},
		{"returned", "return"},
		{"studies", "study"},
		{"Migrants", "migrant"},
		{"xqzzy", "xqzzy"},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.in); got != tt.want {
			t.Errorf("Lemma(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Lemma is the first of Lemmas, or the word in lower case: irregular
	// forms, lemmas with an irregular form of their own ("saw", "found",
	// "left"), regular inflections, derivations WordNet does not list,
	// capitals, unknown words
	for _, w := range strings.Fields(`went better mice feet data media saw found left lay ferry ferries harbours
		taxes buses running ran cheaper happiest studies boxes watches wishes women voluntariness securitisation
		projectized Ferries SAW Was x xqzzy don't well-being`) {
		want := strings.ToLower(w)
		if ls := l.Lemmas(w); len(ls) > 0 {
			want = ls[0]
		}
		if got := l.Lemma(w); got != want {
			t.Errorf("Lemma(%q) = %q, want %q (the first of Lemmas %q)", w, got, want, l.Lemmas(w))
		}
	}
	for w, want := range map[string]bool{"went": true, "children": true, "saw": true, "mice": true, "ferry": false,
		"ferries": false, "run": false, "": false, "xqzzy": false} {
		if got := l.Irregular(w); got != want {
			t.Errorf("Irregular(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestConceptsAndAntonyms(t *testing.T) {
	l := lexicon.Default()
	tests := []struct {
		a, b     string
		same     bool // share a concept (synonym or derivation)
		opposite bool // b is an antonym of a
	}{
		{"exclusion", "excludes", true, false},
		{"enforce", "imposes", true, false},
		{"instrument", "tool", true, false},
		// pertainym: an adverb and the adjective it is formed from
		{"internally", "internal", true, false},
		// ... and what that adjective derives from or pertains to
		{"legally", "law", true, false},
		{"forcibly", "force", true, false},
		{"legally", "illegal", false, false},
		{"voluntary", "involuntary", false, true},
		{"include", "exclude", false, true},
		// antonymy holds for the synonyms of the two words in those
		// senses: "diminish" (lessen) is opposed to "increase" as
		// "decrease" is, "liberate" (free) to "detain" as "free" is
		{"diminish", "increased", false, true},
		{"liberate", "detains", false, true},
		{"mandate", "detention", false, false},
	}
	for _, tt := range tests {
		if got := shares(l.Concepts(tt.a), l.Concepts(tt.b)); got != tt.same {
			t.Errorf("shares(Concepts(%q), Concepts(%q)) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
		if got := shares(l.Antonyms(tt.a), l.Concepts(tt.b)); got != tt.opposite {
			t.Errorf("shares(Antonyms(%q), Concepts(%q)) = %v, want %v", tt.a, tt.b, got, tt.opposite)
		}
	}
}

func BenchmarkDefault(b *testing.B) {
	// the first call parses; later calls are free
	for i := 0; i < b.N; i++ {
		_ = lexicon.Default()
	}
}

func TestNearAndAdverb(t *testing.T) {
	l := lexicon.Default()
	// states reports whether a claim word states a question word in part:
	// it is narrower, or related sideways
	states := func(claim, question string) bool {
		cb, _, cr := l.Near(claim)
		_, qn, qr := l.Near(question)
		cs, qs := l.Concepts(claim), l.Concepts(question)
		return shares(cb, qs) || shares(qn, cs) || shares(qr, cs) || shares(cr, qs)
	}
	tests := []struct {
		claim, question string
		want            bool
	}{
		{"emergency", "crisis", true},       // an emergency is a crisis
		{"objective", "neutral", true},      // similar adjectives
		{"work", "activity", true},          // work is an activity
		{"activity", "work", false},         // a broader word says less
		{"situation", "exclusion", false},   // exclusion is a situation, not the other way
		{"exclude", "harm", false},          // unrelated
		{"create", "set", false},            // only through a general synset
		{"instrument", "instrument", false}, // the same concept is not near itself
	}
	for _, tt := range tests {
		if got := states(tt.claim, tt.question); got != tt.want {
			t.Errorf("%q states %q in part = %v, want %v", tt.claim, tt.question, got, tt.want)
		}
	}
	for w, want := range map[string]bool{"surprisingly": true, "genuinely": true, "voluntary": false, "return": false, "xqzzy": false} {
		if got := l.Adverb(w); got != want {
			t.Errorf("Adverb(%q) = %v, want %v", w, got, want)
		}
		if got := l.Word(w).Adverb; got != want {
			t.Errorf("Word(%q).Adverb = %v, want %v", w, got, want)
		}
	}
	in := l.Word("Exclusions")
	if in.Lemma != "exclusion" || !shares(in.Concepts, l.Concepts("exclude")) {
		t.Errorf("Word(Exclusions) = %+v, want lemma exclusion and exclude's concept", in)
	}
}

func BenchmarkLoad(b *testing.B) {
	for range b.N {
		if _, err := lexicon.Parse(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPhrase(t *testing.T) {
	l := lexicon.Default()
	tests := []struct {
		first, rest, want string
	}{
		{"kept", "away", "keep away"},
		{"takes", "out", "take out"},
		{"talking", "out of", "talk out of"},
		{"close", "to", "close to"},
		{"carried", "out", "carry out"},
		{"enforces", "out", ""}, // no such phrase
		{"asylum", "seekers", ""},
	}
	for _, tt := range tests {
		got, ok := l.Phrase(tt.first, tt.rest)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Phrase(%q, %q) = %q, %v, want %q", tt.first, tt.rest, got, ok, tt.want)
		}
	}
	// a phrase has its own meaning: "take out" is "move out", and
	// "remove" is just above it
	if !shares(l.Concepts("take out"), l.Concepts("move out")) {
		t.Error(`"take out" and "move out" share no concept`)
	}
	if b, _, _ := l.Near("take out"); !shares(b, l.Concepts("remove")) {
		t.Error(`"remove" is not broader than "take out"`)
	}
	if !l.Verb("politicises") || l.Verb("asylum") {
		t.Error("Verb: want politicises a verb and asylum not")
	}
	if got := l.Lemma("politicizes"); got != "politicize" {
		t.Errorf("Lemma(politicizes) = %q", got)
	}
	// an -ize word WordNet does not list stands for its stem
	for w, want := range map[string]string{"projectized": "project", "managerialize": "managerial"} {
		if got := l.Lemma(w); got != want {
			t.Errorf("Lemma(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestGenus(t *testing.T) {
	l := lexicon.Default()
	tests := []struct {
		a, b string
		want bool // defined by the same verb
	}{
		{"exclude", "obstruct", true},   // both "prevent ..."
		{"exclusion", "obstruct", true}, // through the noun's verb
		{"keep away", "bar", true},
		{"exclude", "protect", false},
		{"exclude", "make", false}, // "make" heads too large a class
	}
	for _, tt := range tests {
		if got := shares(l.Word(tt.a).Genus, l.Word(tt.b).Genus); got != tt.want {
			t.Errorf("%q and %q share a genus = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAdjectives(t *testing.T) {
	l := lexicon.Default()
	adj := l.Adjectives(l.Concepts("objective"))
	if len(adj) == 0 {
		t.Fatal("objective has no adjective synset")
	}
	if shares(adj, l.Concepts("target")) {
		t.Error(`an adjective synset of "objective" is one of "target"'s`)
	}
	if !shares(l.Concepts("objective"), l.Concepts("target")) {
		t.Error(`"objective" (the noun) and "target" share no synset`)
	}
}

// TestHasVerbConcept: a noun WordNet derives from a verb has a verb synset
// among its concepts; a noun of a thing or a state has none.
func TestHasVerbConcept(t *testing.T) {
	l := lexicon.Default()
	for _, tt := range []struct {
		word string
		want bool
	}{{"exclusion", true}, {"closure", true}, {"mountain", false}, {"happiness", false}} {
		if got := l.HasVerbConcept(l.Concepts(tt.word)); got != tt.want {
			t.Errorf("HasVerbConcept(Concepts(%q)) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestMembers: the one-word lemmas of a concept hold the word and its
// derivations, sorted, without multiword lemmas; an unknown concept has
// none.
func TestMembers(t *testing.T) {
	l := lexicon.Default()
	var all []string
	for _, c := range l.Concepts("exclusion") {
		ms := l.Members(c)
		if !sort.StringsAreSorted(ms) {
			t.Errorf("Members(%d) = %q, not sorted", c, ms)
		}
		all = append(all, ms...)
	}
	for _, want := range []string{"exclusion", "exclude"} {
		if !slices.Contains(all, want) {
			t.Errorf("members of exclusion's concepts = %q, want %q among them", all, want)
		}
	}
	for _, m := range all {
		if strings.Contains(m, " ") {
			t.Errorf("member %q has several words", m)
		}
	}
	if ms := l.Members(lexicon.Concept(1 << 31)); len(ms) != 0 {
		t.Errorf("Members(unknown) = %q", ms)
	}
}

// TestMembersEveryConcept: Members gives every concept the lists a map
// of each lemma's concepts gives, sorted, and nothing to the concepts no
// one-word lemma has (up to past the last).
func TestMembersEveryConcept(t *testing.T) {
	l := lexicon.Default()
	want := lexicon.MembersByMap(l)
	var top lexicon.Concept
	for c := range want {
		top = max(top, c)
	}
	if len(want) < 50000 {
		t.Fatalf("MembersByMap lists %d concepts, want the whole lexicon's", len(want))
	}
	for c := lexicon.Concept(0); c <= top+10; c++ {
		if got := l.Members(c); !slices.Equal(got, want[c]) {
			t.Fatalf("Members(%d) = %q, want %q", c, got, want[c])
		}
	}
}

// BenchmarkMembersIndex: the first Members call of a run builds the index.
func BenchmarkMembersIndex(b *testing.B) {
	for range b.N {
		b.StopTimer()
		l, err := lexicon.LoadImage()
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		l.Members(0)
	}
}

func TestNegative(t *testing.T) {
	l := lexicon.Default()
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"silent", true}, {"missing", true}, {"sparse", true},
		// an adjective with an antonym is matched through it instead
		{"absent", false}, {"voluntary", false},
		{"loud", false}, {"council", false}, {"zzqx", false},
	} {
		if got := l.Negative(tt.word); got != tt.want {
			t.Errorf("Negative(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestNounLemma(t *testing.T) {
	l := lexicon.Default()
	for _, tt := range []struct {
		lemma      string
		noun, read bool // NounLemma, and Noun of the same word
	}{
		{"secrecy", true, true}, {"bias", true, true},
		// a participle whose verb is also a noun: Noun reads the verb's
		// lemma, NounLemma only the word as spelt
		{"biased", false, true}, {"interested", false, true}, {"divided", false, true},
		{"voluntary", true, true}, {"impartial", false, false}, {"zzqx", false, false},
	} {
		if got := l.NounLemma(tt.lemma); got != tt.noun {
			t.Errorf("NounLemma(%q) = %v, want %v", tt.lemma, got, tt.noun)
		}
		if got := l.Noun(tt.lemma); got != tt.read {
			t.Errorf("Noun(%q) = %v, want %v", tt.lemma, got, tt.read)
		}
	}
}

// TestKinds: Kinds answers as Known, Noun, Verb, Adverb and Negative do,
// for the members of every fifth synset and forms made from them by the
// suffix rules (plural, past, gerund, adverb, derivations), in any case.
func TestKinds(t *testing.T) {
	l := lexicon.Default()
	words := sampleForms(l, 5, "s", "ed", "ing", "ly", "ness", "ised")
	for _, w := range words {
		got := l.Kinds(w)
		for _, q := range []struct {
			name string
			bit  lexicon.Kind
			want bool
		}{
			{"Known", lexicon.KindKnown, l.Known(w)},
			{"Noun", lexicon.KindNoun, l.Noun(w)},
			{"Verb", lexicon.KindVerb, l.Verb(w)},
			{"Adverb", lexicon.KindAdverbOnly, l.Adverb(w)},
			{"Negative", lexicon.KindNegative, l.Negative(w)},
		} {
			if (got&q.bit != 0) != q.want {
				t.Fatalf("Kinds(%q)&Kind%s = %v, want %v (%s)", w, q.name, got&q.bit != 0, q.want, q.name)
			}
		}
	}
	n := len(words)
	if n < 50000 {
		t.Fatalf("TestKinds asked %d words, want the members of a fifth of the lexicon's synsets", n)
	}
}

// TestLookup: Lookup answers as WordNoNear, Lemmas and Kinds do, and Genus
// as Word's Genus, for the members of every seventh synset and forms made
// from them by the suffix rules, in any case, and for words WordNet does not
// know.
func TestLookup(t *testing.T) {
	l := lexicon.Default()
	words := sampleForms(l, 7, "s", "es", "ed", "ing", "ly", "ness")
	for _, w := range words {
		in, ls, k := l.Lookup(w)
		if d := cmp.Diff(l.WordNoNear(w), in); d != "" {
			t.Fatalf("Lookup(%q) Info differs from WordNoNear's (-WordNoNear +Lookup):\n%s", w, d)
		}
		if wl := l.Lemmas(w); !slices.Equal(ls, wl) {
			t.Fatalf("Lookup(%q) lemmas = %q, want %q", w, ls, wl)
		}
		if wk := l.Kinds(w); k != wk {
			t.Fatalf("Lookup(%q) kinds = %b, want %b", w, k, wk)
		}
		if g, wg := l.Genus(w), l.Word(w).Genus; !slices.Equal(g, wg) {
			t.Fatalf("Genus(%q) = %v, want Word's %v", w, g, wg)
		}
	}
	n := len(words)
	if n < 30000 {
		t.Fatalf("TestLookup asked %d words, want the members of a seventh of the lexicon's synsets", n)
	}
}

// sampleForms returns, for the members of every step-th synset, the member,
// the member with each suffix, capitalised, and with a prefix WordNet does
// not know ("xq").
func sampleForms(l *lexicon.Lexicon, step lexicon.Concept, suffixes ...string) []string {
	var top lexicon.Concept
	for c := range lexicon.MembersByMap(l) {
		top = max(top, c)
	}
	var out []string
	for c := lexicon.Concept(0); c <= top; c += step {
		for _, m := range l.Members(c) {
			out = append(out, m)
			for _, x := range suffixes {
				out = append(out, m+x)
			}
			out = append(out, strings.ToUpper(m[:1])+m[1:], "xq"+m)
		}
	}
	return out
}

// TestIrregularFilter: the filter in front of the exceptions' map lets
// every form of the map through, in the embedded image and in the table
// parsed again (Irregular, Lemma and Lemmas would miss one otherwise).
func TestIrregularFilter(t *testing.T) {
	parsed, err := lexicon.Parse()
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range map[string]*lexicon.Lexicon{"image": lexicon.Default(), "table": parsed} {
		missed, n := l.IrregularMissed()
		if n < 1000 || len(missed) > 0 {
			t.Errorf("%s: %d forms, the filter rules out %q", name, n, missed)
		}
	}
	for _, w := range []string{"went", "children", "saw", "mice", "better"} {
		if !lexicon.Default().Irregular(w) {
			t.Errorf("Irregular(%q) = false, want true", w)
		}
	}
}
