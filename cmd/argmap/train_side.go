package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// runTrainSide fits the side model (internal/extract/side_weights.json) on
// analyst question sets over a store that holds their documents, and with
// --cv measures it leaving one set out at a time. A candidate answers as
// the rules and the shipped learned judge decide; the side model then
// decides whether it states or denies the question.
func runTrainSide(ctx context.Context, e *env, args []string) error {
	fs := newFlags("train-side")
	store := storeFlag(fs, e)
	out := fs.String("o", "", "write the weights (JSON) to this file")
	l2 := fs.Float64("l2", 1, "L2 penalty on the weights")
	cut := fs.Float64("cut", 0.5, "probability of denying from which an answering candidate denies the question")
	cuts := fs.String("cv-cuts", "", "with --cv, also the figures at these cuts (comma-separated)")
	cv := fs.Bool("cv", false, "print the source-level figures of each set left out, and pooled, for the rules with the learned judge and for the side model")
	changes := fs.Bool("changes", false, "print every candidate whose side the side model, fitted on all the sets, changes, with its source's side")
	cvChanges := fs.Bool("cv-changes", false, "with --cv, print every candidate whose side the model fitted without its set changes, with its source's side")
	sides := fs.Bool("sides", false, "print every listed source the answers (the side model fitted on all the sets) miss and where it stands (the other side, topic only, no candidate), every wrongly listed one and what put it there (the rules' negation or opposite, the judge, the side model; reported, passage), and the counts")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(files) == 0:
		return usagef("name the question sets (scripts/testdata/questions*.json)")
	case *out == "" && !*cv && !*changes && !*sides:
		return usagef("-o names the weights file to write (or --cv, --changes, --sides measure)")
	case !(*cut > 0 && *cut <= 1):
		return usagef("--cut must lie in (0, 1]")
	}
	cvCuts := []float64{*cut}
	if *cuts != "" {
		for _, f := range strings.Split(*cuts, ",") {
			c, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil || !(c > 0 && c <= 1) {
				return usagef("--cv-cuts: %q is no cut in (0, 1]", f)
			}
			cvCuts = append(cvCuts, c)
		}
	}
	jw, err := extract.ShippedJudgeWeights()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	qs, sets, err := judgedQuestions(ctx, st, extract.NewStancer(), files, false)
	if err != nil {
		return err
	}
	// answered: each candidate's stance as the rules and the learned judge
	// decide it, before the side model
	answered := func(c extract.Candidate) argmap.Stance {
		s, _, _ := jw.Decide(c)
		return s
	}
	if *cv {
		for _, c := range cvCuts {
			fmt.Fprintf(e.stdout, "cut %.2f\n", c)
			var before, after, beforeAll, afterAll [2][3]int
			for _, set := range folds(qs) {
				train, test := leaveOut(qs, func(jq judgedQuestion) bool { return jq.fold == set })
				sw, err := extract.FitSide(sideExamples(train, answered), *l2, c)
				if err != nil {
					return argmap.Errorf(argmap.EINVALID, "%s left out: %v", set, err)
				}
				before, after = [2][3]int{}, [2][3]int{}
				fmt.Fprintf(e.stdout, "%s (%d questions left out)\n", set, len(test))
				for _, jq := range test {
					if *cvChanges {
						printSideChanges(e.stdout, jq, answered, sw)
					}
					tallySides(&before, jq, answered)
					tallySides(&after, jq, func(c extract.Candidate) argmap.Stance {
						s, _, _ := sw.DecideSide(c.Side, answered(c))
						return s
					})
				}
				fmt.Fprintf(e.stdout, "  answers %s\n  side    %s\n", sidesLine(before), sidesLine(after))
				addSides(&beforeAll, before)
				addSides(&afterAll, after)
			}
			fmt.Fprintf(e.stdout, "pooled (%d questions)\n  answers %s\n  side    %s\n", len(qs), sidesLine(beforeAll), sidesLine(afterAll))
		}
	}
	sw, err := extract.FitSide(sideExamples(qs, answered), *l2, *cut)
	if err != nil {
		return argmap.Errorf(argmap.EINVALID, "%v", err)
	}
	if *changes {
		for _, jq := range qs {
			printSideChanges(e.stdout, jq, answered, sw)
		}
	}
	if *sides {
		printSides(e.stdout, qs, jw, sw)
	}
	if *out == "" {
		return nil
	}
	sw.TrainedOn = sets
	if err := writeWeights(*out, sw); err != nil {
		return err
	}
	ex := sideExamples(qs, answered)
	n := 0
	for _, x := range ex {
		n += b2i(x.Denies)
	}
	fmt.Fprintf(e.stderr, "trained on %d questions of %d sets (%d examples of stating, %d of denying); wrote %s\n", len(qs), len(sets), len(ex)-n, n, *out)
	return nil
}

// printSideChanges prints each candidate of jq whose side the side model sw
// changes: right (its source is listed on the new side), WRONG (it is not)
// or either (the set lets it stand on either), the sides, the probability of
// denying, the source, the set, the question and the candidate.
func printSideChanges(w io.Writer, jq judgedQuestion, answered func(extract.Candidate) argmap.Stance, sw extract.SideModelWeights) {
	for _, jc := range jq.cands {
		was := answered(jc.c)
		now, p, _ := sw.DecideSide(jc.c.Side, was)
		if now == was {
			continue
		}
		fmt.Fprintf(w, "%s %s->%s %.2f %s | %s | %s | %s\n", jq.label(jc.source, now), was, now, p, jc.source, jq.set, jq.q, strings.ReplaceAll(jc.text, "\n", " "))
	}
}

// folds are the sets the questions are left out with, in order: each
// set, a rewording probe's questions joining the sets of the questions
// they reword (judgedQuestion.fold).
func folds(qs []judgedQuestion) []string {
	var out []string
	for _, jq := range qs {
		if !slices.Contains(out, jq.fold) {
			out = append(out, jq.fold)
		}
	}
	return out
}

// sideExamples are the training examples of the side model from
// questions: every candidate that states the question (as answered decides
// it) of a source the question lists as supporting (an example of stating)
// or as contesting it (of denying). A source listed on neither side, under
// "either", or on both is left out. Denials are not examples: the side
// model reads only what the answer takes as stating (the rules' denials,
// read from negations and antonyms, are right far more often); nor are
// the candidates the paraphrase gate lets through (Candidate.RarestUnmet),
// so the side model is fitted on the examples it had before that gate
// shipped, and decides those candidates as it decides the others.
func sideExamples(qs []judgedQuestion, answered func(extract.Candidate) argmap.Stance) []extract.SideExample {
	var ex []extract.SideExample
	for _, jq := range qs {
		for _, jc := range jq.cands {
			st := answered(jc.c)
			sup, con := jq.support[jc.source], jq.contest[jc.source]
			if st != argmap.StanceSame || sup == con || jq.either[jc.source] || jc.c.RarestUnmet {
				continue
			}
			ex = append(ex, extract.SideExample{Features: jc.c.Side, Denies: con})
		}
	}
	return ex
}
