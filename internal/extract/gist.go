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

// leadClause words open an adverbial clause before the main one.
var leadClause = map[string]bool{
	"given": true, "despite": true, "while": true, "although": true, "though": true, "as": true, "in": true,
	"with": true, "even": true, "since": true, "because": true, "after": true, "before": true, "building": true,
	"focusing": true, "through": true, "against": true, "without": true, "far": true, "within": true,
	"from": true, "for": true, "when": true, "whereas": true, "if": true, "once": true, "by": true,
}

// maxGistWords bounds a gist's length.
const maxGistWords = 22

// Gist restates a claim sentence shortly: discourse markers and the
// reporting frame ("we find that") dropped, actor names folded to their
// canonical names, a sentence-initial "it"/"the organization" resolved to the
// dominant actor, no closing punctuation. ms are the actor mentions inside
// sentence (offsets into the document; only names are used).
func Gist(sentence string, ms []actor.Mention, dominant string) string {
	s := strings.TrimSpace(sentence)
	// fold actor surfaces to canonical names
	for _, m := range ms {
		if m.Kind != argmap.ActorGroup && m.Surface != "" && m.Surface != m.Name && strings.Contains(s, m.Surface) {
			s = strings.Replace(s, m.Surface, m.Name, 1)
		}
	}
	for changed := true; changed; {
		changed = false
		ls := strings.ToLower(clip(s, 40))
		for _, dm := range discourseMarkers {
			if strings.HasPrefix(ls, dm) && len(ls) > len(dm) {
				rest := s[len(dm):]
				if strings.HasPrefix(rest, ",") || (strings.HasPrefix(rest, " ") && (dm == "but" || dm == "and" || dm == "or" || dm == "yet" || dm == "so" || dm == "this means that")) {
					s = strings.TrimLeft(rest, ", ")
					changed = true
					break
				}
			}
		}
	}
	// reporting frame: "<subject up to 8 words> <frame verb> that P" -> P
	fs := strings.Fields(s)
	for i := 0; i < len(fs)-1 && i < 10; i++ {
		w := strings.ToLower(strings.Trim(fs[i], ",;"))
		if frameVerbs[w] && strings.TrimRight(strings.ToLower(fs[i+1]), ",") == "that" && i+2 < len(fs) {
			s = strings.Join(fs[i+2:], " ")
			break
		}
	}
	// drop a leading adverbial clause ("Given that P, Q" -> Q)
	if i := strings.Index(s, ", "); i > 0 {
		first := strings.ToLower(strings.Fields(s)[0])
		if leadClause[first] && len(strings.Fields(s[i+2:])) >= 5 && i < len(s)*2/3 {
			s = s[i+2:]
		}
	}
	// drop inner ", therefore," and ", however,"
	for _, in := range []string{", therefore,", ", however,", ", thus,", ", in turn,", ", of course,"} {
		s = strings.ReplaceAll(s, in, "")
	}
	// resolve a leading pronoun or "the organization"
	if dominant != "" {
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
			w := strings.Fields(s[4:])[0]
			if w == strings.ToUpper(w) && len(w) > 1 {
				s = s[4:]
			}
		}
	}
	// drop parentheticals
	s = dropParens(s)
	fs = strings.Fields(s)
	if len(fs) > maxGistWords {
		// cut at the last comma inside the bound, or at the bound
		cut := maxGistWords
		for i := maxGistWords - 1; i >= 8; i-- {
			if strings.HasSuffix(fs[i], ",") || strings.HasSuffix(fs[i], ";") {
				cut = i + 1
				break
			}
		}
		fs = fs[:cut]
	}
	s = strings.Join(fs, " ")
	s = strings.TrimRight(s, " .,;:!?…")
	s = strings.TrimSpace(s)
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
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
