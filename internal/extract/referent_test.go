package extract_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestBareSubjectGist: a claim whose subject is a bare demonstrative or
// pronoun gets a gist that names what it stands for (the title of the item
// a post points at, the statement before it, or the subject of the
// sentence before it); when nothing can be named it has no gist and the cue
// needs-context, so readers see the sentence itself. An expletive "it" and
// a demonstrative that opens a noun phrase are not bare.
func TestBareSubjectGist(t *testing.T) {
	tests := []struct {
		name, doc, claim string
		gist             string // "" with needsContext
		needsContext     bool
	}{
		{"a post pointing at a linked article",
			"Posted: Mon Mar 02, 2020 9:14 am\n\nthis is outrageous!\nWhy the Detention Centre Must Close\nby Refugee Action | 02.03.2020\n",
			"this is outrageous!", "“Why the Detention Centre Must Close” is outrageous", false},
		{"a post header above it is not what it stands for",
			"Posted: 12 May 2021, 09:15    by riverside_ann\nIt does, and that is exactly the problem with the scheme.\n",
			"It does, and that is exactly the problem with the scheme.", "", true},
		{"this: the statement before it",
			"The ministry cut the rescue budget by half last spring. This is a disgrace.\n",
			"This is a disgrace.", "That the ministry cut the rescue budget by half last spring is a disgrace", false},
		{"that, negated: the negation stays",
			"The council closed the only night shelter in the city. That is not acceptable.\n",
			"That is not acceptable.", "That the council closed the only night shelter in the city is not acceptable", false},
		{"it: the subject of the sentence before",
			"The new levy was introduced in 2019. It harms small shops across the region.\n",
			"It harms small shops across the region.", "The new levy harms small shops across the region", false},
		{"they: a plural subject before",
			"The border guards were trained by the coastguard agency. They routinely push boats back at sea.\n",
			"They routinely push boats back at sea.", "The border guards routinely push boats back at sea", false},
		{"it: a subject whose adjective ends in -ed is not cut at its article",
			"The Lisbon-based charity runs two night shelters. It also funds a legal clinic for tenants.\n",
			"It also funds a legal clinic for tenants.", "The Lisbon-based charity also funds a legal clinic for tenants", false},
		{"an adverb between it and its verb",
			"The rescue fund was created in 2015. It now pays for three ships in the central Mediterranean.\n",
			"It now pays for three ships in the central Mediterranean.", "The rescue fund now pays for three ships in the central Mediterranean", false},
		{"they: the clause before it in its sentence",
			"These guidelines are not binding on member states, but they give outsiders standards to hold the agency to.\n",
			"but they give outsiders standards to hold the agency to.", "These guidelines give outsiders standards to hold the agency to", false},
		{"it, it, it: followed back to the noun phrase",
			"This report reviews the return programme. First, it describes the camps. Second, it assesses the flights. Finally, it calls for an independent inquiry into the return flights.\n",
			"Finally, it calls for an independent inquiry into the return flights.", "This report calls for an independent inquiry into the return flights", false},
		{"it does not agree with a plural subject",
			"The border guards were trained by the coastguard agency. It is a scandal.\n",
			"It is a scandal.", "", true},
		{"nothing before it in its paragraph",
			"Housing policy\n\nThis is unacceptable and must change.\n",
			"This is unacceptable and must change.", "", true},
		{"after a question there is no statement to point back to",
			"Is the levy fair to small traders? That is plainly false.\n",
			"That is plainly false.", "", true},
		{"an it whose verb ends its clause refers",
			"Should the agency refuse such charter flights? It must, whatever its donors say about it.\n",
			"It must, whatever its donors say about it.", "", true},
		{"an expletive it is not bare",
			"The committee met in May. It is wrong to say that the levy helps small shops.\n",
			"It is wrong to say that the levy helps small shops.", "It is wrong to say that the levy helps small shops", false},
		{"an expletive it after an aside is not bare",
			"The committee met in May. It is, of course, clear that the levy hurts small shops.\n",
			"It is, of course, clear that the levy hurts small shops.", "It is clear that the levy hurts small shops", false},
		{"a demonstrative that opens a noun phrase is not bare",
			"This policy harms the poorest tenants most.\n",
			"This policy harms the poorest tenants most.", "This policy harms the poorest tenants most", false},
	}
	p := extract.New(extract.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := p.Extract(context.Background(), argmap.Document{Name: "post.txt", Data: []byte(tt.doc)})
			if err != nil {
				t.Fatal(err)
			}
			var texts []string
			for _, c := range g.Claims {
				texts = append(texts, c.Text)
				if strings.TrimSpace(c.Text) != tt.claim {
					continue
				}
				needs := slices.Contains(c.Cues, argmap.CueNeedsContext)
				if c.Gist != tt.gist || needs != tt.needsContext {
					t.Fatalf("claim %q: gist %q, needs context %v; want %q, %v", c.Text, c.Gist, needs, tt.gist, tt.needsContext)
				}
				return
			}
			t.Fatalf("no claim %q among %q", tt.claim, texts)
		})
	}
}

// TestDescribedSubjectGist: a claim whose subject is "the"/"this" and the
// head noun of the name of the organisation that opens the sentence before
// it (or, for the organisation the document is mostly about, a class word:
// "the organisation", "the agency") gets a gist that names that
// organisation; a noun that heads no name there, or a name in another
// paragraph, does not.
func TestDescribedSubjectGist(t *testing.T) {
	tests := []struct {
		name, doc, claim, gist string
	}{
		{"the head of the name",
			"The Harbour Trust dredged the northern channel in 2019. The trust now charges every ferry a landing fee.\n",
			"The trust now charges every ferry a landing fee.", "Harbour Trust now charges every ferry a landing fee"},
		{"this and the head, the organisation not the one most named",
			"The Fenland Water Board met the Harbour Trust twice. The Fenland Water Board asked for money. The Harbour Trust dredged the channel in 2019. This trust now charges every ferry a fee.\n",
			"This trust now charges every ferry a fee.", "Harbour Trust now charges every ferry a fee"},
		{"a class word for the organisation most named",
			"The Harbour Trust was set up in 1951. The organisation now works for the towns that fund it. The Harbour Trust dredges the channel.\n",
			"The organisation now works for the towns that fund it.", "Harbour Trust now works for the towns that fund it"},
		{"it after a sentence whose leading clause goes before the name",
			"The Harbour Trust runs the port. Within the terms of its lease, the Harbour Trust sorts the boats by size. It charges the larger boats a landing fee.\n",
			"It charges the larger boats a landing fee.", "Harbour Trust charges the larger boats a landing fee"},
		{"it after a leading clause that ends in a quote and a comma",
			"The Harbour Trust runs the port. Within the terms of its lease for “emergency dredging,” the Harbour Trust sorts the boats by size. It charges the larger boats a landing fee.\n",
			"It charges the larger boats a landing fee.", "Harbour Trust charges the larger boats a landing fee"},
		{"it after a sentence that names the organisation as its object",
			"The Harbour Trust runs the port. The city council pays the Harbour Trust every year. It charges the boats a landing fee.\n",
			"It charges the boats a landing fee.", "The city council charges the boats a landing fee"},
		{"another noun is not a description of it",
			"The Harbour Trust dredged the northern channel in 2019. The council now charges every ferry a landing fee.\n",
			"The council now charges every ferry a landing fee.", "The council now charges every ferry a landing fee"},
		{"not across paragraphs",
			"The Harbour Trust dredged the northern channel in 2019.\n\nThe trust now charges every ferry a landing fee.\n",
			"The trust now charges every ferry a landing fee.", "The trust now charges every ferry a landing fee"},
	}
	p := extract.New(extract.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := p.Extract(context.Background(), argmap.Document{Name: "notes.txt", Data: []byte(tt.doc)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range g.Claims {
				got = append(got, c.Text+" => "+c.Gist)
				if strings.TrimSpace(c.Text) == tt.claim {
					if c.Gist != tt.gist {
						t.Fatalf("claim %q: gist %q, want %q", c.Text, c.Gist, tt.gist)
					}
					return
				}
			}
			t.Fatalf("no claim %q among %q", tt.claim, got)
		})
	}
}

// TestUnitReferents: a claim or evidence whose subject points back keeps
// what it stands for as its referent, with its words as the unit writes
// them and the passage that names it: a pronoun (the subject of the
// sentence before), "the" and the head of an organisation's name, and
// "these"/"this" and a noun that the subject of the sentence before is, is
// a kind of or is a synonym of in WordNet (statistics are figures,
// surveys are studies, ferries are boats). A description that the subject
// before is not, or a unit whose subject names itself, has none.
func TestUnitReferents(t *testing.T) {
	tests := []struct {
		name, doc, unit string
		evidence        bool
		words, text     string // "" for none
		quote, gist     string // the passage that names it; a claim's gist
	}{
		{"it: a claim", "The new levy was introduced in 2019. It harms small shops across the region.\n",
			"It harms small shops across the region.", false, "It", "The new levy", "The new levy was introduced in 2019.",
			"The new levy harms small shops across the region"},
		{"the head of an organisation's name", "The Harbour Trust dredged the northern channel in 2019. The trust now charges every ferry a landing fee.\n",
			"The trust now charges every ferry a landing fee.", false, "The trust", "Harbour Trust",
			"The Harbour Trust dredged the northern channel in 2019.", "Harbour Trust now charges every ferry a landing fee"},
		{"these and a word the subject before is a kind of, after a marker",
			"Ferries, above all, are seen as the cleanest way to cross the bay. However, these boats burn more fuel than any bus on the coast road.\n",
			"However, these boats burn more fuel than any bus on the coast road.", false, "these boats", "Ferries",
			"Ferries, above all, are seen as the cleanest way to cross the bay.", "Ferries burn more fuel than any bus on the coast road"},
		{"these and a synonym of the subject's head",
			"The council's surveys of tenants were published in May. These studies are neither complete nor fair to the tenants of the old town.\n",
			"These studies are neither complete nor fair to the tenants of the old town.", false, "These studies", "The council's surveys of tenants",
			"The council's surveys of tenants were published in May.", "The council's surveys of tenants are neither complete nor fair to the tenants of the old town"},
		{"they: a name with a plural inside, before an irregular past",
			"In March, Anglers and Boat Owners Rights Group sat as observers at the harbour board. They asked the board not to close the northern channel.\n",
			"They asked the board not to close the northern channel.", false, "They", "Anglers and Boat Owners Rights Group",
			"In March, Anglers and Boat Owners Rights Group sat as observers at the harbour board.",
			"Anglers and Boat Owners Rights Group asked the board not to close the northern channel"},
		{"evidence: these figures", "Rent statistics for the city were published by the council in May. These figures show a rise of 40 percent in rents between 2015 and 2019.\n",
			"These figures show a rise of 40 percent in rents between 2015 and 2019.", true, "These figures", "Rent statistics",
			"Rent statistics for the city were published by the council in May.", ""},
		{"evidence: after a leading date", "Eviction figures for the city were published in May. In 2019, these figures rose by 40 percent to 3,000 households.\n",
			"In 2019, these figures rose by 40 percent to 3,000 households.", true, "these figures", "Eviction figures",
			"Eviction figures for the city were published in May.", ""},
		{"it after an organisation's possessive: the noun phrase, not the organisation",
			"The Harbour Trust runs the port and the Harbour Trust sets the fees. The board should publish every survey the Trust makes.\n\nThe Harbour Trust's survey work helps the ferry owners, but it is not neutral.\n",
			"but it is not neutral.", false, "it", "The Harbour Trust's survey work",
			"The Harbour Trust's survey work helps the ferry owners,", "The Harbour Trust's survey work is not neutral"},
		{"a quantifier alone before its verb: part of the plural subject before",
			"Member states of the port board are parties to the harbour treaty, and most are parties to the river convention.\n",
			"and most are parties to the river convention.", false, "most", "Most Member states",
			"Member states of the port board are parties to the harbour treaty,", "Most Member states are parties to the river convention"},
		{"a quantifier after a number of, past a reporting frame with an aside",
			"We note, for example, that a number of port cities signed the harbour treaty, and most are parties to the river convention.\n",
			"and most are parties to the river convention.", true, "most", "Most port cities",
			"We note, for example, that a number of port cities signed the harbour treaty,", ""},
		{"they after a clause set before the main one, for a description that points back itself",
			"Ferry owners of the north coast know how to use the harbour grants to their advantage. These owners bring their own plans to the talks with the board. Far from being passive customers of the board, they shape the grants for their own ends.\n",
			"Far from being passive customers of the board, they shape the grants for their own ends.", false, "they", "Ferry owners",
			"Ferry owners of the north coast know how to use the harbour grants to their advantage.", "Ferry owners shape the grants for their own ends"},
		{"those and a noun after the subject: the noun phrase before with that head", "The port built three ferry terminals in 2019. The council now wants to sell those terminals to a private operator.\n",
			"The council now wants to sell those terminals to a private operator.", false, "those terminals", "ferry terminals",
			"The port built three ferry terminals in 2019.", "The council now wants to sell ferry terminals to a private operator"},
		{"evidence: those and a noun after the subject, a capitalised adjective before the head",
			"Hundreds of travellers waited for days in the Danish ferry terminals. The inspectors described those terminals in May as places of long queues and scant shelter.\n",
			"The inspectors described those terminals in May as places of long queues and scant shelter.", true, "those terminals", "Danish ferry terminals",
			"Hundreds of travellers waited for days in the Danish ferry terminals.", ""},
		{"those and a noun the sentence before names with no words before it", "The port built three terminals in 2019. The council now wants to sell those terminals to a private operator.\n",
			"The council now wants to sell those terminals to a private operator.", false, "", "", "", "The council now wants to sell those terminals to a private operator"},
		{"a quantifier after a singular subject", "The harbour board met in May, and most are angry about the fees.\n",
			"and most are angry about the fees.", false, "", "", "", "Most are angry about the fees"},
		{"a description the subject before is not", "The council met the ferry owners in May. These boats burn more fuel than any bus on the coast road.\n",
			"These boats burn more fuel than any bus on the coast road.", false, "", "", "", "These boats burn more fuel than any bus on the coast road"},
		{"a subject that names itself", "The new levy was introduced in 2019. The levy harms small shops across the region.\n",
			"The levy harms small shops across the region.", false, "", "", "", "The levy harms small shops across the region"},
	}
	p := extract.New(extract.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := p.Extract(context.Background(), argmap.Document{Name: "notes.txt", Data: []byte(tt.doc)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			var ref *argmap.Referent
			found := false
			if tt.evidence {
				for _, e := range g.Evidence {
					got = append(got, "evidence "+e.Text)
					if strings.TrimSpace(e.Text) == tt.unit {
						ref, found = e.Referent, true
					}
				}
			} else {
				for _, c := range g.Claims {
					got = append(got, "claim "+c.Text)
					if strings.TrimSpace(c.Text) == tt.unit {
						ref, found = c.Referent, true
						if c.Gist != tt.gist {
							t.Errorf("gist %q, want %q", c.Gist, tt.gist)
						}
					}
				}
			}
			if !found {
				t.Fatalf("no unit %q among %q", tt.unit, got)
			}
			if tt.words == "" {
				if ref != nil {
					t.Fatalf("referent %+v, want none", *ref)
				}
				return
			}
			if ref == nil {
				t.Fatalf("no referent, want %q for %q", tt.text, tt.words)
			}
			if ref.Words != tt.words || ref.Text != tt.text || ref.Span.Quote != tt.quote || ref.Span.SourceID != g.Sources[0].ID {
				t.Fatalf("referent %+v, want words %q text %q quote %q in %s", *ref, tt.words, tt.text, tt.quote, g.Sources[0].ID)
			}
			if q := tt.doc[ref.Span.Start:ref.Span.End]; q != tt.quote {
				t.Fatalf("referent span %d..%d is %q, want %q", ref.Span.Start, ref.Span.End, q, tt.quote)
			}
		})
	}
}

// TestUnitReferentsOddInput: units that open with a leading clause and
// nothing after it, or with a referring word alone, extract without a
// referent and without failing.
func TestUnitReferentsOddInput(t *testing.T) {
	p := extract.New(extract.Options{})
	for _, doc := range []string{
		"In 2019,\n", "In 2019, these\n", "These.\n", "It.\n", "In, in, in, in, in, in, in\n",
		"The figures rose. In 2019 these figures, rose\n",
	} {
		g, err := p.Extract(context.Background(), argmap.Document{Name: "odd.txt", Data: []byte(doc)})
		if err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		for _, e := range g.Evidence {
			if e.Referent != nil && e.Referent.Span.End > len(doc) {
				t.Errorf("%q: evidence referent span %+v beyond the text", doc, e.Referent.Span)
			}
		}
	}
}
