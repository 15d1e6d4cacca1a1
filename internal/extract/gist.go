package extract

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/actor"
	"github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/spaces"
	"github.com/argmap/argmap/internal/extract/swar"
)

// discourseMarkers open a sentence without adding to its proposition.
var discourseMarkers = []string{
	"in addition", "however", "moreover", "furthermore", "thus", "therefore", "hence", "notably",
	"in particular", "first", "second", "third", "fourth", "fifth", "finally", "indeed", "also", "yet",
	"but", "and", "or", "so", "in short", "in sum", "meanwhile", "specifically", "consequently",
	"as a result", "in fact", "of course", "importantly", "crucially", "similarly", "likewise",
	"nevertheless", "nonetheless", "still", "then", "first and foremost", "above all", "for example",
	"for instance", "in contrast", "on the other hand", "this means that", "in other words",
	"it means that", "it follows that", "that means that",
}

// markerFirst marks the bytes discourse markers start with.
var markerFirst = func() (t [256]bool) {
	for _, dm := range discourseMarkers {
		t[dm[0]] = true
	}
	return t
}()

// frameVerbs introduce a reported proposition: "we find that P" restates as P.
var frameVerbs = map[string]bool{
	"find": true, "finds": true, "found": true, "argue": true, "argues": true, "show": true, "shows": true,
	"suggest": true, "suggests": true, "conclude": true, "concludes": true, "believe": true, "believes": true,
	"think": true, "note": true, "notes": true, "recognize": true, "recognise": true, "concerned": true,
	"hypothesize": true, "hypothesise": true, "contend": true, "contends": true, "claim": true,
	"claims": true, "demonstrate": true, "demonstrates": true, "reveal": true, "reveals": true,
	"mentions": true, "observe": true, "observes": true, "trust": true, "recommend": true,
	"recommends": true, "maintain": true, "maintains": true, "insist": true, "insists": true, "fear": true,
	"says": true, "said": true, "states": true, "report": true, "reports": true, "hold": true, "holds": true,
	"illustrates": true, "indicates": true, "confirms": true,
}

// leadClause words open an adverbial clause before the main one that can
// go without changing what the main clause asserts: circumstance, time,
// cause. Concessions ("although", "despite", "while"), conditions ("if",
// "when", "once", "unless", "without") and points of view ("for critics",
// "from its view") stay: dropping them changes the meaning.
var leadClause = map[string]bool{
	"given": true, "as": true, "in": true, "with": true, "since": true, "because": true, "after": true,
	"before": true, "building": true, "focusing": true, "through": true, "against": true, "far": true,
	"within": true, "by": true,
}

// meaningWords are the words whose loss turns a statement into its opposite,
// and concessives those whose loss drops a concession; a gist keeps every
// one its sentence has (gistKeeps).
var meaningWords = map[string]bool{
	"not": true, "no": true, "never": true, "none": true, "nobody": true, "nothing": true, "neither": true,
	"nor": true, "without": true, "cannot": true, "hardly": true, "rarely": true, "seldom": true, "few": true,
	"although": true, "though": true, "despite": true, "whereas": true, "unless": true, "if": true,
	"wrong": true, "false": true, "deny": true, "denies": true, "doubt": true, "doubts": true,
}

// frameBlockers in the subject of a reporting frame ("Few believe that P",
// "The committee does not claim that P", "It is wrong to say that P") mean
// P is not asserted: the frame stays.
var frameBlockers = map[string]bool{
	"not": true, "never": true, "no": true, "nobody": true, "none": true, "few": true, "hardly": true,
	"rarely": true, "seldom": true, "neither": true, "nor": true, "wrong": true, "false": true,
	"if": true, "whether": true, "doubt": true, "doubts": true, "deny": true, "denies": true, "mistaken": true,
	"incorrect": true, "misleading": true, "cannot": true, "can't": true, "don't": true, "doesn't": true,
	"didn't": true, "won't": true, "wouldn't": true, "isn't": true, "aren't": true, "wasn't": true,
}

// frameVerbsLF and frameBlockersLF tell the lengths and first bytes of
// frameVerbs and frameBlockers.
var (
	frameVerbsLF    = newLenFirst(frameVerbs)
	frameBlockersLF = newLenFirst(frameBlockers)
)

// expletiveVerbs follow an expletive "it" ("it is clear that", "it seems
// to", "it may be used to"): such an "it" names nothing and is not
// resolved to an actor.
var expletiveVerbs = map[string]bool{
	"is": true, "was": true, "has": true, "had": true, "will": true, "would": true, "may": true, "might": true,
	"must": true, "can": true, "could": true, "should": true, "seems": true, "seemed": true, "appears": true,
	"appeared": true, "remains": true, "remained": true, "becomes": true, "became": true, "means": true,
	"follows": true, "turns": true, "turned": true, "matters": true, "took": true, "takes": true, "makes": true,
	"made": true, "helps": true, "pays": true, "goes": true, "went": true, "stands": true,
}

// expletiveIt reports whether a sentence opening "it" is expletive: a
// copula, modal or raising verb after it and, within the next eight words,
// a "that", "to", "whether", "how", "why" or "for" clause ("It is also
// wrong to say that ...", "It was clear that ..."). When unsure it says
// yes: an unresolved "it" keeps the meaning, a wrongly resolved one does
// not.
func expletiveIt(fs []string) bool {
	if len(fs) < 2 || !strings.EqualFold(fs[0], "it") {
		return false
	}
	v := strings.ToLower(strings.Trim(fs[1], ",;"))
	if strings.HasPrefix(v, "'") || v == "’s" {
		return true // it's, it’s
	}
	if !expletiveVerbs[v] {
		return false
	}
	for i := 2; i < len(fs) && i < 10; i++ {
		switch strings.ToLower(strings.Trim(fs[i], ",;:")) {
		case "that", "to", "whether", "how", "why", "for", "if", "when", "what":
			return true
		}
	}
	return false
}

// maxGistWords bounds a gist's length.
const maxGistWords = 22

// Gist restates a claim sentence shortly without changing what it says:
// markup stripped, discourse markers and a reporting frame ("we find that")
// dropped, a leading circumstantial clause dropped, actor names folded to
// their canonical names, a sentence-initial referring "it"/"the
// organization" resolved to the dominant actor (an expletive "it", as in
// "It is wrong to say that ...", never), no closing punctuation. Every
// negation and concession of the sentence stays: a step that would lose one
// is not taken. A gist cut to length ends in an ellipsis. ms are the actor
// mentions inside sentence (offsets into the document; only names are used).
func Gist(sentence string, ms []actor.Mention, dominant string) string {
	return gistFor(sentence, ms, ref{name: dominant, pronoun: true})
}

// A ref is what a sentence-initial referring subject may stand for: an
// actor's name, the heads of the names the document writes it with
// ("organization" of "International Organization for Migration"), and
// whether "it" and the class words of an organisation (orgClassWords) may
// stand for it too.
type ref struct {
	name    string
	heads   []string
	pronoun bool
}

// orgClassWords stand for the organisation a sentence before named ("The
// organisation now acts for ..."), as its head nouns do.
var orgClassWords = []string{"organization", "organisation", "agency"}

// describes returns the length of the description at the start of ls (lower
// case) that stands for r: "the"/"this" and one of r's heads or, when
// pronouns stand for r, a class word of organisations; 0 when there is none.
func (r ref) describes(ls string) int {
	det := ""
	for _, d := range []string{"the ", "this "} {
		if strings.HasPrefix(ls, d) {
			det = d
		}
	}
	if det == "" {
		return 0
	}
	rest := ls[len(det):]
	try := func(w string) int {
		if strings.HasPrefix(rest, w) && len(rest) > len(w) && rest[len(w)] == ' ' {
			return len(det) + len(w)
		}
		return 0
	}
	for _, h := range r.heads {
		if n := try(h); n > 0 {
			return n
		}
		if v := spellingVariant(h); v != h {
			if n := try(v); n > 0 {
				return n
			}
		}
	}
	if r.pronoun {
		for _, w := range orgClassWords {
			if n := try(w); n > 0 {
				return n
			}
		}
	}
	return 0
}

// describable reports whether w (lower case) is a class word of
// organisations or a word of the surface of one of ms: the cheap test
// before a description is resolved.
func describable(w string, ms []actor.Mention) bool {
	w = spellingVariant(w)
	for _, c := range orgClassWords {
		if spellingVariant(c) == w {
			return true
		}
	}
	for _, m := range ms {
		var fsArr [16]string
		for _, f := range appendFieldsN(fsArr[:0], m.Surface, len(m.Surface)) { // strings.Fields, on the stack
			if len(f) == len(w) && spellingVariant(strings.ToLower(f)) == w {
				return true
			}
		}
	}
	return false
}

// spellingVariant returns the other spelling of an -ization/-isation word
// (organization, organisation), else w.
func spellingVariant(w string) string {
	for _, p := range [][2]string{{"ization", "isation"}, {"isation", "ization"}} {
		if strings.HasSuffix(w, p[0]) {
			return strings.TrimSuffix(w, p[0]) + p[1]
		}
	}
	return w
}

// nameHeads returns the head nouns (lower case) of the names ms writes the
// actor name with: the last word of a name of several capitalised words,
// or the last before "of", "for", "on" ("organization" of "International
// Organization for Migration", "project" of "Missing Migrants Project").
// An acronym or a one-word name has no head that a description could use.
func nameHeads(ms []actor.Mention, name string) []string {
	var heads []string
	for _, m := range ms {
		if m.Name != name {
			continue
		}
		var fsArr [16]string
		fs := appendFieldsN(fsArr[:0], m.Surface, len(m.Surface)) // strings.Fields, on the stack for a short name
		for k, f := range fs {
			if k > 0 && (f == "of" || f == "for" || f == "on") {
				fs = fs[:k]
				break
			}
		}
		if len(fs) < 2 {
			continue
		}
		h := strings.ToLower(strings.Trim(fs[len(fs)-1], ",;:.'’"))
		if upperForm(h) || upperForm(fs[len(fs)-1]) || wordFlags(h)&flagFunction != 0 {
			continue
		}
		if !slices.Contains(heads, h) {
			heads = append(heads, h)
		}
	}
	return heads
}

// upperForm reports whether strings.ToUpper(s) == s, without the upper-case
// copy when s is ASCII (no lower-case letter then).
func upperForm(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return strings.ToUpper(s) == s
		} else if 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

// gistFor is Gist with r for the referring subject it may resolve.
func gistFor(sentence string, ms []actor.Mention, r ref) string {
	g, _, _ := gistResolving(sentence, ms, r)
	return g
}

// gistResolving is gistFor, also returning the words of the sentence's
// referring subject that r's name replaced ("it", "The organisation") and
// what was put in their place; both "" when none was.
func gistResolving(sentence string, ms []actor.Mention, r ref) (g, words, name string) {
	dominant := r.name
	s := inlineText(spaces.Single(sentence))
	// fold actor surfaces to canonical names
	for _, m := range ms {
		if m.Kind != argmap.ActorGroup && m.Surface != "" && m.Surface != m.Name && strings.Contains(s, m.Surface) {
			s = strings.Replace(s, m.Surface, m.Name, 1)
		}
	}
	plain := s // the fallback: only markup and names changed
	for changed := true; changed; {
		changed = false
		// the first 40 bytes lowered on the stack; a marker is looked for
		// only after a letter one of them starts with
		var lb [48]byte
		ls := appendLower(lb[:0], clip(s, 40))
		if len(ls) == 0 || !markerFirst[ls[0]] {
			break
		}
		for _, dm := range discourseMarkers {
			if len(ls) > len(dm) && string(ls[:len(dm)]) == dm {
				rest := s[len(dm):]
				if dm == "so" && soPhrase(rest) {
					continue // "so far", "so that": not the connective
				}
				if strings.HasPrefix(rest, ",") || (strings.HasPrefix(rest, " ") && (dm == "but" || dm == "and" || dm == "or" || dm == "yet" || dm == "so" || strings.HasSuffix(dm, " that"))) {
					s = strings.TrimLeft(rest, ", ")
					changed = true
					break
				}
			}
		}
	}
	// reporting frame: "<subject up to 8 words> <frame verb> that P" -> P,
	// unless the subject denies, doubts or limits it
	var fsArr [12]string
	fs := appendFieldsN(fsArr[:0], s, 12) // the frame lies in the first words
frame:
	for i := 0; i < len(fs)-1 && i < 10; i++ {
		var wb [32]byte
		w := string(appendLower(wb[:0], trimCommas(fs[i])))
		if frameBlockersLF.may(w) && frameBlockers[w] || strings.HasSuffix(w, "n't") {
			break
		}
		if !frameVerbsLF.may(w) || !frameVerbs[w] {
			continue
		}
		j := i + 1
		if strings.HasSuffix(fs[i], ",") {
			// an aside between the verb and its "that" ("We note, for
			// example, that P"): up to three words ending in a comma
			for k := i + 1; k < len(fs) && k <= i+3; k++ {
				if strings.HasSuffix(fs[k], ",") {
					j = k + 1
					break
				}
			}
		}
		if j < len(fs) && strings.EqualFold(strings.TrimRight(fs[j], ","), "that") && j+1 < len(fs) {
			if i > 0 && (strings.EqualFold(fs[0], "it") || strings.EqualFold(fs[0], "there")) {
				switch strings.ToLower(fs[i-1]) {
				case "is", "was", "are", "were", "been", "be":
					break frame // "It is said that P" is hearsay, kept as such
				}
			}
			s = strings.Join(strings.Fields(s)[j+1:], " ")
			break
		}
	}
	// drop a leading circumstantial clause ("Given that P, Q" -> Q)
	if i := strings.Index(s, ", "); i > 0 {
		var fb [32]byte
		if leadClause[string(appendLower(fb[:0], firstField(s)))] && countFields(s[i+2:], 5) >= 5 && i < len(s)*2/3 {
			s = s[i+2:]
		}
	}
	// drop inner ", therefore," and ", however,"
	if innerMarkerAt(s) {
		for _, in := range []string{", therefore,", ", however,", ", thus,", ", in turn,", ", of course,"} {
			s = strings.ReplaceAll(s, in, "")
		}
	}
	// resolve a leading referring pronoun or "the organization"
	var fsArr10 [10]string
	if dominant != "" && !expletiveIt(appendFieldsN(fsArr10[:0], s, 10)) {
		ls := strings.ToLower(clip(s, 60))
		if n := r.describes(ls); n > 0 {
			words, name = s[:n], dominant
			s = dominant + s[n:]
		} else if r.pronoun && strings.HasPrefix(ls, "it ") {
			words, name = s[:2], dominant
			s = dominant + s[2:]
		}
		if r.pronoun && len(s) >= 4 && s[0]|0x20 == 'i' && s[1]|0x20 == 't' && s[2]|0x20 == 's' && s[3] == ' ' {
			// strings.ToLower(s) opens with "its ": no rune outside ASCII
			// lowers to these letters
			words, name = s[:3], dominant+"'s"
			s = dominant + "'s " + s[4:]
		}
	}
	// "the IOM" -> "IOM" when the name is an acronym
	if strings.HasPrefix(s, "the ") || strings.HasPrefix(s, "The ") {
		if r, _ := utf8.DecodeRuneInString(s[4:]); unicode.IsUpper(r) {
			w := firstField(s[4:])
			if w == strings.ToUpper(w) && len(w) > 1 {
				s = s[4:]
			}
		}
	}
	s = dropParens(s)
	if s != plain && !gistKeeps(plain, s) {
		s, words, name = plain, "", ""
	}
	return shorten(s), strings.TrimSpace(words), name
}

// trimCommas is strings.Trim(s, ",;") without building the cut set on
// every call.
func trimCommas(s string) string {
	for len(s) > 0 && (s[0] == ',' || s[0] == ';') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ',' || s[len(s)-1] == ';') {
		s = s[:len(s)-1]
	}
	return s
}

// innerMarkerAt reports whether s has ", " before a 't', 'h', 'i' or 'o',
// as each inner marker gistResolving drops does: the cheap test, one scan
// where the five replacements made five (most sentences have none).
func innerMarkerAt(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], ", ")
		if j < 0 || i+j+2 >= len(s) {
			return false
		}
		switch s[i+j+2] {
		case 't', 'h', 'i', 'o':
			return true
		}
		i += j + 2
	}
}

// soPhrase reports whether rest, what follows a leading "so", makes it part
// of a phrase ("so far", "so that", "so many") rather than the connective.
func soPhrase(rest string) bool {
	switch strings.ToLower(strings.Trim(firstField(rest), ",")) {
	case "far", "that", "much", "many", "long", "few", "little", "as":
		return true
	}
	return false
}

// gistKeeps reports whether gist keeps every negation and concession word
// of sentence (as many of each).
func gistKeeps(sentence, gist string) bool {
	want := meaningWordsIn(sentence, nil)
	if len(want) == 0 {
		return true
	}
	got := meaningWordsIn(gist, nil)
	for i, w := range want {
		n, m := 0, 0
		for _, x := range want[i:] {
			if x == w {
				n++
			}
		}
		for _, x := range got {
			if x == w {
				m++
			}
		}
		if m < n {
			return false
		}
	}
	return true
}

// meaningWordsLF tells the lengths and first bytes of meaningWords.
var meaningWordsLF = newLenFirst(meaningWords)

// meaningWordsIn appends to ws the words of s (lower case; a word is a run
// of letters and apostrophes) that are meaning words or end in "n't".
func meaningWordsIn(s string, ws []string) []string {
	start := -1
	ascii := true // the word from start has no byte outside ASCII
	for i := 0; i < len(s); {
		// inside a word, eight ASCII bytes at a time while they are
		// letters or apostrophes
		if start >= 0 && i+8 <= len(s) {
			if x := swar.Load(s, i); x&swar.Hi == 0 {
				in := swar.In(x|0x2020202020202020, 'a', 'z') | swar.Eq(x, '\'')
				if in == swar.Hi {
					i += 8
					continue
				}
				i += bits.TrailingZeros64(^in&swar.Hi) >> 3 // the first other byte
			}
		}
		c, n := s[i], 1
		var in bool
		if c < utf8.RuneSelf {
			in = 'a' <= c|0x20 && c|0x20 <= 'z' || c == '\''
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			in = unicode.IsLetter(r) || r == '’'
		}
		if in {
			if start < 0 {
				start, ascii = i, true
			}
			if c >= utf8.RuneSelf {
				ascii = false
			}
		} else if start >= 0 {
			ws = meaningWord(s[start:i], ascii, ws)
			start = -1
		}
		i += n
	}
	if start >= 0 {
		ws = meaningWord(s[start:], ascii, ws)
	}
	return ws
}

// meaningWord appends w to ws, in lower case, when it is a meaning word or
// ends in "n't"; ascii tells that w is ASCII, whose lower case then has
// its length and its first byte lowered, and ends in "n't" only when w
// ends in "t" or "T": most words are ruled out by those.
func meaningWord(w string, ascii bool, ws []string) []string {
	if ascii {
		first, last := w[0]|0x20, w[len(w)-1]|0x20
		if last != 't' && len(w) < len(meaningWordsLF) && !meaningWordsLF[len(w)][first] {
			return ws
		}
	}
	if isLowerASCII(w) {
		if meaningWordsLF.may(w) && meaningWords[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			ws = append(ws, w)
		}
		return ws
	}
	// lowered on the stack; a new string only for a word kept
	var lb [32]byte
	lw := appendLower(lb[:0], w)
	if meaningWordsLF.mayBytes(lw) && meaningWords[string(lw)] || bytes.HasSuffix(lw, []byte("n't")) || bytes.HasSuffix(lw, []byte("n’t")) {
		ws = append(ws, string(lw))
	}
	return ws
}

// appendLower appends strings.ToLower(s) to b: byte by byte when s is
// ASCII, so that a caller lowering a word into an array on its stack
// (and converting it to a string it does not keep) allocates nothing.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// isLowerASCII reports whether s has no upper-case letter and no byte
// outside ASCII.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return false
		}
	}
	return true
}

// shorten bounds a gist to maxGistWords: cut after the last comma or
// semicolon past the eighth word, else at the bound less any trailing
// function words, and mark the cut with an ellipsis. Closing punctuation
// goes; the first letter is upper case.
func shorten(s string) string {
	cutDone := false
	if countFields(s, maxGistWords+1) <= maxGistWords {
		s = spaces.Single(s)
	} else {
		var fsArr [maxGistWords]string
		fs := appendFieldsN(fsArr[:0], s, maxGistWords) // no more are kept
		cut := maxGistWords
		for i := maxGistWords - 1; i >= 8; i-- {
			if strings.HasSuffix(fs[i], ",") || strings.HasSuffix(fs[i], ";") {
				cut = i + 1
				break
			}
		}
		fs = fs[:cut]
		for len(fs) > 8 && wordFlags(strings.ToLower(strings.Trim(fs[len(fs)-1], ",;:")))&flagFunction != 0 {
			fs = fs[:len(fs)-1]
		}
		cutDone = true
		s = strings.Join(fs, " ")
	}
	s = strings.TrimRight(s, " .,;:!?…")
	s = strings.TrimSpace(s)
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	if cutDone && s != "" {
		s += "…"
	}
	return s
}

// dropParens removes bracketed asides, keeping text outside them.
func dropParens(s string) string {
	if !strings.ContainsAny(s, "([") {
		return s
	}
	if !utf8.ValidString(s) {
		return dropParensRunes(s)
	}
	// the brackets are ASCII: the text outside them is copied byte by byte
	b := make([]byte, 0, len(s))
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
			continue
		case ')', ']':
			if depth > 0 {
				depth--
				continue
			}
		}
		if depth == 0 {
			b = append(b, s[i])
		}
	}
	if depth > 0 { // unbalanced: keep the original
		return s
	}
	return strings.ReplaceAll(spaces.Single(string(b)), " ,", ",")
}

// dropParensRunes is dropParens on text that is not valid UTF-8: a bad
// byte becomes U+FFFD, as a range over the string reads it.
func dropParensRunes(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[':
			depth++
			continue
		case ')', ']':
			if depth > 0 {
				depth--
				continue
			}
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	if depth > 0 { // unbalanced: keep the original
		return s
	}
	return strings.ReplaceAll(strings.Join(strings.Fields(b.String()), " "), " ,", ",")
}

// referent returns the actor a sentence-initial "it" or "the organization"
// of units[i] may stand for: the dominant actor when the sentence before it
// in the same paragraph has that actor as its subject (the first actor it
// names, within its first three words or those of its gist: opensWith),
// else "" (nothing is resolved). "This chapter
// analyses IOM's role. It shows that ..." keeps its "it".
//
// Another organisation named so ("The Harbour Trust dredged the channel.
// The trust then ...") is what "the"/"this" and the head of its name
// stands for; "it" stays.
func referent(text string, units []unit, i int, ms []actor.Mention, dominant, g string, gm gistMemo) ref {
	if i == 0 || units[i-1].para != units[i].para {
		return ref{}
	}
	p := units[i-1]
	pms := mentionsIn(ms, p.Start, p.End)
	if len(pms) == 0 {
		return ref{}
	}
	if ls := strings.ToLower(clip(g, 60)); !strings.HasPrefix(ls, "it") {
		// "the"/"this" and a noun: only a class word or a word of a name
		// in the sentence before can describe what it names
		fs := fieldsN(ls, 2)
		if len(fs) < 2 || !describable(fs[1], pms) {
			return ref{}
		}
	}
	var pg string
	for _, m := range pms {
		if !opensWith(text, p, pms, m, &pg) {
			continue
		}
		// the first actor that opens the sentence is its subject
		switch {
		case m.Name == dominant:
			// "IOM's data work strengthens ..., but it is not neutral": a
			// possessive is not the subject, and "it" stands for the noun
			// phrase it opens (pronounReferent), not for the organisation
			after := text[m.End:min(len(text), m.End+4)]
			possessive := strings.HasPrefix(after, "'s ") || strings.HasPrefix(after, "’s")
			return ref{name: dominant, heads: gm.nameHeads(ms, dominant), pronoun: !possessive}
		case m.Kind == argmap.ActorOrganisation:
			if hs := gm.nameHeads(ms, m.Name); len(hs) > 0 {
				return ref{name: m.Name, heads: hs}
			}
		}
		break
	}
	return ref{}
}

// refersBack reports whether gist opens with a subject that may stand for
// an actor named before: "it", "its", or "the"/"this" and a noun.
func refersBack(gist string) bool {
	var lb [32]byte
	ls := string(appendLower(lb[:0], clip(gist, 6)))
	return strings.HasPrefix(ls, "it ") || strings.HasPrefix(ls, "its ") || strings.HasPrefix(ls, "the ") ||
		strings.HasPrefix(ls, "this ")
}

// opensWith reports whether the sentence p (with the mentions pms) has the
// mention m as its subject: m is named within its first two words, or
// one word after the comma that ends a leading circumstantial clause, or
// within the first two of its gist (a marker set off by a comma aside), which drops discourse markers and a
// leading circumstantial clause ("Within the framework of its projects,
// the agency sorts ..."). pg caches p's gist.
func opensWith(text string, p unit, pms []actor.Mention, m actor.Mention, pg *string) bool {
	before := text[p.Start:m.Start]
	if len(strings.Fields(before)) <= 2 {
		return true
	}
	if leadClause[strings.ToLower(firstField(before))] {
		// "Within the framework of its “return” programmes, the agency
		// sorts ...": the words after the leading clause's comma
		if k := strings.LastIndexByte(before, ','); k > 0 && !strings.ContainsAny(before[k:], ";:.") &&
			len(strings.Fields(strings.TrimLeft(before[k+1:], "”’\"'"))) <= 1 {
			return true
		}
	}
	if *pg == "" {
		*pg = gistFor(text[p.Start:p.End], pms, ref{})
	}
	k := strings.Index(*pg, m.Name)
	if k < 0 {
		return false
	}
	n := 0
	for _, f := range strings.Fields((*pg)[:k]) {
		if !strings.HasSuffix(f, ",") { // "for example," left after a dropped clause
			n++
		}
	}
	return n <= 2
}

// firstField returns the first of strings.Fields(s), or "".
func firstField(s string) string {
	var one [1]string
	fs := appendFieldsN(one[:0], s, 1)
	if len(fs) == 0 {
		return ""
	}
	return fs[0]
}

// mayOpenWith reports whether the first of strings.Fields(s), in lower
// case, may be in set: false only when it is not, told without allocating
// for a word in ASCII.
func mayOpenWith(s string, set map[string]bool) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if end := strings.IndexFunc(s, unicode.IsSpace); end >= 0 {
		s = s[:end]
	}
	var buf [16]byte
	if len(s) > len(buf) {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return true // strings.ToLower decides
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(s)])]
}

// fieldsN returns the first n of strings.Fields(s) (fewer when s has
// fewer).
func fieldsN(s string, n int) []string { return appendFieldsN(make([]string, 0, n), s, n) }

// appendFieldsN appends fieldsN(s, n) to out (a caller's array on its
// stack, where the fields are read and let go).
func appendFieldsN(out []string, s string, n int) []string { return spaces.AppendFields(out, s, n) }

// countFields returns len(strings.Fields(s)), counting no further than
// limit.
func countFields(s string, limit int) int { return spaces.CountFields(s, limit) }

// A claim whose subject is a bare demonstrative or pronoun ("this is
// brilliant!", "It harms small shops.") says nothing on its own: its gist
// names what the pronoun stands for, found in the document, or the claim is
// marked as needing its context (argmap.CueNeedsContext) and keeps no gist,
// so that readers see the sentence as written.

// bareDemonstratives and barePronouns open a sentence as its whole subject
// when a verb follows ("this is", "that shows", "they argue"); "this
// report" is a noun phrase and names its referent itself.
var (
	bareDemonstratives = map[string]bool{"this": true, "that": true, "these": true, "those": true}
	barePronouns       = map[string]bool{"it": true, "they": true}
)

// subjectVerbs are the verbs and auxiliaries that show the word before them
// is a whole subject.
var subjectVerbs = wordSet(`is was are were be been has have had will would can could should may might must shall
	does do did seems seem seemed appears appear appeared remains remain remained shows show showed proves prove
	proved means mean meant makes make made looks look looked sounds sound sounded goes go went gives give gave
	needs need needed matters matter set put led took gave began grew kept left lost met paid ran saw sent told
	thought won wrote brought held became stood fell rose`)

// subjectAdverbs may stand between a subject and its verb ("it now runs",
// "they also argue").
var subjectAdverbs = wordSet(`now also still then thus often already even only just never not always usually
	rarely simply clearly actually really indeed therefore however merely`)

// contractions of a pronoun and a verb, spelled out.
var contractions = map[string][2]string{
	"it's": {"it", "is"}, "it’s": {"it", "is"}, "that's": {"that", "is"}, "that’s": {"that", "is"},
	"they're": {"they", "are"}, "they’re": {"they", "are"},
}

// isSubjectVerb reports whether w (lower case, trimmed) is a verb that
// follows a subject: an auxiliary or common verb, a negated auxiliary, or,
// after a singular subject, a present-tense verb in -s or a past tense in
// -ed.
func isSubjectVerb(w string, plural bool) bool {
	if subjectVerbs[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
		return true
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") {
		return true
	}
	if plural || len(w) < 4 || !strings.HasSuffix(w, "s") {
		return false
	}
	for _, not := range []string{"ss", "is", "us", "ics"} {
		if strings.HasSuffix(w, not) {
			return false
		}
	}
	return wordFlags(w)&flagFunction == 0
}

// bareSubject reports whether gist opens with a bare demonstrative or a
// referring pronoun as its subject, and returns that word (lower case) and
// the gist after it. An expletive "it" ("it is clear that ...") is not one.
func bareSubject(gist string) (pron, rest string, ok bool) {
	// most gists open with another word: look at the first one alone
	var one [1]string
	first := appendFieldsN(one[:0], gist, 1)
	if len(first) == 0 {
		return "", "", false
	}
	var wb [32]byte
	if w := string(appendLower(wb[:0], strings.TrimRight(first[0], ",;:!?."))); !bareDemonstratives[w] && !barePronouns[w] {
		if _, ok := contractions[w]; !ok {
			return "", "", false
		}
	}
	fs := fieldsN(gist, 10)
	w0 := strings.ToLower(strings.TrimRight(fs[0], ",;:!?."))
	rest = strings.TrimSpace(gist[len(fs[0]):])
	verb := ""
	if c, ok := contractions[w0]; ok {
		w0, verb = c[0], c[1]
		rest = verb + " " + rest
	} else {
		for k := 1; k < len(fs); k++ {
			verb = strings.ToLower(strings.Trim(fs[k], ",;:!?."))
			if !subjectAdverbs[verb] && !(len(verb) > 4 && strings.HasSuffix(verb, "ly")) {
				if plural := bareDemonstratives[w0] && w0 != "this" && w0 != "that"; plural && !subjectVerbs[verb] && !strings.HasSuffix(verb, "ed") {
					// "these reveal not only", not "these documents are"
					next := ""
					if k+1 < len(fs) {
						next = strings.ToLower(strings.Trim(fs[k+1], ",;:!?."))
					}
					if !strings.HasSuffix(verb, "s") && !isVerbForm(next) && !strings.HasSuffix(next, "ing") {
						verb = "are"
					}
				}
				break
			}
		}
	}
	if verb == "" || (!bareDemonstratives[w0] && !barePronouns[w0]) {
		return "", "", false
	}
	if w0 == "it" && len(fs) > 1 && clauseEnds(fs[1:]) {
		// "It can, and ...", "It does!": the verb ends the clause, so no
		// that- or to-clause makes the "it" expletive ("It is, of course,
		// clear that" still is)
	} else if w0 == "it" {
		check := fs
		if verb == "is" && len(fs) > 0 && !strings.EqualFold(fs[0], "it") {
			check = append([]string{"it", "is"}, fs[1:]...)
		}
		if expletiveIt(check) {
			return "", "", false
		}
	}
	plural := w0 == "these" || w0 == "those" || w0 == "they"
	if w0 != "they" && !isSubjectVerb(verb, plural) {
		return "", "", false
	}
	if plural && !subjectVerbs[verb] && !strings.HasSuffix(verb, "ed") && !strings.HasSuffix(verb, "n't") && w0 != "they" {
		return "", "", false
	}
	return w0, rest, true
}

// clauseEnds reports whether the clause ends with the first of fs: at a
// full stop, an exclamation or a semicolon, or at a comma before a
// conjunction or "whatever".
func clauseEnds(fs []string) bool {
	switch fs[0][len(fs[0])-1] {
	case '.', '!', ';':
		return true
	case ',':
		if len(fs) > 1 {
			switch strings.ToLower(fs[1]) {
			case "and", "but", "or", "so", "yet", "whatever", "though", "although":
				return true
			}
		}
	}
	return false
}

// claimGist is the gist of the claim units[i]: Gist of its sentence, with a
// bare demonstrative or pronoun subject replaced by what it stands for.
// needsContext is true, and the gist "", when nothing in the document can be
// named for it. res is what a referring subject was read as, with the
// passage that names it (nil when none was resolved).
func claimGist(text string, units []unit, i int, ms []actor.Mention, dominant string, gm gistMemo) (gist string, needsContext bool, res *argmap.Referent) {
	u := units[i]
	ums := mentionsIn(ms, u.Start, u.End)
	g := gm.plain(text[u.Start:u.End], u.Start, u.End, ms)
	if refersBack(g) {
		if r := referent(text, units, i, ms, dominant, g, gm); r.name != "" {
			var words, name string
			g, words, name = gistResolving(text[u.Start:u.End], ums, r)
			if words != "" {
				p := units[i-1]
				res = referentAt(text, u, words, name, p.Start, p.End)
			}
		}
	}
	if res == nil {
		words, np, ps, pe := describedReferent(text, units, i, g, ms, gm)
		if np == "" {
			words, np, ps, pe = quantifiedReferent(text, units, i, g, ms, gm)
		}
		if np != "" {
			rest := strings.TrimSpace(g[len(words):])
			cut := strings.HasSuffix(rest, "…")
			g = shorten(np + " " + strings.TrimSuffix(rest, "…"))
			if cut && !strings.HasSuffix(g, "…") {
				g += "…"
			}
			return g, false, referentAt(text, u, words, np, ps, pe)
		}
	}
	pron, rest, ok := bareSubject(g)
	if !ok {
		if res == nil {
			// "Human Rights Watch described those centres as ...": a
			// description after the subject that points back
			if words, np, ps, pe := objectReferent(text, units, i); np != "" {
				if k := indexWords(g, words); k >= 0 {
					if r := referentAt(text, u, words, np, ps, pe); r != nil {
						return g[:k] + np + g[k+len(words):], false, r
					}
				}
			}
		}
		return g, false, res
	}
	ref, ps, pe := pronounReferent(text, units, i, pron, ms, 0, gm)
	if ref == "" {
		return "", true, nil
	}
	cut := strings.HasSuffix(rest, "…")
	g = shorten(ref + " " + strings.TrimSuffix(rest, "…"))
	if cut && !strings.HasSuffix(g, "…") {
		g += "…" // the sentence was cut before its referent was named
	}
	words := firstField(strings.TrimSpace(text[u.Start+subjectStart(text[u.Start:u.End]) : u.End]))
	if !strings.EqualFold(strings.TrimRight(words, ",;:"), pron) {
		// the pronoun follows a clause set before the main one ("Far
		// from being passive, they ..."): the words are the pronoun
		words = pron
	}
	return g, false, referentAt(text, u, words, ref, ps, pe)
}

// gistMemo keeps, for one document, the gists of sentences read without
// a referent (Gist with no dominant actor), by the text and the span whose
// mentions fold into it: a claim's gist is read again as the sentence
// before the next claim, once for each way that claim's subject may point
// back (described, quantified, pronoun).
type gistMemo struct {
	gists map[gistKey]string
	heads map[string][]string // nameHeads of the document's mentions, by name
}

func newGistMemo() gistMemo {
	return gistMemo{gists: map[gistKey]string{}, heads: map[string][]string{}}
}

type gistKey struct {
	s          string
	start, end int
}

// plain returns gistFor(s, mentionsIn(ms, start, end), ref{}), which is
// Gist(s, those mentions, ""): with no name to resolve, a ref's other
// fields are not read.
func (gm gistMemo) plain(s string, start, end int, ms []actor.Mention) string {
	k := gistKey{s, start, end}
	if g, ok := gm.gists[k]; ok {
		return g
	}
	g := gistFor(s, mentionsIn(ms, start, end), ref{})
	gm.gists[k] = g
	return g
}

// nameHeads is nameHeads(ms, name) for the document's mentions ms, read
// once a name (the heads are shared: callers must not change them).
func (gm gistMemo) nameHeads(ms []actor.Mention, name string) []string {
	if hs, ok := gm.heads[name]; ok {
		return hs
	}
	hs := nameHeads(ms, name)
	gm.heads[name] = hs
	return hs
}

// referentAt is the referent of the unit u whose subject words (as its gist
// has them) stand for name, named in text[start:end]: the words as the
// unit writes them, nil when they are not in it or the passage is empty.
func referentAt(text string, u unit, words, name string, start, end int) *argmap.Referent {
	words = strings.TrimRight(words, ",;:")
	if words == "" || name == "" || end <= start {
		return nil
	}
	t := text[u.Start:u.End]
	k := indexWords(strings.ToLower(t), strings.ToLower(words))
	if k < 0 {
		return nil
	}
	start, end = trimSpan(text, start, end)
	return &argmap.Referent{Words: t[k : k+len(words)], Text: strings.TrimRight(name, ",;: "),
		Span: argmap.Span{Start: start, End: end, Quote: text[start:end]}}
}

// indexWords returns where words first occur in s as whole words, or -1.
func indexWords(s, words string) int {
	for at := 0; at <= len(s); {
		k := strings.Index(s[at:], words)
		if k < 0 {
			return -1
		}
		k += at
		before := k == 0 || !isWordByte(s[k-1])
		after := k+len(words) == len(s) || !isWordByte(s[k+len(words)])
		if before && after {
			return k
		}
		at = k + 1
	}
	return -1
}

// maxReferentChain bounds the sentences a pronoun is followed back through,
// each opening with the same pronoun.
const maxReferentChain = 8

// maxReferentWords bounds the words a referent adds to a gist.
const maxReferentWords = 14

// pronounReferent returns what pron, the bare subject of units[i], stands
// for, written to open a sentence, or "":
//   - a title-like line next to it in the same paragraph, quoted: the item a
//     post links to or quotes ("this is brilliant!" over a linked article's
//     title; a "this" or "these" that ends in "!" or ":" points forward, any
//     of them back);
//   - for "this" and "that", the statement of the sentence before it in the
//     paragraph ("The council cut the budget. This is a disgrace." -> "That
//     the council cut the budget is a disgrace");
//   - for "it", "they", "these" and "those", the subject of that sentence
//     when it is a noun phrase that agrees in number ("The levy was
//     introduced in 2019. It harms small shops." -> "The levy harms ...").
func pronounReferent(text string, units []unit, i int, pron string, ms []actor.Mention, depth int, gm gistMemo) (ref string, start, end int) {
	u := units[i]
	sentence := strings.TrimSpace(text[u.Start:u.End])
	if (pron == "this" || pron == "these") && (strings.HasSuffix(sentence, "!") || strings.HasSuffix(sentence, ":")) {
		if i+1 < len(units) && units[i+1].para == u.para {
			if t := titleLike(text, units[i+1]); t != "" {
				return t, units[i+1].Start, units[i+1].End
			}
		}
	}
	if i == 0 || units[i-1].para != u.para {
		return "", 0, 0
	}
	if t := titleLike(text, units[i-1]); t != "" && bareDemonstratives[pron] {
		return t, units[i-1].Start, units[i-1].End // "it" and "they" stand for things a sentence names, not for a title above them
	}
	if units[i-1].furniture != "" {
		return "", 0, 0
	}
	ps, pe := previousSentence(text, units, i)
	prev := strings.TrimSpace(text[ps:pe])
	if clause := strings.TrimRight(prev, ",;"); clause != prev && !strings.ContainsAny(clause, ".!?") {
		prev = clause // the clause before it in its sentence
	} else if !strings.HasSuffix(prev, ".") && !strings.HasSuffix(prev, "!") {
		return "", 0, 0 // a question or a fragment states nothing to point back to
	}
	pg := gm.plain(prev, ps, pe, ms)
	if (pron == "they" || pron == "it") && mayOpenWith(pg, bareDemonstratives) {
		// "States of transit know how to use them. These states bring
		// their interests. Far from being passive, they participate": the
		// sentence before opens with a description that itself points
		// back; the pronoun stands for what that stands for
		for j := i - 1; j >= 0 && units[j].para == u.para; j-- {
			if units[j].Start <= ps {
				if _, np, rs, re := describedReferent(text, units, j, pg, ms, gm); np != "" && agrees(np, pron) {
					return np, rs, re
				}
				break
			}
		}
	}
	if p2, _, ok := bareSubject(pg); ok {
		// "This chapter sets the stage. First, it ... Second, it ...": the
		// same pronoun before stands for the same thing
		if p2 != pron || pron == "this" || pron == "that" || depth >= maxReferentChain {
			return "", 0, 0
		}
		for j := i - 1; j >= 0 && units[j].para == u.para; j-- {
			if units[j].Start <= ps {
				if ref, rs, re := pronounReferent(text, units, j, pron, ms, depth+1, gm); ref != "" && !strings.HasPrefix(ref, "That ") && !strings.HasPrefix(ref, "“") {
					return ref, rs, re
				}
				return "", 0, 0
			}
		}
		return "", 0, 0
	}
	switch pron {
	case "this", "that":
		if strings.HasSuffix(pg, "…") || countFields(pg, maxReferentWords+1) > maxReferentWords {
			return "", 0, 0 // too long to restate inside another sentence
		}
		return "That " + lowerFirst(pg, text), ps, pe
	}
	np := subjectPhrase(pg, text)
	if np == "" || !agrees(np, pron) {
		return "", 0, 0
	}
	return np, ps, pe
}

// agrees reports whether the noun phrase np agrees in number with pron
// ("it" singular, the others plural): a plural has "and" or ends in -s.
func agrees(np, pron string) bool {
	last := strings.ToLower(np[strings.LastIndexByte(np, ' ')+1:])
	plural := strings.Contains(np, " and ") || (strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss"))
	return plural == (pron != "it")
}

// previousSentence returns the bounds of the sentence before units[i] in
// its paragraph, as written: units may be parts of sentences, so it is
// found in the text, back from units[i] to the sentence end before it.
func previousSentence(text string, units []unit, i int) (start, end int) {
	para := units[i].Start
	for k := i - 1; k >= 0 && units[k].para == units[i].para; k-- {
		para = units[k].Start
	}
	end = units[i].Start
	before := strings.TrimRight(text[para:end], " \t\n")
	if before == "" {
		return end, end
	}
	if !strings.ContainsRune(".!?", rune(before[len(before)-1])) {
		// units[i] is a clause inside a sentence: the clauses before it
		body := before
		start = para
		for k := len(body) - 1; k > 0; k-- {
			if c := body[k]; (c == ' ' || c == '\n') && strings.ContainsRune(".!?", rune(body[k-1])) {
				start = para + k + 1
				break
			}
		}
		return start, para + len(before)
	}
	body := before[:len(before)-1] // the sentence's own closing mark
	start = para
	for k := len(body) - 1; k > 0; k-- {
		if c := body[k]; (c == ' ' || c == '\n') && strings.ContainsRune(".!?", rune(body[k-1])) {
			if r, _ := utf8.DecodeRuneInString(body[k+1:]); unicode.IsUpper(r) || r == '“' || r == '"' {
				start = para + k + 1
				break
			}
		}
	}
	return start, para + len(before)
}

// subjectPhrase returns the noun phrase that opens a statement, up to its
// verb: one to six words opening with a determiner or a capitalised name,
// with no pronoun, comma or clause in it; "" when there is none.
func subjectPhrase(s, text string) string {
	fs := fieldsN(s, 12)
	if len(fs) < 2 {
		return ""
	}
	w0 := strings.ToLower(fs[0])
	switch {
	case w0 == "the" || w0 == "a" || w0 == "an" || w0 == "its" || w0 == "their" || w0 == "our" || w0 == "his" || w0 == "her" || bareDemonstratives[w0]:
	case isName(fs[0], text):
	default:
		return ""
	}
	// an article or a possessive wants a noun before the verb: the word
	// right after it is not the verb ("The Geneva-based organization",
	// "The proposed levy")
	article := w0 == "the" || w0 == "a" || w0 == "an" || w0 == "its" || w0 == "their" || w0 == "our" || w0 == "his" || w0 == "her"
	limit := 6 // words before the verb; a name's inner words do not count
	for k := 1; k < len(fs) && k <= limit; k++ {
		w := strings.ToLower(fs[k])
		if k == 1 && article {
			if strings.ContainsAny(fs[k], ",;:()") || barePronouns[w] {
				return ""
			}
			continue
		}
		afterFunction := wordFlags(strings.ToLower(fs[k-1]))&flagFunction != 0 && k > 1 // "the voluntariness of assisted return"
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			continue // a possessive ("The Harbour Trust's survey work"), not a verb in -s
		}
		if k+1 < len(fs) && upperFirst(fs[k]) && upperFirst(fs[k+1]) && !strings.ContainsAny(fs[k], ",;:()") {
			// inside a name ("Amnesty International and Human Rights Watch
			// sat as observers"): "Rights" is no verb in -s
			limit++
			continue
		}
		if subjectVerbs[w] && !afterFunction || irregularVerbForm(w) && !afterFunction ||
			isSubjectVerb(w, false) && !afterFunction && (k+1 == len(fs) || !isVerbForm(strings.ToLower(fs[k+1]))) {
			// a word in -s before a verb is a plural noun ("the border
			// guards were"), else the verb ("the levy harms shops")
			if k+1 < len(fs) && strings.EqualFold(fs[k+1], "that") && w != "that" {
				// "Her central claim is that IOM ...": the topic is the
				// clause's subject, not the claim's
				return subjectPhrase(strings.Join(strings.Fields(s)[k+2:], " "), text)
			}
			return strings.Join(fs[:k], " ")
		}
		if strings.ContainsAny(fs[k], ",;:()") || w == "that" || w == "who" || w == "which" || barePronouns[w] {
			return ""
		}
	}
	return ""
}

// isVerbForm reports whether w is an auxiliary, a common verb, a negated
// auxiliary or a past tense in -ed.
func isVerbForm(w string) bool { return isSubjectVerb(w, true) }

// titleLike returns the text of u quoted when it is a title-like line (a
// heading of two to sixteen words, with a capitalised word after its first
// or four words or more, not ending in a colon), else "".
func titleLike(text string, u unit) string {
	if u.furniture != "heading" {
		return ""
	}
	t := strings.TrimSpace(inlineText(spaces.Single(text[u.Start:u.End])))
	n := countFields(t, 17)
	if n < 2 || n > 16 || strings.HasSuffix(t, ":") || datedLine(t) {
		return ""
	}
	fs := strings.Fields(t)
	capital := false
	for _, w := range fs[1:] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capital = true
		}
	}
	if !capital && n < 4 {
		return ""
	}
	return "“" + strings.TrimRight(t, " .") + "”"
}

// datedLine reports whether t holds a year (1900-2099) or a clock time: a
// post header, dateline or byline ("Posted: 4 March 2019, 11:40 by …")
// rather than the title of what a post points at.
func datedLine(t string) bool {
	for i := 0; i+3 < len(t); i++ {
		c := t[i]
		if i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
			continue
		}
		if (c == '1' && t[i+1] == '9' || c == '2' && t[i+1] == '0') && isDigit(t[i+2]) && isDigit(t[i+3]) && (i+4 == len(t) || !isDigit(t[i+4])) {
			return true
		}
		if isDigit(c) && t[i+1] == ':' && isDigit(t[i+2]) && isDigit(t[i+3]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// clipWords keeps the first n words of s, marking a cut with an ellipsis.
func clipWords(s string, n int) string {
	if countFields(s, n+1) <= n {
		return s
	}
	return strings.Join(strings.Fields(s)[:n], " ") + "…"
}

// lowerFirst lowers the first letter of s so that it can follow "That",
// unless its first word is a name.
func lowerFirst(s, text string) string {
	w := strings.TrimRight(firstField(s), ",;:'’")
	if w == "" || isName(w, text) {
		return s
	}
	lw := strings.ToLower(w)
	return lw + s[len(w):]
}

// isName reports whether w, written with a capital, is a name: an acronym
// or a word with a capital inside (IOM, McKinsey), or one the document also
// writes with a capital inside a sentence (after a word or a comma).
func isName(w, text string) bool {
	w = strings.TrimRight(w, ",;:'’")
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	if strings.ToLower(w[n:]) != w[n:] {
		return true
	}
	for at := 0; ; {
		k := strings.Index(text[at:], " "+w)
		if k < 0 {
			return false
		}
		k += at
		if k > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:k]); unicode.IsLetter(r) || r == ',' {
				return true
			}
		}
		at = k + 1
	}
}

// describedReferent resolves a subject that describes what the sentence
// before named: "this", "that", "these" or "those" and a common noun (or
// two) whose head is the head noun of that sentence's subject, a synonym
// of it, or a word it is a kind of in WordNet ("Migration statistics are
// considered to have special authority. However, these data are neither
// objective nor neutral": statistics are data). It returns the words of g
// that describe it, the subject phrase they stand for and where the
// sentence before is; np is "" when there is none.
func describedReferent(text string, units []unit, i int, g string, ms []actor.Mention, gm gistMemo) (words, np string, ps, pe int) {
	if !mayOpenWith(g, bareDemonstratives) {
		return "", "", 0, 0 // most claims: what follows would say so
	}
	fs := fieldsN(g, 4)
	if len(fs) < 3 || !bareDemonstratives[strings.ToLower(fs[0])] {
		return "", "", 0, 0
	}
	u := units[i]
	if i == 0 || units[i-1].para != u.para || units[i-1].furniture != "" {
		return "", "", 0, 0
	}
	// the description's words: lower-case nouns, not a verb ("These
	// reveal", "These data show")
	lex := lexicon.Default()
	var heads []int // indexes in fs of the nouns that may head it
	for k := 1; k <= 2 && k < len(fs)-1; k++ {
		w := fs[k]
		if w != strings.ToLower(w) || strings.ContainsAny(w, ",;:()") || wordFlags(w)&flagFunction != 0 || subjectVerbs[w] || !lex.Noun(w) {
			break
		}
		if k == 1 && isSubjectVerb(w, false) && !strings.HasSuffix(w, "s") {
			break
		}
		heads = append(heads, k)
	}
	if len(heads) == 0 {
		return "", "", 0, 0
	}
	ps, pe = previousSentence(text, units, i)
	prev := strings.TrimSpace(text[ps:pe])
	if !strings.HasSuffix(prev, ".") {
		return "", "", 0, 0
	}
	subj := leadingNounPhrase(gm.plain(prev, ps, pe, ms), lex)
	if subj == "" {
		return "", "", 0, 0
	}
	head := subj
	if k := strings.Index(head, " of "); k > 0 {
		head = head[:k] // "States of transit and origin"
	}
	head = strings.ToLower(head[strings.LastIndexByte(head, ' ')+1:])
	hw := lex.Word(head)
	for k := len(heads) - 1; k >= 0; k-- {
		w := fs[heads[k]]
		nw := lex.WordNoNear(w)
		if hw.Lemma == nw.Lemma || overlaps(hw.Concepts, nw.Concepts) || overlaps(hw.Broader, nw.Concepts) {
			return strings.Join(fs[:heads[k]+1], " "), subj, ps, pe
		}
	}
	return "", "", 0, 0
}

// objectDemonstratives point back from inside a clause ("described those
// centres as ..."); "that" is left out, being there most often a
// conjunction ("said that states ...").
var objectDemonstratives = wordSet(`this these those`)

// objectReferent resolves a description after a unit's first word that
// points back to what the sentence before named: "this", "these" or
// "those" and a common noun whose lemma heads a noun phrase of the sentence
// before with one to three lower-case nouns or adjectives before it ("Many
// of them had been held in detention centres. Human Rights Watch described
// those centres as places of ...": "those centres" stands for "detention
// centres"). It returns the unit's words, what they stand for (the words
// before the head there, and the head as the unit writes it) and where the
// sentence before is; np is "" when there is none. A description the
// sentence before names with no words before its head gains nothing.
func objectReferent(text string, units []unit, i int) (words, np string, ps, pe int) {
	u := units[i]
	if i == 0 || units[i-1].para != u.para || units[i-1].furniture != "" {
		return "", "", 0, 0
	}
	t := text[u.Start:u.End]
	if !pointsBackInside(t) {
		return "", "", 0, 0 // most units: the cheap test first
	}
	lex := lexicon.Default()
	fs := fieldsN(t, 60)
	for k := 1; k+1 < len(fs); k++ {
		if !objectDemonstratives[strings.ToLower(fs[k])] {
			continue
		}
		head := strings.TrimRight(fs[k+1], ",;:.")
		if head == "" || head != strings.ToLower(head) || wordFlags(head)&flagFunction != 0 || !lex.Noun(head) || isVerbForm(head) {
			continue
		}
		if ps == pe {
			if ps, pe = previousSentence(text, units, i); ps == pe {
				return "", "", 0, 0
			}
		}
		if mods := modifiersOf(text[ps:pe], lex.Lemma(head), lex); mods != "" {
			return fs[k] + " " + head, mods + " " + head, ps, pe
		}
	}
	return "", "", 0, 0
}

// numberWords are cardinals, which count a noun phrase rather than
// describe it ("three terminals").
var numberWords = wordSet(`one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
	hundred hundreds thousand thousands million millions billion dozen dozens several`)

// modifier reports whether w may stand before a head noun as part of its
// name: a noun ("detention" of "detention centres") or an adjective that
// is no verb's form ("severe", not "built"), in WordNet, and no number,
// function word or demonstrative; capitalised when WordNet has it so
// ("Libyan").
func modifier(w string, lex *lexicon.Lexicon) bool {
	if strings.ContainsAny(w, ",;:.!?()\"“”'’0123456789") {
		return false
	}
	lw := strings.ToLower(w)
	if w != lw && !unicode.IsUpper(rune(w[0])) {
		return false
	}
	if wordFlags(lw)&flagFunction != 0 || bareDemonstratives[lw] || numberWords[lw] || isVerbForm(lw) || lex.Adverb(lw) {
		return false
	}
	if lex.Noun(lw) && w == lw {
		return true
	}
	return !lex.Verb(lw) && len(lex.Adjectives(lex.Concepts(w))) > 0
}

// pointsBackInside reports whether s may have a description that points
// back after its first word (objectReferent): the cheap test.
func pointsBackInside(s string) bool {
	// " this ", " these " or " those ": one scan for " th" and a look at
	// what follows each, not a scan for each
	for i := 0; ; {
		j := strings.Index(s[i:], " th")
		if j < 0 {
			return false
		}
		r := s[i+j+3:]
		if strings.HasPrefix(r, "is ") || strings.HasPrefix(r, "ese ") || strings.HasPrefix(r, "ose ") {
			return true
		}
		i += j + 3
	}
}

// modifiersOf returns the lower-case nouns or adjectives (one to three)
// right before the last word of s whose lemma is lemma ("detention" of
// "held in detention centres"), or "" when that word has none.
func modifiersOf(s, lemma string, lex *lexicon.Lexicon) string {
	fs := fieldsN(s, 80)
	for j := len(fs) - 1; j > 0; j-- {
		w := strings.TrimRight(fs[j], ",;:.!?)")
		if !isLowerASCII(w) && w != strings.ToLower(w) || w == "" {
			continue
		}
		// The lemma of a word in lower case opens with the word's first
		// byte unless WordNet lists the word as irregular (the suffix
		// rules keep a stem of two bytes or more): most words are told
		// apart by that byte, without the lemma's look-ups.
		if lemma != "" && w[0] != lemma[0] && !lex.Irregular(w) || lex.Lemma(w) != lemma {
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

// quantifiers stand for a part of a plural named before when a verb
// follows them ("… Member States are parties to one convention, and most
// are parties to another").
var quantifiers = wordSet(`most many some all few several half both none`)

// quantityHeads head a noun phrase that counts what follows its "of" ("a
// number of member states"): the counted noun phrase is what a quantifier
// after it stands for a part of.
var quantityHeads = wordSet(`number majority minority lot group handful range set share`)

// quantifiedReferent resolves a subject that is a quantifier alone before
// a verb ("most are", "many have") to that quantifier and the plural
// subject of the clause or sentence before it ("most" -> "most IOM Member
// States"). It returns the words of g that stand for it (the quantifier),
// what they stand for and where the clause before is; np is "" when there
// is none.
func quantifiedReferent(text string, units []unit, i int, g string, ms []actor.Mention, gm gistMemo) (words, np string, ps, pe int) {
	if !mayOpenWith(g, quantifiers) {
		return "", "", 0, 0 // most claims: what follows would say so
	}
	fs := fieldsN(g, 3)
	if len(fs) < 3 {
		return "", "", 0, 0
	}
	q := strings.ToLower(fs[0])
	if !quantifiers[q] || !isVerbForm(strings.ToLower(fs[1])) {
		return "", "", 0, 0
	}
	u := units[i]
	if i == 0 || units[i-1].para != u.para || units[i-1].furniture != "" {
		return "", "", 0, 0
	}
	ps, pe = previousSentence(text, units, i)
	prev := strings.TrimRight(strings.TrimSpace(text[ps:pe]), ",;.")
	subj := leadingNounPhrase(gm.plain(prev, ps, pe, ms), lexicon.Default())
	if subj == "" {
		return "", "", 0, 0
	}
	sf := strings.Fields(subj)
	if k := slices.Index(sf, "of"); k > 0 && quantityHeads[strings.ToLower(sf[k-1])] && k+1 < len(sf) {
		sf = sf[k+1:] // "a number of IOM Member States"
	} else if w := strings.ToLower(sf[0]); w == "the" || w == "a" || w == "an" {
		sf = sf[1:]
	}
	last := strings.ToLower(sf[len(sf)-1])
	if !slices.Contains(sf, "and") && (!strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss")) {
		return "", "", 0, 0 // "most are" wants a plural
	}
	return fs[0], fs[0] + " " + strings.Join(sf, " "), ps, pe
}

// leadingNounPhrase returns the noun phrase that opens s up to its verb or
// the first comma: one to seven words, none a function word (a leading
// article, and "of" or "and" between nouns aside), a pronoun, an adverb or
// a verb form ("States of transit and origin also know ..." gives "States
// of transit and origin"); "" when there is none.
func leadingNounPhrase(s string, lex *lexicon.Lexicon) string {
	fs := fieldsN(s, 9)
	n := 0
	for k, f := range fs {
		if k == 7 {
			return ""
		}
		w := strings.ToLower(strings.TrimRight(f, ","))
		comma := strings.HasSuffix(f, ",")
		if k == 0 && (w == "the" || w == "a" || w == "an") {
			continue
		}
		if k > 0 && n == k && (w == "of" || w == "and") && !comma {
			continue // "of" or "and" and a noun after it
		}
		if w == "" || strings.ContainsAny(w, ";:()\"“”") || wordFlags(w)&flagFunction != 0 || barePronouns[w] || bareDemonstratives[w] ||
			(k > 0 && (isVerbForm(w) || lex.Adverb(w))) {
			break
		}
		n = k + 1
		if comma {
			break
		}
	}
	if n == 0 || (n == 1 && len(fs) > 0 && strings.EqualFold(fs[0], "the")) {
		return ""
	}
	return strings.TrimRight(strings.Join(fs[:n], " "), ",")
}

// overlaps reports whether a and b share a concept.
func overlaps(a, b []lexicon.Concept) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// upperFirst reports whether w starts with a capital letter.
func upperFirst(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// irregularVerbForm reports whether w is an irregular form WordNet lists of a
// verb other than itself ("sat" of sit, "forbade" of forbid): a verb the
// list subjectVerbs need not hold.
func irregularVerbForm(w string) bool {
	lex := lexicon.Default()
	if !lex.Irregular(w) {
		return false
	}
	for _, l := range lex.Lemmas(w) {
		if l != w && lex.Verb(l) {
			return true
		}
	}
	return false
}
