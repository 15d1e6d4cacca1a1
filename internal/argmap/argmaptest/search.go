package argmaptest

import (
	"fmt"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

func testSearchClaims(t *testing.T, e *env) {
	s := e.store(t)
	enforce := newClaim("We find that the IOM enforces the exclusions of asylum seekers")
	funds := newClaim("IOM funds border checkpoints in Mauritania")
	weather := newClaim("The weather was fine")
	write(t, s, &argmap.Graph{Claims: []argmap.Claim{enforce, funds, weather}})

	t.Run("Ranking", func(t *testing.T) {
		hits, err := s.SearchClaims(ctx(t), "IOM enforces asylum exclusions", 10)
		must(t, "SearchClaims", err)
		if len(hits) == 0 || hits[0].Claim.ID != enforce.ID {
			t.Fatalf("SearchClaims(IOM enforces asylum exclusions) = %v, want %s first", hitIDs(hits), enforce.ID)
		}
		for i, h := range hits {
			if h.Claim.ID == weather.ID {
				t.Errorf("SearchClaims(IOM enforces asylum exclusions) includes the unrelated claim %s", weather.ID)
			}
			if i > 0 && h.Rank > hits[i-1].Rank {
				t.Errorf("SearchClaims ranks %v, want best first", hitRanks(hits))
			}
		}
		if hits[0].Rank <= 0 {
			t.Errorf("SearchClaims top rank = %v, want > 0", hits[0].Rank)
		}
		if len(hits) > 1 && !(hits[0].Rank > hits[1].Rank) {
			t.Errorf("SearchClaims ranks %v, want the full match strictly ahead", hitRanks(hits))
		}
		if hits[0].Claim.Text != enforce.Text {
			t.Errorf("SearchClaims hit text = %q, want %q", hits[0].Claim.Text, enforce.Text)
		}
	})
	t.Run("Stemming", func(t *testing.T) {
		tests := []struct{ q, want string }{
			{"enforce exclusion", enforce.ID},
			{"Enforcing", enforce.ID},
			{"checkpoint funding", funds.ID},
			{"weathers", weather.ID},
		}
		for _, tc := range tests {
			hits, err := s.SearchClaims(ctx(t), tc.q, 10)
			must(t, "SearchClaims", err)
			if len(hits) == 0 || hits[0].Claim.ID != tc.want {
				t.Errorf("SearchClaims(%q) = %v, want %s first", tc.q, hitIDs(hits), tc.want)
			}
		}
	})
	t.Run("Limit", func(t *testing.T) {
		hits, err := s.SearchClaims(ctx(t), "IOM", 1)
		must(t, "SearchClaims", err)
		if len(hits) != 1 {
			t.Errorf("SearchClaims(IOM, 1) = %v, want 1 hit", hitIDs(hits))
		}
	})
	t.Run("Hostile", func(t *testing.T) {
		queries := []string{
			`"`, `*`, `OR`, `NEAR(`, `'; DROP TABLE claims; --`, `)`, `(`, `AND OR NOT`, `"iom`, `iom"`,
			`iom*`, `-iom`, `^iom`, `text:iom`, `{text gist}: fine`, `NEAR(iom funds, 2)`, `iom + "`,
			`' OR 1=1 --`, `\`, `%`, `_`, `claims_fts MATCH '*'`, "\x00", `*:*`, `?`,
		}
		for _, q := range queries {
			t.Run(fmt.Sprintf("%q", q), func(t *testing.T) {
				hits, err := s.SearchClaims(ctx(t), q, 10)
				if err != nil {
					t.Fatalf("SearchClaims(%q) error = %v, want none", q, err)
				}
				if len(hits) >= 3 {
					t.Errorf("SearchClaims(%q) = %v, matches everything", q, hitIDs(hits))
				}
				cs, err := s.Claims(ctx(t), argmap.ClaimFilter{Query: q})
				if err != nil {
					t.Fatalf("Claims(Query %q) error = %v, want none", q, err)
				}
				if len(cs) >= 3 {
					t.Errorf("Claims(Query %q) = %v, matches everything", q, ids(cs, claimID))
				}
			})
		}
		if n := stats(t, s).Claims; n != 3 {
			t.Errorf("Stats().Claims = %d after hostile queries, want 3", n)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		for _, q := range []string{"", " ", "\t\n", "?!", "the"} {
			hits, err := s.SearchClaims(ctx(t), q, 10)
			if err != nil || len(hits) != 0 {
				t.Errorf("SearchClaims(%q) = %v, %v; want no hits, no error", q, hitIDs(hits), err)
			}
		}
	})
	t.Run("FollowsUpdates", func(t *testing.T) {
		text := "Sandstorms closed the desert road"
		_, err := s.UpdateClaim(ctx(t), weather.ID, argmap.ClaimUpdate{Text: &text})
		must(t, "UpdateClaim", err)
		hits, err := s.SearchClaims(ctx(t), "sandstorm", 10)
		must(t, "SearchClaims", err)
		if len(hits) != 1 || hits[0].Claim.ID != weather.ID {
			t.Errorf("SearchClaims(sandstorm) after update = %v, want [%s]", hitIDs(hits), weather.ID)
		}
		hits, err = s.SearchClaims(ctx(t), "weather", 10)
		must(t, "SearchClaims", err)
		if len(hits) != 0 {
			t.Errorf("SearchClaims(weather) after update = %v, want none", hitIDs(hits))
		}
		must(t, "DeleteClaim", s.DeleteClaim(ctx(t), funds.ID))
		hits, err = s.SearchClaims(ctx(t), "Mauritania", 10)
		must(t, "SearchClaims", err)
		if len(hits) != 0 {
			t.Errorf("SearchClaims(Mauritania) after delete = %v, want none", hitIDs(hits))
		}
	})
}

func hitIDs(hits []argmap.ClaimHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Claim.ID
	}
	return out
}

func hitRanks(hits []argmap.ClaimHit) []float64 {
	out := make([]float64, len(hits))
	for i, h := range hits {
		out[i] = h.Rank
	}
	return out
}
