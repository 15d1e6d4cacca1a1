package sqlitestore

import (
	"strings"
	"unicode"
)

// maxTerms bounds how many words of a query are searched for.
const maxTerms = 32

// stopwords are function words too common to rank by; a query made only of
// them has no searchable word. They include FTS5's operator words, so that
// "OR" or "AND" typed by a user is neither an operator nor a match-all.
var stopwords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true, "be": true, "been": true,
	"but": true, "by": true, "do": true, "does": true, "for": true, "from": true, "had": true, "has": true,
	"have": true, "he": true, "her": true, "his": true, "if": true, "in": true, "into": true, "is": true,
	"it": true, "its": true, "not": true, "of": true, "on": true, "or": true, "she": true, "so": true,
	"that": true, "the": true, "their": true, "them": true, "then": true, "there": true, "these": true,
	"they": true, "this": true, "those": true, "to": true, "was": true, "we": true, "were": true, "what": true,
	"when": true, "which": true, "who": true, "will": true, "with": true, "would": true, "you": true,
}

// queryTerms splits a free-text query into lower-case words (runs of letters
// and digits), dropping stop words, single letters and repeats.
func queryTerms(q string) []string {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		if stopwords[w] || seen[w] || (len([]rune(w)) < 2 && !unicode.IsDigit([]rune(w)[0])) {
			continue
		}
		seen[w] = true
		out = append(out, w)
		if len(out) == maxTerms {
			break
		}
	}
	return out
}

// quotedTerms turns a free-text query into FTS5 strings: every word becomes
// a quoted string, so operators and syntax in the query are plain text, ready
// to be joined with AND or OR. It returns nothing when the query has no
// searchable word.
func quotedTerms(q string) []string {
	terms := queryTerms(q)
	for i, t := range terms {
		// Terms hold only letters, digits and marks, but quote defensively.
		terms[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	return terms
}

// allButOne is the FTS5 expression matching what has every one of the
// quoted terms but at most one: (b AND c) OR (a AND c) OR (a AND b).
func allButOne(terms []string) string {
	groups := make([]string, len(terms))
	for i := range terms {
		rest := make([]string, 0, len(terms)-1)
		rest = append(rest, terms[:i]...)
		rest = append(rest, terms[i+1:]...)
		groups[i] = "(" + strings.Join(rest, " AND ") + ")"
	}
	return strings.Join(groups, " OR ")
}
