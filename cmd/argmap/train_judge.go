package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// questionFile is an analyst question set (scripts/testdata/questions*.json):
// each question with the sources that support it, contest it, or may do
// either (not counted), by the keys of scripts/score-questions.py.
type questionFile struct {
	Questions []struct {
		Q       string   `json:"q"`
		Support []string `json:"support"`
		Contest []string `json:"contest"`
		Either  []string `json:"either"`
		// Set is the file of the question it rewords (reworded-s12.json),
		// whose fold it joins when sets are left out in turn (train-side)
		Set string `json:"set"`
	} `json:"questions"`
}

// judgedCandidate is a question's candidate as train-judge uses it: the
// source it is stated in and the learned judge's view of it.
type judgedCandidate struct {
	source string
	node   string      // the claim's, evidence's or passage's ID
	span   argmap.Span // where its text stands in its source (the first span)
	states [2]bool     // it covers a span the labels (--labels) mark as stating [support, contest] the question
	text   string
	c      extract.Candidate
	met    []bool  // the question's words (judgedQuestion.words) it meets in full, with --misses
	capBy  string  // the check that capped its best window (extract's Caps), with --misses
	rarest float64 // how that window meets the question's rarest word (extract's Caps), with --misses
}

// judgedQuestion is one question with its candidates and gold sides.
type judgedQuestion struct {
	set, q                   string
	fold                     string // the set it is left out with: its own, or the set of the question it rewords
	cands                    []judgedCandidate
	support, contest, either map[string]bool
	words                    []extract.QuestionWord // as its answer weighs them, with --misses
	// labelled are the sources a labels file (--labels) marks [support,
	// contest] spans of for the question, each with the spans found (none:
	// the labeller found none that states it)
	labelled [2]map[string]int
	// judgeLabels: the judge's own examples read labelled (--labels), not
	// only the paraphrase model's (--para)
	judgeLabels bool
	// role is what its set is fitted into: every model (roleAll), only
	// the paraphrase model (rolePara, --para-sets) or none (roleFold,
	// --folds: a set only measured, a fold of --cv)
	role setRole
}

// setRole is what a question set is fitted into (judgedQuestion.role).
type setRole int

const (
	roleAll setRole = iota
	rolePara
	roleFold
)

// runTrainJudge fits the learned judge (internal/extract/judge_weights.json)
// on analyst question sets over a store that holds their documents, and
// with --cv measures it leaving one set out at a time.
func runTrainJudge(ctx context.Context, e *env, args []string) error {
	fs := newFlags("train-judge")
	store := storeFlag(fs, e)
	out := fs.String("o", "", "write the weights (JSON) to this file")
	l2 := fs.Float64("l2", 1, "L2 penalty on the weights")
	cutSame := fs.Float64("cut-same", 0.5, "probability from which a candidate the rules leave below their threshold states the question (1: none does)")
	cutDenial := fs.Float64("cut-denial", 0.5, "... denies it")
	cv := fs.Bool("cv", false, "print the source-level figures of each set left out, and pooled, for the rules and the learned judge")
	changes := fs.Bool("changes", false, "print every candidate whose stance the learned judge, fitted on all the sets, changes, with its source's side")
	reach := fs.Bool("reach", false, "print every source a set lists on a side that the answer (the shipped judge) does not list there, and where its statement is lost: the walk, the search, a stored text, a sentence the extraction left out, the matching (printReach)")
	para := fs.String("para", "", "a labels file (scripts/testdata/stating-spans.json) to fit the paraphrase model on, which lets the judge see a candidate that misses the question's rarest word (paraExamples); the judge's own examples stay those without labels unless --labels names it too")
	paraCut := fs.Float64("para-cut", 0.5, "probability from which the paraphrase model lets a candidate through")
	paraL2 := fs.Float64("para-l2", 1, "L2 penalty on the paraphrase model's weights")
	paraSets := fs.String("para-sets", "", "question sets (comma-separated files) whose sentence labels (--para) fit the paraphrase model only, not the judge's models; with --cv each is a fold too")
	folds := fs.String("folds", "", "question sets (comma-separated files) fitted into no model: with --cv each is a fold, measured by the models fitted on the other sets")
	paraDump := fs.String("para-dump", "", "with --cv and --para, write every candidate that misses the rarest word with its paraphrase probability under the model fitted without its set (TSV)")
	labels := fs.String("labels", "", "a labels file (scripts/testdata/stating-spans.json): a listed source's candidates that answer in training are those covering a span it marks as stating (or denying) the question, not its best-covering one (applyLabels)")
	lost := fs.Bool("lost", false, "with --labels, print where each listed source's labelled spans are lost: no candidate covers them, or those that do are judged on neither side or the other (printLost)")
	misses := fs.Bool("misses", false, "print every source a set lists on a side that neither the rules nor the learned judge, fitted on all the sets, place there, with the question words its best candidate meets, and why (missesOf)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(files) == 0:
		return usagef("name the question sets (scripts/testdata/questions*.json)")
	case *out == "" && !*cv && !*changes && !*misses && !*reach && !*lost:
		return usagef("-o names the weights file to write (or --cv, --changes, --misses, --reach, --lost measure)")
	case *lost && *labels == "" && *para == "":
		return usagef("--lost needs --labels or --para")
	case *labels != "" && *para != "" && *labels != *para:
		return usagef("--labels and --para name one labels file")
	case !(*cutSame > 0 && *cutSame <= 1) || !(*cutDenial > 0 && *cutDenial <= 1):
		return usagef("--cut-same and --cut-denial must lie in (0, 1]")
	}
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	s := extract.NewStancer()
	if *reach {
		if err := printReach(ctx, e.stdout, st, withSearch(st), s, files); err != nil {
			return err
		}
		if *out == "" && !*cv && !*changes && !*misses && !*lost {
			return nil
		}
	}
	roles := map[string]setRole{}
	for _, x := range []struct {
		list string
		role setRole
	}{{*paraSets, rolePara}, {*folds, roleFold}} {
		for _, f := range strings.Split(x.list, ",") {
			if f = strings.TrimSpace(f); f != "" {
				files = append(files, f)
				roles[filepath.Base(f)] = x.role
			}
		}
	}
	qs, sets, err := judgedQuestions(ctx, st, s, files, *misses)
	if err != nil {
		return err
	}
	var fitted []string // the sets the judge's models are fitted on
	for _, set := range sets {
		if roles[set] == roleAll {
			fitted = append(fitted, set)
		}
	}
	for i := range qs {
		qs[i].role = roles[qs[i].set]
	}
	if lf := max(*labels, *para); lf != "" {
		ls, err := readLabels(lf)
		if err != nil {
			return err
		}
		if err := applyLabels(ctx, st, qs, ls, *labels != ""); err != nil {
			return err
		}
	}
	opt := judgeFit{l2: *l2, cutSame: *cutSame, cutDenial: *cutDenial, para: *para != "", paraL2: *paraL2, paraCut: *paraCut}
	if *lost {
		jw, err := extract.ShippedJudgeWeights()
		if err != nil {
			return err
		}
		judgeOf := func(judgedQuestion) extract.JudgeWeights { return jw }
		if opt.para {
			// each set judged by the judge fitted without it
			bySet := map[string]extract.JudgeWeights{}
			for _, set := range sets {
				train, _ := leaveOut(qs, func(jq judgedQuestion) bool { return jq.set == set })
				if bySet[set], err = fitJudge(train, opt); err != nil {
					return err
				}
			}
			judgeOf = func(jq judgedQuestion) extract.JudgeWeights { return bySet[jq.set] }
		}
		if err := printLost(e.stdout, qs, judgeOf); err != nil {
			return err
		}
	}
	if *cv {
		var rules, learned, rulesAll, learnedAll [2][3]int
		var promAll [3]int
		var gateAll [6]int
		var dump *os.File
		if *paraDump != "" {
			if dump, err = os.Create(*paraDump); err != nil {
				return err
			}
			defer dump.Close()
		}
		for _, set := range sets {
			train, test := leaveOut(qs, func(jq judgedQuestion) bool { return jq.set == set })
			jw, err := fitJudge(train, opt)
			if err != nil {
				return err
			}
			rules, learned = [2][3]int{}, [2][3]int{}
			for _, jq := range test {
				tallySides(&rules, jq, func(c extract.Candidate) argmap.Stance { return c.Rule.Stance })
				tallySides(&learned, jq, func(c extract.Candidate) argmap.Stance {
					st, _, _ := jw.Decide(c)
					return st
				})
			}
			fmt.Fprintf(e.stdout, "%s (%d questions left out)\n  rules   %s\n  learned %s\n", set, len(test), sidesLine(rules), sidesLine(learned))
			if dump != nil {
				writeParaDump(dump, test, jw)
			}
			if opt.para {
				g := paraGated(test, jw)
				fmt.Fprintf(e.stdout, "  paraphrase gate: %d through, %d covering a labelled span (%d promoted), %d other sentences of a listed source (%d), %d of a source not listed (%d)\n", g[0]+g[2]+g[4], g[0], g[1], g[2], g[3], g[4], g[5])
				for i := range 6 {
					gateAll[i] += g[i]
				}
			}
			if *labels != "" {
				p := promotedSentences(test, jw)
				fmt.Fprintf(e.stdout, "  promoted: %d stating a labelled span, %d other sentences of a listed source, %d of a source not listed\n", p[0], p[1], p[2])
				for i := range 3 {
					promAll[i] += p[i]
				}
			}
			addSides(&rulesAll, rules)
			addSides(&learnedAll, learned)
		}
		fmt.Fprintf(e.stdout, "pooled (%d questions)\n  rules   %s\n  learned %s\n", len(qs), sidesLine(rulesAll), sidesLine(learnedAll))
		if *labels != "" {
			fmt.Fprintf(e.stdout, "  promoted: %d stating a labelled span, %d other sentences of a listed source, %d of a source not listed\n", promAll[0], promAll[1], promAll[2])
		}
		if opt.para {
			g := gateAll
			fmt.Fprintf(e.stdout, "  paraphrase gate: %d through, %d covering a labelled span (%d promoted), %d other sentences of a listed source (%d), %d of a source not listed (%d)\n", g[0]+g[2]+g[4], g[0], g[1], g[2], g[3], g[4], g[5])
		}
	}
	if *changes {
		jw, err := fitJudge(qs, opt)
		if err != nil {
			return err
		}
		for _, jq := range qs {
			for _, jc := range jq.cands {
				st, p, _ := jw.Decide(jc.c)
				if st != jc.c.Rule.Stance {
					fmt.Fprintf(e.stdout, "%s %.2f cov %.2f %s | %s | %s\n", jq.label(jc.source, st), p, jc.c.Features[0], jc.source, jq.q, strings.ReplaceAll(jc.text, "\n", " "))
				}
			}
		}
	}
	if *misses {
		jw, err := fitJudge(qs, opt)
		if err != nil {
			return err
		}
		if err := printMisses(ctx, e.stdout, st, s, qs, jw); err != nil {
			return err
		}
	}
	if *out == "" {
		return nil
	}
	jw, err := fitJudge(qs, opt)
	if err != nil {
		return err
	}
	jw.TrainedOn = fitted
	if err := writeWeights(*out, jw); err != nil {
		return err
	}
	same, denial := judgeExamples(qs, argmap.StanceSame, jw), judgeExamples(qs, argmap.StanceDenial, jw)
	fmt.Fprintf(e.stderr, "trained on %d questions of %d sets (%d examples of stating, %d answering; %d of denying, %d answering); wrote %s\n", len(qs), len(sets),
		len(same), answering(same), len(denial), answering(denial), *out)
	return nil
}

// judgedQuestions reads the question sets of files and each question's
// candidates in st as the stancer s sees them (with misses, the words each
// meets), and returns them with the sets' names.
func judgedQuestions(ctx context.Context, st argmap.Store, s *extract.Stancer, files []string, misses bool) ([]judgedQuestion, []string, error) {
	q := withSearch(st)
	var qs []judgedQuestion
	var sets []string
	keys := map[string]string{}
	for _, f := range files {
		qf, err := readQuestionFile(f)
		if err != nil {
			return nil, nil, err
		}
		set := filepath.Base(f)
		sets = append(sets, set)
		for _, x := range qf.Questions {
			cs, err := argmap.AnswerCandidates(ctx, q, x.Q)
			if err != nil {
				return nil, nil, err
			}
			cs.KeepAnswering(s, x.Q)
			fold := set
			if x.Set != "" {
				fold = x.Set
			}
			jq := judgedQuestion{set: set, fold: fold, q: x.Q, support: setOf(x.Support), contest: setOf(x.Contest), either: setOf(x.Either)}
			var met [][]bool
			var caps []string
			var rarest []float64
			if misses {
				jq.words, met = s.Explain(x.Q, cs.Texts, cs.Gists)
				caps, rarest = s.Caps(x.Q, cs.Texts, cs.Gists)
			}
			judged := s.Candidates(x.Q, cs.Texts[:cs.Stored], cs.Gists[:cs.Stored], cs.Sources()[:cs.Stored])
			if cs.Stored < len(cs.Hits) {
				// the passages as the answer judges them (Candidates.Judge)
				judged = append(judged, s.Candidates(x.Q, cs.Texts, cs.Gists, cs.Sources())[cs.Stored:]...)
			}
			for i, c := range judged {
				h := cs.Hits[i]
				if len(h.Claim.Spans) == 0 {
					continue
				}
				sid := h.Claim.Spans[0].SourceID
				k, ok := keys[sid]
				if !ok {
					src, err := st.Source(ctx, sid)
					if err != nil {
						return nil, nil, err
					}
					k = sourceKey(src.URI)
					keys[sid] = k
				}
				jc := judgedCandidate{source: k, node: h.Claim.ID, span: h.Claim.Spans[0], text: cs.Texts[i], c: c}
				if met != nil {
					jc.met, jc.capBy, jc.rarest = met[i], caps[i], rarest[i]
				}
				jq.cands = append(jq.cands, jc)
			}
			qs = append(qs, jq)
		}
	}
	return qs, sets, nil
}

// readQuestionFile reads an analyst question set.
func readQuestionFile(f string) (questionFile, error) {
	var qf questionFile
	b, err := os.ReadFile(f)
	if err != nil {
		return qf, argmap.Errorf(argmap.EINVALID, "cannot read %s: %w", f, err)
	}
	if err := json.Unmarshal(b, &qf); err != nil {
		return qf, argmap.Errorf(argmap.EINVALID, "%s: %v", f, err)
	}
	return qf, nil
}

// judgeExamples are the training examples of the learned judge's model of
// side (same or denial) from questions: the candidates the rules leave
// below their threshold whose polarity is that side. For each source a
// question lists on that side and the rules do not already place there,
// its best such candidate (by coverage, then plain coverage) answers;
// every such candidate of a source not listed on that side (nor under
// "either") does not; the other candidates of a listed source are left out
// (a source states the question in one or two of its sentences, not in
// all that share words with it).
func judgeExamples(qs []judgedQuestion, side argmap.Stance, jw extract.JudgeWeights) []extract.JudgeExample {
	var ex []extract.JudgeExample
	for _, jq := range qs {
		want, si := jq.support, 0
		if side == argmap.StanceDenial {
			want, si = jq.contest, 1
		}
		placed := map[string]bool{}
		for _, jc := range jq.cands {
			if jc.c.Rule.Stance == side {
				placed[jc.source] = true
			}
		}
		best := map[string]int{}
		for i, jc := range jq.cands {
			if jc.c.Rule.Stance != argmap.StanceTopic || jq.either[jc.source] || placed[jc.source] {
				continue
			}
			if jc.c.RarestUnmet || jc.c.Polarity != side {
				continue // (the paraphrase model decides those it lets through)
			}
			if !want[jc.source] {
				ex = append(ex, extract.JudgeExample{Features: jc.c.Features})
				continue
			}
			if _, ok := jq.labelled[si][jc.source]; ok && jq.judgeLabels {
				if jc.states[si] {
					ex = append(ex, extract.JudgeExample{Features: jc.c.Features, Answers: true})
				}
				continue
			}
			if b, ok := best[jc.source]; !ok || betterCandidate(jc.c, jq.cands[b].c) {
				best[jc.source] = i
			}
		}
		srcs := make([]string, 0, len(best))
		for k := range best {
			srcs = append(srcs, k)
		}
		slices.Sort(srcs)
		for _, k := range srcs {
			ex = append(ex, extract.JudgeExample{Features: jq.cands[best[k]].c.Features, Answers: true})
		}
	}
	return ex
}

// answering counts the examples that answer.
func answering(ex []extract.JudgeExample) int {
	n := 0
	for _, x := range ex {
		n += b2i(x.Answers)
	}
	return n
}

// betterCandidate orders a source's candidates by coverage, then plain
// coverage.
func betterCandidate(a, b extract.Candidate) bool {
	fa, fb := a.Features, b.Features
	if fa[0] != fb[0] {
		return fa[0] > fb[0]
	}
	return fa[3] > fb[3]
}

// judgeFit are the settings of fitJudge: the L2 penalty and the cuts of
// the judge's models, and whether (para) and how the paraphrase model is
// fitted.
type judgeFit struct {
	l2, cutSame, cutDenial float64
	para                   bool
	paraL2, paraCut        float64
}

// fitJudge fits the learned judge on questions: with opt.para first the
// paraphrase model on the labelled questions (paraExamples), then both
// sides' models on the candidates the judge may promote with it.
func fitJudge(qs []judgedQuestion, opt judgeFit) (extract.JudgeWeights, error) {
	var jw extract.JudgeWeights
	if opt.para {
		pw, err := extract.FitPara(paraExamples(qs), opt.paraL2, opt.paraCut)
		if err != nil {
			return extract.JudgeWeights{}, argmap.Errorf(argmap.EINVALID, "the paraphrase model: %v", err)
		}
		jw.Para = &pw
	}
	judged := slices.DeleteFunc(slices.Clone(qs), func(jq judgedQuestion) bool { return jq.role != roleAll })
	var err error
	if jw.Same, err = extract.FitJudge(judgeExamples(judged, argmap.StanceSame, jw), opt.l2, opt.cutSame); err != nil {
		return extract.JudgeWeights{}, argmap.Errorf(argmap.EINVALID, "the model of stating: %v", err)
	}
	if jw.Denial, err = extract.FitJudge(judgeExamples(judged, argmap.StanceDenial, jw), opt.l2, opt.cutDenial); err != nil {
		return extract.JudgeWeights{}, argmap.Errorf(argmap.EINVALID, "the model of denying: %v", err)
	}
	return jw, nil
}

// writeParaDump writes a line for each candidate of qs that misses the
// rarest word: set, source, class (labelled on its side, another sentence
// of a listed source, a source not listed, either), the source's side,
// its polarity, its paraphrase probability, the best of its source, the
// rules' coverage, the question, the text, whether it agrees with the
// question in what the model may not stand in for (paraAgrees), and its
// side features (extract.SideFeatureNames) and the judge's features
// (extract.JudgeFeatureNames), each a comma-separated list: what a model
// of other candidates than the paraphrase model's (a gate for denials) can
// be tried on without another pass over the store.
func writeParaDump(w io.Writer, qs []judgedQuestion, jw extract.JudgeWeights) {
	m := jw.Para
	for _, jq := range qs {
		for _, jc := range jq.cands {
			if !jc.c.RarestUnmet || jc.c.Polarity == argmap.StanceTopic || jc.c.Para == nil {
				continue
			}
			class := "other"
			side := ""
			switch {
			case jq.support[jc.source]:
				side = "support"
			case jq.contest[jc.source]:
				side = "contest"
			case jq.either[jc.source]:
				side = "either"
			}
			switch {
			case (jc.states[0] && jq.support[jc.source]) || (jc.states[1] && jq.contest[jc.source]):
				class = "stating"
			case side == "support" || side == "contest":
				class = "listed"
			case side == "either":
				class = "either"
			}
			p := extract.ParaProb(*m, jc.c.Para)
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%.4f\t%.3f\t%.3f\t%s\t%s\t%t\t%s\t%s\n", jq.set, jc.source, class, side, jc.c.Polarity, p, jc.c.Para[7], jc.c.Features[0], jq.q, strings.ReplaceAll(jc.text, "\n", " "), jc.c.ParaAgrees, floatList(jc.c.Side), floatList(jc.c.Features))
		}
	}
}

// floatList writes xs as comma-separated numbers (%g).
func floatList(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.FormatFloat(x, 'g', 6, 64)
	}
	return strings.Join(parts, ",")
}

// paraGated tallies the candidates of qs that miss the question's rarest
// word and jw's paraphrase model lets the judge see, and of those the
// ones the judge promotes: [covering a span labelled on a side the
// question lists the source on, promoted; another candidate of a listed
// source, promoted; a candidate of a source not listed (nor under
// either), promoted].
func paraGated(qs []judgedQuestion, jw extract.JudgeWeights) [6]int {
	var t [6]int
	for _, jq := range qs {
		for _, jc := range jq.cands {
			if !jc.c.RarestUnmet || jc.c.Polarity == argmap.StanceTopic || promotable(jw, jc.c) == argmap.StanceTopic {
				continue
			}
			st, _, _ := jw.Decide(jc.c)
			prom := b2i(st != jc.c.Rule.Stance)
			listed := jq.support[jc.source] || jq.contest[jc.source]
			switch {
			case (jc.states[0] && jq.support[jc.source]) || (jc.states[1] && jq.contest[jc.source]):
				t[0]++
				t[1] += prom
			case listed:
				t[2]++
				t[3] += prom
			case !jq.either[jc.source]:
				t[4]++
				t[5] += prom
			}
		}
	}
	return t
}

// paraExamples are the training examples of the paraphrase model: of each
// question with labelled sources, every candidate the rules leave on the
// topic uncapped (those the model may let through, and those that meet the
// rarest word alike); it answers when it covers a span labelled on the
// side the question lists its source (judgedCandidate.states). Candidates
// of a source under "either", or listed but labelled without a span, are
// left out.
func paraExamples(qs []judgedQuestion) []extract.JudgeExample {
	var ex []extract.JudgeExample
	for _, jq := range qs {
		if jq.labelled[0] == nil && jq.labelled[1] == nil || jq.role == roleFold {
			continue
		}
		for _, jc := range jq.cands {
			if jc.c.Para == nil || jq.either[jc.source] {
				continue
			}
			if n, ok := jq.labelled[0][jc.source]; ok && n == 0 && jq.support[jc.source] {
				continue
			}
			yes := (jc.states[0] && jq.support[jc.source]) || (jc.states[1] && jq.contest[jc.source])
			ex = append(ex, extract.JudgeExample{Features: jc.c.Para, Answers: yes})
		}
	}
	return ex
}

// tallySides adds a question's sources by the stance decide gives its
// candidates to t: [support, contest] x [hits, wanted, listed], as
// score-questions.py counts them (sources under "either" are not counted).
// Sources reached only through relations are not judged here, so the
// figures are those of the direct answers alone.
func tallySides(t *[2][3]int, jq judgedQuestion, decide func(extract.Candidate) argmap.Stance) {
	got := [2]map[string]bool{{}, {}}
	for _, jc := range jq.cands {
		switch decide(jc.c) {
		case argmap.StanceSame:
			got[0][jc.source] = true
		case argmap.StanceDenial:
			got[1][jc.source] = true
		}
	}
	for i, want := range []map[string]bool{jq.support, jq.contest} {
		t[i][1] += len(want)
		for k := range got[i] {
			if want[k] {
				t[i][0]++
			}
			if !jq.either[k] {
				t[i][2]++
			}
		}
	}
}

// addSides adds the tally t (tallySides) to all.
func addSides(all *[2][3]int, t [2][3]int) {
	for i := range 2 {
		for k := range 3 {
			all[i][k] += t[i][k]
		}
	}
}

// leaveOut splits qs into the questions a fold leaves out (out) and the
// rest, each in the order of qs.
func leaveOut(qs []judgedQuestion, out func(judgedQuestion) bool) (train, test []judgedQuestion) {
	for _, jq := range qs {
		if out(jq) {
			test = append(test, jq)
		} else {
			train = append(train, jq)
		}
	}
	return train, test
}

// label says of a candidate of source that a model turns to st: right (the
// set lists the source on that side), either (the set lets it stand on
// either) or WRONG (it does not).
func (jq judgedQuestion) label(source string, st argmap.Stance) string {
	switch {
	case (st == argmap.StanceSame && jq.support[source]) || (st == argmap.StanceDenial && jq.contest[source]):
		return "right"
	case jq.either[source]:
		return "either"
	}
	return "WRONG"
}

// writeWeights writes a weights file: v as indented JSON and a newline.
func writeWeights(file string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(file, append(b, '\n'), 0o644); err != nil {
		return argmap.Errorf(argmap.EINVALID, "cannot write %s: %w", file, err)
	}
	return nil
}

func sidesLine(t [2][3]int) string {
	var b strings.Builder
	for i, side := range []string{"support", "contest"} {
		if i > 0 {
			b.WriteString("  ")
		}
		fmt.Fprintf(&b, "%s R %s (%d/%d) P %s (%d/%d)", side, ratio(t[i][0], t[i][1]), t[i][0], t[i][1], ratio(t[i][0], t[i][2]), t[i][0], t[i][2])
	}
	return b.String()
}

func ratio(a, b int) string {
	if b == 0 {
		return "1.00"
	}
	return strconv.FormatFloat(float64(a)/float64(b), 'f', 2, 64)
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// sourceKey is a source's key in the question sets, as
// scripts/score-questions.py makes it: iom/000 for
// ../shared/corpus/iom/000_….txt, demo/01 for scripts/demo/corpus/01-….
func sourceKey(uri string) string {
	dir, name := filepath.Split(strings.TrimPrefix(uri, "file://"))
	switch filepath.Base(filepath.Clean(dir)) {
	case "iom":
		if len(name) >= 3 {
			return "iom/" + name[:3]
		}
	case "corpus":
		if len(name) >= 2 {
			return "demo/" + name[:2]
		}
	}
	return uri
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
