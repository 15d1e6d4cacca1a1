package extract_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestMergeFragments: a part of a sentence that ends in a comma and has no
// finite verb (a leading phrase of place, time or circumstance, a
// concession without a verb, a list of subjects) is joined to the part
// after it in its sentence; a part with a verb (an auxiliary, a past in
// -ed, a verb after a pronoun or a conjunction), the last part of a
// sentence and a part before another sentence stay as they are.
func TestMergeFragments(t *testing.T) {
	tests := []struct {
		name  string
		parts []string // the sentence's parts, in order, each with its sentence number after "|"
		want  []string // the parts after merging
	}{
		{"a leading place", []string{"In the northern valleys,|0", "the council closed two schools.|0"},
			[]string{"In the northern valleys, the council closed two schools.|0"}},
		{"a marker and a time", []string{"However, with the floods of 2019,|0", "it moved its office to the coast.|0"},
			[]string{"However, with the floods of 2019, it moved its office to the coast.|0"}},
		{"a chain of two", []string{"In the end,|0", "after months of talks,|0", "the union signed.|0"},
			[]string{"In the end, after months of talks, the union signed.|0"}},
		{"a list of subjects split off its predicate", []string{"Only tenants and their children,|0", "as the main users of the scheme, are not among its reviewers.|0"},
			[]string{"Only tenants and their children, as the main users of the scheme, are not among its reviewers.|0"}},
		{"nouns after an adjective are not verbs", []string{"Especially in the running of rural projects,|0", "the agency competes with charities.|0"},
			[]string{"Especially in the running of rural projects, the agency competes with charities.|0"}},
		{"a relative word whose clause is in the next part", []string{"The boats were taken to ports where,|0", "as the report showed, repairs were slow.|0"},
			[]string{"The boats were taken to ports where, as the report showed, repairs were slow.|0"}},
		{"an auxiliary keeps a part", []string{"The levy is unfair,|0", "and it hurts small shops.|0"},
			[]string{"The levy is unfair,|0", "and it hurts small shops.|0"}},
		{"a verb after a conjunction keeps a part", []string{"but finds it incomplete,|0", "and I think she is right.|0"},
			[]string{"but finds it incomplete,|0", "and I think she is right.|0"}},
		{"a verb after a pronoun keeps a part", []string{"These reveal the agency's new role,|0", "not its old one.|0"},
			[]string{"These reveal the agency's new role,|0", "not its old one.|0"}},
		{"a past in -ed keeps a part", []string{"Founded in 1951,|0", "the agency grew.|0"},
			[]string{"Founded in 1951,|0", "the agency grew.|0"}},
		{"a verbless item inside a sentence stays", []string{"Touch is part of reading|0", "-- the turn of the pages,|0", "the weight of the book.|0"},
			[]string{"Touch is part of reading|0", "-- the turn of the pages,|0", "the weight of the book.|0"}},
		{"a verbless part after a clause stays", []string{"Though some think it fair,|0", "looking at the prices,|0", "I doubt it.|0"},
			[]string{"Though some think it fair,|0", "looking at the prices,|0", "I doubt it.|0"}},
		{"a word that is only a verb is one after a noun", []string{"Big families provide a calm life for children,|0", "because streets are quiet.|0"},
			[]string{"Big families provide a calm life for children,|0", "because streets are quiet.|0"}},
		{"not across sentences", []string{"In the northern valleys,|0", "The council closed two schools.|1"},
			[]string{"In the northern valleys,|0", "The council closed two schools.|1"}},
		{"no comma, no merge", []string{"In the northern valleys|0", "the council closed two schools.|0"},
			[]string{"In the northern valleys|0", "the council closed two schools.|0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			var parts [][3]int
			for _, p := range tt.parts {
				s, n, _ := strings.Cut(p, "|")
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				start := b.Len()
				b.WriteString(s)
				parts = append(parts, [3]int{start, b.Len(), int(n[0] - '0')})
			}
			text := b.String()
			var got []string
			for _, p := range extract.MergeFragments(text, parts) {
				got = append(got, text[p[0]:p[1]]+"|"+string(rune('0'+p[2])))
			}
			if strings.Join(got, " / ") != strings.Join(tt.want, " / ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestShortTextKeepsParts: in a short text of one paragraph (a microtext, a
// short post) the short-text segmenter decides where a sentence splits, as
// the short texts it was fitted on are split; a part without a finite verb
// is not joined to the clause after it ("Looking at …," stands apart, as the
// participle clause the microtexts label on its own).
func TestShortTextKeepsParts(t *testing.T) {
	text := "Couples should wait before they marry. Looking at the high rate of divorce, I believe that many people marry too quickly. A year of living together shows whether they get along.\n"
	g, err := extract.New(extract.Options{}).Extract(t.Context(), argmap.Document{Name: "a.txt", URI: "a.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := extract.WriteJSONL(&buf, "a.txt", g); err != nil {
		t.Fatal(err)
	}
	var units []string
	for _, line := range strings.Split(buf.String(), "\n") {
		var o struct{ Type, Text string }
		if json.Unmarshal([]byte(line), &o) == nil && (o.Type == "claim" || o.Type == "evidence") {
			units = append(units, o.Text)
		}
	}
	if !slices.Contains(units, "Looking at the high rate of divorce,") {
		t.Errorf("units = %q, want the participle clause apart", units)
	}
}

// TestMayOpenWith: the quick test of a gist's first word before a referent
// is looked for never says no where the full test says yes, and says the
// same for short strings in ASCII.
func TestMayOpenWith(t *testing.T) {
	for _, s := range []string{"", " ", "This", "this", "THESE data", "  those\tfigures", "That,", "thiſ", "Thİs",
		"Thesis", "the", "These\u00a0data", "\u2003this is", "The organisation", "this-that", "Those…", "ThatThatThatThatThat x"} {
		fast, full := extract.OpensWithDemonstrative(s)
		ascii := true
		for _, r := range s {
			ascii = ascii && r < 128
		}
		if full && !fast || ascii && len(s) <= 16 && fast != full {
			t.Errorf("%q: fast %v, full %v", s, fast, full)
		}
	}
}
