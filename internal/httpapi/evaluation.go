package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
)

// maxEvaluated bounds the claims and evidence the API evaluates at once; a
// larger store is evaluated with the CLI.
const maxEvaluated = 50000

// evaluation labels every stored claim and evidence in, out or undecided
// under a semantics, with the reasons; with claim, that claim comes first and
// only what lies within depth of it is listed.
func (s *Server) evaluation(c *gin.Context) {
	var q evaluate.Query
	if v := c.Query("semantics"); v != "" {
		sem, err := evaluate.ParseSemantics(v)
		if err != nil {
			s.fail(c, err)
			return
		}
		q.Semantics = sem
	}
	if q.Claim = c.Query("claim"); q.Claim != "" && argmap.KindOf(q.Claim) != argmap.KindClaim {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "claim %q is not a claim ID", label(q.Claim, 60)))
		return
	}
	depth, err := s.depthQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	q.Depth = depth
	var opt evaluate.Options
	switch c.Query("assume_premises") {
	case "", "false":
	case "true":
		opt.AssumePremises = true
	default:
		s.fail(c, argmap.Errorf(argmap.EINVALID, "assume_premises must be true or false"))
		return
	}
	g, err := s.store.Neighbourhood(c.Request.Context(), "", 0, maxEvaluated+1)
	if err != nil {
		s.fail(c, err)
		return
	}
	if len(g.Claims)+len(g.Evidence) > maxEvaluated {
		s.fail(c, argmap.Errorf(argmap.ETOOLARGE, "the store holds more than %d claims and evidence: evaluate it with the argmap evaluate command", maxEvaluated))
		return
	}
	if question := c.Query("q"); question != "" {
		if q.Claim != "" {
			s.fail(c, argmap.Errorf(argmap.EINVALID, "give claim or q, not both"))
			return
		}
		s.evaluateQuestion(c, g, question, q, opt)
		return
	}
	ev, err := evaluate.Answer(g, q, opt)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, ev)
}

// questionMatches is how many claims stating or denying a question are
// evaluated.
const questionMatches = 5

// evaluateQuestion evaluates the claims that state or deny a question (as
// /v1/supporters finds them, or else the best full-text matches), each with
// its neighbourhood, and sums them up in a verdict.
func (s *Server) evaluateQuestion(c *gin.Context, g *argmap.Graph, question string, q evaluate.Query, opt evaluate.Options) {
	ctx := c.Request.Context()
	type focus struct {
		id    string
		match argmap.Stance
	}
	var found []focus
	if len(question) > argmap.MaxTextLen {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "q is longer than %d bytes", argmap.MaxTextLen))
		return
	}
	ans, err := argmap.FindSupporters(ctx, s.store, s.judge, question, 1)
	if err != nil && !argmap.IsNotFound(err) {
		s.fail(c, err)
		return
	}
	if ans != nil {
		for _, p := range ans.Propositions {
			id := p.ID
			if argmap.KindOf(id) != argmap.KindClaim && len(p.Claims) > 0 {
				id = p.Claims[0].ID
			}
			if argmap.KindOf(id) == argmap.KindClaim && len(found) < questionMatches {
				found = append(found, focus{id, p.Match})
			}
		}
	}
	if len(found) == 0 {
		hits, err := s.store.SearchClaims(ctx, question, questionMatches)
		if err != nil {
			s.fail(c, err)
			return
		}
		for _, h := range hits {
			found = append(found, focus{id: h.Claim.ID})
		}
	}
	answers := make([]evaluate.Matched, 0, len(found))
	for _, f := range found {
		q.Claim = f.id
		ev, err := evaluate.Answer(g, q, opt)
		if err != nil {
			s.fail(c, err)
			return
		}
		answers = append(answers, evaluate.Matched{Match: f.match, Evaluation: ev})
	}
	verdict := "no stored claim matches the question"
	if len(answers) > 0 {
		verdict = evaluate.Verdict(answers)
	}
	c.JSON(http.StatusOK, gin.H{"query": question, "verdict": verdict, "evaluations": answers})
}
