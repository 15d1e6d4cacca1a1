package argmap

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"
)

// DefaultDepth is how many relations deep questions look by default.
const DefaultDepth = 3

// MaxDepth bounds every traversal.
const MaxDepth = 8

// SourceRef names a source in answers.
type SourceRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URI   string `json:"uri"`
}

// ClaimMatch is a stored claim a question resolved to.
type ClaimMatch struct {
	ID     string    `json:"id"`
	Text   string    `json:"text"`
	Gist   string    `json:"gist,omitempty"`
	Rank   float64   `json:"rank"`
	Source SourceRef `json:"source"`
}

// Backing is one source that supports or contests a claim: the spans where it
// states the nodes that bear on the claim, and the shortest chain of relations
// that connects them.
type Backing struct {
	Source SourceRef `json:"source"`
	Spans  []Span    `json:"spans"`
	Path   []Step    `json:"path"`
	Nodes  []string  `json:"nodes"` // the claims and evidence of this source that bear on the claim
}

// SupportAnswer answers "which sources support this claim, and which contest
// it?".
type SupportAnswer struct {
	Query      string       `json:"query"`
	Claims     []ClaimMatch `json:"claims"`
	Supporting []Backing    `json:"supporting"`
	Contesting []Backing    `json:"contesting"`
}

// Questioner is the part of a store that questions need.
type Questioner interface {
	Claim(ctx context.Context, id string) (*Claim, error)
	SearchClaims(ctx context.Context, q string, limit int) ([]ClaimHit, error)
	Reach(ctx context.Context, claimID string, depth int) ([]Reach, error)
	Source(ctx context.Context, id string) (*Source, error)
}

// Polarity returns +1 when a path supports its target and -1 when it contests
// it: each contests step flips the sign (a contest of a contester defends, an
// undercut of a support contests).
func Polarity(steps []Step) int {
	p := 1
	for _, s := range steps {
		if s.Kind == Contests {
			p = -p
		}
	}
	return p
}

// ResolveClaims turns a query into claims: a claim ID gives that claim
// (ENOTFOUND if unknown); text gives the best full-text matches, the top hit
// and any others ranked at least half as well, at most max. EINVALID for an
// empty query; ENOTFOUND when nothing matches.
func ResolveClaims(ctx context.Context, q Questioner, query string, max int) ([]ClaimHit, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, Errorf(EINVALID, "the query is empty")
	}
	if !utf8.ValidString(query) {
		return nil, Errorf(EINVALID, "the query is not valid UTF-8")
	}
	if KindOf(query) == KindClaim && !strings.ContainsAny(query, " \t") {
		c, err := q.Claim(ctx, query)
		if err != nil {
			return nil, err
		}
		return []ClaimHit{{Claim: *c, Rank: 1}}, nil
	}
	if max <= 0 {
		max = 3
	}
	hits, err := q.SearchClaims(ctx, query, max)
	if err != nil {
		return nil, err
	}
	if len(hits) == 0 {
		return nil, Errorf(ENOTFOUND, "no stored claim matches %q", shorten(query, 80))
	}
	top := hits[0].Rank
	out := hits[:1]
	for _, h := range hits[1:] {
		if top > 0 && h.Rank >= top/2 {
			out = append(out, h)
		}
	}
	return out, nil
}

// FindSupporters answers query (a claim ID or text) over the store: it
// resolves the claims, walks depth relations back from each, and groups what
// it reaches by source into supporting and contesting.
func FindSupporters(ctx context.Context, q Questioner, query string, depth int) (*SupportAnswer, error) {
	if depth <= 0 {
		depth = DefaultDepth
	}
	if depth > MaxDepth {
		depth = MaxDepth
	}
	hits, err := ResolveClaims(ctx, q, query, 3)
	if err != nil {
		return nil, err
	}
	ans := &SupportAnswer{Query: query, Claims: []ClaimMatch{}, Supporting: []Backing{}, Contesting: []Backing{}}
	sources := map[string]*Source{}
	ref := func(id string) (SourceRef, error) {
		s, ok := sources[id]
		if !ok {
			var err error
			s, err = q.Source(ctx, id)
			if err != nil {
				return SourceRef{}, err
			}
			sources[id] = s
		}
		return SourceRef{ID: s.ID, Title: s.Title, URI: s.URI}, nil
	}
	type acc struct {
		b     *Backing
		spans map[Span]bool
		nodes map[string]bool
	}
	groups := map[int]map[string]*acc{1: {}, -1: {}}
	var order []struct {
		pol int
		id  string
	}
	for _, h := range hits {
		m := ClaimMatch{ID: h.Claim.ID, Text: h.Claim.Text, Gist: h.Claim.Gist, Rank: h.Rank}
		if len(h.Claim.Spans) > 0 {
			if r, err := ref(h.Claim.Spans[0].SourceID); err == nil {
				m.Source = r
			} else if !IsNotFound(err) {
				return nil, err
			}
		}
		ans.Claims = append(ans.Claims, m)
		reaches, err := q.Reach(ctx, h.Claim.ID, depth)
		if err != nil {
			return nil, err
		}
		for _, r := range reaches {
			pol := Polarity(r.Steps)
			for _, sp := range r.Spans {
				g := groups[pol]
				a, ok := g[sp.SourceID]
				if !ok {
					sr, err := ref(sp.SourceID)
					if IsNotFound(err) {
						continue
					}
					if err != nil {
						return nil, err
					}
					a = &acc{b: &Backing{Source: sr, Path: r.Steps}, spans: map[Span]bool{}, nodes: map[string]bool{}}
					g[sp.SourceID] = a
					order = append(order, struct {
						pol int
						id  string
					}{pol, sp.SourceID})
				}
				if len(r.Steps) < len(a.b.Path) {
					a.b.Path = r.Steps
				}
				if !a.spans[sp] {
					a.spans[sp] = true
					a.b.Spans = append(a.b.Spans, sp)
				}
				if !a.nodes[r.Node] {
					a.nodes[r.Node] = true
					a.b.Nodes = append(a.b.Nodes, r.Node)
				}
			}
		}
	}
	for _, o := range order {
		a := groups[o.pol][o.id]
		if a.b.Path == nil {
			a.b.Path = []Step{}
		}
		sort.Slice(a.b.Spans, func(i, j int) bool { return a.b.Spans[i].Start < a.b.Spans[j].Start })
		if o.pol > 0 {
			ans.Supporting = append(ans.Supporting, *a.b)
		} else {
			ans.Contesting = append(ans.Contesting, *a.b)
		}
	}
	// Closest first: direct statements, then by path length; among equals,
	// sources stating the best-matching claims first, then by title.
	rank := map[string]float64{}
	for _, h := range hits {
		rank[h.Claim.ID] = h.Rank
	}
	best := func(b Backing) float64 {
		r := 0.0
		for _, n := range b.Nodes {
			r = max(r, rank[n])
		}
		return r
	}
	for _, list := range [][]Backing{ans.Supporting, ans.Contesting} {
		sort.SliceStable(list, func(i, j int) bool {
			if len(list[i].Path) != len(list[j].Path) {
				return len(list[i].Path) < len(list[j].Path)
			}
			if ri, rj := best(list[i]), best(list[j]); ri != rj {
				return ri > rj
			}
			return list[i].Source.Title < list[j].Source.Title
		})
	}
	return ans, nil
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
