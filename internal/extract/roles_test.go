package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract"
)

func TestClassify(t *testing.T) {
	body, notes := extract.SectionBody, extract.SectionNotes
	tests := []struct {
		in   string
		sec  extract.Section
		want extract.Label
		kind string
	}{
		// claims: findings, evaluations, criticisms, recommendations, positions, rhetorical questions
		{"We show that the agency shapes border norms in the regions it works in.", body, extract.LabelClaim, ""},
		{"The new registration scheme is troubling for many families.", body, extract.LabelClaim, ""},
		{"The report is critical of the ministry's reliance on private contractors.", body, extract.LabelClaim, ""},
		{"Donors should stop funding closed reception centres.", body, extract.LabelClaim, ""},
		{"isn't this just deterrence dressed up as help?", body, extract.LabelClaim, ""},
		{"The agency works between governments, courts and charities.", body, extract.LabelClaim, ""},
		{"that was great!", body, extract.LabelClaim, ""},
		// evidence: figures, dated events, reports, examples, method, backing
		{"In 2015, the fund was established at a summit in Malta.", body, extract.LabelEvidence, "event"},
		{"Nearly 40 million euros went to the programme.", body, extract.LabelEvidence, "statistic"},
		{"The newspaper reports that guards turned boats back.", body, extract.LabelEvidence, "testimony"},
		{"For instance, two camps were closed in the north.", body, extract.LabelEvidence, "observation"},
		{"The study consisted of interviews with forty officials.", body, extract.LabelEvidence, "observation"},
		{"Please see Jones (Citation2011).", notes, extract.LabelEvidence, "citation"},
		{"Interview, Geneva, May, 2012.", notes, extract.LabelEvidence, "citation"}, // a source note (never wired as support)
		// other: announcements, courtesies, requests, chrome, lead-ins, fragments, notes without backing
		{"This article examines the history of the agency.", body, extract.LabelOther, ""},
		{"I teach a seminar on refugee law at a small college.", body, extract.LabelOther, ""},
		{"Reading the minutes again, I went through every annex.", body, extract.LabelOther, ""},
		{"Everyone I know relies on the agency's figures.", body, extract.LabelClaim, ""},
		// the writer's view said in the first person with a verb of
		// believing is a position, not the writer telling of themself
		{"I reckon most children would cycle if the roads felt safe.", body, extract.LabelClaim, ""},
		{"I'd bet that the ferry runs empty in winter.", body, extract.LabelClaim, ""},
		{"I honestly suspect the museum counts its visitors twice.", body, extract.LabelClaim, ""},
		{"I expect to visit the archive in the spring.", body, extract.LabelOther, ""},
		{"I'm not sure the night ferry pays its way.", body, extract.LabelClaim, ""},
		{"I see it differently.", body, extract.LabelClaim, ""},
		{"I read the figures differently.", body, extract.LabelClaim, ""},
		// a word of page furniture in a sentence that says what a third
		// party ought to do does not make it furniture; told to the
		// reader, it does
		{"The city should stop licensing rental scooters.", body, extract.LabelClaim, ""},
		{"Librarians should be paid as much as teachers.", body, extract.LabelClaim, ""},
		{"You should download the full report from our site.", body, extract.LabelOther, ""},
		{"Readers must accept cookies to see the article.", body, extract.LabelOther, ""},
		{"We are not convinced the new bridge will carry more lorries.", body, extract.LabelClaim, ""},
		{"Drawing on archives, this chapter aims to fill that gap.", body, extract.LabelOther, ""},
		{"We thank the reviewers for helpful comments.", body, extract.LabelOther, ""},
		{"does anyone know where to find the annual report?", body, extract.LabelOther, ""},
		{"We use cookies to improve your experience.", body, extract.LabelOther, ""},
		{"Sign in to your account to save this item.", body, extract.LabelOther, ""},
		{"The full report can be read here:", body, extract.LabelOther, ""},
		{"Headings are taken from agency leaflets.", notes, extract.LabelOther, ""},
		{"http://www.example.org/report.pdf", notes, extract.LabelOther, ""},
		{"Two questions are addressed.", body, extract.LabelOther, ""},
		// a short sentence of prose with no function word is no fragment;
		// a capitalised or listed label still is
		{"Noisy neighbours ruin sleep.", body, extract.LabelClaim, ""},
		{"Longer queues drive customers away.", body, extract.LabelClaim, ""},
		{"Migration Policy Unit Briefing.", body, extract.LabelOther, ""},
		{"Transcript, Leeds, spring meeting.", body, extract.LabelOther, ""},
		// "do so" of degree is no text saying what it does
		{"Small gardens do so much for wildlife.", body, extract.LabelClaim, ""},
		{"The essay does so in four parts.", body, extract.LabelOther, ""},
		// without the text or the first person as its subject, "do so"
		// takes up what the sentence before proposed
		{"We do so in three steps.", body, extract.LabelOther, ""},
		{"Doing so would cost a fortune, mind you.", body, extract.LabelClaim, ""},
		{"To do so needs a decade though.", body, extract.LabelClaim, ""},
		// a weak word of page furniture inside a full sentence of prose
		// that speaks neither of the page nor to its reader is no furniture
		{"Long queues at the checkout make the weekly shop slower for everyone.", body, extract.LabelClaim, ""},
		{"Paying by card at the checkout is quicker than counting out coins.", body, extract.LabelClaim, ""},
		{"Items stay in your basket until the checkout is finished.", body, extract.LabelOther, ""},
		{"No part of this publication may be reproduced without written permission.", body, extract.LabelOther, ""},
		{"For more information on the winter timetable, the depot is open daily.", body, extract.LabelOther, ""},
		{"Readers may download these figures free of charge.", body, extract.LabelOther, ""},
		{"Checkout and delivery options vary by region.", body, extract.LabelOther, ""},
		{"The agency is a gatekeeper.", extract.SectionBibliography, extract.LabelOther, ""},
		{"The agency is a gatekeeper.", extract.SectionApparatus, extract.LabelOther, ""},
	}
	for _, tt := range tests {
		v := extract.Classify(tt.in, tt.sec)
		if v.Label != tt.want {
			t.Errorf("Classify(%q) = %v (cues %v), want %v", tt.in, v.Label, v.Cues, tt.want)
			continue
		}
		if tt.kind != "" && v.Kind != tt.kind {
			t.Errorf("Classify(%q).Kind = %q, want %q", tt.in, v.Kind, tt.kind)
		}
		if v.Score < 0 || v.Score > 1 || len(v.Cues) == 0 {
			t.Errorf("Classify(%q) = score %v cues %v, want a score in 0..1 and the cues that fired", tt.in, v.Score, v.Cues)
		}
	}
}

func TestGist(t *testing.T) {
	tests := []struct {
		in, dominant, want string
	}{
		{"We find that the IOM enforces the exclusions of asylum seekers.", "", "IOM enforces the exclusions of asylum seekers"},
		{"In addition, we argue that the agency acts for states.", "", "The agency acts for states"},
		{"However, it has grown fast since 1990.", "UNHCR", "UNHCR has grown fast since 1990"},
		{"The organization shifted its focus.", "IOM", "IOM shifted its focus"},
		{"Given that the fund is small, donors should pool their money and act.", "", "Donors should pool their money and act"},
		{"This means that the council should act (now).", "", "The council should act"},
	}
	for _, tt := range tests {
		if got := extract.Gist(tt.in, nil, tt.dominant); got != tt.want {
			t.Errorf("Gist(%q, %q) = %q, want %q", tt.in, tt.dominant, got, tt.want)
		}
	}
}

func TestNoiseIsNotArgument(t *testing.T) {
	body, notes := extract.SectionBody, extract.SectionNotes
	tests := []struct {
		in   string
		sec  extract.Section
		want extract.Label
		cue  string
	}{
		{"4. Agency voicemail.", notes, extract.LabelEvidence, extract.SourceNoteCue},
		{"5. Interview, Lisbon, October, 2011.", notes, extract.LabelEvidence, extract.SourceNoteCue},
		{"Interview, Oslo, May, 2015.", body, extract.LabelOther, "dateline"},
		{"So true!", body, extract.LabelOther, "exclamation"},
		{"Absolutely brilliant!", body, extract.LabelOther, "exclamation"},
		{"1. The survey covered 300 households in four districts between 2009 and 2011.", notes, extract.LabelEvidence, ""},
		{"The new detention centre must be closed now!", body, extract.LabelClaim, ""},
		{"This is a disgrace!", body, extract.LabelClaim, ""},
		{"Unemployment fell sharply in the north after the reform.", body, extract.LabelClaim, ""},
	}
	for _, tt := range tests {
		v := extract.Classify(tt.in, tt.sec)
		if v.Label != tt.want || tt.cue != "" && (len(v.Cues) == 0 || v.Cues[0] != tt.cue) {
			t.Errorf("Classify(%q) = %v (cues %v), want %v with cue %q", tt.in, v.Label, v.Cues, tt.want, tt.cue)
		}
	}
}

// TestSourceNotesNotWired: a note that only names where a statement came
// from stays evidence but supports nothing.
func TestSourceNotesNotWired(t *testing.T) {
	text := "Border agencies now run return programmes on behalf of states.\n\nThe agency claims that the returns are voluntary.\n\nNotes\n\n1. Agency voicemail.\n\n2. Interview, Lisbon, October, 2011.\n"
	g := extractDoc(t, "notes.txt", []byte(text))
	notes := map[string]bool{}
	for _, e := range g.Evidence {
		notes[e.ID] = true
	}
	if len(notes) != 2 {
		t.Fatalf("Extract: %d evidence units, want the 2 source notes: %+v", len(notes), g.Evidence)
	}
	for _, r := range g.Relations {
		for _, f := range r.From {
			if notes[f] {
				t.Errorf("source note %s wired as %s of %s", f, r.Kind, r.To)
			}
		}
	}
}
