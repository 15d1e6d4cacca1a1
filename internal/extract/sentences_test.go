package extract_test

import (
	"strings"
	"testing"
)

// TestAbstractSentencesWhole: a structured abstract laid out a part to a
// line is read a sentence a unit, as an essay is: its conclusion "X but
// not Y" is one main claim, not the half the other half bears on. Written
// for this test.
func TestAbstractSentencesWhole(t *testing.T) {
	text := "Background: Many councils fit speed cushions on residential streets to slow traffic.\n" +
		"Methods: We timed 4,000 vehicles on 20 streets before and six months after cushions were fitted, and on 20 streets without them.\n" +
		"Results: Average speeds fell by 4 mph on streets with cushions and did not change elsewhere. Buses and ambulances slowed as much as cars.\n" +
		"Conclusions: Speed cushions slow cars on residential streets, but they slow emergency vehicles just as much.\n"
	_, _, mains, inside := claimRelationsInside(t, "cushions.txt", text)
	if len(mains) != 1 || !strings.Contains(mains[0], "Speed cushions slow cars") || !strings.Contains(mains[0], "emergency vehicles") {
		t.Errorf("main claims %q, want the conclusion's whole sentence", mains)
	}
	if a, b := inside("Speed cushions slow cars"), inside("they slow emergency vehicles"); a != b {
		t.Errorf("the conclusion is two claims (%s, %s), want one", a, b)
	}
}
