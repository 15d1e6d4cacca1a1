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
// ("The ticket sales do not bear this out: …"). Written for this test.
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
	} {
		t.Run(c.name, func(t *testing.T) {
			ids, thesis, rels, _ := unitRelations(t, "view.txt", c.text)
			if !strings.HasPrefix(ids[thesis], c.thesis) {
				t.Fatalf("thesis %q, want %q…", ids[thesis], c.thesis)
			}
			var view string
			viewOK := false
			for _, r := range rels {
				for _, f := range r.From {
					if strings.HasPrefix(ids[f], c.view) {
						view, viewOK = f, r.To == thesis && r.Kind == argmap.Contests
					}
				}
			}
			if !viewOK {
				t.Errorf("the view %q… does not contest the thesis", c.view)
			}
			answered := false
			for _, r := range rels {
				for _, f := range r.From {
					if strings.HasPrefix(ids[f], c.answer) {
						answered = r.To == view && r.Kind == argmap.Contests
						if !answered {
							t.Logf("the answer: %v %q", r.Kind, ids[r.To])
						}
					}
				}
			}
			if !answered {
				t.Errorf("the answer %q… does not contest the view", c.answer)
			}
		})
	}
}
