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
	p := extract.New(extract.Options{})
	for _, header := range []string{"Posted by %s:", "Reply from %s:", "%s wrote:", "Posted: 3 May, 10:12   by %s"} {
		t.Run(header, func(t *testing.T) {
			text := "Bike rooms\n\n"
			for _, p := range posts {
				text += fmt.Sprintf(header, p.who) + "\n" + p.body + "\n\n"
			}
			g, err := p.Extract(t.Context(), argmap.Document{Name: "thread.txt", URI: "thread.txt", Data: []byte(text)})
			if err != nil {
				t.Fatal(err)
			}
			id := func(prefix string) string {
				t.Helper()
				for _, c := range g.Claims {
					if strings.HasPrefix(c.Text, prefix) {
						return c.ID
					}
				}
				t.Fatalf("no claim starts with %q", prefix)
				return ""
			}
			thesis, tried, mgmt, agree := id("I think every block"), id("Our building tried"), id("That is a management"), id("Agree with kettle")
			for _, c := range g.Claims {
				if c.Main != (c.ID == thesis) {
					t.Errorf("claim %q main %v", c.Text, c.Main)
				}
			}
			head := map[string]argmap.Relation{}
			for _, r := range g.Relations {
				for _, f := range r.From {
					head[f] = r
				}
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

// TestRejectedView: a view the writer reports and then denies in a few
// words ("Airlines like to say X. They are wrong.", "The developer claims
// X. The evidence does not support this.") is answered: the denial takes
// part however short, it is not the thesis, and in a body paragraph the
// view contests the thesis and the denial contests the view. Written for
// this test.
func TestRejectedView(t *testing.T) {
	p := extract.New(extract.Options{})
	for _, c := range []struct {
		name, text, main string
		rels             [][3]string // from, to (claim text prefixes), kind
	}{
		{"opening", "Night trains\n\nAirlines like to say that night trains belong to the past. They are wrong. A sleeper that leaves at ten and arrives at seven saves a hotel night and a morning flight.\n\n" +
			"The trains are also far cleaner. A passenger on a sleeper train causes a fraction of the emissions of the same trip by plane.\n\n" +
			"Critics point to the high fares. Those fares reflect track charges that governments could lower.\n\nEurope should bring back its night trains.\n",
			"Europe should bring back", nil},
		{"statement", "Statement by the Riverside Residents' Association\n\nThe Residents' Association opposes the plan to build a car park on Elm Meadow.\n\n" +
			"Elm Meadow is the only green space within walking distance for most families in the district. Children play there after school, and older residents walk their dogs there every day.\n\n" +
			"The developer claims that the car park will bring shoppers back to the high street. The evidence does not support this. Towns that built new car parks in the last decade saw no rise in footfall.\n\n" +
			"We call on the council to reject the application.\n",
			"The Residents' Association opposes", [][3]string{
				{"The developer claims", "The Residents' Association opposes", "contests"},
				{"The evidence does not", "The developer claims", "contests"},
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := p.Extract(t.Context(), argmap.Document{Name: c.name + ".txt", URI: c.name + ".txt", Data: []byte(c.text)})
			if err != nil {
				t.Fatal(err)
			}
			id := func(prefix string) string {
				t.Helper()
				for _, cl := range g.Claims {
					if strings.HasPrefix(cl.Text, prefix) {
						return cl.ID
					}
				}
				t.Fatalf("no claim starts with %q", prefix)
				return ""
			}
			for _, cl := range g.Claims {
				if cl.Main != strings.HasPrefix(cl.Text, c.main) {
					t.Errorf("claim %q main %v", cl.Text, cl.Main)
				}
			}
			head := map[string]argmap.Relation{}
			for _, r := range g.Relations {
				for _, f := range r.From {
					head[f] = r
				}
			}
			for _, r := range c.rels {
				from, to := id(r[0]), id(r[1])
				if got, ok := head[from]; !ok || got.To != to || string(got.Kind) != r[2] {
					t.Errorf("%q: %+v (present %v), want %s %q", r[0], got, ok, r[2], r[1])
				}
			}
			if c.name == "opening" {
				id("They are wrong")
			}
		})
	}
}
