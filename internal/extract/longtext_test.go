package extract_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// The long-text set (testdata/longtext): texts of several paragraphs of
// the kinds argmap reads besides one-paragraph arguments — persuasive
// essays, abstracts, public statements, forum threads — written in our own
// words on topics the essay set does not treat, and labelled in the essay
// set's format (see essay_test.go) by reading, before the paragraph
// decoding was changed against them. Labelling: the central claim is the
// writer's (for a thread: the opening post's) main claim wherever it
// stands; a sentence that motivates it in the opening paragraph supports
// it, pure background (the state of affairs, a method, a heading, a
// poster's name) is not listed; a body paragraph's first claim supports or
// contests the central claim, its other sentences their paragraph's claim;
// a rebuttal contests the view it answers; the closing restatement of the
// thesis is a second central claim (target "-", not a reason for it; first
// labelled as supporting it, relabelled with the essay set when the
// decoding learned restatements); in an abstract the results support the
// conclusion and a limitation contests it; in a thread a reply bears on
// the unit of the earlier post it answers or quotes (quoted text is the
// quoted poster's view, and the gold names the unit where that poster
// wrote it).
//
// open/ was scored before any change and then looked at while the decoding
// was changed (after that it is tuned, an upper bound); heldback/ was
// scored before the change and is scored again only at the end.
// heldout-s7/ (session 7: four essays, two abstracts, two statements, two
// threads, a report) was written and scored before session 7 changed any
// code and is not read while changing it (scored at the start: central
// 0.636, relation F1 0.392; at the end of session 7: 0.636, 0.434).
// heldout-s8/ (session 8: three essays, two abstracts, two statements, two
// threads, a report, on topics none of the other sets treats) was written
// and scored before session 8 changed any code (main 38d4ea1: central
// 0.800, relation F1 0.523) and was not read while changing it; at the
// end of session 8, before its outputs were read: 0.900, 0.568; after
// five commits written from its outputs: 0.900, 0.655 (tuned since).
// heldout-s9/ (session 9: three essays, two abstracts, two statements, two
// threads, a report, on topics none of the other sets treats) was written
// and scored before session 9 changed any code (main 77a24ac: central
// 0.800, relation F1 0.588; trivial topic+rest 0.500, 0.398) and was not
// read while changing it; at the end of session 9, before its outputs
// were read: 0.900, 0.640; after five commits written from its outputs:
// 1.000, 0.791 (tuned since). Its typing thread shares topic and opening
// move with TestThreadAnswers' fixture (see the session 9 note): without
// it, start 0.778 / 0.570, end 0.889 / 0.629. own-s10/ (session 10: two
// threads, two statements, a review, an opinion piece, two abstracts, two
// essays with a rebuttal paragraph, a report; new topics) was written and
// scored before session 10 changed any code (main 4aea359: central 0.636,
// relation F1 0.404; trivial topic+rest 0.545, 0.415) and then read while
// changing it: 0.818, 0.644 after the session's commits (tuned).
// heldout-s10/ (session 10: two essays, two abstracts, two statements,
// two threads, on topics none of the other sets treats) was written by
// the session's examiner, who changed no code and did not run argmap on
// them, before session 10 changed any code, and was not read by the
// engineers: central 0.750, relation F1 0.614 (trivial topic+rest 0.625,
// 0.587) at the start (4aea359), the same at the end (6625e93); tuned
// from now on. heldout-s11/ (session 11: two essays, two abstracts, two
// statements, two threads) was written the same way by session 11's
// examiner and not read by its engineers: central 0.625, relation F1 0.509
// (trivial topic+rest 0.375, 0.307) at the start (1c2f9b1), 0.625, 0.522 at
// the end (4ff2a23); tuned from now on. heldout-s12/ (session 12: two essays, two abstracts, two
// statements, two threads) was written the same way by session 12's
// examiner: central 0.750, relation F1 0.547 (trivial topic+rest 0.375,
// 0.360) at the start (cb8034d) and the same at the end (375ecd1); tuned
// from now on. heldout-s13/
// (session 13: two essays, two abstracts, two statements, two threads)
// was written the same way by session 13's examiner: central 0.625,
// relation F1 0.583 (trivial topic+rest 0.375, 0.437) at the start
// (53c618d) and the same at the end; tuned from now on. heldout-s14/ (session 14: the same kinds) was
// written the same way by session 14's examiner: central 0.500, relation
// F1 0.460 (trivial topic+rest 0.500, 0.352) at the start (8edacc7),
// central 0.750, relation F1 0.503 at the end (578ae33: the thesis scorer
// of abstracts and one-paragraph texts); tuned from now on. Since session
// 15 every set above is among the restater's and the thesis scorer's
// training sets (longSets, thesisSets). heldout-s15/ (session 15: the same
// kinds) was written the same way by session 15's examiner: central 0.875,
// relation F1 0.651 (trivial topic+rest 0.750, 0.467) at the start
// (d5fb887), 0.875, 0.655 at the end (1748a23: the relinker); tuned from
// now on, and since session 16 among the thesis scorer's, the restater's and
// the relinker's training sets. heldout-s16/ (session 16: the same kinds)
// was written the same way by session 16's examiner: central 0.875,
// relation F1 0.706 (trivial topic+rest 0.750, 0.575) at the start
// (d3c59d5), 0.875, 0.737 at the end (70d082d: the retrained relinker and
// the kinder); tuned from now on, and since session 17 among the thesis
// scorer's, the restater's, the relinker's and the kinder's training sets.
// heldout-s17/ (session 17: the same kinds) was written the same way by
// session 17's examiner: central 0.750, relation F1 0.686 (trivial
// topic+rest 0.625, 0.579) at the start (adedcec), 0.750, 0.698 at the end
// (6e3deae: the long-text learners retrained with heldout-s16); tuned from
// now on, and since session 18 among the thesis scorer's, the restater's,
// the relinker's and the kinder's training sets. heldout-s18/ (session 18:
// the same kinds) was written the same way by session 18's examiner:
// central 0.750, relation F1 0.704 (trivial topic+rest 0.750, 0.588) at
// the start (28d4092), 0.750, 0.712 at the end (fb47afc: the long-text
// learners retrained with heldout-s17); tuned from now on, and since
// session 19 among the thesis scorer's, the restater's, the relinker's and
// the kinder's training sets. heldout-s19/ (session 19: the same kinds)
// was written the same way by session 19's examiner: central 0.875,
// relation F1 0.646 (trivial topic+rest 0.625, 0.547) at the start
// (175876a), 0.875, 0.683 at the end (971f8e6: the long-text learners
// retrained with heldout-s18, c1e5b95, 0.671; the relinker's count of the
// units hung on each target, d279ead, one right relation more); tuned from
// now on, and since session 20 among the thesis scorer's, the restater's,
// the relinker's and the kinder's training sets. heldout-s20/ (session 20:
// the same kinds; two of its essays, uniforms and fourday, share their
// topics with testdata/essays, which its examiner did not read) was written
// the same way by session 20's examiner: central 0.750, relation F1 0.395
// (trivial topic+rest 0.750, 0.408) at the start (162aede), 0.750, 0.407 at
// the end (d54f19b: one right relation more from the long-text learners
// retrained with heldout-s19, 5f8a945); tuned from now on. None is a
// measure on text nobody here wrote.

func TestLongTextStructure(t *testing.T) {
	p := extract.New(extract.Options{})
	for _, c := range []struct {
		dir            string
		central, floor float64
	}{
		{"open", longCentralFloor, longRelationFloor},
		{"heldback", heldCentralFloor, heldRelationFloor},
		{"heldout-s7", s7CentralFloor, s7RelationFloor},
		{"heldout-s8", s8CentralFloor, s8RelationFloor},
		{"heldout-s9", s9CentralFloor, s9RelationFloor},
		{"own-s10", s10CentralFloor, s10RelationFloor},
		{"heldout-s10", heldS10CentralFloor, heldS10RelationFloor},
		{"heldout-s11", heldS11CentralFloor, heldS11RelationFloor},
		{"heldout-s12", heldS12CentralFloor, heldS12RelationFloor},
		{"heldout-s13", heldS13CentralFloor, heldS13RelationFloor},
		{"heldout-s14", heldS14CentralFloor, heldS14RelationFloor},
		{"heldout-s15", heldS15CentralFloor, heldS15RelationFloor},
		{"heldout-s16", heldS16CentralFloor, heldS16RelationFloor},
		{"heldout-s17", heldS17CentralFloor, heldS17RelationFloor},
		{"heldout-s18", heldS18CentralFloor, heldS18RelationFloor},
		{"heldout-s19", heldS19CentralFloor, heldS19RelationFloor},
		{"heldout-s20", heldS20CentralFloor, heldS20RelationFloor},
	} {
		t.Run(c.dir, func(t *testing.T) {
			all := scoreSet(t, filepath.Join("testdata", "longtext", c.dir), c.dir, func(f string) essayScore { return scoreEssay(t, p, f) })
			if cc := all.centralRate(); cc < c.central || all.f1() < c.floor {
				t.Errorf("%s: central %.3f (floor %.2f), relation F1 %.3f (floor %.2f)", c.dir, cc, c.central, all.f1(), c.floor)
			}
		})
	}
}

const (
	longCentralFloor     = 0.85
	longRelationFloor    = 0.70
	heldCentralFloor     = 0.7
	heldRelationFloor    = 0.50
	s7CentralFloor       = 0.6
	s7RelationFloor      = 0.40
	s8CentralFloor       = 0.9
	s8RelationFloor      = 0.7
	s9CentralFloor       = 0.9
	s9RelationFloor      = 0.65
	s10CentralFloor      = 0.8
	s10RelationFloor     = 0.55
	heldS10CentralFloor  = 0.75
	heldS10RelationFloor = 0.6
	heldS11CentralFloor  = 0.6
	heldS11RelationFloor = 0.5
	heldS12CentralFloor  = 0.7
	heldS12RelationFloor = 0.5
	heldS13CentralFloor  = 0.6
	heldS13RelationFloor = 0.55
	heldS14CentralFloor  = 0.7
	heldS14RelationFloor = 0.45
	heldS15CentralFloor  = 0.8
	heldS15RelationFloor = 0.6
	heldS16CentralFloor  = 0.8
	heldS16RelationFloor = 0.65
	heldS17CentralFloor  = 0.7
	heldS17RelationFloor = 0.65
	heldS18CentralFloor  = 0.7
	heldS18RelationFloor = 0.65
	heldS19CentralFloor  = 0.8
	heldS19RelationFloor = 0.6
	heldS20CentralFloor  = 0.7
	heldS20RelationFloor = 0.35
)

// TestTrivialBaselines scores the trivial rules the issue compares with on
// the essay set and the long-text set: the thesis is the last sentence of
// the opening paragraph, and the first sentence of every later paragraph
// (its topic sentence) supports it ("topic"); "topic+rest" adds that a
// paragraph's other sentences support its first. A heading (a line without
// a sentence's closing punctuation, or a short line standing alone that
// does not end in a full stop: a title, "Posted by ...:") is not a paragraph
// or sentence.
func TestTrivialBaselines(t *testing.T) {
	for _, dir := range []string{
		filepath.Join("testdata", "essays"),
		filepath.Join("testdata", "longtext", "open"),
		filepath.Join("testdata", "longtext", "heldback"),
		filepath.Join("testdata", "longtext", "heldout-s7"),
		filepath.Join("testdata", "longtext", "heldout-s8"),
		filepath.Join("testdata", "longtext", "heldout-s9"),
		filepath.Join("testdata", "longtext", "own-s10"),
		filepath.Join("testdata", "longtext", "heldout-s10"),
		filepath.Join("testdata", "longtext", "heldout-s11"),
		filepath.Join("testdata", "longtext", "heldout-s12"),
		filepath.Join("testdata", "longtext", "heldout-s13"),
		filepath.Join("testdata", "longtext", "heldout-s14"),
		filepath.Join("testdata", "longtext", "heldout-s15"),
		filepath.Join("testdata", "longtext", "heldout-s16"),
		filepath.Join("testdata", "longtext", "heldout-s17"),
		filepath.Join("testdata", "longtext", "heldout-s18"),
		filepath.Join("testdata", "longtext", "heldout-s19"),
		filepath.Join("testdata", "longtext", "heldout-s20"),
	} {
		for _, rest := range []bool{false, true} {
			label := dir + " topic"
			if rest {
				label += "+rest"
			}
			scoreSet(t, dir, label, func(f string) essayScore { return scoreTrivial(t, f, rest) })
		}
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?]["”']?(\s+|$)`)

// trivialParagraphs splits text into paragraphs of sentence spans.
func trivialParagraphs(text string) [][][2]int {
	var paras [][][2]int
	var cur [][2]int
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		start := off
		off += len(line)
		body := strings.TrimSpace(line)
		if body == "" {
			if cur != nil {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		if !strings.ContainsAny(body[len(body)-1:], ".!?\"”'") || cur == nil && len(strings.Fields(body)) < 8 && !strings.HasSuffix(body, ".") {
			continue // a heading: no closing stop, or a short paragraph of its own not ending in one
		}
		lead := len(line) - len(strings.TrimLeft(line, " \t"))
		s := start + lead
		rest := line[lead:]
		for len(strings.TrimSpace(rest)) > 0 {
			loc := sentenceEnd.FindStringIndex(rest)
			end := len(strings.TrimRight(rest, " \t\n"))
			next := len(rest)
			if loc != nil {
				end = loc[0] + len(strings.TrimRight(rest[loc[0]:loc[1]], " \t\n"))
				next = loc[1]
			}
			cur = append(cur, [2]int{s, s + end})
			s += next
			rest = rest[next:]
		}
	}
	if cur != nil {
		paras = append(paras, cur)
	}
	return paras
}

func scoreTrivial(t *testing.T, file string, rest bool) essayScore {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	gold := readEssayGold(t, strings.TrimSuffix(file, ".txt")+".gold", string(data))
	paras := trivialParagraphs(string(data))
	if len(paras) == 0 {
		return scoreAgainst(gold, nil, nil)
	}
	thesis := paras[0][len(paras[0])-1]
	var rels []predRel
	for _, p := range paras[1:] {
		rels = append(rels, predRel{p[0], thesis, "supports"})
		if rest {
			for _, s := range p[1:] {
				rels = append(rels, predRel{s, p[0], "supports"})
			}
		}
	}
	return scoreAgainst(gold, thesis[:], rels)
}

// TestQuoteNotAClaim: a forum reply's "> …" line that repeats what a poster
// wrote earlier in the thread is no claim of its own (the claim stands
// where it was written), and the reply after it bears on that claim.
func TestQuoteNotAClaim(t *testing.T) {
	text := "Posted by ana:\nNight buses should run every half hour. Shift workers have no other way home. " +
		"Taxis cost more than a night's wages.\n\nReply from ben:\n> Shift workers have no other way home.\n" +
		"Not true. Many of them share lifts with colleagues.\n"
	p := extract.New(extract.Options{})
	g, err := p.Extract(t.Context(), argmap.Document{Name: "thread.txt", URI: "thread.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	quote := strings.LastIndex(text, "Shift workers")
	var source string
	for _, c := range g.Claims {
		for _, sp := range c.Spans {
			if sp.Start >= quote && sp.Start < quote+10 {
				t.Errorf("the quoted line is a claim: %q", c.Text)
			}
		}
		if strings.HasPrefix(c.Text, "Shift workers") {
			source = c.ID
		}
	}
	if source == "" {
		t.Fatal("the quoted poster's claim is missing")
	}
	found := false
	for _, r := range g.Relations {
		if r.To == source && r.Kind == argmap.Contests {
			found = true
		}
	}
	if !found {
		t.Errorf("nothing contests the quoted claim %s: %+v", source, g.Relations)
	}
}
