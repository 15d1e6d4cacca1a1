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
	ev, err := evaluate.Answer(g, q, opt)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, ev)
}
