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
