package extract_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/sharedtest"
)

func claim(id, gist string) argmap.Claim {
	return argmap.Claim{ID: argmap.DerivedID(argmap.KindClaim, id), Text: gist, Gist: gist, Origin: argmap.OriginExtracted}
}

func TestLinker(t *testing.T) {
	l := extract.NewLinker()
	a := claim("a", "The International Organization for Migration excludes asylum seekers from protection")
	same := claim("b", "IOM keeps asylum seekers out of protection")
	deny := claim("c", "IOM does not exclude asylum seekers from protection")
	other := claim("d", "Climate change drives rural people into cities")
	tests := []struct {
		name       string
		nw, stored argmap.Claim
		joins      bool // nw joins stored's proposition
		contests   bool
	}{
		{"same proposition, other words", same, a, true, false},
		{"negation", deny, a, false, true},
		{"unrelated", a, other, false, false},
		{"same claim", a, a, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links := l.Link([]argmap.Claim{tt.nw}, []argmap.Claim{tt.stored})
			if got := links.Propositions[tt.nw.ID] == tt.stored.ID; got != tt.joins {
				t.Errorf("Link: %s joins %s = %v (%v), want %v", tt.nw.ID, tt.stored.ID, got, links.Propositions, tt.joins)
			}
			if got := len(links.Relations) > 0; got != tt.contests {
				t.Fatalf("Link relations = %+v, want contests %v", links.Relations, tt.contests)
			}
			for i, r := range links.Relations {
				if r.Kind != argmap.Contests || r.Origin != argmap.OriginLinked {
					t.Errorf("Link[%d] = %s/%s, want contests/linked", i, r.Kind, r.Origin)
				}
				if err := r.Validate(); err != nil {
					t.Errorf("Link[%d] invalid: %v", i, err)
				}
				if want := argmap.ScopedID(argmap.KindRelation, argmap.ScopeOf(r.From[0]), "link", r.From[0], r.To); r.ID != want {
					t.Errorf("Link[%d].ID = %s, want %s", i, r.ID, want)
				}
				if r.Score <= 0 || r.Score > 1 {
					t.Errorf("Link[%d].Score = %v, want the share in (0,1]", i, r.Score)
				}
			}
		})
	}
}

// TestLinkJoinsProposition: a new claim joins the proposition its stored
// restatement belongs to, and a later restatement in the same document joins
// it too; no supports relations are made.
func TestLinkJoinsProposition(t *testing.T) {
	l := extract.NewLinker()
	stored := claim("s", "IOM has no formal protection mandate, unlike UNHCR")
	stored.Proposition = argmap.DerivedID(argmap.KindClaim, "first")
	n1 := claim("n1", "The IOM does not have a formal international protection mandate")
	n2 := claim("n2", "IOM lacks a formal protection mandate")
	links := l.Link([]argmap.Claim{n1, n2}, []argmap.Claim{stored})
	for _, c := range []argmap.Claim{n1, n2} {
		if got := links.Propositions[c.ID]; got != stored.Proposition {
			t.Errorf("Link: proposition of %q = %q, want %q", c.Text, got, stored.Proposition)
		}
	}
	if len(links.Relations) != 0 {
		t.Errorf("Link relations = %+v, want none", links.Relations)
	}
}

// TestLinkerCounts: Counts adds up the claims each Link call linked, the
// stored candidates it was given and the pairs it compared and matched.
func TestLinkerCounts(t *testing.T) {
	l := extract.NewLinker()
	if got := l.Counts(); got != (extract.LinkCounts{}) {
		t.Fatalf("Counts() of a new linker = %+v, want zero", got)
	}
	stored := []argmap.Claim{
		claim("s1", "IOM has no formal protection mandate, unlike UNHCR"),
		claim("s2", "Climate change drives rural people into cities"),
	}
	l.Link([]argmap.Claim{claim("n1", "The IOM does not have a formal international protection mandate")}, stored)
	l.Link([]argmap.Claim{claim("n2", "Farmers move to cities when droughts ruin their harvests"), claim("n3", "IOM lacks a formal protection mandate")}, stored)
	// and two new claims of one document, the second restating the first
	l.Link([]argmap.Claim{claim("n4", "The IOM has no formal protection mandate"), claim("n5", "IOM lacks any formal protection mandate")}, nil)
	got := l.Counts()
	// n1 and n3 each restate s1 (n3 restates n1's proposition too, but n1
	// is not given to the second call); s2 and n2 share too few terms with
	// anything to be compared; n5 is compared with n4 (its own document's)
	want := extract.LinkCounts{Claims: 5, Pooled: 4, Compared: 3, Matched: 3, Own: 1}
	if got != want {
		t.Errorf("Counts() = %+v, want %+v", got, want)
	}
}

// TestLinkComparesWhatItsKeysFound: a stored claim whose Keys are set
// (the keys it was found under) is compared only with the new claims that
// have one of them; one without Keys with every new claim.
func TestLinkComparesWhatItsKeysFound(t *testing.T) {
	l := extract.NewLinker()
	restated := claim("n", "IOM lacks a formal protection mandate")
	restated.Keys = l.Keys(restated)
	if len(restated.Keys) == 0 {
		t.Fatalf("Keys(%q) = none: the test tests nothing", restated.Text)
	}
	tests := []struct {
		name  string
		keys  []string // of the stored claim
		joins bool
	}{
		{"found under none said", nil, true},
		{"found under the new claim's key", []string{"another key", restated.Keys[0]}, true},
		{"found under other keys", []string{"another key", "yet another"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored := claim("s", "The IOM does not have a formal protection mandate")
			stored.Keys = tt.keys
			links := l.Link([]argmap.Claim{restated}, []argmap.Claim{stored})
			if got := links.Propositions[restated.ID] == stored.ID; got != tt.joins {
				t.Errorf("Link(%v): joins = %v (%v), want %v", tt.keys, got, links.Propositions, tt.joins)
			}
		})
	}
}

// TestLinkPropositions holds links between claims of the IOM and demo
// corpora: the same proposition supports, a denial contests, a shared topic
// alone links nothing.
func TestLinkPropositions(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want string // "same" (one proposition), "contests" or ""
	}{
		{"denial of exclusion", "It is also wrong to say that IOM enforces the exclusion of asylum seekers.",
			"Our study finds that the IOM enforces the exclusions of asylum seekers on behalf of the states that fund it.", "contests"},
		{"contested voluntariness denies voluntary", "The voluntariness of return from detention is contested.",
			"Return from detention is voluntary when counselling comes first.", "contests"},
		{"no mandate restated", "IOM does not have a formal international protection mandate.",
			"IOM has no formal protection mandate, unlike UNHCR.", "same"},
		{"topic only", "We call on IOM Member States to see that these duties shape IOM policy.",
			"The IOM is an important cooperation partner for the EU and its Member States.", ""},
		{"negation in a relative clause", "IOM enforces the exclusion of asylum seekers when it offers return to people who have never had access to an asylum procedure.",
			"It means that IOM enforces the exclusion of asylum seekers on behalf of the states that fund it.", "same"},
	}
	l := extract.NewLinker()
	for _, tt := range tests {
		a := argmap.Claim{ID: "clm_a", Text: tt.a}
		b := argmap.Claim{ID: "clm_b", Text: tt.b}
		links := l.Link([]argmap.Claim{a}, []argmap.Claim{b})
		got := ""
		if links.Propositions["clm_a"] == "clm_b" {
			got = "same"
		}
		if len(links.Relations) > 0 {
			got = string(links.Relations[0].Kind)
		}
		if got != tt.want {
			t.Errorf("%s: Link(%q, %q) = %q (%+v), want %q", tt.name, tt.a, tt.b, got, links, tt.want)
		}
	}
}

// TestLinkerReusesItsIndex links the same documents with one linker, in
// turn and several at once, and with a new linker each time: the index a
// linker keeps between calls must not carry anything from one call into
// another.
func TestLinkerReusesItsIndex(t *testing.T) {
	var cs []argmap.Claim
	for i, text := range append(append([]string{}, judgePairs.claims...), judgePairs.questions...) {
		cs = append(cs, claim(string(rune('a'+i)), text))
	}
	// each call links a few claims against a window of the others
	type call struct{ nw, stored []argmap.Claim }
	var calls []call
	for i := 0; i+3 <= len(cs); i++ {
		calls = append(calls, call{cs[i : i+3], cs[max(0, i-8):i]}, call{cs[i : i+1], cs})
	}
	want := make([]argmap.Links, len(calls))
	for i, c := range calls {
		want[i] = extract.NewLinker().Link(c.nw, c.stored)
	}
	l := extract.NewLinker()
	check := func(i int, got argmap.Links) {
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("call %d: reused linker = %+v, want %+v", i, got, want[i])
		}
	}
	for round := 0; round < 2; round++ {
		for i, c := range calls {
			check(i, l.Link(c.nw, c.stored))
		}
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := len(calls) - 1; i >= 0; i-- {
				check(i, l.Link(calls[i].nw, calls[i].stored))
			}
		}()
	}
	wg.Wait()
}

// TestLinkSignaturesPacked: the signatures linking keeps packed come back
// as they were made, for the claims of the IOM and demo corpora and for
// sentences of our own (negation, a rejected view, acronyms, a repeated
// word, no content word), and a truncated one is refused.
func TestLinkSignaturesPacked(t *testing.T) {
	texts := []string{
		"The agency does not run the camps, although critics say it does.",
		"It is wrong to say that the fund pays for detention.",
		"UNHCR and the IOM (International Organization for Migration) share the work.",
		"Return, return and return again: return is what the programme offers.",
		"It is.",
		"",
	}
	texts = withCorpusClaims(t, texts, 1)
	total := 0
	for _, text := range texts {
		ok, size, got, want := extract.SigRoundTrip(text)
		if !ok {
			t.Errorf("packed signature of %q = %s, want %s", text, got, want)
		}
		total += size
	}
	t.Logf("%d texts, %.0f bytes a packed signature", len(texts), float64(total)/float64(len(texts)))
}

// TestMeetsAgree: for pairs of IOM and demo claims (and claims of ours with
// antonyms, acronyms and repeated words), whether enough terms of one meet
// terms of the other reads the same from the two signatures as from the
// pool index, which Link no longer builds for stored claims' terms.
func TestMeetsAgree(t *testing.T) {
	texts := []string{
		"The agency does not run the camps, although critics say it does.",
		"The agency runs the camps and the critics agree.",
		"UNHCR and the IOM (International Organization for Migration) share the work.",
		"The IOM shares the work of the UNHCR.",
		"Return, return and return again: return is what the programme offers.",
		"The programme offers a voluntary return and a forced departure.",
		"Forced departure is the opposite of a voluntary return.",
	}
	texts = withCorpusClaims(t, texts, 7) // a sample: pairs grow with its square
	l := extract.NewLinker()
	n := 0
	nearPairs(texts, false, func(a, b string) {
		n++
		if err := extract.MeetsAgree(l, a, b); err != nil {
			t.Errorf("MeetsAgree(%q, %q): %v", a, b, err)
		}
	})
	if n < 1000 {
		t.Errorf("only %d pairs compared", n)
	}
}

// TestRelateAgrees: for pairs of IOM and demo claims (and claims of ours
// with antonyms, acronyms, negations and repeated words), relateTerms
// relates their terms as merging the two claims' sorted keys does, and
// compare, reading those relations, gives the score and denial it gives
// from the clauses' terms themselves.
func TestRelateAgrees(t *testing.T) {
	texts := []string{
		"The agency does not run the camps, although critics say it does.",
		"The agency runs the camps and the critics agree.",
		"UNHCR and the IOM (International Organization for Migration) share the work.",
		"The IOM shares the work of the UNHCR.",
		"Return, return and return again: return is what the programme offers.",
		"The programme offers a voluntary return and a forced departure.",
		"Forced departure is the opposite of a voluntary return.",
		"A voluntary departure is not a forced return, the programme says.",
		"Cheap housing near the river keeps young families in the town.",
		"Expensive housing by the river drives young families out of town.",
	}
	texts = withCorpusClaims(t, texts, 1)
	l := extract.NewLinker()
	n := 0
	nearPairs(texts, true, func(a, b string) {
		ok, err := extract.RelateAgrees(l, a, b)
		if err != nil {
			t.Errorf("RelateAgrees(%q, %q): %v", a, b, err)
		}
		if ok {
			n++
		}
	})
	if n < 1000 {
		t.Errorf("only %d pairs compared", n)
	}
	t.Logf("%d pairs", n)
}

// TestKeysAgree: a claim's keys, read from its signature, are those made
// from its full-text queries (the pairs of each query's words), in the same
// order, for every claim of the IOM and demo corpora and claims of ours
// with many clauses, long and short words and words of equal length.
func TestKeysAgree(t *testing.T) {
	texts := []string{
		"The agency does not run the camps, although critics say it does.",
		"Rents rose, wages fell, the council blamed the landlords, and the landlords blamed the interest rates set by the central bank.",
		"Cats eat rats; dogs eat cats; owls eat mice and voles and shrews.",
		"Volunteers keep the library open on Sundays because the council cut the opening hours of every branch library in the county.",
		"It is.",
		"",
	}
	texts = withCorpusClaims(t, texts, 1)
	l := extract.NewLinker()
	n := 0
	for _, text := range texts {
		c := argmap.Claim{ID: "clm_x", Text: text}
		got, want := l.Keys(c), extract.KeysOfQueries(l, c)
		if !slices.Equal(got, want) {
			t.Errorf("Keys(%q) = %q, from its queries %q", text, got, want)
		}
		n += len(want)
	}
	if n < 1000 {
		t.Errorf("only %d keys compared", n)
	}
}

// TestLinkerPacked links the IOM and demo corpora's claims with a linker
// that reads every signature again from its packed form and with one that
// keeps them decoded: the links are the same.
func TestLinkerPacked(t *testing.T) {
	var docs [][]argmap.Claim
	for _, g := range corpusGraphs(t) {
		docs = append(docs, g.Claims)
	}
	run := func(l *extract.Linker) []argmap.Links {
		var out []argmap.Links
		var stored []argmap.Claim
		for _, cs := range docs {
			out = append(out, l.Link(cs, stored))
			stored = append(stored, cs...)
		}
		// and again, every signature read from a kept one
		for _, cs := range docs {
			out = append(out, l.Link(cs, stored))
		}
		return out
	}
	want := run(extract.NewLinker())
	got := run(extract.NewPackedLinker())
	n := 0
	for i := range want {
		n += len(want[i].Propositions) + len(want[i].Relations)
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("document %d: packed linker = %+v, want %+v", i, got[i], want[i])
		}
	}
	if n == 0 {
		t.Fatal("the corpora linked nothing: the test compares nothing")
	}
}

// corpusGraphs extracts the demo corpus and, when ../shared is there, the
// IOM corpus: a document's draft each.
// nearPairs calls f with each text and each of the 40 texts before it, in
// both orders, and with each text and itself (twice) when self is set.
func nearPairs(texts []string, self bool, f func(a, b string)) {
	for i, a := range texts {
		end := i
		if self {
			end = i + 1
		}
		for _, b := range texts[max(0, i-40):end] {
			f(a, b)
			f(b, a)
		}
	}
}

// withCorpusClaims appends to texts the text of every claim of the IOM and
// demo corpora (corpusGraphs), or of every one in each graph whose index
// is a multiple of every.
func withCorpusClaims(t *testing.T, texts []string, every int) []string {
	t.Helper()
	for _, g := range corpusGraphs(t) {
		for i, c := range g.Claims {
			if i%every == 0 {
				texts = append(texts, c.Text)
			}
		}
	}
	return texts
}

func corpusGraphs(t *testing.T) []*argmap.Graph {
	t.Helper()
	files := demoFiles(t)
	t.Run("iom", func(t *testing.T) { files = append(files, sharedtest.CorpusFiles(t)...) })
	p := extract.New(extract.Options{})
	var out []*argmap.Graph
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g, err := p.Extract(t.Context(), argmap.Document{Name: filepath.Base(f), URI: f, Data: data})
		if err != nil {
			t.Fatalf("Extract(%s): %v", f, err)
		}
		out = append(out, g)
	}
	return out
}

// TestLinkRestatesBothWays: a claim joins another's proposition, or denies
// it, only when each states most of what the other states; three words of
// a short claim found in a long one that says something else make neither
// a restatement nor a denial.
func TestLinkRestatesBothWays(t *testing.T) {
	tests := []struct {
		name       string
		nw, stored string
		want       string // "same", "contests" or ""
	}{
		{"a short claim's words in a long one", "The union supports older workers.",
			"With this new group of members, the union has widened its work beyond wages and increasingly supports social and cultural projects for workers in small towns.", ""},
		{"the same words for another act", "The charity lends money to families in need, mostly as small loans.",
			"From the point of view of the banks, the charity lends them the chance to reach new families and win loyal customers.", ""},
		{"one of the main, but of what", "The school board is one of the main buyers of books in the region.",
			"Since the reform, money from the state education fund has made the school board one of the main sponsors of sports clubs across the region.", ""},
		{"no denial from a long clause", "The agency gives its backing to farmers who need it.",
			"In the form of workshops and film clubs, the agency offers young farmers in towns with few jobs the opportunity to learn a trade.", ""},
		{"restatement with more words", "Rents in the old town rose sharply last year.",
			"Last year rents rose sharply in the old town, the council reports.", "same"},
		{"restatement in the passive", "The clinic does not charge poor patients.",
			"Poor patients are not charged by the clinic.", "same"},
		{"restatement with a reason added", "Volunteers keep the library open on Sundays.",
			"The library stays open on Sundays because volunteers keep it open.", "same"},
		{"denial", "The clinic charges poor patients.",
			"Poor patients are not charged by the clinic.", "contests"},
	}
	l := extract.NewLinker()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nw := argmap.Claim{ID: "clm_new", Text: tt.nw}
			stored := argmap.Claim{ID: "clm_stored", Text: tt.stored}
			links := l.Link([]argmap.Claim{nw}, []argmap.Claim{stored})
			got := ""
			if links.Propositions["clm_new"] == "clm_stored" {
				got = "same"
			}
			if len(links.Relations) > 0 {
				got = string(links.Relations[0].Kind)
			}
			if got != tt.want {
				t.Errorf("Link(%q, %q) = %q (%+v), want %q", tt.nw, tt.stored, got, links, tt.want)
			}
		})
	}
}

// keyedStore lists linked claims by key, the newest perKey under each, and
// gives a document's claims their candidates as ingest does with a store
// that keeps key lists: the claims listed under their keys, each with the
// keys it was listed under, and the claim naming each one's proposition,
// which inherits its members' keys.
type keyedStore struct {
	perKey int
	byKey  map[string][]argmap.Claim // newest last
	byID   map[string]argmap.Claim
}

func newKeyedStore(perKey int) *keyedStore {
	return &keyedStore{perKey: perKey, byKey: map[string][]argmap.Claim{}, byID: map[string]argmap.Claim{}}
}

func (s *keyedStore) candidates(cs []argmap.Claim) []argmap.Claim {
	under := map[string][]string{}
	var order []string
	found := func(id, key string) {
		if _, ok := under[id]; !ok {
			order = append(order, id)
		}
		if !slices.Contains(under[id], key) {
			under[id] = append(under[id], key)
		}
	}
	for _, c := range cs {
		for _, k := range c.Keys {
			l := s.byKey[k]
			for _, st := range l[max(0, len(l)-s.perKey):] {
				found(st.ID, k)
			}
		}
	}
	for _, id := range slices.Clone(order) {
		if p := s.byID[id].Proposition; p != "" {
			for _, k := range under[id] {
				found(p, k)
			}
		}
	}
	var out []argmap.Claim
	for _, id := range order {
		c := s.byID[id]
		c.Keys = slices.Sorted(slices.Values(under[id]))
		out = append(out, c)
	}
	return out
}

func (s *keyedStore) add(cs []argmap.Claim, links argmap.Links) {
	for _, c := range cs {
		if p, ok := links.Propositions[c.ID]; ok && p != c.ID {
			c.Proposition = p
		}
		s.byID[c.ID] = c
		for _, k := range c.Keys {
			s.byKey[k] = append(s.byKey[k], c)
		}
	}
}

// TestLinkKeyedAgrees: a stored claim found under keys is compared with a
// new claim that has one of them as it is when no keys are said (and it is
// compared with every new claim): the same propositions and relations, for
// every claim of the IOM and demo corpora against the earlier documents'
// claims its keys find.
func TestLinkKeyedAgrees(t *testing.T) {
	l := extract.NewLinker()
	st := newKeyedStore(1 << 20) // every claim under a key
	n := 0
	for _, g := range corpusGraphs(t) {
		cs := slices.Clone(g.Claims)
		for i := range cs {
			cs[i].Keys = l.Keys(cs[i])
		}
		for _, c := range cs {
			keyed := st.candidates([]argmap.Claim{c})
			var plain []argmap.Claim
			for _, s := range keyed {
				s.Keys = nil
				plain = append(plain, s)
			}
			got, want := l.Link([]argmap.Claim{c}, keyed), l.Link([]argmap.Claim{c}, plain)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Link(%q) with the stored claims' keys = %+v, without = %+v", c.Text, got, want)
			}
			n += len(want.Propositions) + len(want.Relations)
		}
		st.add(cs, l.Link(cs, st.candidates(cs)))
	}
	if n == 0 {
		t.Fatal("no claim joined or contested a stored one: the test compares nothing")
	}
}

// BenchmarkLinkKeyed links the IOM and demo corpora, copied four times
// under new IDs, document by document, against the claims ingest would
// give as candidates (the newest four under each key, and their
// propositions' claims): the work of Link once the key lists are full, as
// in a large store. Signatures and candidates are made before the timer
// starts.
func BenchmarkLinkKeyed(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "scripts", "demo", "corpus", "*"))
	files = append(files, sharedtest.CorpusFiles(b)...)
	p := extract.New(extract.Options{})
	l := extract.NewLinker()
	var docs [][]argmap.Claim
	for copy := range 4 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			g, err := p.Extract(b.Context(), argmap.Document{Name: filepath.Base(f), URI: f, Data: data})
			if err != nil {
				b.Fatal(err)
			}
			cs := g.Claims
			for i := range cs {
				cs[i].ID = argmap.DerivedID(argmap.KindClaim, "copy", strconv.Itoa(copy), cs[i].ID)
				cs[i].Keys = l.Keys(cs[i])
			}
			docs = append(docs, cs)
		}
	}
	// each document's candidates, as the links of those before it leave
	// them (Link gives the same links every time)
	st := newKeyedStore(4)
	cands := make([][]argmap.Claim, len(docs))
	for d, cs := range docs {
		cands[d] = st.candidates(cs)
		st.add(cs, l.Link(cs, cands[d]))
	}
	b.ResetTimer()
	cpu := cpuTime(b)
	for range b.N {
		for d, cs := range docs {
			l.Link(cs, cands[d])
		}
	}
	// (a loaded machine changes the CPU time less than the wall time)
	b.ReportMetric(float64(cpuTime(b)-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
