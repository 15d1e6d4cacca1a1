package neo4jstore_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/google/go-cmp/cmp"
)

// stored turns a parameter map into node properties as Neo4j hands them
// back: lists come back as []any, nulls are not stored.
func stored(row map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range row {
		switch v := v.(type) {
		case nil:
		case []string:
			l := make([]any, len(v))
			for i, s := range v {
				l[i] = s
			}
			out[k] = l
		default:
			out[k] = v
		}
	}
	return out
}

func TestRowsRoundTrip(t *testing.T) {
	at := time.Date(2025, 1, 2, 3, 4, 5, 678e6, time.UTC)
	src := argmap.Source{ID: "src_a", Title: "T", Authors: []string{"A", "B"}, Date: "2010-11", Kind: "article",
		URI: "https://example.org/a", Venue: "V", DOI: "10.1/2", ContentHash: "h", Text: "héllo", CreatedAt: at}
	got, err := neo4jstore.SourceFrom(node("Source", stored(neo4jstore.SourceRow(&src))))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(src, got); diff != "" {
		t.Errorf("source round trip mismatch (-want +got):\n%s", diff)
	}
	cited := argmap.Source{ID: "src_c", Title: "Cited", Kind: argmap.SourceCited, CreatedAt: at}
	row := neo4jstore.SourceRow(&cited)
	for _, k := range []string{"text", "content_hash", "authors", "doi"} {
		if _, ok := row[k]; ok {
			t.Errorf("sourceRow(cited) sets %q; empty values must stay null (a null hash escapes the uniqueness constraint)", k)
		}
	}
	act := argmap.Actor{ID: "act_a", Name: "IOM", Kind: "organisation", Aliases: []string{"the organization"}, CreatedAt: at}
	gotA, err := neo4jstore.ActorFrom(node("Actor", stored(neo4jstore.ActorRow(&act))))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(act, gotA); diff != "" {
		t.Errorf("actor round trip mismatch (-want +got):\n%s", diff)
	}
	clm := argmap.Claim{ID: "clm_a", Text: "x", Gist: "g", Origin: argmap.OriginLinked, Score: 0.25, Main: true, Cues: []string{"c"}, CreatedAt: at}
	gotC, err := neo4jstore.ClaimFrom(record("c", node("Claim", stored(neo4jstore.ClaimRow(&clm))), "spans", []any{}, "actors", []any{}))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(clm, gotC); diff != "" {
		t.Errorf("claim round trip mismatch (-want +got):\n%s", diff)
	}
	if _, ok := neo4jstore.ClaimRow(&clm)["score"].(float64); !ok {
		t.Errorf("claimRow score is not a float64: a whole-number score must still be stored as a float")
	}
}

func TestRelationAndCitationRows(t *testing.T) {
	r := argmap.Relation{ID: "rel_a", Kind: argmap.Contests, From: []string{"clm_b", "evd_c"}, To: "rel_z", Origin: argmap.OriginCurated, Score: 1, CreatedAt: time.UnixMilli(42).UTC()}
	wantRel := map[string]any{"id": "rel_a", "kind": "contests", "origin": "curated", "score": 1.0, "created_at": int64(42)}
	if diff := cmp.Diff(wantRel, neo4jstore.RelationRow(&r)); diff != "" {
		t.Errorf("relationRow mismatch (-want +got):\n%s", diff)
	}
	// premises by kind, each with its position among all of them
	want := map[string]any{"props": wantRel, "to": "rel_z",
		"claims": []any{map[string]any{"id": "clm_b", "position": int64(0)}}, "evidence": []any{map[string]any{"id": "evd_c", "position": int64(1)}}}
	if diff := cmp.Diff(want, neo4jstore.RelationWriteRow(&r)); diff != "" {
		t.Errorf("relationWriteRow mismatch (-want +got):\n%s", diff)
	}
	c := argmap.Citation{ID: "cit_a", SourceID: "src_a", Author: "Black", Year: "2004", Start: 3, End: 9}
	wantCit := map[string]any{"source_id": "src_a", "cited_id": nil, "props": map[string]any{"id": "cit_a", "author": "Black", "year": "2004", "start": int64(3), "end": int64(9)}}
	if diff := cmp.Diff(wantCit, neo4jstore.CitationRow(&c)); diff != "" {
		t.Errorf("citationRow mismatch (-want +got):\n%s", diff)
	}
}

func TestSpanRowQuotes(t *testing.T) {
	text := "Zoë said: return works."
	tests := []struct {
		name  string
		span  argmap.Span
		text  string
		known bool
		want  string
	}{
		{"cut by bytes", argmap.Span{SourceID: "src_a", Start: 11, End: 23}, text, true, "return works"},
		{"multibyte", argmap.Span{SourceID: "src_a", Start: 0, End: 4}, text, true, "Zoë"},
		{"split rune made valid", argmap.Span{SourceID: "src_a", Start: 0, End: 3}, text, true, "Zo\uFFFD"},
		{"given quote kept without text", argmap.Span{SourceID: "src_c", Start: 0, End: 5, Quote: "given"}, "", true, "given"},
		{"given quote replaced by text", argmap.Span{SourceID: "src_a", Start: 0, End: 3, Quote: "wrong"}, "abcdef", true, "abc"},
		{"out of range keeps quote", argmap.Span{SourceID: "src_a", Start: 2, End: 99, Quote: "q"}, "abc", true, "q"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := neo4jstore.SpanRow("clm_a", tt.span, tt.text, tt.known)
			if got := row["quote"]; got != tt.want {
				t.Errorf("spanRow quote = %q, want %q", got, tt.want)
			}
			if row["start"] != int64(tt.span.Start) || row["end"] != int64(tt.span.End) || row["node"] != "clm_a" || row["source_id"] != tt.span.SourceID {
				t.Errorf("spanRow = %v, want start, end, node and source_id of the span", row)
			}
		})
	}
}

func TestMergeAliases(t *testing.T) {
	tests := []struct {
		name string
		have []string
		add  []string
		want []string
	}{
		{"set, sorted", []string{"IOM"}, []string{"the Organization", "UN Migration"}, []string{"IOM", "UN Migration", "the Organization"}},
		{"exact duplicates dropped", []string{"IOM", "IOM"}, []string{"IOM", "iom"}, []string{"IOM", "iom"}},
		{"the name is not an alias", nil, []string{"International Organization for Migration", "IOM"}, []string{"IOM"}},
		{"nothing", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := neo4jstore.MergeAliases("International Organization for Migration", tt.have, tt.add...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mergeAliases(%v, %v) mismatch (-want +got):\n%s", tt.have, tt.add, diff)
			}
		})
	}
}

func TestEscapeLucene(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{`a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\s/t`, `a\+b\-c\&\&d\|\|e\!f\(g\)h\{i\}j\[k\]l\^m\"n\~o\*p\?q\:r\\s\/t`},
		{"co-operation", `co\-operation`},
		{"naïve: état", `naïve\: état`},
	}
	for _, tt := range tests {
		if got := neo4jstore.EscapeLucene(tt.in); got != tt.want {
			t.Errorf("escapeLucene(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFullTextQueryBounded checks that no text makes a query over Lucene's
// 1,024-clause limit: a long search once became one clause per word.
func TestFullTextQueryBounded(t *testing.T) {
	var words []string
	for i := range 3000 {
		words = append(words, fmt.Sprintf("word%d", i))
	}
	long := strings.Join(words, " ")
	dotted := strings.Repeat("x.", 5000) + "y"
	for name, in := range map[string]string{"3,000 distinct words": long, "one word of 5,000 tokens": dotted, "both": long + " " + dotted} {
		q := neo4jstore.FullTextQuery(in)
		clauses := 0
		for _, term := range strings.Split(q, " OR ") {
			clauses += len(strings.FieldsFunc(term, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		}
		if clauses == 0 || clauses > 64 {
			t.Errorf("fullTextQuery(%s) has %d clauses, want 1 to 64", name, clauses)
		}
	}
}

func TestFullTextQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"return migration", "return OR migration"},
		{"  Voluntary   RETURN ", "voluntary OR return"},
		{"NOT AND OR", ""},                  // operators are stop words once lower-cased
		{"Nots ANDROID", "nots OR android"}, // words merely starting like operators stay
		{`title:x* "quoted" (group)`, `title\:x\* OR \"quoted\" OR \(group\)`},
		{"x -b +c", `x OR \-b OR \+c`},
		{"the", ""}, // only a stop word: nothing to search
		{"the IOM", "iom"},
		{"?? ** -- ::", ""}, // no searchable word
		{"", ""},
		{"über 2015", "über OR 2015"},
		{"Return return RETURN migration", "return OR migration"}, // each word once
		{"a.b.c.d.e.f x", "b OR c OR d OR e OR f OR x"},           // a word of many tokens is split (a is a stop word)
	}
	for _, tt := range tests {
		if got := neo4jstore.FullTextQuery(tt.in); got != tt.want {
			t.Errorf("fullTextQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// No term may reach Lucene with an unescaped special character.
		got := neo4jstore.FullTextQuery(tt.in)
		for _, term := range strings.Split(got, " OR ") {
			for i := 0; i < len(term); i++ {
				if strings.IndexByte(`+-&|!(){}[]^"~*?:/`, term[i]) >= 0 && (i == 0 || term[i-1] != '\\') {
					t.Errorf("fullTextQuery(%q) term %q has an unescaped %q", tt.in, term, term[i])
				}
			}
		}
	}
}
