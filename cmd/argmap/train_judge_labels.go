package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// statingLabels is a labels file (scripts/testdata/stating-spans.json): for
// each question of the tuning sets and each source the question lists as
// supporting or contesting it, the spans of the source's text (as argmap
// stores it) that state the question or deny it, marked by reading the
// document: as text (Spans, for documents of our own) or by place (At, for
// documents that are not ours to copy). A source with neither was read and
// no span found: it says the question only over several sentences, or not
// at all.
type statingLabels struct {
	About  string         `json:"about"`
	Labels []statingLabel `json:"labels"`
}

// statingLabel marks the spans of one source for one question and side
// ("support": spans that state it; "contest": spans that deny it).
type statingLabel struct {
	Set    string   `json:"set"`
	Q      string   `json:"q"`
	Source string   `json:"source"`
	Side   string   `json:"side"`
	Spans  []string `json:"spans"`
	At     []spanAt `json:"at,omitempty"`
}

// spanAt is a span by its place in the source's text: byte offsets and the
// first 12 hex digits of the SHA-256 of the bytes between them, so that a
// text that moved is told from the one labelled.
type spanAt struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	SHA256 string `json:"sha256"`
}

// in returns the range of a in text, or an error when a is out of the text
// or the text there is not the one labelled.
func (a spanAt) in(text string) ([2]int, error) {
	if a.Start < 0 || a.End <= a.Start || a.End > len(text) {
		return [2]int{}, fmt.Errorf("span at %d-%d is out of the text (%d bytes)", a.Start, a.End, len(text))
	}
	sum := sha256.Sum256([]byte(text[a.Start:a.End]))
	if got := hex.EncodeToString(sum[:])[:12]; got != a.SHA256 {
		return [2]int{}, fmt.Errorf("span at %d-%d: the text there has SHA-256 %s…, the label %s…", a.Start, a.End, got, a.SHA256)
	}
	return [2]int{a.Start, a.End}, nil
}

// readLabels reads a labels file; a side other than support or contest is
// an error.
func readLabels(file string) (statingLabels, error) {
	var ls statingLabels
	b, err := os.ReadFile(file)
	if err != nil {
		return ls, argmap.Errorf(argmap.EINVALID, "cannot read %s: %w", file, err)
	}
	if err := json.Unmarshal(b, &ls); err != nil {
		return ls, argmap.Errorf(argmap.EINVALID, "%s: %v", file, err)
	}
	for _, l := range ls.Labels {
		if l.Side != "support" && l.Side != "contest" {
			return ls, argmap.Errorf(argmap.EINVALID, "%s: %q of %s: side %q is neither support nor contest", file, l.Q, l.Source, l.Side)
		}
	}
	return ls, nil
}

// sideIndex is 0 for "support", 1 for "contest" (judgedCandidate.states).
func sideIndex(side string) int {
	if side == "contest" {
		return 1
	}
	return 0
}

// applyLabels marks the candidates of each question of qs that ls labels:
// judgedQuestion.labelled gets every labelled source with the number of
// its spans found in its text, and a candidate of such a source covers a
// span (judgedCandidate.states) when its own span and the labelled one
// overlap by at least half of the shorter of the two (a claim holding a
// clause of the stating sentence, or a passage holding the sentence). A
// label of a source st does not hold is passed over; a span not found in
// the text of a source it holds is an error.
func applyLabels(ctx context.Context, st argmap.Store, qs []judgedQuestion, ls statingLabels, forJudge bool) error {
	type qkey struct{ set, q string }
	byQ := map[qkey][]statingLabel{}
	for _, l := range ls.Labels {
		k := qkey{l.Set, l.Q}
		byQ[k] = append(byQ[k], l)
	}
	ids, err := sourceIDsByKey(ctx, st)
	if err != nil {
		return err
	}
	texts := map[string]string{}
	text := func(key string) (string, error) {
		if t, ok := texts[key]; ok {
			return t, nil
		}
		src, err := st.Source(ctx, ids[key])
		if err != nil {
			return "", err
		}
		texts[key] = src.Text
		return src.Text, nil
	}
	for qi := range qs {
		jq := &qs[qi]
		jq.judgeLabels = forJudge
		for _, l := range byQ[qkey{jq.set, jq.q}] {
			if _, ok := ids[l.Source]; !ok {
				continue // a store of some of the documents
			}
			si := sideIndex(l.Side)
			if jq.labelled[si] == nil {
				jq.labelled[si] = map[string]int{}
			}
			t, err := text(l.Source)
			if err != nil {
				return err
			}
			var ranges [][2]int
			for _, sp := range l.Spans {
				found := false
				for off := 0; ; {
					i := strings.Index(t[off:], sp)
					if i < 0 {
						break
					}
					found = true
					ranges = append(ranges, [2]int{off + i, off + i + len(sp)})
					off += i + len(sp)
				}
				if !found {
					return argmap.Errorf(argmap.EINVALID, "labels: %q of %s: span %q is not in the source's text", l.Q, l.Source, sp)
				}
			}
			for _, at := range l.At {
				r, err := at.in(t)
				if err != nil {
					return argmap.Errorf(argmap.EINVALID, "labels: %q of %s: %v", l.Q, l.Source, err)
				}
				ranges = append(ranges, r)
			}
			jq.labelled[si][l.Source] = len(l.Spans) + len(l.At)
			for ci := range jq.cands {
				jc := &jq.cands[ci]
				if jc.source != l.Source {
					continue
				}
				for _, r := range ranges {
					if covers(jc.span.Start, jc.span.End, r[0], r[1]) {
						jc.states[si] = true
					}
				}
			}
		}
	}
	return nil
}

// covers reports whether [a0, a1) and [b0, b1) overlap by at least half of
// the shorter of the two.
func covers(a0, a1, b0, b1 int) bool {
	ov := min(a1, b1) - max(a0, b0)
	return ov > 0 && 2*ov >= min(a1-a0, b1-b0)
}

// Where a labelled span is lost (train-judge --lost), for each source a
// set lists on a side with spans the labels mark there, by the best of
// its spans: found (a candidate covering it is judged on that side),
// other side (only on the other side), topic (a candidate covers it but is
// judged neither: not promotable, because a check of the rules capped it
// or it does not meet the question's rarest word (mayPromote), or promotable to the
// other side, or left by the judge below its cut; the judge's features
// capped and rarest tell the first two apart) or uncovered (no
// candidate of the question covers it).
var lostOrder = []string{"found", "other side", "topic: left by the judge", "topic: polarity of the other side", "topic: capped by a check of the rules", "topic: the question's rarest word unmet", "uncovered"}

// printLost writes the tally of where the labelled spans of qs are lost,
// each candidate judged by jw, by side, with the sources labelled without
// a span, and how many of those not found a candidate of theirs that
// covers no labelled span puts on the side all the same (the source counts
// as found; its quote is not its statement of the question).
func printLost(w io.Writer, qs []judgedQuestion, judgeOf func(judgedQuestion) extract.JudgeWeights) error {
	var tally [2]map[string]int
	none, other := [2]int{}, [2]int{}
	for _, jq := range qs {
		jw := judgeOf(jq)
		for si, want := range []map[string]bool{jq.support, jq.contest} {
			for src, n := range jq.labelled[si] {
				if !want[src] {
					continue
				}
				if n == 0 {
					none[si]++
					continue
				}
				best := len(lostOrder) - 1
				elsewhere := false
				for _, jc := range jq.cands {
					if jc.source != src {
						continue
					}
					st, _, err := jw.Decide(jc.c)
					if err != nil {
						return err
					}
					if !jc.states[si] {
						elsewhere = elsewhere || (si == 0 && st == argmap.StanceSame) || (si == 1 && st == argmap.StanceDenial)
						continue
					}
					var class int
					switch {
					case (si == 0 && st == argmap.StanceSame) || (si == 1 && st == argmap.StanceDenial):
						class = 0
					case st == argmap.StanceSame || st == argmap.StanceDenial:
						class = 1
					case jc.c.Polarity == argmap.StanceTopic && jc.c.Features[2] == 1:
						class = 4
					case jc.c.Polarity == argmap.StanceTopic || promotable(jw, jc.c) == argmap.StanceTopic:
						class = 5
					case (si == 0) != (jc.c.Polarity == argmap.StanceSame):
						class = 3
					default:
						class = 2
					}
					best = min(best, class)
				}
				if tally[si] == nil {
					tally[si] = map[string]int{}
				}
				tally[si][lostOrder[best]]++
				if best > 0 && elsewhere {
					other[si]++
				}
			}
		}
	}
	for si, side := range []string{"support", "contest"} {
		total := 0
		for _, n := range tally[si] {
			total += n
		}
		fmt.Fprintf(w, "%s: %d listed sources with a labelled span, %d labelled none found\n", side, total, none[si])
		for _, class := range lostOrder {
			fmt.Fprintf(w, "  %-52s %d\n", class, tally[si][class])
		}
		fmt.Fprintf(w, "  not found, but the source put on the side by another of its sentences: %d\n", other[si])
	}
	return nil
}

// promotable is jw.Promotable, StanceTopic on an error.
func promotable(jw extract.JudgeWeights, c extract.Candidate) argmap.Stance {
	st, err := jw.Promotable(c)
	if err != nil {
		return argmap.StanceTopic
	}
	return st
}

// promotedSentences tallies the candidates of qs the learned judge jw
// promotes to a side (the rules leave them on the topic): [covering a span
// labelled on that side, another candidate of a source the question lists
// there, a candidate of a source it does not list there (nor under
// either)]. A source's listing is what the source-level figures count; the
// labels tell whether the sentence quoted for it states the question.
func promotedSentences(qs []judgedQuestion, jw extract.JudgeWeights) [3]int {
	var t [3]int
	for _, jq := range qs {
		for _, jc := range jq.cands {
			st, _, _ := jw.Decide(jc.c)
			if st == jc.c.Rule.Stance || (st != argmap.StanceSame && st != argmap.StanceDenial) {
				continue
			}
			si, want := 0, jq.support
			if st == argmap.StanceDenial {
				si, want = 1, jq.contest
			}
			switch {
			case want[jc.source] && jc.states[si]:
				t[0]++
			case want[jc.source]:
				t[1]++
			case !jq.either[jc.source]:
				t[2]++
			}
		}
	}
	return t
}
