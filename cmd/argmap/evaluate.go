package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
	"github.com/argmap/argmap/internal/extract"
)

func runEvaluate(ctx context.Context, e *env, args []string) error {
	fs := newFlags("evaluate")
	store := storeFlag(fs, e)
	sem := fs.String("semantics", "", "grounded, complete, preferred, stable or carneades (default: carneades for argument graphs, grounded for pure attack frameworks)")
	claim := fs.String("claim", "", "report on this claim ID and what lies within --depth of it")
	depth := fs.Int("depth", 2, "with --claim or a question: how many relations around the claim to report (1-8)")
	format := fs.String("format", "text", "output format: text or json")
	premises := fs.Bool("assume-premises", false, "carneades: take claims nothing argues for or against as given (maps written without assumptions, such as Argdown or AIF)")
	matches := fs.Int("matches", 3, "with a question: how many best-matching claims to report on (1-20)")
	ids := fs.Bool("ids", false, "text: also print the IDs of claims, evidence and relations (the JSON always has them)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("unknown --format %q (want text or json)", *format)
	}
	if *sem != "" {
		if _, err := evaluate.ParseSemantics(*sem); err != nil {
			return usagef("%s", argmap.ErrorMessage(err))
		}
	}
	if *depth < 1 || *depth > argmap.MaxDepth {
		return usagef("--depth must be between 1 and %d", argmap.MaxDepth)
	}
	if *matches < 1 || *matches > 20 {
		return usagef("--matches must be between 1 and 20")
	}
	question := strings.TrimSpace(strings.Join(pos, " "))
	if question != "" && *claim != "" {
		return usagef("give --claim ID or a question, not both")
	}
	if question != "" && argmap.KindOf(question) == argmap.KindClaim && !strings.ContainsAny(question, " \t") {
		question, *claim = "", question
	}
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	g, err := st.Neighbourhood(ctx, "", 0, 0)
	if err != nil {
		return err
	}
	q := evaluate.Query{Semantics: evaluate.Semantics(*sem), Claim: *claim, Depth: *depth}
	opts := evaluate.Options{AssumePremises: *premises}
	if question == "" {
		ev, err := evaluate.Answer(g, q, opts)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(e.stdout, ev)
		}
		writeEvaluationText(e.stdout, g, ev, *ids)
		return nil
	}
	focus, err := questionClaims(ctx, st, question, *matches)
	if err != nil {
		return err
	}
	answers := make([]evaluate.Matched, 0, len(focus))
	for _, f := range focus {
		q.Claim = f.id
		ev, err := evaluate.Answer(g, q, opts)
		if err != nil {
			return err
		}
		answers = append(answers, evaluate.Matched{Match: f.match, Evaluation: ev})
	}
	verdict := evaluate.Verdict(answers)
	if *format == "json" {
		return writeJSON(e.stdout, struct {
			Query       string             `json:"query"`
			Verdict     string             `json:"verdict"`
			Evaluations []evaluate.Matched `json:"evaluations"`
		}{question, verdict, answers})
	}
	fmt.Fprintf(e.stdout, "Question: %s\n", question)
	fmt.Fprintf(e.stdout, "Verdict: %s\n", verdict)
	fmt.Fprintf(e.stdout, "The %s matching it, each weighed against everything stored:\n", plural(len(answers), "claim", "claims"))
	for i, a := range answers {
		how := ""
		switch a.Match {
		case argmap.StanceSame:
			how = "[states the question] "
		case argmap.StanceDenial:
			how = "[denies the question] "
		}
		fmt.Fprintf(e.stdout, "\n%d. %s", i+1, how)
		writeEvaluationText(e.stdout, g, a.Evaluation, *ids)
	}
	return nil
}

type focusClaim struct {
	id    string
	match argmap.Stance
}

// questionClaims finds the claims that state or deny a question (as the
// supporters command does), falling back to the best full-text matches.
func questionClaims(ctx context.Context, st argmap.Store, question string, n int) ([]focusClaim, error) {
	var out []focusClaim
	ans, err := argmap.FindSupporters(ctx, withSearch(st), extract.NewStancer(), question, 1)
	if err != nil && !argmap.IsNotFound(err) {
		return nil, err
	}
	if ans != nil {
		for _, p := range ans.Propositions {
			if len(out) == n {
				break
			}
			id := p.ID
			if len(p.Claims) > 0 && argmap.KindOf(id) != argmap.KindClaim {
				id = p.Claims[0].ID
			}
			if argmap.KindOf(id) == argmap.KindClaim {
				out = append(out, focusClaim{id, p.Match})
			}
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	hits, err := withSearch(st).SearchClaims(ctx, question, n)
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		out = append(out, focusClaim{id: h.Claim.ID})
	}
	if len(out) == 0 {
		return nil, argmap.Errorf(argmap.ENOTFOUND, "no stored claim matches %q", argmap.Clip(question, 80))
	}
	return out, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeEvaluationText prints an evaluation for people: with a focus claim,
// its label, why, the relations that decide it (named by what they join, as
// the reasons are) with their premises, and then what lies around it;
// without one, every statement. IDs are printed only when ids is set: the
// focus claim's always, as the handle --claim takes.
func writeEvaluationText(w io.Writer, g *argmap.Graph, ev *evaluate.Evaluation, ids bool) {
	texts := map[string]string{}
	sources := map[string][]string{}
	titles := map[string]string{}
	for _, s := range g.Sources {
		titles[s.ID] = s.Title
	}
	for _, c := range g.Claims {
		texts[c.ID] = c.Text
		for _, sp := range c.Spans {
			if t := titles[sp.SourceID]; t != "" && !contains(sources[c.ID], t) {
				sources[c.ID] = append(sources[c.ID], t)
			}
		}
	}
	for _, x := range g.Evidence {
		texts[x.ID] = x.Text
		for _, sp := range x.Spans {
			if t := titles[sp.SourceID]; t != "" && !contains(sources[x.ID], t) {
				sources[x.ID] = append(sources[x.ID], t)
			}
		}
	}
	labels := map[string]evaluate.Label{}
	for _, s := range ev.Statements {
		labels[s.ID] = s.Label
	}
	idOf := func(id string) string {
		if !ids || id == "" {
			return ""
		}
		return " [" + id + "]"
	}
	name := func(s evaluate.StatementLabel) string {
		if s.Key != "" {
			return s.Key + ": “" + argmap.Clip(oneLine(s.Text), 100) + "”"
		}
		return "“" + argmap.Clip(oneLine(s.Text), 110) + "”"
	}
	stated := func(id string) string {
		if len(sources[id]) == 0 {
			return ""
		}
		list := sources[id]
		more := ""
		if len(list) > 2 {
			more = fmt.Sprintf(" and %d more", len(list)-2)
			list = list[:2]
		}
		return " (stated in " + argmap.Clip(strings.Join(list, "; "), 120) + more + ")"
	}
	count := map[evaluate.Label]int{}
	for _, s := range ev.Statements {
		count[s.Label]++
	}
	if ev.Focus == "" || len(ev.Statements) == 0 {
		fmt.Fprintf(w, "%s under %s semantics: %d in, %d out, %d undecided\n",
			plural(len(ev.Statements), "statement", "statements"), ev.Semantics, count[evaluate.In], count[evaluate.Out], count[evaluate.Undec])
		if ev.Note != "" {
			fmt.Fprintf(w, "Note: %s\n", ev.Note)
		}
		if hint := premiseHint(ev); hint != "" {
			fmt.Fprintf(w, "Note: %s\n", hint)
		}
		writeExtensions(w, ev)
		for _, s := range ev.Statements {
			fmt.Fprintf(w, "\n[%s] %s%s%s\n      %s\n", s.Label, name(s), idOf(s.ID), stated(s.ID), s.Reason)
		}
		return
	}
	f := ev.Statements[0]
	fmt.Fprintf(w, "%s (%s)%s\n", name(f), f.ID, stated(f.ID))
	fmt.Fprintf(w, "   %s under %s semantics\n", strings.ToUpper(f.Label.String()), ev.Semantics)
	fmt.Fprintf(w, "   because %s\n", f.Reason)
	if ev.Note != "" {
		fmt.Fprintf(w, "   note: %s\n", ev.Note)
	}
	if len(f.Deciding) > 0 {
		fmt.Fprintln(w, "   Deciding:")
		for _, d := range f.Deciding {
			switch d.Relation {
			case "stated":
				fmt.Fprintf(w, "   - its being stated in a source (weight %s)\n", weight(d.Weight))
				continue
			case "given":
				fmt.Fprintf(w, "   - its being given as a premise (weight %s)\n", weight(d.Weight))
				continue
			}
			fmt.Fprintf(w, "   - %s, weight %s, %s%s; from:\n", decidingRelation(g, f.ID, d, texts), weight(d.Weight), d.Label, idOf(d.Relation))
			if len(d.From) == 0 {
				fmt.Fprintln(w, "       (no premises)")
			}
			for _, p := range d.From {
				fmt.Fprintf(w, "       [%s] “%s”%s%s\n", labels[p], argmap.Clip(oneLine(texts[p]), 100), idOf(p), stated(p))
			}
		}
	}
	if len(ev.Statements) > 1 {
		fmt.Fprintf(w, "   Around it: %d in, %d out, %d undecided\n", count[evaluate.In]-boolInt(f.Label == evaluate.In),
			count[evaluate.Out]-boolInt(f.Label == evaluate.Out), count[evaluate.Undec]-boolInt(f.Label == evaluate.Undec))
		// How each neighbour bears on the claim, when a relation joins them.
		link := map[string]string{}
		for _, a := range ev.Arguments {
			if a.To != f.ID {
				continue
			}
			for _, p := range a.From {
				if link[p] == "" {
					link[p] = a.Kind + " it, "
				}
			}
		}
		for _, s := range ev.Statements[1:] {
			fmt.Fprintf(w, "   [%s] %s%s%s\n         %s%s\n", s.Label, name(s), idOf(s.ID), stated(s.ID), link[s.ID], s.Reason)
		}
	}
}

// decidingRelation says how a deciding relation bears on the focus claim,
// by the texts it joins rather than its ID: "contests it" when it targets
// the focus (its premises are listed after), else what it targets ("supports
// “…”", "undercuts the relation “…” supports “…”"); a relation with a title
// (an imported argument's key) is named by it, and a linked denial read the
// other way round says so.
func decidingRelation(g *argmap.Graph, focus string, d evaluate.Decider, texts map[string]string) string {
	prop := map[string]string{}
	for _, c := range g.Claims {
		prop[c.ID] = argmap.PropositionOf(c)
	}
	var rel *argmap.Relation
	rels := map[string]*argmap.Relation{}
	for i := range g.Relations {
		rels[g.Relations[i].ID] = &g.Relations[i]
		if g.Relations[i].ID == d.Relation {
			rel = &g.Relations[i]
		}
	}
	if rel == nil {
		return d.Kind
	}
	target, reversed := rel.To, false
	if len(d.From) == 1 && len(rel.From) == 1 && d.From[0] == rel.To && rel.From[0] != rel.To {
		target, reversed = rel.From[0], true
	}
	quote := func(id string) string {
		if t, ok := texts[id]; ok {
			return "“" + argmap.Clip(oneLine(t), 60) + "”"
		}
		return "a node not in the graph"
	}
	var s string
	switch {
	case target == focus || prop[target] != "" && prop[target] == prop[focus]:
		s = d.Kind + " it"
	case rels[target] != nil:
		u := rels[target]
		var from []string
		for _, p := range u.From {
			from = append(from, quote(p))
		}
		s = d.Kind + " the relation " + strings.Join(from, " + ") + " " + string(u.Kind) + " " + quote(u.To)
	default:
		s = d.Kind + " " + quote(target)
	}
	if rel.Title != "" {
		s = "argument " + rel.Title + ": " + s
	}
	if reversed {
		s += " (a denial read both ways: " + quote(rel.From[0]) + " " + string(rel.Kind) + " " + quote(rel.To) + ")"
	}
	return s
}

// writeExtensions lists the extensions of a Dung semantics by the names of
// their statements. With several, the statements every listed extension
// accepts are named once and each extension by what it adds to them, so
// that what tells them apart is not lost in a long shared list.
func writeExtensions(w io.Writer, ev *evaluate.Evaluation) {
	if ev.Semantics == evaluate.SemCarneades || ev.Count == 0 {
		return
	}
	names := map[string]string{}
	for _, s := range ev.Statements {
		names[s.ID] = s.Key
		if s.Key == "" {
			names[s.ID] = "“" + argmap.Clip(oneLine(s.Text), 40) + "”"
		}
	}
	set := func(ids []string, skip map[string]int) string {
		var parts []string
		for _, id := range ids {
			if skip[id] < len(ev.Extensions) {
				parts = append(parts, names[id])
			}
		}
		sort.Strings(parts)
		return "{" + argmap.Clip(strings.Join(parts, ", "), 300) + "}"
	}
	in := map[string]int{} // how many listed extensions hold each statement
	if len(ev.Extensions) > 1 {
		for _, e := range ev.Extensions {
			for _, id := range e {
				in[id]++
			}
		}
	}
	var common []string
	for id, n := range in {
		if n == len(ev.Extensions) {
			common = append(common, id)
		}
	}
	fmt.Fprintf(w, "%s %s:", plural(ev.Count, ev.Semantics.String()+" extension", ev.Semantics.String()+" extensions"), "(statements accepted together)")
	if len(common) > 0 {
		what := set(common, nil)
		labelledIn := 0
		for _, s := range ev.Statements {
			if s.Label == evaluate.In && in[s.ID] == len(ev.Extensions) {
				labelledIn++
			}
		}
		if labelledIn == len(common) && labelledIn == labelled(ev.Statements, evaluate.In) {
			what = "labelled in below"
		}
		fmt.Fprintf(w, "\n  each accepts the %s %s, and besides:", plural(len(common), "statement", "statements"), what)
	}
	for _, e := range ev.Extensions {
		fmt.Fprintf(w, "\n  %s", set(e, in))
	}
	if len(ev.Extensions) < ev.Count {
		fmt.Fprintf(w, "\n  … and %d more", ev.Count-len(ev.Extensions))
	}
	fmt.Fprintln(w)
}

// labelled is how many statements carry label l.
func labelled(stmts []evaluate.StatementLabel, l evaluate.Label) int {
	n := 0
	for _, s := range stmts {
		if s.Label == l {
			n++
		}
	}
	return n
}

// premiseHint suggests --assume-premises when a Carneades evaluation finds
// nothing given at all, as with a map written without assumptions.
func premiseHint(ev *evaluate.Evaluation) string {
	if ev.Semantics != evaluate.SemCarneades || len(ev.Statements) == 0 {
		return ""
	}
	for _, s := range ev.Statements {
		if s.Assumed || s.Label != evaluate.Out {
			return ""
		}
	}
	return "nothing here is assumed or stated in a source, so everything is out; --assume-premises takes the claims nothing argues for or against as given"
}

func weight(w float64) string {
	s := fmt.Sprintf("%.2f", w)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
