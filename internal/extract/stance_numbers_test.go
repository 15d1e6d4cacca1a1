package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestStancerFigureBounds: a figure with a bound or an approximation says a
// range, and the bound words are no negation.
func TestStancerFigureBounds(t *testing.T) {
	s := extract.NewStancer()
	tests := []struct {
		question, claim string
		want            argmap.Stance
	}{
		// a figure within the question's bound states it
		{"The ferry company has more than 40 boats", "The ferry company has 43 boats.", argmap.StanceSame},
		{"The ferry company has over 40 boats", "Today the ferry company runs a fleet of 43 boats.", argmap.StanceSame},
		{"The ferry company has over 40 boats, most of them small", "The ferry company has 43 boats.", argmap.StanceSame},
		{"The harbour board employs fewer than 30 wardens", "The harbour board employs 26 wardens.", argmap.StanceSame},
		{"The harbour trust raised close to 250 thousand pounds", "The harbour trust raised nearly 250 thousand pounds.", argmap.StanceSame},
		{"The harbour trust raised about 250 thousand pounds", "The harbour trust raised 246 thousand pounds.", argmap.StanceSame},
		{"The harbour trust raised 250 thousand pounds", "The harbour trust raised roughly 250 thousand pounds.", argmap.StanceSame},
		{"The ferry company has at least 40 boats", "The ferry company has more than 40 boats.", argmap.StanceSame},
		// a figure outside it does not
		{"The ferry company has more than 40 boats", "The ferry company has 35 boats.", argmap.StanceTopic},
		{"The harbour board employs fewer than 30 wardens", "The harbour board employs 34 wardens.", argmap.StanceTopic},
		{"The harbour trust raised about 250 thousand pounds", "The harbour trust raised 120 thousand pounds.", argmap.StanceTopic},
		// nor one of another scale
		{"The harbour trust raised about 250 thousand pounds", "The harbour trust raised nearly 250 million pounds.", argmap.StanceTopic},
		// a bounded figure does not state the plain one
		{"The ferry company has 40 boats", "The ferry company has more than 40 boats.", argmap.StanceTopic},
		// plain figures meet only the same figure, as before
		{"The ferry company has 43 boats", "The ferry company has 43 boats.", argmap.StanceSame},
		{"The ferry company has 43 boats", "The ferry company has 44 boats.", argmap.StanceTopic},
		{"The harbour trust raised 250 thousand pounds", "The harbour trust raised 250 million pounds.", argmap.StanceTopic},
		// "more than" before a word still denies being only that
		{"The ferry is a tourist attraction", "The ferry is more than a tourist attraction.", argmap.StanceDenial},
		// a figure the bound rules out does not deny it: it may count a part
		// ("nearly 90 million of it for North Africa")
		{"The ferry company has fewer than 30 boats", "The ferry company has 43 boats.", argmap.StanceTopic},
		// "no more than" is the negation of "more than"
		{"The ferry company has more than 40 boats", "The ferry company has no more than 40 boats.", argmap.StanceDenial},
		{"The ferry company has more than 40 boats", "The ferry company has in excess of 40 boats.", argmap.StanceSame},
		// a negated clause with a bounded figure denies it
		{"The ferry company has more than 40 boats", "The ferry company does not have 43 boats.", argmap.StanceDenial},
	}
	for _, tc := range tests {
		if got := s.Judge(tc.question, tc.claim); got.Stance != tc.want {
			t.Errorf("Judge(%q, %q) = %s (%.3f), want %s", tc.question, tc.claim, got.Stance, got.Score, tc.want)
		}
	}
}

// TestStancerVagueCounts: a count at or above the lower bound of
// "several" or "multiple" states it, among candidates that share the
// question's other words; a smaller count, a count below a bound, and the
// vague word for a precise count do not.
func TestStancerVagueCounts(t *testing.T) {
	s := extract.NewStancer()
	distractors := []string{
		"The harbour board rebuilt the pier in 1990.",
		"The harbour board rebuilt the pier after the storm.",
		"The harbour board rebuilt the pier with oak.",
		"The harbour board rebuilt the pier at great cost.",
		"The harbour board rebuilt the pier for the ferry.",
		"The harbour board rebuilt the pier last year.",
		"The harbour board rebuilt the pier and the slipway.",
	}
	tests := []struct {
		question, claim string
		want            argmap.Stance
	}{
		{"The harbour board rebuilt the pier several times", "The harbour board rebuilt the pier four times.", argmap.StanceSame},
		{"The harbour board rebuilt the pier several times", "The harbour board rebuilt the pier 12 times.", argmap.StanceSame},
		{"The harbour board rebuilt the pier multiple times", "The harbour board rebuilt the pier two times.", argmap.StanceSame},
		{"The harbour board rebuilt the pier several times", "The harbour board rebuilt the pier two times.", argmap.StanceTopic},
		{"The harbour board rebuilt the pier several times", "The harbour board rebuilt the pier fewer than 10 times.", argmap.StanceTopic},
		{"The harbour board rebuilt the pier four times", "The harbour board rebuilt the pier several times.", argmap.StanceTopic},
	}
	for _, tc := range tests {
		judgedFirst(t, s, tc.question, append([]string{tc.claim}, distractors...), tc.want)
	}
}
