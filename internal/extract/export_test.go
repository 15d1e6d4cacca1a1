package extract

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/spaces"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// This file lets the external tests look at one stage at a time.

// StageUnit is a unit as the stages up to the one asked for left it.
type StageUnit struct {
	Start, End, Sentence int
	Section              string
	Para                 int
	Furniture            string
	Speakers, Named      []string
	Label                string
	Kind                 string
	Cue                  string // the first cue
	Central, Undercut    bool
	Head                 int    // index of the unit it bears on, or -1
	Relation             string // "supports", "contests" or ""
}

var sectionNames = map[Section]string{SectionBody: "body", SectionNotes: "notes", SectionBibliography: "bibliography",
	SectionApparatus: "apparatus", SectionChrome: "chrome"}

// RunStages runs the stages of p on a document up to and including stage
// ("units", "roles" or "structure") and returns its text and its units.
func RunStages(p *Pipeline, name string, data []byte, stage string) (string, []StageUnit, error) {
	ctx := context.Background()
	d, err := p.readText(ctx, argmap.Document{Name: name, Data: data})
	if err != nil {
		return "", nil, err
	}
	if err := p.findUnits(ctx, d); err != nil {
		return "", nil, err
	}
	switch stage {
	case "units":
	case "roles":
		assignRoles(d)
	case "structure":
		assignRoles(d)
		p.argue(ctx, d)
	default:
		return "", nil, fmt.Errorf("no stage %q", stage)
	}
	index := map[*unit]int{}
	for i := range d.units {
		index[&d.units[i]] = i
	}
	out := make([]StageUnit, len(d.units))
	for i := range d.units {
		u := &d.units[i]
		su := StageUnit{Start: u.Start, End: u.End, Sentence: u.arg.sent, Section: sectionNames[u.sec], Para: u.para,
			Furniture: u.furniture, Speakers: u.speakers, Named: u.named, Kind: u.Kind, Central: u.arg.central,
			Undercut: u.arg.undercut, Head: -1}
		if stage != "units" {
			su.Label = u.Label.String()
			if len(u.Cues) > 0 {
				su.Cue = u.Cues[0]
			}
		}
		if u.arg.head != nil {
			su.Head = index[u.arg.head]
			su.Relation = "supports"
			if u.arg.kind == argstruct.Attack {
				su.Relation = "contests"
			}
		}
		out[i] = su
	}
	return d.text, out, nil
}

// JoinedSurfacesAgree checks, for every block of text made of several
// sentences, that the surface joined from the sentences' is the block's
// own, and returns the first difference. The sentences' surfaces are read
// from their text, and as blockUnits reads them: from the structure
// parser's words, taking room from a wordRoom whose run the joined surface
// takes (one room of a document's size, and one of a few words an array,
// so that a block's words often start in one array and end in the next).
func JoinedSurfacesAgree(text string) error {
	segs := Segments(text)
	sents := Sentences(text, segs)
	allToks, allPadded := argstruct.TokenizeSpans(text, len(sents), func(i int) (int, int) { return sents[i].Start, sents[i].End })
	rooms := []*wordRoom{newWordRoom(text), {chunk: 7}}
	si := 0
	for gi, sg := range segs {
		sj := si
		for sj < len(sents) && sents[sj].Seg == gi {
			sj++
		}
		var parts []surface
		for _, s := range sents[si:sj] {
			parts = append(parts, surfaceOf(text[s.Start:s.End]))
		}
		want := surfaceOf(text[sg.Start:sg.End])
		want.cues = nil // joinSurface does not scan for cues
		joined, ok := joinSurface(text, sg.Start, sg.End, sents[si:sj], parts, nil, nil)
		if ok && !reflect.DeepEqual(joined, want) {
			return fmt.Errorf("block %q: joined surface\n%+v\nwant\n%+v", strings.TrimSpace(want.text), joined, want)
		}
		for _, room := range rooms {
			var parts []surface
			mark, allSame := room.mark(), true
			for k, s := range sents[si:sj] {
				surf, _, same := surfaceOfTokens(text, s.Start, s.End, allToks[si+k], allPadded[si+k], room)
				parts = append(parts, surf)
				allSame = allSame && same
			}
			var run []string
			var runFl []uint16
			if allSame {
				run, runFl, _ = room.since(mark)
			}
			joined, ok := joinSurface(text, sg.Start, sg.End, sents[si:sj], parts, run, runFl)
			if !ok {
				continue
			}
			joined.cues = nil // the sentences' surfaces read from words keep their cues
			if !reflect.DeepEqual(joined, want) {
				return fmt.Errorf("block %q: joined surface from a room of %d words\n%+v\nwant\n%+v", strings.TrimSpace(want.text), room.chunk, joined, want)
			}
		}
		si = sj
	}
	return nil
}

// TokenSurfaceAgrees checks that the surface of s read from the structure
// parser's words of it (surfaceOfTokens) is surfaceOf(s), with s standing
// after prefix in a longer text.
func TokenSurfaceAgrees(prefix, s string) error {
	text := prefix + s
	// the prefix, s and the prefix again, split together
	text += prefix
	spans := [][2]int{{0, len(prefix)}, {len(prefix), len(prefix) + len(s)}, {len(prefix) + len(s), len(text)}}
	all, padded := argstruct.TokenizeSpans(text, len(spans), func(i int) (int, int) { return spans[i][0], spans[i][1] })
	for i, sp := range spans {
		if want := argstruct.Tokenize(text, sp[0], sp[1], nil); !reflect.DeepEqual(all[i], want) && !(len(all[i]) == 0 && len(want) == 0) {
			return fmt.Errorf("TokenizeSpans(%q) span %d = %v, Tokenize gives %v", text, i, all[i], want)
		}
	}
	toks, p := all[1], padded[1]
	got, sfl, same := surfaceOfTokens(text, len(prefix), len(prefix)+len(s), toks, p, newWordRoom("")) // room for 64 words, then more
	want := surfaceOf(s)
	tw := make([]string, len(toks))
	for k, t := range toks {
		tw[k] = t.Word
	}
	if same && !reflect.DeepEqual(got.ws, tw) {
		return fmt.Errorf("surfaceOfTokens(%q) words %q, not the tokens' words", s, got.ws)
	}
	if same {
		// the structure parser's flags ride with the vocabulary's look-up
		if len(sfl) != len(tw) {
			return fmt.Errorf("surfaceOfTokens(%q) gives %d structure flags for %d words", s, len(sfl), len(tw))
		}
		for k, w := range tw {
			if want := argstruct.WordFlags(w); sfl[k] != want {
				return fmt.Errorf("surfaceOfTokens(%q) structure flags of %q = %b, WordFlags %b", s, w, sfl[k], want)
			}
		}
	} else if sfl != nil {
		return fmt.Errorf("surfaceOfTokens(%q) read from the text gives structure flags %v", s, sfl)
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("surfaceOfTokens(%q) words %q, padded %q; surfaceOf gives %q, %q", s, got.ws, got.p, want.ws, want.p)
	}
	return nil
}

// AttributionTokensAgree checks that the attribution tokens of s, and of
// its parts cut at each word's start, read from the structure parser's
// words (tokensOfWords, wordsWithin) are tokens' own, and no more than
// tokensBound, s standing after prefix in a longer text. read tells whether the whole of s was read from
// the words.
func AttributionTokensAgree(prefix, s string) (read bool, err error) {
	text := prefix + s
	u := unit{Sentence: Sentence{Start: len(prefix), End: len(text)}}
	u.toks = argstruct.Tokenize(text, u.Start, u.End, []argstruct.Token{}) // not nil: a span without words has words read
	spans := [][2]int{{u.Start, u.End}}
	for _, t := range u.toks {
		spans = append(spans, [2]int{u.Start, t.Start}, [2]int{t.Start, u.End})
	}
	for k, sp := range spans {
		toks := wordsWithin(u, sp[0], sp[1])
		if toks == nil {
			return false, fmt.Errorf("wordsWithin(%q, %d, %d) = nil", s, sp[0], sp[1])
		}
		got, ok := tokensOfWords(text, sp[0], sp[1], toks, nil)
		if k == 0 {
			read = ok
		}
		if n := tokensBound(sp[0], sp[1], toks); ok && len(got) > n {
			return read, fmt.Errorf("tokensOfWords(%q) gives %d tokens, more than tokensBound's %d", text[sp[0]:sp[1]], len(got), n)
		}
		if want := tokens(text[sp[0]:sp[1]]); ok && !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			return read, fmt.Errorf("tokensOfWords(%q) = %q, tokens gives %q", text[sp[0]:sp[1]], got, want)
		}
	}
	return read, nil
}

// PaddedWordsAgree checks that wordsOf(s, true) gives words(s) and
// padded(words(s)).
func PaddedWordsAgree(s string) error {
	ws, p := wordsOf(s, true)
	want := words(s)
	if !reflect.DeepEqual(ws, want) && !(len(ws) == 0 && len(want) == 0) {
		return fmt.Errorf("wordsOf(%q) words = %q, want %q", s, ws, want)
	}
	if p != padded(want) {
		return fmt.Errorf("wordsOf(%q) padded = %q, want %q", s, p, padded(want))
	}
	return nil
}

// FieldHelpersAgree checks the gist's word helpers against strings.Fields.
func FieldHelpersAgree(s string) error {
	fs := strings.Fields(s)
	if got, want := spaces.Single(s), strings.Join(fs, " "); got != want {
		return fmt.Errorf("spaces.Single(%q) = %q, want %q", s, got, want)
	}
	for _, n := range []int{1, 5, 12, 23} {
		if got, want := countFields(s, n), min(len(fs), n); got != want {
			return fmt.Errorf("countFields(%q, %d) = %d, want %d", s, n, got, want)
		}
		got, want := fieldsN(s, n), fs[:min(len(fs), n)]
		if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
			return fmt.Errorf("fieldsN(%q, %d) = %q, want %q", s, n, got, want)
		}
	}
	if got, want := firstField(s), strings.Join(fs[:min(len(fs), 1)], ""); got != want {
		return fmt.Errorf("firstField(%q) = %q, want %q", s, got, want)
	}
	return nil
}

// JudgeWhole judges as Judge did before it kept questions and analyses:
// the question read with both texts' definitions, nothing kept.
func JudgeWhole(s *Stancer, question, claim string) argmap.Judgement {
	gl := &glossary{}
	gl.add(question)
	gl.add(claim)
	return s.judge(s.questionTerms(question, gl), nil, s.analyse(claim, gl))
}

// MergeFragments is mergeFragments over parts given as offsets into text:
// each [start, end, sentence] of parts, and what is left of them.
func MergeFragments(text string, parts [][3]int) [][3]int {
	aus := make([]argstruct.Unit, len(parts))
	for i, p := range parts {
		aus[i] = argstruct.Unit{Start: p[0], End: p[1], Sent: p[2]}
	}
	var out [][3]int
	for _, u := range mergeFragments(text, aus) {
		out = append(out, [3]int{u.Start, u.End, u.Sent})
	}
	return out
}

// OpensWithDemonstrative is mayOpenWith for the bare demonstratives (fast)
// beside what it stands in front of: the lower-cased first field is one
// (full).
func OpensWithDemonstrative(s string) (fast, full bool) {
	fs := fieldsN(s, 1)
	return mayOpenWith(s, bareDemonstratives), len(fs) > 0 && bareDemonstratives[strings.ToLower(fs[0])]
}

// DropParensAgrees checks dropParens against its rune-by-rune form on s.
func DropParensAgrees(s string) error {
	want := s
	if strings.ContainsAny(s, "([") {
		want = dropParensRunes(s)
	}
	if got := dropParens(s); got != want {
		return fmt.Errorf("dropParens(%q) = %q, rune by rune %q", s, got, want)
	}
	return nil
}

// HasWordsAgrees checks surface.hasWords against strings.Contains of the padded
// words for the words of phrase.
func HasWordsAgrees(text, phrase string) error {
	s := surfaceOf(text)
	if got, want := s.hasWords(strings.Fields(phrase)...), strings.Contains(s.p, " "+phrase+" "); got != want {
		return fmt.Errorf("hasWords(%q, %q) = %v, in the padded words %v", text, phrase, got, want)
	}
	return nil
}

// LenFirstCovers checks that the length and first-byte filters of the
// attribution word sets, and vocab's word filter, pass every member.
func LenFirstCovers() error {
	for _, c := range []struct {
		set map[string]bool
		f   *lenFirst
	}{{rejectAnaphor, rejectAnaphorLF}, {reportingVerbs, reportingVerbsLF}} {
		for w := range c.set {
			if !c.f.may(w) {
				return fmt.Errorf("the filter rules out %q, a member", w)
			}
		}
	}
	for w := range vocab {
		if !vocabF.May(w) {
			return fmt.Errorf("vocab's filter rules out %q, a member", w)
		}
	}
	if f := newLenFirst(map[string]bool{"say": true}); f.may("tea") || f.may("says") || !f.may("sat") || !f.may("") {
		return fmt.Errorf("a filter of {say} answers wrongly")
	}
	return nil
}

// SigRoundTrip packs the signature linking makes of text and unpacks it:
// ok when the result is the signature itself; the packed form's size.
func SigRoundTrip(text string) (ok bool, size int, got, want string) {
	l := NewLinker()
	s := l.makeSig(text)
	p := packSig(s)
	u, uok := unpackSig(p)
	if !uok || !reflect.DeepEqual(u, s) {
		return false, len(p), fmt.Sprintf("%v %+v", uok, u), fmt.Sprintf("%+v", s)
	}
	// every shorter prefix is refused, never read past its end
	for i := 0; i < len(p); i++ {
		if _, ok := unpackSig(p[:i]); ok {
			return false, len(p), fmt.Sprintf("prefix %d of %d accepted", i, len(p)), ""
		}
	}
	return true, len(p), "", ""
}

// NewPackedLinker returns a Linker that keeps no decoded signatures, only
// packed ones: every signature read again is unpacked.
func NewPackedLinker() *Linker {
	l := NewLinker()
	l.sigs = nil
	return l
}

// PackedSig returns the packed signature linking keeps of text.
func PackedSig(text string) string { return packSig(NewLinker().makeSig(text)) }

// UnpackRepack unpacks p and packs the result again: ok is false when p is
// refused.
func UnpackRepack(p string) (string, bool) {
	s, ok := unpackSig(p)
	if !ok {
		return "", false
	}
	return packSig(s), true
}

// MeetsAgree reports whether enoughMeet, read from two claims' signatures,
// says what the pool index's termMatches.enough says of them, for every
// number of terms from 1 to 8: an error naming the first disagreement.
func MeetsAgree(l *Linker, a, b string) error {
	sa, sb := l.sig(a), l.sig(b)
	x := &linkIndex{lemmaSlot: map[string]int32{}, wide: map[int]bool{}}
	x.add(0, sb, true)
	m := x.match(sa, 1)
	var t termTable
	t.reset(&sa)
	for k := 1; k <= 8; k++ {
		if got, want := enoughMeet(&t, &sa, &sb, k), m.enough(0, k); got != want {
			return fmt.Errorf("enoughMeet(k=%d) = %v, the index says %v", k, got, want)
		}
	}
	return nil
}

// RelateAgrees reports whether relateTerms, reading a's terms from its
// termTable, relates the terms of two claims as mergeRelate does from the
// two claims' sorted keys, and whether compare's answer read from those
// relations is the one it gives from the clauses' terms themselves
// (covered): an error naming the first disagreement. ok is false when a
// claim has more than 64 terms (neither is used then).
func RelateAgrees(l *Linker, a, b string) (ok bool, err error) {
	sa, sb := l.sig(a), l.sig(b)
	if sa.n > 64 || sb.n > 64 {
		return false, nil
	}
	var t termTable
	t.reset(&sa)
	var ra, rb, wa, wb [64]termRel
	relateTerms(&t, &sb, &ra, &rb)
	mergeRelate(&sa, &sb, &wa, &wb)
	if ra != wa || rb != wb {
		return true, fmt.Errorf("relateTerms = %v / %v, merging the keys = %v / %v", ra[:sa.n], rb[:sb.n], wa[:sa.n], wb[:sb.n])
	}
	common := func(lemma string) bool { return len(lemma) < 6 } // any split of the terms
	score, denial := l.compare(&t, sa, sb, common)
	// the same claims over 64 terms: compare reads covered
	wide := func(s claimSig) claimSig { s.n = 65; return s }
	wantScore, wantDenial := l.compare(nil, wide(sa), wide(sb), common)
	if score != wantScore || denial != wantDenial {
		return true, fmt.Errorf("compare = %v %v from the relations, %v %v from the terms", score, denial, wantScore, wantDenial)
	}
	return true, nil
}

// KeysOfQueries returns a claim's keys as Keys made them before reading
// them from the signature: the pairs of the words of its Queries.
func KeysOfQueries(l *Linker, c argmap.Claim) []string {
	var out []string
	seen := map[string]bool{}
	for _, q := range l.Queries(c) {
		ws := strings.Fields(q)
		for i := range ws {
			for j := i + 1; j < len(ws); j++ {
				a, b := ws[i], ws[j]
				if b < a {
					a, b = b, a
				}
				k := a + " " + b
				if a != b && !seen[k] && len(out) < argmap.MaxClaimKeys {
					seen[k] = true
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// mergeRelate is how relateTerms related two claims' terms before the
// termTable: by merging the two claims' sorted keys, every pair of terms
// with a key in common.
func mergeRelate(a, b *claimSig, ra, rb *[64]termRel) {
	each := func(x, y []keyTerm, set func(i, j int)) {
		for i, j := 0, 0; i < len(x) && j < len(y); {
			switch {
			case x[i].key < y[j].key:
				i++
			case x[i].key > y[j].key:
				j++
			default:
				k, i2, j2 := x[i].key, i, j
				for i2 < len(x) && x[i2].key == k {
					i2++
				}
				for j2 < len(y) && y[j2].key == k {
					j2++
				}
				for _, p := range x[i:i2] {
					for _, q := range y[j:j2] {
						set(p.term, q.term)
					}
				}
				i, j = i2, j2
			}
		}
	}
	each(a.byLemma, b.byLemma, func(i, j int) {
		if a.lemmaOf(i) == b.lemmaOf(j) {
			ra[i].same |= 1 << uint(j)
			rb[j].same |= 1 << uint(i)
		}
	})
	each(a.byConcept, b.byConcept, func(i, j int) {
		ra[i].meet |= 1 << uint(j)
		rb[j].meet |= 1 << uint(i)
	})
	anti := func(i, j int) {
		ra[i].anti |= 1 << uint(j)
		rb[j].anti |= 1 << uint(i)
	}
	each(a.byConcept, b.byAntonym, anti)
	each(a.byAntonym, b.byConcept, anti)
}

// ShippedJudgeLoads reports whether the embedded learned-judge weights
// load (a NewStancer without them judges by the rules alone).
func ShippedJudgeLoads() error {
	_, err := loadJudgeModels(shippedJudge)
	return err
}

// WithJudgeWeights returns a Stancer like NewStancer's whose learned judge
// has the weights jw.
func WithJudgeWeights(jw JudgeWeights) (*Stancer, error) {
	m, err := jw.models()
	if err != nil {
		return nil, err
	}
	s := NewStancer()
	s.learned = m
	return s, nil
}

// Echoes reports whether a claim says of another case what the sentence
// before it said ("The same is true of ..."; echoes).
func Echoes(text string) bool { return echoes(text) }

// PointsBackInside exposes pointsBackInside to the tests.
var PointsBackInside = pointsBackInside

// CaptionColon exposes captionColon, isCaption's cheap test, to the tests.
var CaptionColon = captionColon

// InnerMarkerAt exposes innerMarkerAt, gistResolving's cheap test, to the
// tests.
var InnerMarkerAt = innerMarkerAt

// UpperForm exposes upperForm to the tests.
var UpperForm = upperForm

// MakeSigs makes the link signature of each text with l's Stancer, past
// the linker's caches of signatures (what a text not met before costs).
func MakeSigs(l *Linker, texts []string) {
	for _, t := range texts {
		l.makeSig(t)
	}
}

// ModifiersOfAgrees checks modifiersOf against modifiersOfSlow, the form
// that took every word's lemma, on s for the lemma of each of its words and
// of each of extra.
func ModifiersOfAgrees(s string, extra []string) error {
	lex := lexicon.Default()
	for _, w := range append(strings.Fields(s), extra...) {
		lemma := lex.Lemma(strings.TrimRight(w, ",;:.!?)"))
		if got, want := modifiersOf(s, lemma, lex), modifiersOfSlow(s, lemma, lex); got != want {
			return fmt.Errorf("modifiersOf(%q, %q) = %q, the slow form %q", s, lemma, got, want)
		}
	}
	return nil
}

// modifiersOfSlow is modifiersOf as it was until session 15: the lemma of
// every word looked up.
func modifiersOfSlow(s, lemma string, lex *lexicon.Lexicon) string {
	fs := fieldsN(s, 80)
	for j := len(fs) - 1; j > 0; j-- {
		w := strings.TrimRight(fs[j], ",;:.!?)")
		if !isLowerASCII(w) && w != strings.ToLower(w) || lex.Lemma(w) != lemma {
			continue
		}
		from := j
		for from > 0 && j-from < 3 && modifier(fs[from-1], lex) {
			from--
		}
		if from == j {
			return ""
		}
		return strings.Join(fs[from:j], " ")
	}
	return ""
}

// InlineTextAgrees checks inlineText against inlineTextSlow, the form that
// ran every expression on every text with markup.
func InlineTextAgrees(s string) error {
	if got, want := inlineText(s), inlineTextSlow(s); got != want {
		return fmt.Errorf("inlineText(%q) = %q, the slow form %q", s, got, want)
	}
	return nil
}

// inlineTextSlow is inlineText as it was until session 15.
func inlineTextSlow(s string) string {
	if !strings.ContainsAny(s, "*_`[]<>#~|\\") {
		return s
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "|") {
		// a table row: its cells, joined
		var cells []string
		for _, c := range strings.Split(strings.Trim(s, "|"), "|") {
			if c = strings.TrimSpace(c); c != "" && strings.Trim(c, "-: ") != "" {
				cells = append(cells, c)
			}
		}
		s = strings.Join(cells, " — ")
	}
	for _, p := range []string{"> ", "- ", "+ "} {
		s = strings.TrimPrefix(s, p)
	}
	if strings.HasPrefix(s, "#") {
		t := strings.TrimLeft(s, "#")
		if strings.HasPrefix(t, " ") {
			s = strings.TrimSpace(t)
		}
	}
	s = mdLinkRe.ReplaceAllString(s, "$1")
	for i := 0; i < 3; i++ {
		n := mdEmphRe.ReplaceAllString(s, "$2")
		n = mdUnderscoreRe.ReplaceAllString(n, "$1$2$3")
		if n == s {
			break
		}
		s = n
	}
	s = htmlTagRe.ReplaceAllString(s, "")
	// markers left unpaired (emphasis opened in another sentence or line)
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	s = loneStarRe.ReplaceAllString(s, "$1$2$3$4")
	s = mdEscapeRe.ReplaceAllString(s, "$1")
	return strings.Join(strings.Fields(s), " ")
}

// MeaningWordsAgree checks meaningWordsIn against meaningWordsInSlow, the
// form that tested every word in full.
func MeaningWordsAgree(s string) error {
	if got, want := meaningWordsIn(s, nil), meaningWordsInSlow(s, nil); !reflect.DeepEqual(got, want) {
		return fmt.Errorf("meaningWordsIn(%q) = %q, the slow form %q", s, got, want)
	}
	return nil
}

// meaningWordsInSlow is meaningWordsIn as it was until session 15.
func meaningWordsInSlow(s string, ws []string) []string {
	start := -1
	word := func(end int) {
		w := s[start:end]
		start = -1
		if isLowerASCII(w) {
			if meaningWordsLF.may(w) && meaningWords[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
				ws = append(ws, w)
			}
			return
		}
		// lowered on the stack; a new string only for a word kept
		var lb [32]byte
		lw := appendLower(lb[:0], w)
		if meaningWordsLF.mayBytes(lw) && meaningWords[string(lw)] || bytes.HasSuffix(lw, []byte("n't")) || bytes.HasSuffix(lw, []byte("n’t")) {
			ws = append(ws, string(lw))
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || r == '\'' || r == '’' {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			word(i)
		}
	}
	if start >= 0 {
		word(len(s))
	}
	return ws
}

// SentencesAgree checks Sentences against sentencesSlow, the form that
// tested every byte for a stop and for the length bound in turn.
func SentencesAgree(text string) error {
	segs := Segments(text)
	if got, want := Sentences(text, segs), sentencesSlow(text, segs); !reflect.DeepEqual(got, want) {
		return fmt.Errorf("Sentences(%q) = %v, the slow form %v", text, got, want)
	}
	return nil
}

// SentencesCount splits text into sentences with Sentences (or, slow, the
// form it replaced) and returns how many. For benchmarks.
func SentencesCount(text string, slow bool) int {
	segs := Segments(text)
	if slow {
		return len(sentencesSlow(text, segs))
	}
	return len(Sentences(text, segs))
}

// sentencesSlow is Sentences as it was until session 15.
func sentencesSlow(text string, segs []Segment) []Sentence {
	var out []Sentence
	emit := func(s, e, seg int) {
		s, e = trimSpan(text, s, e)
		for e-s > maxSentence {
			cut := s + maxSentence
			for cut > s && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if sp := strings.LastIndexAny(text[s:cut], " \n\t"); sp > maxSentence/2 {
				cut = s + sp
			}
			a, b := trimSpan(text, s, cut)
			if a < b {
				out = append(out, Sentence{Start: a, End: b, Seg: seg})
			}
			s, e = trimSpan(text, cut, e)
		}
		if s < e {
			out = append(out, Sentence{Start: s, End: e, Seg: seg})
		}
	}
	for si, sg := range segs {
		start := sg.Start
		for i := sg.Start; i < sg.End; i++ {
			c := text[i]
			if c != '.' && c != '!' && c != '?' {
				if i-start > maxSentence {
					emit(start, i, si)
					start = i
					for start < sg.End && !utf8.RuneStart(text[start]) {
						start++
					}
					i = start
				}
				continue
			}
			j := i + 1
			for j < sg.End {
				r, n := utf8.DecodeRuneInString(text[j:sg.End])
				if r == '.' || r == '!' || r == '?' || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»' {
					j += n
					continue
				}
				break
			}
			if j >= sg.End {
				break
			}
			r, _ := utf8.DecodeRuneInString(text[j:sg.End])
			if !isTrimRune(r) {
				i = j - 1
				continue
			}
			k, _ := trimSpan(text, j, sg.End)
			next, _ := utf8.DecodeRuneInString(text[k:sg.End])
			if c == '.' && !boundaryAfterStop(text[start:i], next) {
				i = j - 1
				continue
			}
			emit(start, j, si)
			start = k
			i = k - 1
		}
		emit(start, sg.End, si)
	}
	return out
}

// LinkMarksAgree checks linkMarks against the six searches it replaced.
func LinkMarksAgree(text string) error {
	want := false
	for _, m := range []string{"http", "www.", "@", ".com", ".org", ".int"} {
		want = want || strings.Contains(text, m)
	}
	if got := linkMarks(text); got != want {
		return fmt.Errorf("linkMarks(%q) = %v, the searches say %v", text, got, want)
	}
	return nil
}

// TrimCommasAgrees checks trimCommas against strings.Trim(s, ",;").
func TrimCommasAgrees(s string) error {
	if got, want := trimCommas(s), strings.Trim(s, ",;"); got != want {
		return fmt.Errorf("trimCommas(%q) = %q, strings.Trim gives %q", s, got, want)
	}
	return nil
}

// ShapeCounts returns the words of text that shape finds opening with a
// letter and with a capital; ShapeCountsOld counts them byte by byte, as
// shape did before it read eight bytes at a time.
func ShapeCounts(text string) (alpha, caps int) {
	s := surface{text: text}
	s.shape()
	return s.alpha, s.caps
}

func ShapeCountsOld(text string) (alpha, caps int) {
	start := true
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
				start = true
				continue
			}
			if start && 'a' <= c|0x20 && c|0x20 <= 'z' {
				alpha++
				if c <= 'Z' {
					caps++
				}
			}
			start = false
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if start && unicode.IsLetter(r) {
			alpha++
			if unicode.IsUpper(r) {
				caps++
			}
		}
		start = false
	}
	return alpha, caps
}

// ShapeAgrees checks ShapeCounts against ShapeCountsOld on text.
func ShapeAgrees(text string) error {
	a, c := ShapeCounts(text)
	a0, c0 := ShapeCountsOld(text)
	if a != a0 || c != c0 {
		return fmt.Errorf("shape(%q): %d words open with a letter, %d with a capital; the byte-by-byte reading %d and %d", text, a, c, a0, c0)
	}
	return nil
}

// WorkHeaderAgrees checks workHeader against workHeaderRe run on every text
// (the form before the "(19"/"(20" test), and reports whether it matched.
func WorkHeaderAgrees(text string) (bool, error) {
	got := workHeader(text)
	want := workHeaderRe.MatchString(strings.TrimLeft(text, "*_#-•> \t"))
	if got != want {
		return want, fmt.Errorf("workHeader(%q) = %v, want %v", text, got, want)
	}
	return want, nil
}

// AnnouncementAgrees checks announcement on the surface of text against the
// form that searched the padded words for each finding verb, and reports
// whether the text has an announcement's shape and whether it is one.
func AnnouncementAgrees(text string) (shape, is bool, err error) {
	s := surfaceOf(text)
	got := announcement(s)
	shape = announces(s)
	want := shape
	if want {
		for _, f := range findingVerbs {
			if hasPhrase(s.p, f) {
				want = false
				break
			}
		}
	}
	if got != want {
		return shape, want, fmt.Errorf("announcement(%q) = %v, want %v", text, got, want)
	}
	return shape, want, nil
}

// FindingVerbs are the phrases that turn an announcement into a finding.
var FindingVerbs = findingVerbs

// chromeTextOld is chromeText as it was until session 17: a search of the
// padded words for each word.
func chromeTextOld(text, p string, ws []string) string {
	for _, c := range []string{"kindle", "cookie", "wi-fi", "javascript"} {
		if strings.Contains(p, c) {
			return c
		}
	}
	if strings.IndexByte(text, '@') >= 0 && !replyMention(text, ws) {
		return "@"
	}
	if strings.Contains(text, "©") {
		return "©"
	}
	your := false
	for _, w := range ws {
		if w == "your" || w == "you" {
			your = true
			break
		}
	}
	if your {
		for _, w := range ws {
			for _, n := range webNouns {
				if w == n {
					return "your " + n
				}
			}
		}
	}
	return ""
}

// ChromeTextAgrees checks chromeText on the surface of text against
// chromeTextOld and returns what it found.
func ChromeTextAgrees(text string) (string, error) {
	s := surfaceOf(text)
	got, want := chromeText(text, s.p, s.ws), chromeTextOld(text, s.p, s.ws)
	if got != want {
		return want, fmt.Errorf("chromeText(%q) = %q, want %q", text, got, want)
	}
	return want, nil
}

// ChromeTextCount runs chromeText (or, slow, the form it replaced) on the
// surfaces of texts and counts what it finds. For benchmarks.
func ChromeTextCount(texts []string, slow bool) func() int {
	type in struct {
		text, p string
		ws      []string
	}
	ins := make([]in, len(texts))
	for i, t := range texts {
		s := surfaceOf(t)
		ins[i] = in{t, s.p, s.ws}
	}
	return func() int {
		n := 0
		for _, x := range ins {
			f := chromeText
			if slow {
				f = chromeTextOld
			}
			if f(x.text, x.p, x.ws) != "" {
				n++
			}
		}
		return n
	}
}

// ParaFeatures returns the paraphrase features (ParaFeatureNames) of each
// text as a candidate of question, texts[k] from sources[k].
func ParaFeatures(question string, texts, sources []string) [][]float64 {
	s := NewStancer()
	return s.paraFeatures(s.ruleJudge(question, texts), sources, nil)
}

// JudgeOnly returns a Stancer like WithJudgeWeights's without the side
// model: what JudgeWeights.Decide decides of its Candidates.
func JudgeOnly(jw JudgeWeights) (*Stancer, error) {
	s, err := WithJudgeWeights(jw)
	if err != nil {
		return nil, err
	}
	s.side = nil
	return s, nil
}
