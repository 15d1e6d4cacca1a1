package extract

import (
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// Cues of an argumentative move, read at the start of a sentence.
var (
	// the sentence follows from the one before: the previous one supports it
	conclusionCues = []string{"thus", "therefore", "hence", "consequently", "this means that", "as a result", "so"}
	// the sentence backs the one before
	backingCues = []string{"for example", "for instance", "because", "this is because", "since", "indeed", "in particular", "notably", "e.g"}
	// the sentence attacks the one before
	contestCues = []string{"however", "but", "yet", "in contrast", "nevertheless", "nonetheless", "on the other hand",
		"by contrast", "conversely", "still", "recent research has challenged", "has challenged this view", "this view is"}
	// the sentence attacks the inference rather than the claim
	undercutCues = []string{"even with the best of", "this does not follow", "that does not follow", "even so",
		"this does not mean", "that does not mean", "it does not follow", "even if", "this need not"}
)

func startsWithCue(p string, cues []string) string {
	for _, c := range cues {
		if strings.HasPrefix(p, " "+c+" ") {
			return c
		}
	}
	return ""
}

// relate adds the support and contest relations stated between the units of
// one document: evidence backs the nearest claim of its paragraph; a
// conclusion marker makes the previous claim support it; a contrast marker
// makes it contest the previous claim; an undercut contests the last
// relation. Notes back the document's first claim.
func relate(g *argmap.Graph, units []*unit, srcID, text, hash string) {
	seen := map[string]bool{}
	add := func(kind argmap.RelationKind, from, to string, u *unit, score float64, cue string) string {
		if from == "" || to == "" || from == to {
			return ""
		}
		id := argmap.DerivedID(argmap.KindRelation, hash, string(kind), from, to)
		if seen[id] {
			return ""
		}
		seen[id] = true
		sp := argmap.Span{SourceID: srcID, Start: u.Start, End: u.End, Quote: text[u.Start:u.End]}
		g.Relations = append(g.Relations, argmap.Relation{
			ID: id, Kind: kind, From: []string{from}, To: to, Span: &sp, Origin: argmap.OriginExtracted, Score: score,
		})
		_ = cue
		return id
	}
	firstClaim := ""
	for _, u := range units {
		if u.Label == LabelClaim && u.sec == SectionBody {
			firstClaim = u.id
			break
		}
	}
	lastRel := map[int]string{} // paragraph -> last relation ID
	for i, u := range units {
		prevClaim, nextClaim := "", ""
		for j := i - 1; j >= 0 && units[j].para == u.para; j-- {
			if units[j].Label == LabelClaim {
				prevClaim = units[j].id
				break
			}
		}
		for j := i + 1; j < len(units) && units[j].para == u.para; j++ {
			if units[j].Label == LabelClaim {
				nextClaim = units[j].id
				break
			}
		}
		// a paragraph that opens with a contrast or conclusion answers the
		// claim before it, even across the paragraph break
		prevAny := prevClaim
		for j := i - 1; prevAny == "" && j >= 0; j-- {
			if units[j].Label == LabelClaim && units[j].sec == u.sec {
				prevAny = units[j].id
			}
		}
		p := u.p
		if p == "" {
			p = padded(words(text[u.Start:u.End]))
		}
		if u.Label == LabelEvidence {
			if len(u.Cues) > 0 && u.Cues[0] == SourceNoteCue {
				continue // where a statement came from, not a reason for it
			}
			to := prevClaim
			if to == "" {
				to = nextClaim
			}
			if u.sec == SectionNotes || to == "" {
				to = firstClaim
			}
			if id := add(argmap.Supports, u.id, to, u, 0.6, "evidence"); id != "" {
				lastRel[u.para] = id
			}
			continue
		}
		if u.Label != LabelClaim {
			continue
		}
		if c := startsWithCue(p, undercutCues); c != "" {
			if r, ok := lastRel[u.para]; ok {
				add(argmap.Contests, u.id, r, u, 0.5, c)
				continue
			}
			if id := add(argmap.Contests, u.id, prevClaim, u, 0.5, c); id != "" {
				lastRel[u.para] = id
			}
			continue
		}
		if c := startsWithCue(p, contestCues); c != "" || strings.Contains(p, " challenged this view ") || strings.Contains(p, " critical of this ") {
			if id := add(argmap.Contests, u.id, prevAny, u, 0.6, c); id != "" {
				lastRel[u.para] = id
			}
			continue
		}
		if c := startsWithCue(p, conclusionCues); c != "" {
			if id := add(argmap.Supports, prevAny, u.id, u, 0.6, c); id != "" {
				lastRel[u.para] = id
			}
			continue
		}
		if c := startsWithCue(p, backingCues); c != "" {
			if id := add(argmap.Supports, u.id, prevClaim, u, 0.5, c); id != "" {
				lastRel[u.para] = id
			}
		}
	}
}

// markMain marks the document's central claims: those stated as the
// author's finding or thesis ("we find that", "this chapter argues"); failing
// that, the claim most others bear on, then the first claim.
func markMain(g *argmap.Graph, units []*unit) {
	if len(g.Claims) == 0 {
		return
	}
	idx := map[string]int{}
	for i, c := range g.Claims {
		idx[c.ID] = i
	}
	found := false
	for i, c := range g.Claims {
		for _, cue := range c.Cues {
			if strings.HasPrefix(cue, "finding:") {
				ph := strings.TrimPrefix(cue, "finding:")
				if strings.HasPrefix(ph, "we ") || strings.HasPrefix(ph, "i ") || strings.HasSuffix(ph, " that") ||
					ph == "concludes" || ph == "finds" || ph == "calls for" {
					g.Claims[i].Main = true
					found = true
				}
			}
		}
	}
	if found {
		return
	}
	in := map[string]int{}
	for _, r := range g.Relations {
		if r.Kind == argmap.Supports {
			in[r.To]++
		}
	}
	best := 0
	for i, c := range g.Claims {
		if in[c.ID] > in[g.Claims[best].ID] {
			best = i
		}
	}
	g.Claims[best].Main = true
}
