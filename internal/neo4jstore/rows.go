package neo4jstore

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// The functions here build the parameter rows the UNWIND statements take.
// Empty optional values are left out (null), so nodes hold only what is set.

func ms(t time.Time) int64 { return t.UnixMilli() }

// orNow returns t in UTC at millisecond precision, or now when t is zero.
func orNow(t time.Time) time.Time {
	if t.IsZero() {
		return argmap.Now()
	}
	return t.UTC().Truncate(time.Millisecond)
}

func setStr(m map[string]any, k, v string) {
	if v != "" {
		m[k] = v
	}
}

func setStrs(m map[string]any, k string, v []string) {
	if len(v) > 0 {
		m[k] = append([]string(nil), v...)
	}
}

// optStr is v, or nil for "" (a SET to null removes the property).
func optStr(v string) any {
	if v == "" {
		return nil
	}
	return v
}

// optStrs is v, or nil for an empty list.
func optStrs(v []string) any {
	if len(v) == 0 {
		return nil
	}
	return append([]string(nil), v...)
}

func sourceRow(s *argmap.Source) map[string]any {
	m := map[string]any{"id": s.ID, "title": s.Title, "created_at": ms(s.CreatedAt)}
	setStrs(m, "authors", s.Authors)
	setStr(m, "date", s.Date)
	setStr(m, "kind", s.Kind)
	setStr(m, "uri", s.URI)
	setStr(m, "venue", s.Venue)
	setStr(m, "doi", s.DOI)
	setStr(m, "content_hash", s.ContentHash)
	setStr(m, "text", s.Text)
	return m
}

func claimRow(c *argmap.Claim) map[string]any {
	m := map[string]any{
		"id": c.ID, "text": c.Text, "origin": string(c.Origin), "score": c.Score, "main": c.Main,
		"created_at": ms(c.CreatedAt),
	}
	setStr(m, "gist", c.Gist)
	setStr(m, "title", c.Title)
	setStr(m, "kind", c.Kind)
	setStr(m, "proposition", c.Proposition)
	setStrs(m, "cues", c.Cues)
	setStrs(m, "section", c.Section)
	if c.Assumed {
		m["assumed"] = true
	}
	setStr(m, "issue", c.Issue)
	setStr(m, "standard", c.Standard)
	setReferent(m, c.Referent)
	return m
}

// setReferent keeps a claim's or evidence's referent as properties of its
// node: referent_words, referent_text and the passage that names it,
// referent_source, referent_start, referent_end and referent_quote. None
// when it has no referent.
func setReferent(m map[string]any, r *argmap.Referent) {
	if r == nil {
		return
	}
	m["referent_words"], m["referent_text"] = r.Words, r.Text
	m["referent_source"], m["referent_start"], m["referent_end"] = r.Span.SourceID, int64(r.Span.Start), int64(r.Span.End)
	setStr(m, "referent_quote", r.Span.Quote)
}

// keySep ends a key in a ClaimKey slot (claim_keys_create.cypher writes
// it as U+001F), so that a key's slots are the strings that start with the
// key and keySep.
const keySep = "\x1f"

// claimKeyRows are the rows of claim_keys_create for a claim's link
// signature, each key once.
func claimKeyRows(id string, keys []string) []map[string]any {
	var out []map[string]any
	seen := map[string]bool{}
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, map[string]any{"claim": id, "key": k})
		}
	}
	return out
}

func evidenceRow(e *argmap.Evidence) map[string]any {
	m := map[string]any{"id": e.ID, "text": e.Text, "origin": string(e.Origin), "score": e.Score, "created_at": ms(e.CreatedAt)}
	setStr(m, "kind", e.Kind)
	setReferent(m, e.Referent)
	return m
}

func actorRow(a *argmap.Actor) map[string]any {
	m := map[string]any{"id": a.ID, "name": a.Name, "created_at": ms(a.CreatedAt)}
	setStr(m, "kind", a.Kind)
	setStrs(m, "aliases", mergeAliases(a.Name, nil, a.Aliases...))
	return m
}

func relationRow(r *argmap.Relation) map[string]any {
	m := map[string]any{"id": r.ID, "kind": string(r.Kind), "origin": string(r.Origin), "score": r.Score, "created_at": ms(r.CreatedAt)}
	setStr(m, "title", r.Title)
	setStr(m, "scheme", r.Scheme)
	return m
}

func citationRow(c *argmap.Citation) map[string]any {
	p := map[string]any{"id": c.ID, "author": c.Author, "year": c.Year, "start": int64(c.Start), "end": int64(c.End)}
	setStr(p, "text", c.Text)
	return map[string]any{"source_id": c.SourceID, "cited_id": optStr(c.CitedID), "props": p}
}

// spanRow is one span edge of node. The quote is cut from the source text
// when it is known, and is the span's own Quote otherwise.
func spanRow(node string, sp argmap.Span, text string, known bool) map[string]any {
	q := sp.Quote
	if known && text != "" && sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(text) {
		q = strings.ToValidUTF8(text[sp.Start:sp.End], "\uFFFD")
	}
	return map[string]any{"node": node, "source_id": sp.SourceID, "start": int64(sp.Start), "end": int64(sp.End), "quote": q}
}

func roleRow(claim string, a argmap.ActorRef) map[string]any {
	return map[string]any{"actor": a.ActorID, "claim": claim, "role": string(a.Role)}
}

func evidenceRoleRow(evidence string, a argmap.ActorRef) map[string]any {
	return map[string]any{"actor": a.ActorID, "evidence": evidence, "role": string(a.Role)}
}

func targetRow(r *argmap.Relation) map[string]any {
	return map[string]any{"relation": r.ID, "node": r.To}
}

// mergeAliases returns the set of have and add without name, sorted: an
// actor's own name is never one of its aliases. Aliases compare exactly.
func mergeAliases(name string, have []string, add ...string) []string {
	seen := map[string]bool{name: true}
	var out []string
	for _, list := range [][]string{have, add} {
		for _, a := range list {
			if seen[a] {
				continue
			}
			seen[a] = true
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// englishStopWords are the words Lucene's English analyzer drops; a query of
// nothing else has no searchable word.
var englishStopWords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true, "be": true, "but": true, "by": true,
	"for": true, "if": true, "in": true, "into": true, "is": true, "it": true, "no": true, "not": true, "of": true,
	"on": true, "or": true, "such": true, "that": true, "the": true, "their": true, "then": true, "there": true,
	"these": true, "they": true, "this": true, "to": true, "was": true, "will": true, "with": true,
}

// luceneSpecial holds the characters the Lucene query parser gives a meaning.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// escapeLucene puts a backslash before every character of s the Lucene
// query parser treats specially, so that s is matched as plain text.
func escapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(luceneSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// maxQueryTerms bounds the terms of a full-text query. Lucene refuses a query
// of more than 1,024 clauses (IndexSearcher.maxClauseCount, counted over the
// whole query), and a query of hundreds of words ranks no better than one of
// its first few dozen; each term counts as many clauses as the analyzer will
// make tokens of it, that is its runs of letters and digits.
const maxQueryTerms = 64

// fullTextQuery turns free text into a Lucene query that matches any of its
// words: each word is lower-cased (so AND, OR and NOT are words, not
// operators) and escaped; English stop words and repeated words are left out,
// a word the analyzer would cut into more than a few tokens is split into
// them, and the query stops at maxQueryTerms tokens. It returns "" when no
// word is left that holds a letter or digit.
func fullTextQuery(q string) string {
	var terms []string
	seen := map[string]bool{}
	tokens := 0
	add := func(w string, n int) bool {
		if seen[w] || englishStopWords[w] {
			return true
		}
		if tokens+n > maxQueryTerms {
			return false
		}
		seen[w] = true
		tokens += n
		terms = append(terms, escapeLucene(w))
		return true
	}
	for _, w := range strings.Fields(q) {
		if !utf8.ValidString(w) || !strings.ContainsFunc(w, isWordRune) {
			continue
		}
		w = strings.ToLower(w)
		runs := strings.FieldsFunc(w, func(r rune) bool { return !isWordRune(r) })
		ok := true
		if len(runs) <= 4 {
			ok = add(w, len(runs))
		} else {
			for _, r := range runs {
				if ok = add(r, 1); !ok {
					break
				}
			}
		}
		if !ok {
			break
		}
	}
	return strings.Join(terms, " OR ")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
