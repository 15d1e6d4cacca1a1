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
		{"Interview, Geneva, May, 2012.", notes, extract.LabelEvidence, "observation"},
		// other: announcements, courtesies, requests, chrome, lead-ins, fragments, notes without backing
		{"This article examines the history of the agency.", body, extract.LabelOther, ""},
		{"I teach a seminar on refugee law at a small college.", body, extract.LabelOther, ""},
		{"Reading the minutes again, I went through every annex.", body, extract.LabelOther, ""},
		{"Everyone I know relies on the agency's figures.", body, extract.LabelClaim, ""},
		{"Drawing on archives, this chapter aims to fill that gap.", body, extract.LabelOther, ""},
		{"We thank the reviewers for helpful comments.", body, extract.LabelOther, ""},
		{"does anyone know where to find the annual report?", body, extract.LabelOther, ""},
		{"We use cookies to improve your experience.", body, extract.LabelOther, ""},
		{"Sign in to your account to save this item.", body, extract.LabelOther, ""},
		{"The full report can be read here:", body, extract.LabelOther, ""},
		{"Headings are taken from agency leaflets.", notes, extract.LabelOther, ""},
		{"http://www.example.org/report.pdf", notes, extract.LabelOther, ""},
		{"Two questions are addressed.", body, extract.LabelOther, ""},
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
