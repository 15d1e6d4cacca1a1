package webui

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
)

// evalLimit bounds the claims and evidence a page evaluates (each view reads
// the whole store for it); a larger store shows no labels on its pages
// (argmap evaluate and GET /v1/evaluation still label it).
const evalLimit = 5000

// verdict is one evaluation label, in words, with its reason.
type verdict struct {
	Label  string // in, out or undec
	Word   string // stands, defeated or open
	Reason string
}

// Parts splits the reason where it goes on to another consideration (at
// "; " outside quotes and parentheses), so that a page can show the first and
// keep the others a click away. It always has at least one part.
func (v verdict) Parts() []string {
	var parts []string
	depth, quoted, start := 0, false, 0
	r := v.Reason
	for i := 0; i < len(r); i++ {
		switch c := r[i]; {
		case c == '\\' && quoted:
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ';' && depth == 0 && i+1 < len(r) && r[i+1] == ' ':
			parts = append(parts, r[start:i])
			start = i + 2
		}
	}
	return append(parts, r[start:])
}

// evaluation is the labels of the store's claims and evidence.
type evaluation struct {
	Semantics string
	of        map[string]verdict
}

// Of returns the verdict on a claim or evidence, or nil when it has none.
func (e *evaluation) Of(id string) *verdict {
	if e == nil {
		return nil
	}
	if v, ok := e.of[id]; ok {
		return &v
	}
	return nil
}

// labelWords are the words a page uses for the labels.
var labelWords = map[evaluate.Label]string{evaluate.In: "stands", evaluate.Out: "defeated", evaluate.Undec: "open"}

// evalFresh is how long an evaluation is reused while the store's counts and
// the head of its audit trail stay the same: every change made through the
// API is audited and shows at once; one made around it (the CLI writing to
// the same file) shows within this time.
const evalFresh = 30 * time.Second

// evalCache keeps the last evaluation of the store, with what it was made
// of: the store's counts and its newest audit entry.
type evalCache struct {
	mu  sync.Mutex
	key string
	at  time.Time
	ev  *evaluation
}

// evaluate labels the whole store as argmap evaluate and GET /v1/evaluation
// do by default (the semantics chosen for the graph), reusing the last
// evaluation while the store is unchanged (evalFresh). It returns nil for a
// store past evalLimit. Evaluating reads the whole store: 0.25 s at 1000
// claims, 1.1 s at 4000 (BenchmarkClaimPage, cache off), against 15 and
// 90 ms for the rest of a claim page.
func (u *UI) evaluate(ctx context.Context) (*evaluation, error) {
	n, err := u.store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	if n.Claims+n.Evidence > evalLimit {
		return nil, nil
	}
	head, err := u.store.Audit(ctx, argmap.AuditFilter{Page: argmap.Page{Limit: 1}})
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%+v", n)
	if len(head) > 0 {
		key += " " + head[0].ID
	}
	c := &u.evals
	c.mu.Lock()
	if c.ev != nil && c.key == key && time.Since(c.at) < evalFresh {
		ev := c.ev
		c.mu.Unlock()
		return ev, nil
	}
	c.mu.Unlock()
	ev, err := u.evaluateNow(ctx)
	if err != nil || ev == nil {
		return ev, err
	}
	c.mu.Lock()
	c.key, c.at, c.ev = key, time.Now(), ev
	c.mu.Unlock()
	return ev, nil
}

// evaluateNow evaluates the store (at most evalLimit claims and evidence).
func (u *UI) evaluateNow(ctx context.Context) (*evaluation, error) {
	g, err := u.store.Neighbourhood(ctx, "", 0, evalLimit+1)
	if err != nil {
		return nil, err
	}
	if len(g.Claims)+len(g.Evidence) > evalLimit {
		return nil, nil
	}
	ev, err := evaluate.Answer(g, evaluate.Query{}, evaluate.Options{})
	if err != nil {
		if argmap.ErrorCode(err) == argmap.ETOOLARGE {
			return nil, nil
		}
		return nil, err
	}
	out := &evaluation{Semantics: string(ev.Semantics), of: make(map[string]verdict, len(ev.Statements))}
	for _, s := range ev.Statements {
		reason := strings.TrimPrefix(s.Reason, s.Label.String()+": ") // the label is shown in words
		out.of[s.ID] = verdict{Label: s.Label.String(), Word: labelWords[s.Label], Reason: reason}
	}
	return out, nil
}

// propositionView is a proposition a question matched, shown once: how it
// stands to the question, its text, its evaluation, and the claims that
// state it with their sources.
type propositionView struct {
	Match string // same or denial: the side its sources take
	// View and AssertedBy: a view its source reports or rejects, and whose
	// (argmap.PropositionMatch.View)
	View, AssertedBy string
	Text             string
	Claim            string // the claim to open
	// Referent is what the best claim's subject that points back was read
	// as, when it points back
	Referent *argmap.Referent
	Verdict  *verdict
	Claims   []argmap.ClaimMatch
	// Stated: one claim per source stating it (a source that states it
	// twice is named once)
	Stated []argmap.ClaimMatch
}

// propositionsOf groups the propositions of an answer for showing: those
// the linker kept apart but that read the same (same words, stance) are
// shown once, with every claim stating them under it.
func propositionsOf(ps []argmap.PropositionMatch, ev *evaluation) []propositionView {
	var out []propositionView
	index := map[string]int{}
	for _, p := range ps {
		if len(p.Claims) == 0 {
			continue
		}
		key := string(p.Match) + "\x00" + p.View + "\x00" + p.AssertedBy + "\x00" + sameWords(p.Text)
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, propositionView{Match: string(p.Match), View: p.View, AssertedBy: p.AssertedBy, Text: p.Text, Claim: p.Claims[0].ID, Verdict: ev.Of(p.Claims[0].ID),
				Referent: p.Claims[0].Referent})
		}
		out[i].Claims = append(out[i].Claims, p.Claims...)
	}
	for i := range out {
		sort.SliceStable(out[i].Claims, func(a, b int) bool { return out[i].Claims[a].Source.Title < out[i].Claims[b].Source.Title })
		seen := map[string]bool{}
		for _, c := range out[i].Claims {
			if !seen[c.Source.ID] {
				seen[c.Source.ID] = true
				out[i].Stated = append(out[i].Stated, c)
			}
		}
	}
	return out
}

// sameWords is s reduced to its lower-case words, for telling texts that
// read the same.
func sameWords(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
	return strings.Join(f, " ")
}

// verdictOf sums up, as argmap evaluate does, the labels of the claims
// stating or denying a question.
func verdictOf(props []propositionView) string {
	var answers []evaluate.Matched
	for _, p := range props {
		if p.Verdict == nil {
			continue
		}
		var l evaluate.Label
		switch p.Verdict.Label {
		case "in":
			l = evaluate.In
		case "out":
			l = evaluate.Out
		default:
			l = evaluate.Undec
		}
		answers = append(answers, evaluate.Matched{Match: argmap.Stance(p.Match),
			Evaluation: &evaluate.Evaluation{Statements: []evaluate.StatementLabel{{Label: l}}}})
	}
	if len(answers) == 0 {
		return ""
	}
	return evaluate.Verdict(answers)
}
