package evaluate_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
)

// TestVerdictFollowsClosestClaim: the verdict never reads the other way from
// the closest claim stating or denying the question (answers come best match
// first). A search's top proposition that is open had been summed up as "it
// stands" because a weaker match (a clause "and it will stay contested until
// …" read as stating the question) was in.
func TestVerdictFollowsClosestClaim(t *testing.T) {
	m := func(match argmap.Stance, l evaluate.Label) evaluate.Matched {
		return evaluate.Matched{Match: match, Evaluation: &evaluate.Evaluation{Statements: []evaluate.StatementLabel{{Label: l}}}}
	}
	same, den := argmap.StanceSame, argmap.StanceDenial
	tests := []struct {
		name    string
		answers []evaluate.Matched
		want    string
	}{
		{"closest open, a weaker match in", []evaluate.Matched{m(same, evaluate.Undec), m(same, evaluate.In)},
			"open: the closest claim stating it is undecided; 1 other claim stating it in, 0 denying it in"},
		{"closest denial open, a weaker denial in", []evaluate.Matched{m(den, evaluate.Undec), m(den, evaluate.In)},
			"open: the closest claim denying it is undecided; 0 other claims stating it in, 1 denying it in"},
		{"closest defeated, a weaker match in", []evaluate.Matched{m(same, evaluate.Out), m(same, evaluate.In)},
			"mixed: the closest claim stating it is defeated; 1 other claim stating it in, none denying it in"},
		{"closest denial defeated, a weaker denial in", []evaluate.Matched{m(den, evaluate.Out), m(den, evaluate.In)},
			"mixed: the closest claim denying it is defeated; 1 other claim denying it in, none stating it in"},
		{"closest in", []evaluate.Matched{m(same, evaluate.In), m(same, evaluate.Undec)},
			"it stands: 1 claim stating it in, 0 denying it in"},
		{"closest denial out, a statement in", []evaluate.Matched{m(den, evaluate.Out), m(same, evaluate.In)},
			"it stands: 1 claim stating it in, 0 denying it in"},
		{"closest denial in", []evaluate.Matched{m(den, evaluate.In), m(same, evaluate.Undec)},
			"it does not stand: 1 claim denying it in, none stating it in"},
		{"words only before the closest", []evaluate.Matched{m("", evaluate.In), m(same, evaluate.Undec), m(same, evaluate.In)},
			"open: the closest claim stating it is undecided; 1 other claim stating it in, 0 denying it in"},
		{"both in", []evaluate.Matched{m(same, evaluate.In), m(den, evaluate.In)},
			"contradictory: 1 claim stating it and 1 claim denying it are in (separate propositions)"},
		{"all out", []evaluate.Matched{m(same, evaluate.Out), m(den, evaluate.Out)},
			"neither it nor its denial stands on what is stored"},
		{"all open", []evaluate.Matched{m(same, evaluate.Undec)},
			"open: what states or denies it is undecided on what is stored"},
		{"words only", []evaluate.Matched{m("", evaluate.In)},
			"no claim was judged to state or deny it; the closest claims are weighed below"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := evaluate.Verdict(tt.answers)
			if got != tt.want {
				t.Errorf("Verdict = %q, want %q", got, tt.want)
			}
			// the verdict's first word and the closest claim's reading agree
			if first := tt.answers[0]; first.Match != "" && first.Statements[0].Label == evaluate.Undec && !strings.HasPrefix(got, "open") {
				t.Errorf("the closest claim is open but the verdict reads %q", got)
			}
		})
	}
}
