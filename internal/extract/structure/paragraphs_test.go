package structure_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
)

// An essay written for this test: an opening paragraph of background and a
// stance, two body paragraphs (the second answering an objection) and a
// closing restatement.
const paragraphEssay = `Many villages lost their post office in the last twenty years. Their buildings now stand empty.
I think village post offices should be kept open with public money.

First of all, older people depend on them. Many of them do not bank online and need cash nearby.

Some argue that the service costs too much. But the sums involved are small compared with the cost of isolation.

In short, a village post office is worth its price.
`

// TestParseParagraphs: a text of several paragraphs is decoded paragraph
// by paragraph: the thesis is the opening paragraph's stance, each later
// paragraph's first unit bears on it, the closing restatement is a second
// central claim, the scene-setting sentences that open the text bear on
// nothing, and the same sentences as one paragraph are
// one argument (a single tree over every unit).
func TestParseParagraphs(t *testing.T) {
	m := defaultModel(t)
	text := paragraphEssay
	sents := extract.StructureSentences(text)
	units := m.Segment(text, sents)
	unitOf := unitStarting(t, text, units)
	// what the roles stage would say: the opening scene is plain description
	for _, p := range []string{"Many villages", "Their buildings"} {
		units[unitOf(p)].Plain = true
	}
	st := m.Parse(text, units, structure.ParseOptions{})
	thesis, restated := unitOf("I think"), unitOf("In short")
	if len(st.Central) != 2 || st.Central[0] != thesis || st.Central[1] != restated {
		t.Fatalf("central = %v, want units %d (the stance) and %d (its restatement)", st.Central, thesis, restated)
	}
	head := map[int]structure.Relation{}
	for _, r := range st.Relations {
		if _, dup := head[r.From]; dup {
			t.Errorf("unit %d has two heads", r.From)
		}
		head[r.From] = r
	}
	for _, p := range []string{"Many villages", "Their buildings"} {
		if r, ok := head[unitOf(p)]; ok {
			t.Errorf("background %q bears on unit %d", p, r.To)
		}
	}
	for _, p := range []string{"First of all", "Some argue"} {
		r, ok := head[unitOf(p)]
		if !ok || r.To != thesis {
			t.Errorf("paragraph claim %q: relation %+v (present %v), want it on the thesis", p, r, ok)
		}
	}
	for p, claim := range map[string]string{"Many of them": "First of all", "But the sums": "Some argue"} {
		if r := head[unitOf(p)]; r.To != unitOf(claim) {
			t.Errorf("%q bears on unit %d, want its paragraph's claim %q", p, r.To, claim)
		}
	}
	if r, ok := head[restated]; ok {
		t.Errorf("the closing restatement bears on %d, want nothing (it is the thesis again, not a reason)", r.To)
	}
	// one paragraph: one argument, every unit but the root attached
	one := make([]structure.Unit, len(units))
	copy(one, units)
	for i := range one {
		one[i].Para = 0
	}
	st1 := m.Parse(text, one, structure.ParseOptions{})
	if len(st1.Central) != 1 || len(st1.Relations) != len(units)-1 {
		t.Errorf("one paragraph: %d central, %d relations for %d units, want one tree", len(st1.Central), len(st1.Relations), len(units))
	}
}

// A report written for this test: descriptive paragraphs around one that
// argues. The roles stage finds no argumentative cue in the description
// (Plain), and such a unit is not taken as the thesis of a long text over a
// paragraph claim that argues, however high the central-claim model scores
// it (a short general statement that opens or closes a paragraph often
// scores high).
const plainReport = `The river authority was founded in 1950. It manages eleven dams and two canals.

The authority is funded project by project. Each dam has its own account. Staff move between the accounts as the work requires.

Farmers and towns share the water of the dams. Each of them pays a fee per cubic metre.

The yearly grants leave the dams without long-term maintenance, and the authority deserves a standing budget. Repairs could then be planned years ahead.

The council has discussed the matter twice. A decision is expected next spring.
`

func TestThesisNotPlain(t *testing.T) {
	m := defaultModel(t)
	text := plainReport
	units := m.Segment(text, extract.StructureSentences(text))
	thesis := -1
	for i, u := range units {
		s := text[u.Start:u.End]
		switch {
		case strings.HasPrefix(s, "The yearly grants"):
			thesis = i
		case strings.HasPrefix(s, "and the authority"), strings.HasPrefix(s, "Repairs"):
		default:
			units[i].Plain = true // what the roles stage says of description
		}
	}
	if thesis < 0 {
		t.Fatalf("no unit starts with %q", "The yearly grants")
	}
	// parsed as a long text (more units than one argument holds)
	st := m.Parse(text, units, structure.ParseOptions{OneArgument: 4})
	if len(st.Central) == 0 || st.Central[0] != thesis {
		var got []string
		for _, c := range st.Central {
			got = append(got, text[units[c].Start:units[c].End])
		}
		t.Errorf("central = %q, want %q", got, text[units[thesis].Start:units[thesis].End])
	}
}

// An essay written for this test whose third paragraph reports a view in
// an impersonal passive and answers it in a sentence of its own, with no
// contrast connective.
const reportedEssay = `Many towns have closed their public baths in recent years. Swimming lessons now take place far away.
I believe every town should keep a public swimming pool.

First, children who learn to swim early are safer near water. Drowning is still a common cause of death among children.

Finally, it is often argued that pools cost towns too much money. This objection forgets the cost of the illnesses that regular exercise prevents.

In short, a town pool pays for itself.
`

// TestReportedViewAnswered: the reported view contests the thesis and the
// sentence that answers it contests the view.
func TestReportedViewAnswered(t *testing.T) {
	m := defaultModel(t)
	text := reportedEssay
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	for _, p := range []string{"Many towns", "Swimming lessons"} {
		units[unitOf(p)].Plain = true
	}
	st := m.Parse(text, units, structure.ParseOptions{})
	thesis, view, answer := unitOf("I believe"), unitOf("Finally, it is often argued"), unitOf("This objection")
	if len(st.Central) == 0 || st.Central[0] != thesis {
		t.Fatalf("central = %v, want unit %d (the stance)", st.Central, thesis)
	}
	head := headOf(st.Relations)
	if r, ok := head[view]; !ok || r.To != thesis || r.Kind != structure.Attack {
		t.Errorf("reported view: relation %+v (present %v), want an attack on the thesis %d", r, ok, thesis)
	}
	if r, ok := head[answer]; !ok || r.To != view || r.Kind != structure.Attack {
		t.Errorf("answer: relation %+v (present %v), want an attack on the view %d", r, ok, view)
	}
}

// An essay written for this test whose third paragraph opens with what a
// group of people say, in a sentence reporting it, and answers it in the
// sentences after it; its opening paragraph asks rather than states, so
// the thesis stands in the last paragraph.
const counterEssay = `Night trains between capitals were cut back in the last decades. Travellers now wonder whether they will ever return.

Night trains use a fraction of the fuel of a short flight. A sleeper carriage also saves the traveller a night in a hotel.

Airline managers often say that nobody wants to spend ten hours on a train. Yet the new sleeper services sold out within weeks. Many passengers, moreover, prefer arriving rested to arriving early.

Governments should therefore fund a network of night trains between the main cities.
`

// TestCounterParagraph: a body paragraph that raises a view to answer it
// contests the thesis with that view, and its other sentences contest the
// view; an opening paragraph that only asks does not hold the thesis.
func TestCounterParagraph(t *testing.T) {
	m := defaultModel(t)
	text := counterEssay
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	for _, p := range []string{"Night trains between", "Travellers now"} {
		units[unitOf(p)].Plain = true
	}
	st := m.Parse(text, units, structure.ParseOptions{})
	thesis, view := unitOf("Governments should"), unitOf("Airline managers")
	if len(st.Central) != 1 || st.Central[0] != thesis {
		t.Fatalf("central = %v, want unit %d (the closing stance)", st.Central, thesis)
	}
	head := headOf(st.Relations)
	if r, ok := head[view]; !ok || r.To != thesis || r.Kind != structure.Attack {
		t.Errorf("reported view: relation %+v (present %v), want an attack on the thesis %d", r, ok, thesis)
	}
	// the answer turns against the view; what follows it attacks the view
	// too or backs the answer
	answer := unitOf("Yet the new")
	if r, ok := head[answer]; !ok || r.To != view || r.Kind != structure.Attack {
		t.Errorf("answer: relation %+v (present %v), want an attack on the view %d", r, ok, view)
	}
	if r, ok := head[unitOf("Many passengers")]; !ok || !(r.To == view && r.Kind == structure.Attack || r.To == answer && r.Kind == structure.Support) {
		t.Errorf("second answer: relation %+v (present %v), want an attack on the view %d or support of the answer %d", r, ok, view, answer)
	}
	if r, ok := head[unitOf("Night trains use")]; !ok || r.To != thesis || r.Kind != structure.Support {
		t.Errorf("topic sentence: relation %+v (present %v), want support of the thesis %d", r, ok, thesis)
	}
}

// A press statement written for this test: the opening paragraph is the
// news, a decision, which the roles stage labels evidence (a Leaf), and
// the paragraphs after it give the reasons.
const ledeStatement = `The harbour board has decided to ban cruise ships longer than 250 metres from the old port from next April.

Large ships block the view of the old town for most of the day. Their engines also foul the air of the streets along the quay.

Smaller ships will still be welcome at the old port. The board believes the ban will protect both the town and its visitors.
`

// TestLedeDecision: a short text's opening unit that takes a decision is
// its thesis even when the roles stage calls it evidence. (The closing
// sentence may be taken as the thesis said again, a second central claim:
// the restater fitted on the long-text sets reads it so.)
func TestLedeDecision(t *testing.T) {
	m := defaultModel(t)
	text := ledeStatement
	units := m.Segment(text, extract.StructureSentences(text))
	units[0].Leaf, units[0].Plain = true, true // what the roles stage says of a reported event
	st := m.Parse(text, units, structure.ParseOptions{})
	if len(st.Central) == 0 || len(st.Central) > 2 || st.Central[0] != 0 || len(st.Central) == 2 && st.Central[1] != len(units)-1 {
		t.Fatalf("central = %v, want the decision (unit 0), and at most the closing sentence again", st.Central)
	}
	if !units[0].Leaf {
		t.Errorf("Parse changed the caller's units")
	}
}

// An essay written for this test whose body paragraphs give their claim
// two or three reasons one after another, and whose opening stance is
// restated by a closing sentence that opens by concluding.
const flatEssay = `Cities grow hotter every summer. White paint on the roofs of public buildings is a good answer to the heat.

White roofs keep buildings cool. A dark roof soaks up the sun all day, so the rooms under it heat up. Several cities have measured indoor temperatures four degrees lower under white roofs.

Paint is also cheap. A school roof can be painted in a day by two workers, so the labour costs little. Several councils have found the paint lasts ten years.

In conclusion, white roofs cool our cities cheaply, so every town hall should paint its roofs white.
`

// TestFlatBodyAndRestatement: each reason of a body paragraph bears on
// the paragraph's claim rather than on the reason before it, the thesis is
// the opening stance, and the concluding restatement is a second central
// claim.
func TestFlatBodyAndRestatement(t *testing.T) {
	m := defaultModel(t)
	text := flatEssay
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	units[unitOf("Cities grow")].Plain = true
	st := m.Parse(text, units, structure.ParseOptions{})
	thesis, restated := unitOf("White paint"), unitOf("In conclusion")
	if len(st.Central) != 2 || st.Central[0] != thesis || st.Central[1] != restated {
		t.Fatalf("central = %v, want %d (the opening stance) and %d (its restatement)", st.Central, thesis, restated)
	}
	head := headOf(st.Relations)
	for claim, reasons := range map[string][]string{
		"White roofs keep": {"A dark roof", "Several cities"},
		"Paint is also":    {"A school roof", "Several councils"},
	} {
		c := unitOf(claim)
		if r := head[c]; r.To != thesis || r.Kind != structure.Support {
			t.Errorf("%q: %+v, want support of the thesis %d", claim, r, thesis)
		}
		for _, p := range reasons {
			if r, ok := head[unitOf(p)]; !ok || r.To != c {
				t.Errorf("%q: %+v (present %v), want it on its paragraph's claim %d", p, r, ok, c)
			}
		}
	}
}

// TestCounterParagraphForms: the forms a counter-argument paragraph takes
// besides "Some argue …, but …": an opener before the report, and an
// answer that says the view is wrong without a contrast connective. Each
// text is written for this test.
func TestCounterParagraphForms(t *testing.T) {
	for _, c := range []struct{ name, text, view, answer string }{
		{"opener and dispute word", `Village schools are closing across the region. Small schools deserve public money.

Pupils in small classes get more of the teacher's time. Older pupils help the younger ones.

On the other hand, inspectors claim that small schools cost too much per pupil. Studies of rural areas found the opposite once the cost of bus transport was counted.

Small schools should stay open.
`, "On the other hand, inspectors", "Studies of rural"},
		{"dispute verb", `Many people now read the news on their phones. Local newspapers are worth saving.

Local papers report on council meetings that nobody else attends. Without them, decisions are taken unseen.

Publishers often say that readers no longer want local news. That view ignores the rising number of readers of local news websites.

Towns should support their local paper.
`, "Publishers often say", "That view ignores"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := defaultModel(t)
			text := c.text
			units := m.Segment(text, extract.StructureSentences(text))
			unitOf := func(prefix string) int {
				t.Helper()
				for i, u := range units {
					if strings.HasPrefix(text[u.Start:u.End], prefix) {
						return i
					}
				}
				t.Fatalf("no unit starts with %q", prefix)
				return -1
			}
			st := m.Parse(text, units, structure.ParseOptions{})
			view, answer := unitOf(c.view), unitOf(c.answer)
			head := map[int]structure.Relation{}
			for _, r := range st.Relations {
				head[r.From] = r
			}
			if len(st.Central) == 0 {
				t.Fatal("no central claim")
			}
			if r, ok := head[view]; !ok || r.To != st.Central[0] || r.Kind != structure.Attack {
				t.Errorf("view: %+v (present %v), want an attack on the thesis %d", r, ok, st.Central[0])
			}
			if r, ok := head[answer]; !ok || r.To != view || r.Kind != structure.Attack {
				t.Errorf("answer: %+v (present %v), want an attack on the view %d", r, ok, view)
			}
		})
	}
}

// A thread written for this test whose last post turns against the
// opening one: it is no restatement of the thesis.
const turningThread = `Posted by ines:
Every school should teach cooking. Children who can cook eat better as adults.

Reply from tom:
My school had cooking lessons and I still use what I learnt there.

Reply from greta:
Cooking lessons sound good, but schools must first find the time and the kitchens.
`

// TestNoRestatementThatTurns: a closing claim with a contrast is not a
// restatement of the thesis (a second central claim).
func TestNoRestatementThatTurns(t *testing.T) {
	m := defaultModel(t)
	text := turningThread
	// the extraction leaves the posters' header lines out
	var sents []structure.Sentence
	for _, s := range extract.StructureSentences(text) {
		if !strings.HasSuffix(text[s.Start:s.End], ":") {
			sents = append(sents, s)
		}
	}
	units := m.Segment(text, sents)
	st := m.Parse(text, units, structure.ParseOptions{})
	if len(st.Central) != 1 {
		var got []string
		for _, c := range st.Central {
			got = append(got, text[units[c].Start:units[c].End])
		}
		t.Errorf("central = %q, want only the opening post's claim", got)
	}
}

// An essay written for this test whose counter-argument takes a paragraph
// of its own (the view and its reasons) and is answered in the next one.
const rebuttalEssay = `Meat appears on most dinner plates in Europe every day. I believe that people in rich countries should eat far less of it.

Firstly, livestock farming harms the climate. Cattle release large amounts of methane, and forests are cleared to grow their feed.

Some people argue that meat is necessary for a healthy diet. They point out that it is rich in protein and iron.

However, this argument does not hold. Beans, lentils and nuts provide the same nutrients.

In conclusion, eating less meat is good for the planet and does no harm to our health.
`

// TestRebuttalParagraph: the opponent's further reason supports the view,
// and the paragraph that answers the view attacks it rather than the
// thesis.
func TestRebuttalParagraph(t *testing.T) {
	m := defaultModel(t)
	text := rebuttalEssay
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	units[unitOf("Meat appears")].Plain = true
	st := m.Parse(text, units, structure.ParseOptions{})
	view := unitOf("Some people argue")
	head := headOf(st.Relations)
	if r, ok := head[unitOf("They point out")]; !ok || r.To != view || r.Kind != structure.Support {
		t.Errorf("the view's own reason: %+v (present %v), want support of the view %d", r, ok, view)
	}
	if r, ok := head[unitOf("However, this argument")]; !ok || r.To != view || r.Kind != structure.Attack {
		t.Errorf("the answering paragraph: %+v (present %v), want an attack on the view %d", r, ok, view)
	}
}

// TestConcessionElaborated: in a paragraph that grants a point, the
// sentence that spells the point out before the writer answers supports
// it; the answer attacks it. Text written for this test.
func TestConcessionElaborated(t *testing.T) {
	m := defaultModel(t)
	text := `In many countries students leave university with large debts. In my view, higher education should be free for every student who wins a place.

A degree benefits society as a whole. Graduates pay more tax over their lives.

Admittedly, free tuition costs the state a great deal of money. Taxpayers who never studied would pay for those who did. Nevertheless, the returns in tax revenue more than repay the investment.

For these reasons, tuition fees should be abolished.
`
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	units[unitOf("In many countries")].Plain = true
	st := m.Parse(text, units, structure.ParseOptions{})
	granted := unitOf("Admittedly")
	head := headOf(st.Relations)
	if r, ok := head[unitOf("Taxpayers")]; !ok || r.To != granted || r.Kind != structure.Support {
		t.Errorf("elaboration: %+v (present %v), want support of the granted point %d", r, ok, granted)
	}
	if r, ok := head[unitOf("Nevertheless")]; !ok || r.To != granted || r.Kind != structure.Attack {
		t.Errorf("answer: %+v (present %v), want an attack on the granted point %d", r, ok, granted)
	}
}

// A letter written for this test: its thesis judges with a noun ("is a
// mistake"), and its last paragraph recommends a step in other words than
// the thesis's: a reason, not a restatement.
const letterText = `The plan to close the ferry from Northport is a mistake. The ferry carries two hundred commuters a day, and the bridge road is already jammed every morning.

The council says the ferry loses money. It does, but so does every bus route in the county.

Before it decides, the council should count what the extra traffic will cost.
`

// TestVerdictThesis: the opening verdict is the thesis, and the closing
// recommendation supports it. (Since the restater was fitted with
// heldout-s19, session 20, it reads that recommendation as saying the
// thesis again, a second central claim: a judgement of the learned
// restater on a sentence at its cut, which the test lets stand; without
// the restater the recommendation supports the verdict.)
func TestVerdictThesis(t *testing.T) {
	m := defaultModel(t)
	text := letterText
	units := m.Segment(text, extract.StructureSentences(text))
	last := len(units) - 1
	if st := m.WithRestater(nil).Parse(text, units, structure.ParseOptions{}); len(st.Central) != 1 || st.Central[0] != 0 {
		t.Fatalf("without the restater central = %v, want only the opening verdict (unit 0)", st.Central)
	}
	st := m.Parse(text, units, structure.ParseOptions{})
	if len(st.Central) == 0 || st.Central[0] != 0 || len(st.Central) > 2 || len(st.Central) == 2 && st.Central[1] != last {
		t.Fatalf("central = %v, want the opening verdict (unit 0), restated at most by the recommendation", st.Central)
	}
	for _, r := range st.Relations {
		if r.From == last && (r.To != 0 || r.Kind != structure.Support) {
			t.Errorf("the closing recommendation: %+v, want support of the thesis", r)
		}
	}
}

// TestConditionSentenceOnClaim: a body-paragraph sentence opened by a
// condition of its own ("When X, Y") bears on the paragraph's claim, not
// on the sentence before it, once relinked (the relinker decides it: the
// hand rule that hung such sentences on the claim is gone). Text written
// for this test.
func TestConditionSentenceOnClaim(t *testing.T) {
	m := defaultModel(t)
	text := `Schools near busy roads should get better windows. Too many classrooms face constant traffic.

The most obvious cost is to concentration. A child who hears a lorry pass needs several minutes to return to the task in hand. When windows were double glazed, pupils in trial schools completed more work in class.

Better windows are therefore a cheap way to raise results.
`
	units, st := relinked(m, text, m.Segment(text, extract.StructureSentences(text)))
	unitOf := unitStarting(t, text, units)
	claim, when := unitOf("The most obvious"), unitOf("When windows")
	for _, r := range st.Relations {
		if r.From == when && r.To != claim && units[r.To].Sent != units[when].Sent {
			t.Errorf("%q bears on %q, want the paragraph's claim %q", text[units[when].Start:units[when].End], text[units[r.To].Start:units[r.To].End], text[units[claim].Start:units[claim].End])
		}
	}
}

// relinked decodes units of text with m as extraction does a text read a
// sentence a unit: parsed, its sentences joined, relinked.
func relinked(m *structure.Model, text string, units []structure.Unit) ([]structure.Unit, structure.Structure) {
	st := m.Parse(text, units, structure.ParseOptions{})
	if !st.Whole {
		return units, st
	}
	units, st = structure.JoinSentences(text, units, st)
	return units, m.Relink(text, units, st)
}

// unitStarting returns a function that gives the index of the unit of
// text that starts with a prefix, failing the test when none does.
func unitStarting(t *testing.T, text string, units []structure.Unit) func(prefix string) int {
	return func(prefix string) int {
		t.Helper()
		for i, u := range units {
			if strings.HasPrefix(text[u.Start:u.End], prefix) {
				return i
			}
		}
		t.Fatalf("no unit starts with %q", prefix)
		return -1
	}
}

// headOf returns the relations by the unit they go from.
func headOf(rels []structure.Relation) map[int]structure.Relation {
	head := map[int]structure.Relation{}
	for _, r := range rels {
		head[r.From] = r
	}
	return head
}
