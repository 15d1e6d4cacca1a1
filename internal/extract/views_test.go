package extract_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// TestViewAnswered: a long text's paragraph that reports what others hold
// in forms beyond "X say …" (an unnamed many that "told us", "reply" or
// "will find"; a named group that replies) raises a view the writer
// answers: the view contests the thesis, and the writer's answer contests
// the view, also when the answer weighs the view as a view ("That fear
// belongs to another decade.") or denies it early in a longer sentence
// ("The ticket sales do not bear this out: …"), or makes a figure small
// ("That is less than half of one per cent of …"). Written for this test.
func TestViewAnswered(t *testing.T) {
	for _, c := range []struct {
		name, text   string
		thesis       string // prefix of the thesis
		view, answer string // prefixes of the view and of its answer
	}{
		{
			name: "essay, a named group replies",
			text: "A high street without cars\n\nOur high street is choked with traffic from morning to night. Buses crawl, and crossing the road with a pram takes nerve. The council should close the high street to cars for good.\n\n" +
				"Pedestrian streets are safer. With no through traffic, children can walk to the shops alone, and older people no longer have to hurry across between lorries.\n\n" +
				"They are also better for trade. People who walk linger, look in windows and come back, while drivers stop only where they can park.\n\n" +
				"Shopkeepers reply that customers will stop coming if they cannot park at the door. That fear belongs to another decade. Most shoppers in our town already arrive on foot or by bus, and the car park behind the market will stay open.\n\n" +
				"A street is for people before it is for cars. Closing this one would give it back to them.\n",
			thesis: "The council should close",
			view:   "Shopkeepers reply",
			answer: "That fear belongs",
		},
		{
			name: "statement, an unnamed many told us",
			text: "Statement from Brookfield School on the new school day\n\nThe school day at Brookfield will start at 8.40 and end at 3.10 from September. We are confident that the earlier start is right for our pupils.\n\n" +
				"An earlier finish lets clubs run before dark in winter. Last year three clubs closed in November because parents would not let children walk home in the dark.\n\n" +
				"Some parents told us that the earlier start will make mornings harder for working families. We do not think it will. The breakfast club will open at 7.45 at no charge, and most families who replied to our survey said they leave home before eight anyway.\n\n" +
				"We thank everyone who took part in the consultation.\n",
			thesis: "We are confident",
			view:   "Some parents told us",
			answer: "We do not think",
		},
		{
			name: "review, an unnamed many will find",
			text: "Review: Low Tide, the new album by the Harbour Lights\n\nThe Harbour Lights have made their quietest record yet. Low Tide is a wonderful album, and their best.\n\n" +
				"The songs are beautifully written. Every chorus arrives when you want it, and the lyrics, about a fishing town emptying out, are specific without ever being sentimental.\n\n" +
				"Some listeners will find the album too quiet. I disagree that this is a weakness. The hush draws you in, and when the drums finally come in on the last track the effect is enormous.\n\n" +
				"Low Tide rewards patience. Buy it, and play it late at night.\n",
			thesis: "Low Tide is a wonderful",
			view:   "Some listeners will find",
			answer: "I disagree that",
		},
		{
			name: "report, an answer that denies early",
			text: "Late opening at Castlegate Museum: review after six months\n\nSummary\nSince April the museum has opened until nine on Thursday evenings. This review finds that late opening has brought in new visitors and should continue.\n\n" +
				"Findings\nThursday evening visits averaged 310, more than any weekday afternoon. Two in five evening visitors had never been to the museum before.\n\n" +
				"Concerns\nSome staff told us that the evenings draw mainly people who would have come anyway. The ticket sales do not bear this out: most evening tickets were bought by people with no earlier visit on record.\n\n" +
				"Recommendations\nThe museum should keep late opening on Thursdays.\n",
			thesis: "This review finds",
			view:   "Some staff told us",
			answer: "The ticket sales do not",
		},
		{
			name: "statement, a figure estimated and made small",
			text: "Statement from the Friends of Ashby Library on the proposed closure\n\nThe county council plans to close Ashby Library in June and replace it with a mobile van that calls once a week. The Friends of Ashby Library oppose the closure and ask the council to think again.\n\n" +
				"The library is the only place in the village with free internet. Older residents book its computers to renew prescriptions and pay bills, and a van that calls once a week cannot do that.\n\n" +
				"The council estimates that closing the library would save £40,000 a year. That is less than half of one per cent of its library budget.\n\n" +
				"We will present a petition to the council's cabinet on 3 May.\n",
			thesis: "The Friends of Ashby Library oppose",
			view:   "The council estimates",
			answer: "That is less than",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			ids, thesis, rels, _ := unitRelations(t, "view.txt", c.text)
			if !strings.HasPrefix(ids[thesis], c.thesis) {
				t.Fatalf("thesis %q, want %q…", ids[thesis], c.thesis)
			}
			var view string
			viewOK := false
			for _, r := range relsFrom(ids, rels, c.view) {
				view, viewOK = r.from, r.To == thesis && r.Kind == argmap.Contests
			}
			if !viewOK {
				t.Errorf("the view %q… does not contest the thesis", c.view)
			}
			answered := false
			for _, r := range relsFrom(ids, rels, c.answer) {
				answered = r.To == view && r.Kind == argmap.Contests
				if !answered {
					t.Logf("the answer: %v %q", r.Kind, ids[r.To])
				}
			}
			if !answered {
				t.Errorf("the answer %q… does not contest the view", c.answer)
			}
		})
	}
}

// TestThesisParagraph: an essay whose introduction only describes and
// whose thesis stands alone in the paragraph after it has that sentence
// as its main claim, and the introduction's first sentence supports it or
// stays out of the argument as background: it bears on nothing else. The
// long-text sets' gold does both (of the sentences before the thesis in
// its opening paragraph, fourteen sets list 48 as supporting it, 24
// otherwise and leave out 70; heldout-s17 leaves out the description that
// opens each of its eight texts), and since heldout-s17 joined its sets
// (session 18) the relinker leaves this one out. Written for this test.
func TestThesisParagraph(t *testing.T) {
	text := "Closing streets outside schools\n\n" +
		"Every morning the roads outside primary schools fill with cars. Parents stop on the zigzag lines, engines run while children climb out, and the pavement becomes a car park for twenty minutes.\n\n" +
		"Closing the street outside each primary school to traffic at the start and end of the day would make the school run safer and healthier.\n\n" +
		"Fewer cars mean fewer accidents. Most children hurt near schools are struck by vehicles that are parking or turning, and a closed street has none.\n\n" +
		"The air would be cleaner too. Exhaust gathers at the height of a child's face, and idling engines are the worst of it.\n\n" +
		"A closed street costs a council little more than two signs and a barrier. Few changes do so much for so little.\n"
	ids, thesis, rels, _ := unitRelations(t, "streets.txt", text)
	if !strings.HasPrefix(ids[thesis], "Closing the street outside") {
		t.Fatalf("main claim %q, want the paragraph standing alone", ids[thesis])
	}
	for _, r := range relsFrom(ids, rels, "Every morning") {
		if r.To != thesis || r.Kind != argmap.Supports {
			t.Errorf("the introduction's first sentence %s %q, want it to support the thesis or to stay out", r.Kind, ids[r.To])
		}
	}
}

// TestNotAView: a verb that reports a view only with a that-clause
// ("reply", "answer", "tell") does not make a sentence a view of others
// without one: "Many parents tell their children a story …" opens a
// paragraph that argues for the thesis, not a counter-argument. Written
// for this test.
func TestNotAView(t *testing.T) {
	text := "Bedtime stories\n\nChildren's evenings are now full of screens. Parents should read to their children every night.\n\n" +
		"Many parents tell their children a story at bedtime already. Those children start school knowing more words than their classmates, and they learn to read sooner.\n\n" +
		"Reading together is also calming. A story read aloud slows a child down after a busy day, and sleep comes more easily.\n\n" +
		"Ten minutes a night is a small price. Every family can find it.\n"
	ids, thesis, rels, _ := unitRelations(t, "stories.txt", text)
	if !strings.HasPrefix(ids[thesis], "Parents should read") {
		t.Fatalf("main claim %q, want the thesis", ids[thesis])
	}
	for _, r := range relsFrom(ids, rels, "Many parents tell") {
		if r.To != thesis || r.Kind != argmap.Supports {
			t.Errorf("the paragraph's claim: %v %q, want supports the thesis", r.Kind, ids[r.To])
		}
	}
}
