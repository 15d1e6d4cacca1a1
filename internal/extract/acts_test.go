package extract_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// TestActNotThesis: a sentence that only names an act is not a text's
// main claim: a bare act of taking a side on the view before it ("I
// contest that claim.") points at the sentences after it, which carry
// the position and are the thesis, and answers the view, which goes
// against the thesis; a sentence in which the text says what
// it does ("This note explains why …") is background, no claim that
// anything bears on or that bears on anything. Written for this test.
func TestActNotThesis(t *testing.T) {
	for _, c := range []struct {
		name, text string
		thesis     string // prefix of the wanted main claim
		act        string // prefix of the sentence naming an act
		unattached bool   // the act stays out of the argument
		view       string // prefix of the view a bare act contests, which contests the thesis
	}{
		{
			name: "bare act after a view",
			text: "Island ferries\n\nThe ferry company claims that its new timetable serves island residents better than the old one. I contest that claim. Islanders have lost the crossings they depend on.\n\n" +
				"The early crossing has gone. Until March a boat left the island at six, in time for the first shifts at the hospital and the harbour. Now the first one leaves at eight.\n\n" +
				"The evening is no better. The last boat back sails at five, before most shops and offices on the mainland close.\n",
			thesis: "Islanders have lost",
			act:    "I contest that claim.",
			view:   "The ferry company claims",
		},
		{
			name: "a text saying what it does",
			text: "Bar hours at Millfield Cricket Club\n\nThe committee has voted to close the clubhouse bar at ten o'clock on weeknights. This note explains why the committee made this decision and what it means for members.\n\n" +
				"Neighbours have complained about noise late at night for two summers running, and the council has warned that the club's licence could be reviewed.\n\n" +
				"Takings after ten are small. Most members leave by half past nine on weeknights, and the bar staff cost more than the late drinkers spend.\n\n" +
				"Members who want to stay later on match days can still do so: the new hours apply to weeknights only.\n",
			thesis:     "The committee has voted",
			act:        "This note explains",
			unattached: true,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			ids, thesis, rels, _ := unitRelations(t, "act.txt", c.text)
			if !strings.HasPrefix(ids[thesis], c.thesis) {
				t.Errorf("main claim %q, want %q…", ids[thesis], c.thesis)
			}
			if c.view != "" {
				viewOK, actOK := false, false
				for _, r := range relsFrom(ids, rels, c.view) {
					viewOK = viewOK || r.To == thesis && r.Kind == argmap.Contests
				}
				for _, r := range relsFrom(ids, rels, c.act) {
					actOK = actOK || strings.HasPrefix(ids[r.To], c.view) && r.Kind == argmap.Contests
				}
				if !viewOK || !actOK {
					t.Errorf("the view contests the thesis: %v; the act contests the view: %v", viewOK, actOK)
				}
			}
			if !c.unattached {
				return
			}
			for _, r := range rels {
				for _, f := range r.From {
					if strings.HasPrefix(ids[f], c.act) || strings.HasPrefix(ids[r.To], c.act) {
						t.Errorf("%q… in a relation: %v %q -> %q", c.act, r.Kind, ids[f], ids[r.To])
					}
				}
			}
		})
	}
}

// TestLongTitleLine: a document's first line without any closing
// punctuation is its title even when it runs past a heading's usual
// length (a paper's title with its subtitle): it is no claim, and the
// abstract under it is parsed as one. Written for this test.
func TestLongTitleLine(t *testing.T) {
	text := "School gardens and the vegetables children eat at lunch: a comparison of twelve primary schools over two years in one English county\n\n" +
		"Background: School gardens are often said to change what children eat.\n" +
		"Methods: We weighed the vegetables left on 9,400 lunch trays in six schools with a garden and six without, each term for two years.\n" +
		"Results: Children in schools with a garden left 21 per cent less of their vegetables. The difference was largest in the summer term. Fruit waste did not differ.\n" +
		"Conclusions: A school garden goes with children eating more of the vegetables they are served. Schools that have the space should consider one.\n"
	ids, thesis, _, _ := unitRelations(t, "garden.txt", text)
	if !strings.HasPrefix(ids[thesis], "Conclusions: A school garden") {
		t.Errorf("main claim %q, want the conclusion", ids[thesis])
	}
	for _, s := range ids {
		if strings.HasPrefix(s, "School gardens and") || strings.HasPrefix(s, "and the vegetables") {
			t.Errorf("the title is a unit: %q", s)
		}
	}
}

// TestAbstractNullResult: an abstract's result of no difference goes
// against a conclusion that something made a difference, and argues for
// one that it did not. Written for this test.
func TestAbstractNullResult(t *testing.T) {
	for _, c := range []struct {
		name, conclusion string
		kind             argmap.RelationKind
	}{
		{"positive conclusion", "Quiet reading corners raise how much pupils read at home.", argmap.Contests},
		{"negative conclusion", "Quiet reading corners do not change how much pupils read at home.", argmap.Supports},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := "Reading corners in primary classrooms\n\n" +
				"Many schools have set up quiet reading corners, but their effect on reading habits is unknown. " +
				"We compared 640 pupils in 16 classrooms with a reading corner and 16 without over one school year, using reading diaries kept at home. " +
				"Pupils with a reading corner borrowed more books from the class library. " +
				"Minutes of reading at home did not differ between the groups. " +
				c.conclusion + "\n"
			ids, thesis, rels, _ := unitRelations(t, "corners.txt", text)
			if ids[thesis] != c.conclusion {
				t.Fatalf("main claim %q, want the conclusion", ids[thesis])
			}
			found := relsFrom(ids, rels, "Minutes of reading")
			for _, r := range found {
				if r.To != thesis || r.Kind != c.kind {
					t.Errorf("the null result: %v %q, want %v the conclusion", r.Kind, ids[r.To], c.kind)
				}
			}
			if len(found) == 0 {
				t.Errorf("the null result bears on nothing")
			}
		})
	}
}

// TestFindingCaveat: in a report's list of findings, a caveat on a
// finding ("… on its own cannot show that …") goes against that finding,
// not for the report's own finding. Written for this test.
func TestFindingCaveat(t *testing.T) {
	text := "Free swimming for under-16s at Riverside Pool: review after one year\n\n" +
		"Summary\nSince last April children under sixteen have swum free at Riverside Pool on weekend mornings. This review finds that free swimming has brought more children to the pool and should be kept.\n\n" +
		"Findings\nChildren's weekend visits rose from about 300 to 520 a month. Twelve more children joined the swimming club.\n" +
		"Drowning incidents among local children fell from two to none. A single year of such rare events cannot show that free swimming made children safer.\n\n" +
		"Recommendations\nFree weekend swimming for under-16s should continue next year.\n"
	ids, thesis, rels, _ := unitRelations(t, "pool.txt", text)
	if !strings.HasPrefix(ids[thesis], "This review finds") {
		t.Fatalf("main claim %q, want the review's finding", ids[thesis])
	}
	found := relsFrom(ids, rels, "A single year")
	for _, r := range found {
		if !strings.HasPrefix(ids[r.To], "Drowning incidents") || r.Kind != argmap.Contests {
			t.Errorf("the caveat: %v %q, want contests the finding before it", r.Kind, ids[r.To])
		}
	}
	if len(found) == 0 {
		t.Errorf("the caveat bears on nothing")
	}
}

// TestSuperlativeThesis: a review whose verdict ranks the work with a
// superlative ("… the finest album they have made.") has it as its
// thesis at the end of the opening paragraph, as an evaluative word
// would. Written for this test.
func TestSuperlativeThesis(t *testing.T) {
	text := "Review: Low Tide, the new album by the Harbour Lights\n\n" +
		"The Harbour Lights have made their quietest record yet. Low Tide is the finest album they have made.\n\n" +
		"The songs are beautifully written. Every chorus arrives when you want it, and the lyrics, about a fishing town emptying out, are specific without ever being sentimental.\n\n" +
		"The playing is restrained. The drums stay out of the way until the last track, and the effect when they come in is enormous.\n\n" +
		"Buy it, and play it late at night.\n"
	ids, thesis, _, _ := unitRelations(t, "lowtide.txt", text)
	if ids[thesis] != "Low Tide is the finest album they have made." {
		t.Errorf("main claim %q, want the verdict", ids[thesis])
	}
}
