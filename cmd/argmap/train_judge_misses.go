package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// Why a listed source is missed (train-judge --misses), by where the
// question's rarest word (the one the fewest candidates meet, which the
// learned judge requires) is said in the source:
const (
	// a candidate of the source meets it: the rules and the judge saw the
	// sentence and left it below their threshold or cut
	missDecided = "decided"
	// a text of the source meets it, but no candidate is that text: the
	// full-text search did not find the sentence
	missRetrieval = "retrieval"
	// no text of the source meets it in full (the source says it in other
	// words than WordNet ties, says it over several sentences, or does not
	// say it as the question does)
	missUnsaid = "unsaid"
)

// printMisses writes, for every source a question lists on a side that
// neither the rules nor the judge jw places there among its candidates,
// the question's words with their weights (the rarest starred), the
// source's best candidate with the words it meets in full ("-" for those it
// does not), and why it is missed (missDecided, missRetrieval,
// missUnsaid); then, for each side, the count of each reason and of the
// misses with no candidate at all.
func printMisses(ctx context.Context, w io.Writer, st argmap.Store, s *extract.Stancer, qs []judgedQuestion, jw extract.JudgeWeights) error {
	ids, err := sourceIDsByKey(ctx, st)
	if err != nil {
		return err
	}
	texts := map[string][]string{} // source ID -> its claims' and evidence's texts, read once
	var tally [2]map[string]int    // by side and reason
	var noCandidate [2]int
	tally[0], tally[1] = map[string]int{}, map[string]int{}
	// by side: decided misses by the check that capped the source's best
	// candidate meeting the rarest word ("none": the rules or the judge
	// left it uncapped), and the others by how near any of its candidates
	// comes to the rarest word (Stancer.Caps)
	var causes [2]map[string]int
	causes[0], causes[1] = map[string]int{}, map[string]int{}
	for _, jq := range qs {
		placed := [2]map[string]bool{{}, {}}
		for _, jc := range jq.cands {
			switch d, _, _ := jw.Decide(jc.c); d {
			case argmap.StanceSame:
				placed[0][jc.source] = true
			case argmap.StanceDenial:
				placed[1][jc.source] = true
			}
		}
		rarest := slices.IndexFunc(jq.words, func(qw extract.QuestionWord) bool { return qw.Rarest })
		for side, want := range []map[string]bool{jq.support, jq.contest} {
			for _, key := range sortedKeys(want) {
				if placed[side][key] {
					continue
				}
				best, bestMet := -1, -1
				rarestMet := false
				nearest := 0.0
				for i, jc := range jq.cands {
					if jc.source != key {
						continue
					}
					if best < 0 || betterCandidate(jc.c, jq.cands[best].c) {
						best = i
					}
					rarestMet = rarestMet || rarest >= 0 && jc.met != nil && jc.met[rarest]
					if rarest >= 0 && jc.met != nil && jc.met[rarest] && (bestMet < 0 || betterCandidate(jc.c, jq.cands[bestMet].c)) {
						bestMet = i
					}
					nearest = max(nearest, jc.rarest)
				}
				cause := "rarest unsaid"
				switch {
				case bestMet >= 0 && jq.cands[bestMet].capBy != "":
					cause = "capped by " + jq.cands[bestMet].capBy
				case bestMet >= 0:
					cause = "uncapped, left out"
				case nearest >= 0.5:
					cause = "rarest by a near word"
				case nearest > 0:
					cause = "rarest by a broader word or vectors"
				}
				why := missDecided
				if !rarestMet {
					why = missUnsaid
					id := ids[key]
					if _, ok := texts[id]; !ok && id != "" {
						if texts[id], err = sourceTexts(ctx, st, id); err != nil {
							return err
						}
					}
					for _, t := range texts[id] {
						if rarest >= 0 && s.WordsMet(jq.q, t)[jq.words[rarest].Lemma] {
							why = missRetrieval
							break
						}
					}
				}
				tally[side][why]++
				causes[side][cause]++
				fmt.Fprintf(w, "%s %s %s | %s | %s\n", []string{"support", "contest"}[side], why, key, jq.q, wordsLine(jq.words, nil))
				if best < 0 {
					noCandidate[side]++
					fmt.Fprintln(w, "  no candidate")
				} else {
					jc := jq.cands[best]
					fmt.Fprintf(w, "  best %.2f %s | %s\n", jc.c.Features[0], wordsLine(jq.words, jc.met), strings.ReplaceAll(jc.text, "\n", " "))
				}
				fmt.Fprintf(w, "  cause: %s\n", cause)
			}
		}
	}
	for side, name := range []string{"support", "contest"} {
		t := tally[side]
		fmt.Fprintf(w, "%s misses: %d decided, %d retrieval, %d unsaid (%d with no candidate)\n", name,
			t[missDecided], t[missRetrieval], t[missUnsaid], noCandidate[side])
		for _, c := range slices.Sorted(maps.Keys(causes[side])) {
			fmt.Fprintf(w, "%s misses by cause, %s: %d\n", name, c, causes[side][c])
		}
	}
	return nil
}

// wordsLine writes the question's words with their weights, the rarest
// starred; with met, a word met is written as it is and one not met as
// "-word".
func wordsLine(words []extract.QuestionWord, met []bool) string {
	var b strings.Builder
	for i, qw := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if qw.Rarest {
			b.WriteByte('*')
		}
		if met != nil && !met[i] {
			b.WriteByte('-')
		}
		b.WriteString(qw.Lemma)
		if met == nil {
			fmt.Fprintf(&b, ":%.2f", qw.Weight)
		}
	}
	return b.String()
}

// sourceIDsByKey maps the sets' source keys (sourceKey) to source IDs.
func sourceIDsByKey(ctx context.Context, st argmap.Store) (map[string]string, error) {
	out := map[string]string{}
	p := argmap.Page{Limit: argmap.MaxLimit}
	for {
		srcs, err := st.Sources(ctx, argmap.SourceFilter{Page: p})
		if err != nil {
			return nil, err
		}
		for _, src := range srcs {
			out[sourceKey(src.URI)] = src.ID
		}
		if len(srcs) < p.Size() {
			return out, nil
		}
		p.After = srcs[len(srcs)-1].ID
	}
}

// sourceTexts returns the texts of every claim and piece of evidence with
// a span in the source.
func sourceTexts(ctx context.Context, st argmap.Store, id string) ([]string, error) {
	var out []string
	p := argmap.Page{Limit: argmap.MaxLimit}
	for {
		cs, err := st.Claims(ctx, argmap.ClaimFilter{SourceID: id, Page: p})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out = append(out, c.Text)
		}
		if len(cs) < p.Size() {
			break
		}
		p.After = cs[len(cs)-1].ID
	}
	p = argmap.Page{Limit: argmap.MaxLimit}
	for {
		es, err := st.EvidenceList(ctx, argmap.EvidenceFilter{SourceID: id, Page: p})
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			out = append(out, e.Text)
		}
		if len(es) < p.Size() {
			return out, nil
		}
		p.After = es[len(es)-1].ID
	}
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
