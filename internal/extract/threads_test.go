package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestThreadReplies: in a forum thread without quotes a reply bears on the
// post it answers, not on the paragraph before it: the opening poster
// answering a reply contests it (and that reply then contests the thesis,
// whatever its words seemed to say), a reply naming a poster bears on that
// poster's latest claim, and a reply is never the thesis. Written for this test;
// the same thread under each header form the structure stage reads.
func TestThreadReplies(t *testing.T) {
	posts := []struct{ who, body string }{
		{"kettle", "I think every block of flats should have a shared bicycle room. Bikes kept on balconies rust, and carrying them up the stairs scratches the walls."},
		{"ivy_m", "Our building tried that and the room was full of abandoned bikes within a year. Nobody wanted to be the one to clear them out."},
		{"kettle", "That is a management problem, not a reason against the room. A yearly tag on each bike would sort it out."},
		{"porter", "Agree with kettle. A dry room also keeps the stairwell free for prams and wheelchairs."},
	}
	for _, header := range []string{"Posted by %s:", "Reply from %s:", "%s wrote:", "Posted: 3 May, 10:12   by %s"} {
		t.Run(header, func(t *testing.T) {
			text := "Bike rooms\n\n"
			for _, p := range posts {
				text += fmt.Sprintf(header, p.who) + "\n" + p.body + "\n\n"
			}
			id, head, mains := claimRelations(t, "thread.txt", text)
			thesis, tried, mgmt, agree := id("I think every block"), id("Our building tried"), id("That is a management"), id("Agree with kettle")
			if len(mains) != 1 || !strings.HasPrefix(mains[0], "I think every block") {
				t.Errorf("main claims %q, want only the thesis", mains)
			}
			for _, c := range []struct {
				from, to string
				kind     argmap.RelationKind
			}{
				{tried, thesis, argmap.Contests},
				{mgmt, tried, argmap.Contests},
				{agree, mgmt, argmap.Supports}, // the named poster's latest post
			} {
				if r, ok := head[c.from]; !ok || r.To != c.to || r.Kind != c.kind {
					t.Errorf("%s: %+v (present %v), want %v on %s", c.from, r, ok, c.kind, c.to)
				}
			}
		})
	}
}

// TestThreadAnswers: the opening post's point is the answer to the view it
// reports ("My daughter says I should …, but I doubt …"); a reply that says
// the opposite in the thesis's words contests it; a post opening "@name"
// before its first claim answers that poster; and a reply that echoes an
// earlier reply's words ("short emails") answers that reply, here on its
// side. Written for this test.
func TestThreadAnswers(t *testing.T) {
	text := "Touch-typing at 45?\n\nPosted by maple_k:\nI'm 45 and still type with two fingers. My daughter says I should learn to touch-type, but I doubt it would make much difference at my age.\n\n" +
		"Reply from quinn:\nIt would make a big difference. I learned at 50 and doubled my speed within three months.\n\n" +
		"Reply from bertram:\nAn hour of typing a day isn't much though. If most of what you write is short emails, the practice may never pay back.\n\n" +
		"Reply from quinn:\n@bertram\nThat practice pays back within a year even for short emails.\n\n" +
		"Reply from ada:\nShort emails are most of what people type at work, so the saving adds up for them as well.\n"
	id, head, mains := claimRelations(t, "typing.txt", text)
	if len(mains) != 1 || !strings.HasPrefix(mains[0], "I doubt it would") {
		t.Errorf("main claims %q, want the opening poster's doubt", mains)
	}
	for _, c := range []struct {
		from, to string
		kind     argmap.RelationKind
	}{
		{"It would make a big", "I doubt it would", argmap.Contests},
		{"That practice pays back", "An hour of typing", argmap.Contests},
		{"Short emails are most", "That practice pays back", argmap.Supports},
	} {
		from, to := id(c.from), id(c.to)
		r, ok := head[from]
		if !ok || r.To != to || r.Kind != c.kind {
			t.Errorf("%q: %+v (present %v), want %v on %q", c.from, r, ok, c.kind, c.to)
		}
	}
}

// TestThreadOpinionThesis: an opening post that states its view as "I'm
// convinced that …" has that sentence as the thesis (a first-person
// conviction is a position, not the writer telling of themself). Written
// for this test.
func TestThreadOpinionThesis(t *testing.T) {
	text := "Repair cafés\n\nPosted by rowan:\nLast month I fixed a lamp at our library's repair evening. I'm convinced that every town needs a repair café. " +
		"Broken toasters and lamps end up in landfill when an hour's work would save them.\n\n" +
		"Reply from tess:\nVolunteers with the right skills are hard to find, though. Ours closed after a year.\n"
	_, _, mains := claimRelations(t, "repair.txt", text)
	if len(mains) != 1 || !strings.HasPrefix(mains[0], "I'm convinced that every town") {
		t.Errorf("main claims %q, want the opening poster's conviction", mains)
	}
}

// TestThreadMentionReply: a reply that opens by addressing a poster
// ("@ana fair enough, but …") is the reply's text, not a handle left on the
// page, and granting the point to turn on it contests the thesis: the
// reply's sentence is one claim (a thread is read a sentence a unit,
// structure.JoinSentences). Written for this test.
func TestThreadMentionReply(t *testing.T) {
	text := "Posted by ana:\nNight buses should run all week. Shift workers need them.\n\n" +
		"Reply from ben:\n@ana fair enough, but my bus still runs late every night.\n\n" +
		"Reply from cleo:\nAgreed with ana. They pay for themselves.\n"
	id, head, _, inside := claimRelationsInside(t, "buses.txt", text)
	if r, ok := head[inside("but my bus")]; !ok || r.To != id("Night buses should") || r.Kind != argmap.Contests {
		t.Errorf("reply: %+v (present %v), want it contesting the thesis", r, ok)
	}
	if granted, point := id("@ana fair enough"), inside("but my bus"); granted != point {
		t.Errorf("the granted point and the point made are two claims (%s, %s), want the reply's sentence as one", granted, point)
	}
}

// TestThreadReaction: a reply that opens with a bare reaction or a short
// denial and names no poster ("Not in our house.", "That isn't true for
// …") reacts to the post right above it, not to the thesis: here it
// contests that reply's point. Written for this test.
func TestThreadReaction(t *testing.T) {
	for _, reaction := range []string{"Not in our house.", "That isn't true for the newer machines."} {
		text := "Bread maker worth it?\n\n" +
			"Posted by jun_b:\nI'm thinking of buying a bread maker. I believe it would pay for itself within a year, since a good loaf costs three pounds here.\n\n" +
			"Reply from crust_c:\nThe flour and the electricity cost more than people think. Most machines end up in a cupboard after a few months anyway.\n\n" +
			"Reply from leaven_lu:\n" + reaction + " We have used ours four times a week for six years.\n"
		id, head, _ := claimRelations(t, "bread.txt", text)
		point, react := id("The flour and the electricity"), id(reaction[:10])
		r, ok := head[react]
		if !ok || r.To != point || r.Kind != argmap.Contests {
			t.Errorf("%q: %+v (present %v), want contests the reply above it (%s)", reaction, r, ok, point)
		}
	}
}

// TestThreadReplyOfEvidence: a reply told only as what happened to its
// poster (sentences the roles stage reads as evidence, or drops as
// personal) still makes a point that the opening poster can answer: the
// opening poster's "@name …" contests that reply, not the thesis, and the
// reply contests the thesis. Written for this test.
func TestThreadReplyOfEvidence(t *testing.T) {
	text := "Four-day school week?\n\n" +
		"Posted by dana_m:\nOur district is offering a four-day week option next year. I think we should sign up. The kids would get a long weekend for family trips.\n\n" +
		"Reply from teacher_tom:\nI taught on a four-day schedule for three years. The long days wear the younger children out, and by Thursday afternoon most of them had stopped learning anything.\n\n" +
		"Reply from dana_m:\n@teacher_tom mine are 12 and 14, so the long days shouldn't be a problem for them.\n"
	g, err := extract.New(extract.Options{}).Extract(t.Context(), argmap.Document{Name: "week.txt", URI: "week.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, c := range g.Claims {
		texts[c.ID] = c.Text
	}
	for _, e := range g.Evidence {
		texts[e.ID] = e.Text
	}
	tom := func(s string) bool {
		return strings.HasPrefix(s, "I taught on") || strings.HasPrefix(s, "The long days wear")
	}
	answered, against := false, false
	var got []string
	for _, r := range g.Relations {
		for _, f := range r.From {
			switch {
			case strings.HasPrefix(texts[f], "@teacher_tom mine"):
				got = append(got, fmt.Sprintf("%s %q", r.Kind, texts[r.To]))
				answered = answered || r.Kind == argmap.Contests && tom(texts[r.To])
			case tom(texts[f]) && strings.HasPrefix(texts[r.To], "I think we should"):
				against = against || r.Kind == argmap.Contests
			}
		}
	}
	if !answered {
		t.Errorf("the opening poster's answer: %q, want contests teacher_tom's reply", got)
	}
	if !against {
		t.Errorf("teacher_tom's reply does not contest the thesis")
	}
}

// TestThreadConcern: a reply whose point names a worry or a problem with
// the opening post's plan ("The upkeep worries me more than the price.",
// "Storage is the real problem.") goes against the plan. Written for this
// test.
func TestThreadConcern(t *testing.T) {
	for _, concern := range []string{"The upkeep worries me more than the price.", "Storage is the real problem."} {
		text := "Canoe or kayak?\n\n" +
			"Posted by fen_w:\nWe live near the river and want a boat for weekends. I think a two-person canoe is the best choice for us. It carries a picnic and the dog.\n\n" +
			"Reply from paddle_p:\n" + concern + " A canoe needs a roof rack and a dry place to keep it all winter.\n"
		id, head, _ := claimRelations(t, "canoe.txt", text)
		thesis := id("I think a two-person canoe")
		if r, ok := head[id(concern[:10])]; !ok || r.To != thesis || r.Kind != argmap.Contests {
			t.Errorf("%q: %+v (present %v), want contests the thesis", concern, r, ok)
		}
	}
}

// TestThreadConcernAgrees: a reply naming a worry about a plan the
// opening post is against ("… and I think it's a mistake") agrees with
// the opening post: it supports the thesis. Written for this test.
func TestThreadConcernAgrees(t *testing.T) {
	for _, concern := range []string{"Parking worries me most.", "Noise is the real problem."} {
		text := "Market moving to the park?\n\n" +
			"Posted by lena_r:\nThe town wants to move the Saturday market from the square to the park next spring, and I think it's a mistake. The square is where people already shop, and the stalls bring trade to the cafés around it.\n\n" +
			"Reply from tom_b:\n" + concern + " The park has twenty spaces and the streets around it are narrow.\n"
		id, head, _ := claimRelations(t, "market.txt", text)
		thesis := id("The town wants to move")
		if r, ok := head[id(concern[:10])]; !ok || r.To != thesis || r.Kind != argmap.Supports {
			t.Errorf("%q: %+v (present %v), want supports the thesis", concern, r, ok)
		}
	}
}

// TestThreadSeesDifferently: a reply that opens "I see it differently."
// takes the other side: the writer's view, not the writer telling of
// themself, and it contests the opening post's thesis. Written for this
// test.
func TestThreadSeesDifferently(t *testing.T) {
	text := "Allotment waiting list by lottery?\n\n" +
		"Posted by gwen_a:\nOur society wants to fill vacant plots by lottery instead of from the waiting list, and I think that's unfair. People who have waited three years would lose their place to someone who joined last week.\n\n" +
		"Reply from ravi_p:\nI see it differently. The list is so long that newcomers never get a plot at all, and a lottery gives everyone the same chance.\n"
	id, head, _ := claimRelations(t, "plots.txt", text)
	thesis := id("Our society wants")
	if r, ok := head[id("I see it differently")]; !ok || r.To != thesis || r.Kind != argmap.Contests {
		t.Errorf("the reply: %+v (present %v), want contests the thesis", r, ok)
	}
}
