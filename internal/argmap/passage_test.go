package argmap_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/google/go-cmp/cmp"
)

// passageQuestioner is a fakeQuestioner that also finds passages
// (argmap.PassageSearcher): those of its table whose source it is asked
// for, recording the sources asked.
type passageQuestioner struct {
	*fakeQuestioner
	passages []argmap.EvidenceHit
	asked    []string
}

func (p *passageQuestioner) SearchPassages(_ context.Context, _ string, ids []string, limit int) ([]argmap.EvidenceHit, error) {
	p.asked = ids
	var out []argmap.EvidenceHit
	for _, h := range p.passages {
		for _, id := range ids {
			if h.Evidence.Spans[0].SourceID == id && len(out) < limit {
				out = append(out, h)
			}
		}
	}
	return out, nil
}

// sizeJudge is a mapJudge that records how many texts each JudgeAll
// judges together.
type sizeJudge struct {
	mapJudge
	sizes []int
}

func (s *sizeJudge) JudgeAll(q string, texts []string) []argmap.Judgement {
	s.sizes = append(s.sizes, len(texts))
	return s.mapJudge.JudgeAll(q, texts)
}

func passage(src string, start int, text string) argmap.EvidenceHit {
	sp := argmap.Span{SourceID: src, Start: start, End: start + len(text), Quote: text}
	return argmap.EvidenceHit{Evidence: argmap.Evidence{ID: argmap.PassageID(sp), Text: text, Spans: []argmap.Span{sp}}, Rank: 2}
}

// TestFindSupportersPassages: a sentence no claim covers (an announcement
// of what a report examines) that states the question puts its source on
// the supporting side, quoted at its place; the passages are searched in
// the sources of the claims found; one that only shares the topic is not
// judged again; the stored candidates are judged as they are without the
// passages.
func TestFindSupportersPassages(t *testing.T) {
	span := func(src string) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: 0, End: 4, Quote: "text of " + src}}
	}
	bakery := argmap.Claim{ID: "clm_bakery", Text: "The bakery on the quay opens at six", Spans: span("src_guide")}
	denies := argmap.Claim{ID: "clm_denies", Text: "The council does not fund the bakery", Spans: span("src_letter")}
	q := &passageQuestioner{fakeQuestioner: &fakeQuestioner{
		claims:  map[string]argmap.Claim{bakery.ID: bakery, denies.ID: denies},
		hits:    []argmap.ClaimHit{{Claim: bakery, Rank: 5}, {Claim: denies, Rank: 4}},
		sources: map[string]argmap.Source{},
		reach: map[string][]argmap.Reach{bakery.ID: {{Node: bakery.ID, Spans: bakery.Spans}},
			denies.ID: {{Node: denies.ID, Spans: denies.Spans}}},
	}}
	for _, id := range []string{"src_guide", "src_letter", "src_report"} {
		q.sources[id] = argmap.Source{ID: id, Title: id}
	}
	announces := passage("src_guide", 40, "This guide looks at how the council funds the bakery.")
	topic := passage("src_letter", 90, "The bakery sells rye bread on Saturdays.")
	unasked := passage("src_report", 7, "The council funds the bakery, the report finds.")
	q.passages = []argmap.EvidenceHit{announces, topic, unasked}
	j := &sizeJudge{mapJudge: mapJudge{
		denies.Text:             {Stance: argmap.StanceDenial, Score: 1},
		announces.Evidence.Text: {Stance: argmap.StanceSame, Score: 0.9},
		unasked.Evidence.Text:   {Stance: argmap.StanceSame, Score: 1},
	}}
	ans, err := argmap.FindSupporters(context.Background(), q, j, "The council funds the bakery", 1)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	if diff := cmp.Diff([]string{"src_guide", "src_letter"}, q.asked); diff != "" {
		t.Errorf("SearchPassages sources (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"src_guide"}, sourceIDs(ans.Supporting)); diff != "" {
		t.Errorf("Supporting (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"src_letter"}, sourceIDs(ans.Contesting)); diff != "" {
		t.Errorf("Contesting (-want +got):\n%s", diff)
	}
	if len(ans.Supporting) == 1 {
		qt := ans.Supporting[0].Quotes[0]
		if qt.Node != announces.Evidence.ID || qt.Span != announces.Evidence.Spans[0] {
			t.Errorf("the guide's quote = node %s at %+v, want the passage %s at %+v", qt.Node, qt.Span, announces.Evidence.ID, announces.Evidence.Spans[0])
		}
	}
	// the two stored candidates alone, then with the one passage that
	// answers alone
	if diff := cmp.Diff([]int{2, 3}, j.sizes); diff != "" {
		t.Errorf("texts judged together (-want +got):\n%s", diff)
	}
}

// TestPassageID: a passage's ID names its span, and no other ID reads as
// one.
func TestPassageID(t *testing.T) {
	sp := argmap.Span{SourceID: "src_ab_cd", Start: 12, End: 80}
	id := argmap.PassageID(sp)
	if got, ok := argmap.PassageSpan(id); !ok || got != sp {
		t.Errorf("PassageSpan(%q) = %+v, %v, want %+v, true", id, got, ok, sp)
	}
	if kind := argmap.KindOf(id); kind != "" {
		t.Errorf("KindOf(%q) = %q, want no stored node's kind", id, kind)
	}
	for _, other := range []string{"clm_abc", "psg_src_x_12", "psg_src_x_9_4", "psg__1_2", fmt.Sprintf("psg_%s_a_b", sp.SourceID)} {
		if got, ok := argmap.PassageSpan(other); ok {
			t.Errorf("PassageSpan(%q) = %+v, true, want false", other, got)
		}
	}
}
