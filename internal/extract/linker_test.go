package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

func claim(id, gist string) argmap.Claim {
	return argmap.Claim{ID: argmap.DerivedID(argmap.KindClaim, id), Text: gist, Gist: gist, Origin: argmap.OriginExtracted}
}

func TestLinker(t *testing.T) {
	l := extract.NewLinker()
	a := claim("a", "The International Organization for Migration excludes asylum seekers from protection")
	same := claim("b", "IOM filters asylum seekers out before they reach protection")
	deny := claim("c", "IOM does not exclude asylum seekers from protection")
	other := claim("d", "Climate change drives rural people into cities")
	tests := []struct {
		name       string
		nw, stored argmap.Claim
		want       []argmap.RelationKind
	}{
		{"same proposition, other words", a, same, []argmap.RelationKind{argmap.Supports, argmap.Supports}},
		{"negation", deny, a, []argmap.RelationKind{argmap.Contests}},
		{"unrelated", a, other, nil},
		{"same claim", a, a, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rels := l.Link([]argmap.Claim{tt.nw}, []argmap.Claim{tt.stored})
			if len(rels) != len(tt.want) {
				t.Fatalf("Link = %+v, want kinds %v", rels, tt.want)
			}
			for i, r := range rels {
				if r.Kind != tt.want[i] || r.Origin != argmap.OriginLinked {
					t.Errorf("Link[%d] = %s/%s, want %s/linked", i, r.Kind, r.Origin, tt.want[i])
				}
				if err := r.Validate(); err != nil {
					t.Errorf("Link[%d] invalid: %v", i, err)
				}
				if want := argmap.DerivedID(argmap.KindRelation, "link", r.From[0], r.To); r.ID != want {
					t.Errorf("Link[%d].ID = %s, want %s", i, r.ID, want)
				}
				if r.Score <= 0 || r.Score > 1 {
					t.Errorf("Link[%d].Score = %v, want the similarity in (0,1]", i, r.Score)
				}
			}
		})
	}
}

// TestLinkPropositions holds links between claims of the IOM and demo
// corpora: the same proposition supports, a denial contests, a shared topic
// alone links nothing.
func TestLinkPropositions(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want string // "supports", "contests" or ""
	}{
		{"denial of exclusion", "It is also wrong to say that IOM enforces the exclusion of asylum seekers.",
			"Our study finds that the IOM enforces the exclusions of asylum seekers on behalf of the states that fund it.", "contests"},
		{"contested voluntariness denies voluntary", "The voluntariness of assisted voluntary return is contested for a reason.",
			"Return under our programme is voluntary.", "contests"},
		{"questioned voluntary nature", "Returnees in the camps openly questioned the voluntary nature of the programme and asked for other options.",
			"The voluntariness of assisted voluntary return is contested for a reason.", "supports"},
		{"no mandate restated", "IOM does not have a formal international protection mandate.",
			"IOM has no formal protection mandate, unlike UNHCR.", "supports"},
		{"topic only", "We call on IOM Member States to see that these duties shape IOM policy.",
			"The IOM is an important cooperation partner for the EU and its Member States.", ""},
		{"negation in a relative clause", "IOM enforces the exclusion of asylum seekers when it offers return to people who have never had access to an asylum procedure.",
			"It means that IOM enforces the exclusion of asylum seekers on behalf of the states that fund it.", "supports"},
	}
	l := extract.NewLinker()
	for _, tt := range tests {
		a := argmap.Claim{ID: "clm_a", Text: tt.a}
		b := argmap.Claim{ID: "clm_b", Text: tt.b}
		rels := l.Link([]argmap.Claim{a}, []argmap.Claim{b})
		got := ""
		if len(rels) > 0 {
			got = string(rels[0].Kind)
		}
		if got != tt.want {
			t.Errorf("%s: Link(%q, %q) = %q (%v), want %q", tt.name, tt.a, tt.b, got, rels, tt.want)
		}
	}
}
