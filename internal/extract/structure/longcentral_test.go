package structure_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
)

// Abstracts written for these tests.
const (
	// the conclusion stands before a closing limitation
	abstractLimitLast = `Quiet carriages on trains are meant to let commuters rest, yet how much quieter they are has hardly been recorded. We placed sound meters in the quiet and the ordinary carriages of forty morning trains over six weeks. Noise in the quiet carriages was on average eight decibels lower. Complaints to the guards were also fewer there. Quiet carriages make the morning journey calmer, and operators should keep one on every train. The meters could not tell voices from engine noise, so part of the gap may come from where the carriages stand in the train.`
	// a limitation split by "so" closes it: without the scorer the
	// decoding roots the tree on the limitation's second half
	abstractSplitLimit = `Reading aloud to toddlers is believed to speed up their speech, although careful measurements are scarce. We recorded the words spoken by 120 toddlers whose parents read to them daily and 120 whose parents did not. By the age of three the first group used about two hundred more words. Girls and boys gained alike. Daily reading aloud goes with a larger vocabulary at three, and health visitors could encourage it. Parents who read daily may differ in other ways, so the data cannot separate the reading from the home it happens in.`
	// the background says what is believed and what is missing in one
	// sentence that turns
	abstractTurningBackground = `Allotment gardening is widely thought to lower stress, though few studies have followed gardeners over a whole season. We asked 150 new allotment holders to rate their stress each month from March to October. Ratings fell steadily through the spring and stayed low over the summer. People who visited their plot at least twice a week reported the largest fall. Taking on an allotment goes with a marked and lasting drop in stress. Because the gardeners chose to take a plot, those who expected to benefit may have been more likely to join.`
)

// TestThesisScorerAbstracts: with the shipped thesis scorer an abstract's
// conclusion is its central claim, not a limitation after it nor a
// background sentence that turns (the third text fails without the
// scorer, WithThesis(nil, false)).
func TestThesisScorerAbstracts(t *testing.T) {
	m := defaultModel(t)
	for _, c := range []struct{ name, text, want string }{
		{"limitation last", abstractLimitLast, "Quiet carriages make"},
		{"turning background", abstractTurningBackground, "Taking on an allotment"},
		{"split limitation last", abstractSplitLimit, "Daily reading aloud"},
	} {
		t.Run(c.name, func(t *testing.T) {
			units := m.Segment(c.text, extract.StructureSentences(c.text))
			want := unitStarting(t, c.text, units)(c.want)
			st := m.Parse(c.text, units, structure.ParseOptions{})
			if len(st.Central) == 0 || st.Central[0] != want {
				var got []string
				for _, k := range st.Central {
					got = append(got, c.text[units[k].Start:units[k].End])
				}
				t.Errorf("central = %q, want the unit opening %q", got, c.want)
			}
		})
	}
}

// A study told in one paragraph whose method sentence does not open as an
// abstract's does ("With cameras at …, a council team measured …"), so it
// is not read as one; written for this test.
const studyParagraph = `Plenty of towns have painted their zebra crossings in bright colours, hoping drivers will slow down, though not everyone is convinced. With cameras at forty crossings, half of them painted, a council team measured the speed of every car for a month. Cars approached the painted crossings two miles an hour more slowly. Fewer drivers failed to stop for people waiting. The effect was smaller at night. Near schools the gap was largest, at almost four miles an hour. Complaints from drivers were few. Pedestrians said in a short survey that they felt safer crossing. Drivers in the trial may have known about it from the local paper, which could have made them more careful. Painting crossings brightly seems to make drivers more careful, and councils might try it where crossings are busy.`

// TestThesisScorerOneParagraph: a text of one paragraph longer than a
// short argument has its central claim chosen by the thesis scorer, as an
// abstract's conclusion is: here its closing finding, where the decoding
// alone (WithThesis(nil, false)) takes the opening background.
func TestThesisScorerOneParagraph(t *testing.T) {
	text := studyParagraph
	for _, c := range []struct {
		name string
		m    *structure.Model
		want string
	}{
		{"scorer", defaultModel(t), "Painting crossings brightly"},
		{"without", defaultModel(t).WithThesis(nil, false), "Plenty of towns"},
	} {
		units := c.m.Segment(text, extract.StructureSentences(text))
		if len(units) <= 10 {
			t.Fatalf("%d units: the text must be longer than a short argument", len(units))
		}
		st := c.m.Parse(text, units, structure.ParseOptions{})
		if want := unitStarting(t, text, units)(c.want); len(st.Central) == 0 || st.Central[0] != want {
			t.Errorf("%s: central = %v, want the unit opening %q (%d)", c.name, st.Central, c.want, want)
		}
	}
}

// thesisTiny are the texts the thesis scorer's golden test trains on,
// each with the opening of its gold central claim.
var thesisTiny = []struct{ text, central string }{
	{abstractLimitLast, "Quiet carriages make"},
	{abstractTurningBackground, "Taking on an allotment"},
	{abstractSplitLimit, "Daily reading aloud"},
	{abstractText, "Green roofs are therefore"},
	{studyParagraph, "Painting crossings brightly"},
	{"Libraries after dark\n\nMany town libraries close at five. They should stay open until nine on weekdays.\n\n" +
		"Students who work in the day have nowhere quiet to read. A library is warm and free.\n\n" +
		"Evening hours need few staff. Volunteers already run the reading groups.\n\n" +
		"Longer hours would cost little and serve many. Councils should open their libraries in the evening.\n",
		"They should stay open"},
	{"Does a school garden pay?\n\nSchools are asked whether a vegetable garden is worth the teachers' time.\n\n" +
		"Pupils who grow vegetables eat more of them. Their science marks rise as well.\n\n" +
		"The work is shared with parents, who give their weekends to it gladly.\n\n" +
		"A school garden repays the time it takes many times over.\n",
		"A school garden repays"},
}

// TestTrainThesisGolden fits the thesis scorer on the tiny texts above and
// compares its weights file with the golden one: the fit is deterministic,
// and a change to the candidates, the features or the fitting shows here
// (go test -run TestTrainThesisGolden -update rewrites it).
func TestTrainThesisGolden(t *testing.T) {
	m := defaultModel(t).WithThesis(nil, false)
	fitted := func() ([]byte, *structure.ThesisData) {
		var d structure.ThesisData
		for _, x := range thesisTiny {
			units := m.Segment(x.text, extract.StructureSentences(x.text))
			want := unitStarting(t, x.text, units)(x.central)
			d.Add(m, x.text, units, structure.ParseOptions{}, func(i int) bool { return i == want })
		}
		b, err := structure.TrainThesis(&d, []string{"thesisTiny (written for argmap)"}, 3).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		return b, &d
	}
	got, d := fitted()
	if n, missed := d.Examples(); n != len(thesisTiny) || missed != 0 {
		t.Errorf("examples %d (%d texts without the gold among the candidates), want %d and 0", n, missed, len(thesisTiny))
	}
	if again, _ := fitted(); !bytes.Equal(got, again) {
		t.Fatalf("TrainThesis gave different weights on the same texts and seed")
	}
	s, err := structure.LoadThesis(got)
	if err != nil {
		t.Fatalf("LoadThesis(the fitted weights): %v", err)
	}
	if info := s.Info(); info.Texts != len(thesisTiny) || info.Examples != len(thesisTiny) || info.Seed != 3 {
		t.Errorf("Info() = %+v, want %d texts and examples, seed 3", info, len(thesisTiny))
	}
	golden := filepath.Join("testdata", "thesis-tiny.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("thesis weights differ from %s (run with -update after a deliberate change)", golden)
	}
}

// TestLoadThesisErrors: malformed weights and another version are refused.
func TestLoadThesisErrors(t *testing.T) {
	for _, data := range []string{`{`, `{"version": 99, "weights": {}}`, `{"version": 1, "weights": {"th.bias": "x"}}`} {
		if _, err := structure.LoadThesis([]byte(data)); err == nil {
			t.Errorf("LoadThesis(%s) = nil error, want one", data)
		} else if !strings.Contains(err.Error(), "thesis weights") {
			t.Errorf("LoadThesis(%s) = %v, want a thesis weights error", data, err)
		}
	}
}
