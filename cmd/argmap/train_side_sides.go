package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// Where a source a set lists on a side stands in the answers (train-side
// --sides), as the rules, the learned judge and the side model decide its
// candidates: found on that side, on the other side only, judged only on
// the topic, or without a candidate at all.
const (
	sideFound = "found"
	sideOther = "other side"
	sideTopic = "topic only"
	sideNone  = "no candidate"
)

// Why a candidate stays on the topic (topicWhy): a check of the rules
// capped its coverage, it leaves out the question's rarest word (the
// learned judge may not promote it), or the learned judge does not.
const (
	topicCapped = "capped"
	topicRarest = "rarest unmet"
	topicJudged = "judged"
)

// topicWhy says why candidate c of a question stays on the topic, from
// the learned judge's features ("capped", "rarest").
func topicWhy(c extract.Candidate) string {
	switch {
	case c.Features[2] > 0:
		return topicCapped
	case c.Features[12] == 0:
		return topicRarest
	}
	return topicJudged
}

// What puts a candidate on a side (sideOrigin): the rules' own reading (a
// negation's vote, an opposite word), the learned judge promoting a
// candidate below their threshold, or the side model turning a statement
// round.
const (
	originNegation = "rules: negation"
	originOpposite = "rules: opposite"
	originRules    = "rules"
	originJudge    = "judge"
	originSide     = "side model"
)

// sideOrigin says what decided that candidate c stands on side st, from its
// answered stance (the rules and the learned judge) and its side features.
func sideOrigin(c extract.Candidate, answered, st argmap.Stance) string {
	switch {
	case answered != st:
		return originSide
	case c.Rule.Stance != st:
		return originJudge
	case st == argmap.StanceDenial && len(c.Side) > 1 && c.Side[1] > 0:
		return originOpposite
	case st == argmap.StanceDenial && len(c.Side) > 0 && c.Side[0] > 0:
		return originNegation
	}
	return originRules
}

// sideTally counts where listed sources stand and what puts the wrongly
// listed ones on a side: [support, contest].
type sideTally struct {
	listed [2]map[string]int
	wrong  [2]map[string]int
}

// printSides prints, for every source a question lists as supporting or
// contesting that decide does not place there, where it stands (sideOther,
// sideTopic, sideNone) with its best candidate (its coverage, the polarity
// the rules read and the learned judge's probability of it); for every source decide
// places on a side the question does not list it on (nor under "either"),
// what put it there (sideOrigin), whether its asserter is a reported
// speaker and whether it is a passage no claim covers; and then the counts.
func printSides(w io.Writer, qs []judgedQuestion, jw extract.JudgeWeights, sw extract.SideModelWeights) {
	t := sideTally{}
	for i := range 2 {
		t.listed[i], t.wrong[i] = map[string]int{}, map[string]int{}
	}
	names := [2]string{"support", "contest"}
	stances := [2]argmap.Stance{argmap.StanceSame, argmap.StanceDenial}
	for _, jq := range qs {
		decided := make([]argmap.Stance, len(jq.cands))
		was := make([]argmap.Stance, len(jq.cands))
		for k, jc := range jq.cands {
			was[k], _, _ = jw.Decide(jc.c)
			decided[k], _, _ = sw.DecideSide(jc.c.Side, was[k])
		}
		for i, want := range []map[string]bool{jq.support, jq.contest} {
			for _, src := range sortedKeys(want) {
				class, best := sideNone, -1
				for k, jc := range jq.cands {
					if jc.source != src {
						continue
					}
					switch {
					case decided[k] == stances[i]:
						class, best = sideFound, k
					case decided[k] == stances[1-i] && class != sideFound:
						class, best = sideOther, k
					case class == sideNone || (class == sideTopic && jc.c.Rule.Score > jq.cands[best].c.Rule.Score):
						class, best = sideTopic, k
					}
				}
				t.listed[i][class]++
				if class == sideFound {
					continue
				}
				if class == sideTopic {
					why := topicWhy(jq.cands[best].c)
					t.listed[i][sideTopic+": "+why]++
					class += ": " + why
				}
				text := ""
				if best >= 0 {
					c := jq.cands[best].c
					_, p, _ := jw.Decide(c)
					text = fmt.Sprintf("%.2f %s %.2f %s", c.Rule.Score, c.Polarity, p, oneLine(jq.cands[best].text))
				}
				fmt.Fprintf(w, "miss %s %s | %s | %s | %s | %s\n", names[i], class, src, jq.set, jq.q, text)
			}
		}
		for i := range 2 {
			seen := map[string]bool{}
			for k, jc := range jq.cands {
				if decided[k] != stances[i] || (i == 0 && jq.support[jc.source]) || (i == 1 && jq.contest[jc.source]) || jq.either[jc.source] {
					continue
				}
				origin := sideOrigin(jc.c, was[k], decided[k])
				var tags []string
				if jc.c.Rule.Asserter != "" {
					tags = append(tags, "reported")
				}
				if argmap.KindOf(jc.node) == "" {
					tags = append(tags, "passage")
				}
				if !seen[jc.source] {
					seen[jc.source] = true
					t.wrong[i][origin]++
					for _, tag := range tags {
						t.wrong[i][tag]++
					}
				}
				fmt.Fprintf(w, "wrong %s %s%s | %s | %s | %s | %.2f %s\n", names[i], origin, strings.Join(append([]string{""}, tags...), ", "), jc.source, jq.set, jq.q, jc.c.Rule.Score, oneLine(jc.text))
			}
		}
	}
	for i, name := range names {
		fmt.Fprintf(w, "%s listed:", name)
		for _, class := range []string{sideFound, sideOther, sideTopic, sideTopic + ": " + topicCapped, sideTopic + ": " + topicRarest, sideTopic + ": " + topicJudged, sideNone} {
			fmt.Fprintf(w, " %s %d,", class, t.listed[i][class])
		}
		fmt.Fprintf(w, "\n%s wrong sources, by their first wrong candidate:", name)
		for _, class := range []string{originNegation, originOpposite, originRules, originJudge, originSide, "reported", "passage"} {
			fmt.Fprintf(w, " %s %d,", class, t.wrong[i][class])
		}
		fmt.Fprintln(w)
	}
}
