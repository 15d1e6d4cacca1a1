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

// Where a listed source's statement of a question is lost (train-judge
// --reach), by the first stage of the answer, walked backwards from the
// answer to the text, at which some text of the source is judged on the
// side the set lists it on. Each text is judged as the answer judges its
// candidates: put among the question's candidates, with its source.
const (
	// a candidate of the source is judged on the side, but the answer does
	// not list the source there: the walk over relations, the grouping of
	// propositions or the own-voice rule drops it
	reachWalk = "walk"
	// a claim or evidence of the source that the search did not return is
	// judged on the side: the search, its limits or its caps miss it
	reachSearch = "search"
	// a sentence of the source as written is judged on the side, but the
	// claims and evidence stored at its place are not: they hold a part of
	// it, or read it otherwise
	reachNodeText = "node text"
	// a sentence of the source that no claim or evidence covers is judged
	// on the side: the extraction left it out (announcements, headings,
	// table rows, lead-ins ...)
	reachDropped = "dropped"
	// no sentence of the source is judged on the side, though one meets
	// the question's rarest word: the matching leaves it
	reachDecided = "decided"
	// no sentence of the source meets the question's rarest word in full
	// (it says so in other words, over several sentences, or not at all)
	reachUnsaid = "unsaid"
)

// reachOrder lists the classes from the text to the answer.
var reachOrder = []string{reachUnsaid, reachDecided, reachDropped, reachNodeText, reachSearch, reachWalk}

// printReach writes, for every source a question of files lists on a side
// that the answer over q (FindSupporters with the stancer s, the shipped
// judge, at the default depth; q is st as answers search it) does not list
// there, why (one of the reach
// classes above) with the text that tells it; then the tallies by side and
// class, and of the sources the answers list, by side, by whether they
// state or deny the question themselves or are reached through relations
// (chainN), and whether the set lists them there (right), lets them stand
// on either side (either) or does not (wrong).
func printReach(ctx context.Context, w io.Writer, st argmap.Store, q argmap.Questioner, s *extract.Stancer, files []string) error {
	ids, err := sourceIDsByKey(ctx, st)
	if err != nil {
		return err
	}
	r := reacher{ctx: ctx, st: st, s: s, nodes: map[string][]reachNode{}, texts: map[string]string{}}
	tally := map[string]int{}
	sideNames := [2]string{"support", "contest"}
	for _, f := range files {
		qf, err := readQuestionFile(f)
		if err != nil {
			return err
		}
		for _, x := range qf.Questions {
			ans, err := argmap.FindSupporters(ctx, q, s, x.Q, 0)
			if err != nil {
				return err
			}
			gold := [2]map[string]bool{setOf(x.Support), setOf(x.Contest)}
			either := setOf(x.Either)
			listed := [2]map[string]bool{{}, {}}
			for side, bs := range [][]argmap.Backing{ans.Supporting, ans.Contesting} {
				for _, b := range bs {
					k := sourceKey(b.Source.URI)
					listed[side][k] = true
					how := "direct"
					if len(b.Path) > 0 {
						how = fmt.Sprintf("chain%d", len(b.Path))
					}
					right := "wrong"
					if gold[side][k] {
						right = "right"
					} else if either[k] {
						right = "either"
					}
					tally[fmt.Sprintf("listed %s %s %s", sideNames[side], how, right)]++
				}
			}
			cs, err := argmap.AnswerCandidates(ctx, q, x.Q)
			if err != nil {
				return err
			}
			cs.KeepAnswering(s, x.Q)
			r.question(x.Q, cs)
			for side := range 2 {
				for _, key := range sortedKeys(gold[side]) {
					if listed[side][key] {
						continue
					}
					class, why, err := r.lost(key, ids[key], side)
					if err != nil {
						return err
					}
					tally[sideNames[side]+" "+class]++
					fmt.Fprintf(w, "%s %s %s | %s\n", sideNames[side], class, key, x.Q)
					if why != "" {
						fmt.Fprintf(w, "  %s\n", why)
					}
				}
			}
		}
	}
	for _, side := range sideNames {
		var b strings.Builder
		for _, c := range reachOrder {
			fmt.Fprintf(&b, ", %d %s", tally[side+" "+c], c)
		}
		fmt.Fprintf(w, "%s misses by reach:%s\n", side, strings.TrimPrefix(b.String(), ","))
	}
	for _, k := range slices.Sorted(maps.Keys(tally)) {
		if strings.HasPrefix(k, "listed ") {
			fmt.Fprintf(w, "%s: %d\n", k, tally[k])
		}
	}
	return nil
}

// reacher judges the texts of a question's listed sources as its answer
// would, reading each source's nodes and text once.
type reacher struct {
	ctx   context.Context
	st    argmap.Store
	s     *extract.Stancer
	nodes map[string][]reachNode // source ID -> its claims and evidence
	texts map[string]string      // source ID -> its text

	// the question and its candidates, as the answer judges them
	q      string
	cs     *argmap.Candidates
	judged []argmap.Judgement
	srcs   []string
	rarest string
}

// reachNode is a claim or evidence of a source as a candidate reads it.
type reachNode struct {
	id, kind, text, gist string
	spans                []argmap.Span
}

// question sets the question whose candidates cs the following lost
// calls judge against.
func (r *reacher) question(q string, cs *argmap.Candidates) {
	r.q, r.cs = q, cs
	r.judged = cs.Judge(r.s, q)
	r.srcs = cs.Sources()
	r.rarest = ""
	words, _ := r.s.Explain(q, cs.Texts, cs.Gists)
	for _, qw := range words {
		if qw.Rarest {
			r.rarest = qw.Lemma
		}
	}
}

// lost returns the reach class of the source key (ID id) that the question
// lists on side (0 support, 1 contest) and its answer does not, with the
// text that tells it.
func (r *reacher) lost(key, id string, side int) (string, string, error) {
	want := [2]argmap.Stance{argmap.StanceSame, argmap.StanceDenial}[side]
	for i, jd := range r.judged {
		if r.srcs[i] != id {
			continue
		}
		st := jd.Stance
		if slices.Contains(r.cs.Hits[i].Claim.Cues, argmap.CueRejectedView) {
			// the answer turns a view its source rejects round
			switch st {
			case argmap.StanceSame:
				st = argmap.StanceDenial
			case argmap.StanceDenial:
				st = argmap.StanceSame
			}
		}
		if st == want {
			return reachWalk, "candidate: " + oneLine(r.cs.Texts[i]), nil
		}
	}
	if id == "" {
		return reachUnsaid, "no such source in the store", nil
	}
	nodes, err := r.sourceNodes(id)
	if err != nil {
		return "", "", err
	}
	have := map[string]bool{}
	for _, h := range r.cs.Hits {
		have[h.Claim.ID] = true
	}
	for _, n := range nodes {
		if !have[n.id] && r.judgedAs(n.text, n.gist, id) == want {
			return reachSearch, n.kind + ": " + oneLine(n.text), nil
		}
	}
	text, err := r.sourceText(id)
	if err != nil {
		return "", "", err
	}
	meets := false
	for _, se := range extract.Sentences(text, extract.Segments(text)) {
		sent := text[se.Start:se.End]
		meets = meets || r.meetsRarest(sent)
		if r.judgedAs(sent, "", id) != want {
			continue
		}
		var at []string
		for _, n := range nodes {
			for _, sp := range n.spans {
				if sp.SourceID == id && sp.Start < se.End && se.Start < sp.End {
					at = append(at, n.kind+": "+oneLine(n.text))
					break
				}
			}
		}
		if len(at) > 0 {
			return reachNodeText, "sentence: " + oneLine(sent) + "\n  stored: " + strings.Join(at, "\n  stored: "), nil
		}
		// (the verdict of the sentence alone: the extraction reads it in
		// its section and paragraph, which may decide otherwise)
		v := extract.Classify(sent, 0)
		return reachDropped, fmt.Sprintf("sentence (alone: %s %s): %s", v.Label, strings.Join(v.Cues, " "), oneLine(sent)), nil
	}
	if meets {
		return reachDecided, "", nil
	}
	return reachUnsaid, "", nil
}

// meetsRarest reports whether text meets the question's rarest word in full.
func (r *reacher) meetsRarest(text string) bool {
	return r.rarest != "" && r.s.WordsMet(r.q, text)[r.rarest]
}

// judgedAs returns the stance the answer would give text (with gist, of
// source id) put among the question's candidates. A text that neither
// meets the rarest word (which the learned judge requires) nor states or
// denies the question alone is topic without that costlier reading.
func (r *reacher) judgedAs(text, gist, id string) argmap.Stance {
	if !r.meetsRarest(text) && r.s.Judge(r.q, text).Stance == argmap.StanceTopic {
		return argmap.StanceTopic
	}
	cs := r.cs
	js := r.s.JudgeSources(r.q, append(slices.Clip(cs.Texts), text), append(slices.Clip(cs.Gists), gist), append(slices.Clip(r.srcs), id))
	return js[len(js)-1].Stance
}

// sourceNodes returns the claims and evidence of the source id.
func (r *reacher) sourceNodes(id string) ([]reachNode, error) {
	if ns, ok := r.nodes[id]; ok {
		return ns, nil
	}
	var out []reachNode
	p := argmap.Page{Limit: argmap.MaxLimit}
	for {
		cs, err := r.st.Claims(r.ctx, argmap.ClaimFilter{SourceID: id, Page: p})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out = append(out, reachNode{c.ID, "claim", c.Text, c.Gist, c.Spans})
		}
		if len(cs) < p.Size() {
			break
		}
		p.After = cs[len(cs)-1].ID
	}
	p = argmap.Page{Limit: argmap.MaxLimit}
	for {
		es, err := r.st.EvidenceList(r.ctx, argmap.EvidenceFilter{SourceID: id, Page: p})
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			gist := ""
			if e.Referent != nil {
				gist = e.Referent.Reading(e.Text)
			}
			out = append(out, reachNode{e.ID, "evidence", e.Text, gist, e.Spans})
		}
		if len(es) < p.Size() {
			break
		}
		p.After = es[len(es)-1].ID
	}
	r.nodes[id] = out
	return out, nil
}

// sourceText returns the text of the source id.
func (r *reacher) sourceText(id string) (string, error) {
	if t, ok := r.texts[id]; ok {
		return t, nil
	}
	src, err := r.st.Source(r.ctx, id)
	if err != nil {
		return "", err
	}
	r.texts[id] = src.Text
	return src.Text, nil
}
