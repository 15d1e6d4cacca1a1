package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/actor"
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
	s := inlineText(oneSpaced(sentence))
	// fold actor surfaces to canonical names
	for _, m := range ms {
		if m.Kind != argmap.ActorGroup && m.Surface != "" && m.Surface != m.Name && strings.Contains(s, m.Surface) {
			s = strings.Replace(s, m.Surface, m.Name, 1)
		}
	}
	plain := s // the fallback: only markup and names changed
	for changed := true; changed; {
		changed = false
		ls := strings.ToLower(clip(s, 40))
		for _, dm := range discourseMarkers {
			if strings.HasPrefix(ls, dm) && len(ls) > len(dm) {
				rest := s[len(dm):]
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
	fs := fieldsN(s, 12) // the frame lies in the first words
frame:
	for i := 0; i < len(fs)-1 && i < 10; i++ {
		w := strings.ToLower(strings.Trim(fs[i], ",;"))
		if frameBlockers[w] || strings.HasSuffix(w, "n't") {
			break
		}
		if frameVerbs[w] && strings.TrimRight(strings.ToLower(fs[i+1]), ",") == "that" && i+2 < len(fs) {
			if i > 0 && (strings.EqualFold(fs[0], "it") || strings.EqualFold(fs[0], "there")) {
				switch strings.ToLower(fs[i-1]) {
				case "is", "was", "are", "were", "been", "be":
					break frame // "It is said that P" is hearsay, kept as such
				}
			}
			s = strings.Join(strings.Fields(s)[i+2:], " ")
			break
		}
	}
	// drop a leading circumstantial clause ("Given that P, Q" -> Q)
	if i := strings.Index(s, ", "); i > 0 {
		first := strings.ToLower(firstField(s))
		if leadClause[first] && countFields(s[i+2:], 5) >= 5 && i < len(s)*2/3 {
			s = s[i+2:]
		}
	}
	// drop inner ", therefore," and ", however,"
	for _, in := range []string{", therefore,", ", however,", ", thus,", ", in turn,", ", of course,"} {
		s = strings.ReplaceAll(s, in, "")
	}
	// resolve a leading referring pronoun or "the organization"
	if dominant != "" && !expletiveIt(fieldsN(s, 10)) {
		ls := strings.ToLower(clip(s, 40))
		for _, pr := range []string{"it ", "the organization ", "the organisation ", "the agency "} {
			if strings.HasPrefix(ls, pr) {
				s = dominant + " " + s[len(pr):]
				break
			}
		}
		if strings.HasPrefix(strings.ToLower(s), "its ") {
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
		s = plain
	}
	return shorten(s)
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

// meaningWordsIn appends to ws the words of s (lower case; a word is a run
// of letters and apostrophes) that are meaning words or end in "n't".
func meaningWordsIn(s string, ws []string) []string {
	start := -1
	word := func(end int) {
		w := s[start:end]
		if !isLowerASCII(w) {
			w = strings.ToLower(w)
		}
		if meaningWords[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			ws = append(ws, w)
		}
		start = -1
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
		s = oneSpaced(s)
	} else {
		fs := strings.Fields(s)
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
// in the same paragraph has that actor as its subject (named within its
// first three words), else "" (nothing is resolved). "This chapter
// analyses IOM's role. It shows that ..." keeps its "it".
func referent(text string, units []unit, i int, ms []actor.Mention, dominant string) string {
	if dominant == "" || i == 0 || units[i-1].para != units[i].para {
		return ""
	}
	p := units[i-1]
	for _, m := range mentionsIn(ms, p.Start, p.End) {
		if m.Name != dominant {
			continue
		}
		if len(strings.Fields(text[p.Start:m.Start])) <= 2 {
			return dominant
		}
		break
	}
	return ""
}

// oneSpaced returns s with its white space runs made single spaces and
// trimmed (strings.Join(strings.Fields(s), " ")), without copying s when it
// is so already.
func oneSpaced(s string) string {
	prevSpace := true // no leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			i += n - 1
			prevSpace = false
			continue
		}
		switch c {
		case ' ':
			if prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
		case '\t', '\n', '\v', '\f', '\r':
			return strings.Join(strings.Fields(s), " ")
		default:
			prevSpace = false
		}
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ") // a trailing space
	}
	return s
}

// firstField returns the first of strings.Fields(s), or "".
func firstField(s string) string {
	fs := fieldsN(s, 1)
	if len(fs) == 0 {
		return ""
	}
	return fs[0]
}

// fieldsN returns the first n of strings.Fields(s) (fewer when s has
// fewer).
func fieldsN(s string, n int) []string {
	out := make([]string, 0, n)
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
				if len(out) == n {
					return out
				}
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 && len(out) < n {
		out = append(out, s[start:])
	}
	return out
}

// countFields returns len(strings.Fields(s)), counting no further than
// limit.
func countFields(s string, limit int) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size - 1
		}
		if space {
			in = false
		} else if !in {
			in = true
			if n++; n == limit {
				return n
			}
		}
	}
	return n
}
