package structure_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
)

// An abstract written for this test: background, method (active, then
// passive), two results, a limitation, the conclusion.
const abstractText = `Green roofs are said to cool buildings, but few measurements exist for older flats. We fitted sedum roofs to twelve blocks of flats built before 1970 and left twelve similar blocks unchanged. Indoor temperatures were logged every hour through two summers. Top-floor rooms under the green roofs stayed on average two degrees cooler on hot afternoons. The effect vanished on the floors below. The blocks were not chosen at random, so the comparison may not hold for other estates. Green roofs are therefore worth fitting to the top floors of older flats.`

// TestParseAbstract: the conclusion is the central claim, the results
// support it, the limitation attacks it, background and method bear on
// nothing.
func TestParseAbstract(t *testing.T) {
	m := defaultModel(t)
	text := abstractText
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	st := m.Parse(text, units, structure.ParseOptions{})
	claim := unitOf("Green roofs are therefore")
	if len(st.Central) != 1 || st.Central[0] != claim {
		t.Fatalf("central = %v, want unit %d (the conclusion)", st.Central, claim)
	}
	head := headOf(st.Relations)
	results := units[unitOf("Top-floor rooms")].Start
	for i, u := range units {
		if r, ok := head[i]; ok && u.Start < results {
			t.Errorf("background or method %q bears on %d, want nothing", text[u.Start:u.End], r.To)
		}
	}
	if r, ok := head[unitOf("Top-floor rooms")]; !ok || r.Kind != structure.Support || r.To != claim {
		t.Errorf("result: %+v (present %v), want support of the conclusion %d", r, ok, claim)
	}
	if r, ok := head[unitOf("The blocks were not")]; !ok || r.Kind != structure.Attack || r.To != claim {
		t.Errorf("limitation: %+v (present %v), want an attack on the conclusion %d", r, ok, claim)
	}
}

// A structured abstract written for this test: its headings name its
// parts, and its method sentence does not open with "we".
const structuredAbstract = `Background: Many cities paint cycle lanes green. Whether colour alone changes how drivers behave is not known.
Methods: Passing distances of 5,000 cars were filmed on ten streets before and after their lanes were painted.
Results: Drivers left on average 20 centimetres more space after painting. The effect was the same by day and by night.
Conclusions: Painting cycle lanes makes drivers keep their distance, and cities should paint the lanes on busy streets.`

// TestParseStructuredAbstract: the conclusion section holds the central
// claim, the results support it, background and method bear on nothing.
func TestParseStructuredAbstract(t *testing.T) {
	m := defaultModel(t)
	text := structuredAbstract
	units := m.Segment(text, extract.StructureSentences(text))
	var claim, results = -1, -1
	for i, u := range units {
		switch {
		case strings.HasPrefix(text[u.Start:], "Conclusions:"):
			claim = i
		case strings.HasPrefix(text[u.Start:], "Results:"):
			results = i
		}
	}
	if claim < 0 || results < 0 {
		t.Fatal("no conclusions or results unit")
	}
	st := m.Parse(text, units, structure.ParseOptions{})
	if len(st.Central) != 1 || st.Central[0] != claim {
		t.Fatalf("central = %v, want unit %d (the conclusions)", st.Central, claim)
	}
	for _, r := range st.Relations {
		if r.From < results {
			t.Errorf("background or method %q bears on %d", text[units[r.From].Start:units[r.From].End], r.To)
		}
	}
	found := false
	for _, r := range st.Relations {
		found = found || r.From == results && r.To == claim && r.Kind == structure.Support
	}
	if !found {
		t.Errorf("the first result does not support the conclusion: %+v", st.Relations)
	}
}

// TestAbstractConclusionWithNegation: a conclusion with a modal and a
// negation apart from it ("can … no longer …") is no limitation: it is
// still the central claim. Text written for this test.
func TestAbstractConclusionWithNegation(t *testing.T) {
	m := defaultModel(t)
	text := `Old flats overheat in summer, but few measurements exist. We fitted sedum roofs to twelve blocks of flats and left twelve similar blocks unchanged. Indoor temperatures were logged every hour through two summers. Top-floor rooms under the green roofs stayed two degrees cooler on hot afternoons. The effect vanished on the floors below. Green roofs can therefore cool the top floors of flats where insulation no longer helps.`
	units := m.Segment(text, extract.StructureSentences(text))
	claim := -1
	for i, u := range units {
		if strings.HasPrefix(text[u.Start:], "Green roofs can") {
			claim = i
		}
	}
	st := m.Parse(text, units, structure.ParseOptions{})
	if claim < 0 || len(st.Central) != 1 || st.Central[0] != claim {
		t.Fatalf("central = %v, want unit %d (the conclusion)", st.Central, claim)
	}
}

// TestAbstractViewAndLimits: an abstract that opens with the view it tests
// ("It is often assumed that …") has that view contest its conclusion; a
// result that draws a contrast inside ("…, while … did not change") still
// supports it; a limitation that offers another account ("… may have
// joined …") attacks it; and the last sentence, opening "Nevertheless",
// is the conclusion. Written for this test.
func TestAbstractViewAndLimits(t *testing.T) {
	m := defaultModel(t)
	text := "It is often assumed that children eat more vegetables only when their parents do. " +
		"We compared 18 primary schools that started a garden programme with 18 similar schools that did not. " +
		"Vegetable intake was recorded with lunchtime plate waste measurements at the start and end of one school year. " +
		"Children in garden schools left 30 per cent less vegetable waste at the end of the year, while waste in the comparison schools did not change. " +
		"The effect was similar in children whose parents reported eating few vegetables. " +
		"Schools were not randomly assigned, so motivated schools may have joined the programme. " +
		"Nevertheless, school gardens appear to raise children's vegetable intake independently of their parents' habits and deserve wider support."
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	st := m.Parse(text, units, structure.ParseOptions{})
	claim := unitOf("Nevertheless, school gardens")
	if len(st.Central) != 1 || st.Central[0] != claim {
		t.Fatalf("central = %v, want unit %d (the conclusion)", st.Central, claim)
	}
	head := headOf(st.Relations)
	for _, c := range []struct {
		prefix string
		kind   structure.Kind
	}{
		{"It is often assumed", structure.Attack},
		{"Children in garden schools", structure.Support},
		{"Schools were not randomly", structure.Attack},
	} {
		if r, ok := head[unitOf(c.prefix)]; !ok || r.Kind != c.kind || r.To != claim {
			t.Errorf("%q: %+v (present %v), want %v on the conclusion %d", c.prefix, r, ok, c.kind, claim)
		}
	}
}

// TestAbstractPresentMethod: an abstract whose method is told in the
// present ("This paper uses …") is read as one: the view it opens with
// ("… is often promoted as …") contests the conclusion, the results
// ("We find …") support it, and the method bears on nothing. Written for
// this test.
func TestAbstractPresentMethod(t *testing.T) {
	m := defaultModel(t)
	text := "Remote work is often promoted as a way to cut transport emissions. " +
		"This paper uses travel diaries from 8,000 households in three countries to compare the weekly travel of remote and office workers. " +
		"We find that remote workers make fewer commuting trips but travel more for other purposes, such as shopping and leisure. " +
		"Their total weekly distance is only 4 per cent lower than that of office workers. " +
		"These findings suggest that the climate benefits of remote work are much smaller than commonly claimed."
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	st := m.Parse(text, units, structure.ParseOptions{})
	claim := unitOf("These findings suggest")
	if len(st.Central) != 1 || st.Central[0] != claim {
		t.Fatalf("central = %v, want unit %d (the conclusion)", st.Central, claim)
	}
	head := headOf(st.Relations)
	if r, ok := head[unitOf("This paper uses")]; ok {
		t.Errorf("method bears on %d, want nothing", r.To)
	}
	for _, c := range []struct {
		prefix string
		kind   structure.Kind
	}{
		{"Remote work is often promoted", structure.Attack},
		{"We find that", structure.Support},
		{"Their total weekly distance", structure.Support},
	} {
		if r, ok := head[unitOf(c.prefix)]; !ok || r.Kind != c.kind || r.To != claim {
			t.Errorf("%q: %+v (present %v), want %v on the conclusion %d", c.prefix, r, ok, c.kind, claim)
		}
	}
}

// TestAbstractOpenQuestion: a question the writers leave open after their
// conclusion ("Whether … holds for …, remains to be tested.") is a
// limitation, which attacks the conclusion. Written for this test.
func TestAbstractOpenQuestion(t *testing.T) {
	m := defaultModel(t)
	text := "Background: Library fines are often defended as the only way to get books returned on time. " +
		"Methods: We compared loan records from 24 branch libraries for two years before and two years after 12 of them stopped charging fines. " +
		"Results: Books were returned late about as often after fines ended as before. " +
		"Borrowing by children rose by a fifth in the branches without fines. " +
		"Conclusions: Ending fines does not delay returns and brings children back to libraries. " +
		"Whether the same holds for university libraries, where loans are shorter, remains to be tested."
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	st := m.Parse(text, units, structure.ParseOptions{})
	claim := unitOf("Conclusions: Ending fines")
	if len(st.Central) != 1 || st.Central[0] != claim {
		t.Fatalf("central = %v, want unit %d (the conclusion)", st.Central, claim)
	}
	if r, ok := headOf(st.Relations)[unitOf("Whether the same holds")]; !ok || r.Kind != structure.Attack || r.To != claim {
		t.Errorf("the open question: %+v (present %v), want an attack on the conclusion %d", r, ok, claim)
	}
}

// TestAbstractCausalLimitation: a sentence after the results that gives a
// reason the results may mislead ("Because the towns volunteered, their
// councils may differ …": a causal opening and a weak modal) is a
// limitation and attacks the conclusion. Written for this test.
func TestAbstractCausalLimitation(t *testing.T) {
	m := defaultModel(t)
	text := "Car-free school streets are often said to move traffic onto nearby roads. " +
		"We counted vehicles on 40 streets around 10 schools that closed their street to cars at drop-off time and 10 that did not. " +
		"Traffic on the neighbouring roads did not rise after the closures. " +
		"Fewer children were driven to school, and more walked. " +
		"Because the towns joined the scheme of their own accord, their councils may manage traffic differently in other ways. " +
		"Even so, school streets cut car journeys without moving them elsewhere and deserve wider use."
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	st := m.Parse(text, units, structure.ParseOptions{})
	claim := unitOf("Even so, school streets")
	if len(st.Central) != 1 || st.Central[0] != claim {
		t.Fatalf("central = %v, want unit %d (the conclusion)", st.Central, claim)
	}
	head := headOf(st.Relations)
	lim := unitOf("Because the towns joined")
	r, ok := head[lim]
	for ok && r.To != claim && units[r.To].Sent == units[lim].Sent {
		r, ok = head[r.To] // a part of the same sentence bears on its other part
	}
	if !ok || r.Kind != structure.Attack || r.To != claim {
		t.Errorf("the limitation: %+v (present %v), want an attack on the conclusion %d", r, ok, claim)
	}
}

// TestStructuredAbstractParts: a structured abstract laid out a part to a
// paragraph is one argument, as when its parts run on in one paragraph;
// its conclusions open with the conclusion, the central claim, and the
// recommendation after it supports it. Text written for this test.
func TestStructuredAbstractParts(t *testing.T) {
	m := defaultModel(t)
	for _, sep := range []string{"\n\n", "\n"} {
		text := "Background: Night-time dimming of street lights is widely expected to raise fear of crime, but it has rarely been measured." + sep +
			"Methods: We surveyed 900 residents of 30 streets before and one year after their lights were dimmed after midnight, and 900 residents of 30 streets left unchanged." + sep +
			"Results: Residents of dimmed streets reported feeling as safe walking at night as before. Reported burglaries did not change on either kind of street." + sep +
			"Conclusions: Dimming street lights after midnight does not make residents feel less safe. Councils can dim them to save energy without that worry."
		units := m.Segment(text, extract.StructureSentences(text))
		unitOf := unitStarting(t, text, units)
		st := m.Parse(text, units, structure.ParseOptions{})
		claim := unitOf("Conclusions: Dimming")
		if len(st.Central) != 1 || st.Central[0] != claim {
			t.Fatalf("%q: central = %v, want unit %d (the conclusion)", sep, st.Central, claim)
		}
		head := headOf(st.Relations)
		if r, ok := head[unitOf("Results: Residents")]; !ok || r.Kind != structure.Support || r.To != claim {
			t.Errorf("%q: the result: %+v (present %v), want support of the conclusion %d", sep, r, ok, claim)
		}
		if r, ok := head[unitOf("Reported burglaries")]; !ok || r.Kind != structure.Support || r.To != claim {
			t.Errorf("%q: the second result: %+v (present %v), want support of the conclusion %d", sep, r, ok, claim)
		}
		if r, ok := head[unitOf("Councils can dim")]; !ok || r.Kind != structure.Support || r.To != claim {
			t.Errorf("%q: the recommendation: %+v (present %v), want support of the conclusion %d", sep, r, ok, claim)
		}
		for i, u := range units {
			if r, ok := head[i]; ok && u.Start < units[unitOf("Results: Residents")].Start && r.To != claim {
				t.Errorf("%q: background or method %q bears on %d", sep, text[u.Start:u.End], r.To)
			}
		}
	}
}

// TestAbstractResultsListed: results listed one after another (the second
// going on from the first, "Their reading scores …") each support the
// conclusion, not the result before them. Written for this test.
func TestAbstractResultsListed(t *testing.T) {
	m := defaultModel(t)
	text := "Background: Free school breakfasts are widely promoted as a way to raise attainment.\n" +
		"Methods: In a trial in 24 primary schools, 1,100 pupils were offered a free breakfast or none for one school year.\n" +
		"Results: Pupils offered breakfast arrived on time on more school days than controls. Their reading scores rose by 4 points, against 3 among controls, a difference that was not significant. Attendance did not differ between the groups.\n" +
		"Conclusions: Free breakfasts improve punctuality but do not, by themselves, raise attainment."
	units := m.Segment(text, extract.StructureSentences(text))
	unitOf := unitStarting(t, text, units)
	st := m.Parse(text, units, structure.ParseOptions{})
	claim := unitOf("Conclusions: Free breakfasts")
	if len(st.Central) != 1 || st.Central[0] != claim {
		t.Fatalf("central = %v, want unit %d (the conclusion)", st.Central, claim)
	}
	head := headOf(st.Relations)
	for _, prefix := range []string{"Results: Pupils offered", "Their reading scores", "Attendance did not differ"} {
		if r, ok := head[unitOf(prefix)]; !ok || r.Kind != structure.Support || r.To != claim {
			t.Errorf("%q: %+v (present %v), want support of the conclusion %d", prefix, r, ok, claim)
		}
	}
}
