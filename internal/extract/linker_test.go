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
