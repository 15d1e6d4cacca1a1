package httpapi

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// supporters answers "which sources support or contest this claim?" for a
// claim ID or free text in q.
func (s *Server) supporters(c *gin.Context) {
	q := strings.TrimSpace(c.Query("q"))
	if q == "" {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "q is required: a claim ID or the text of a claim"))
		return
	}
	if len(q) > argmap.MaxTextLen {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "q is longer than %d bytes", argmap.MaxTextLen))
		return
	}
	s.answer(c, q, false)
}

// claimSupporters answers the supporters question for one claim.
func (s *Server) claimSupporters(c *gin.Context) {
	id, err := idParam(c, argmap.KindClaim)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.answer(c, id, false)
}

// claimContesters answers the contesting half of the supporters question for
// one claim: the same body with supporting left empty.
func (s *Server) claimContesters(c *gin.Context) {
	id, err := idParam(c, argmap.KindClaim)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.answer(c, id, true)
}

// answer runs argmap.FindSupportersPage for the page the request asks
// (limit, cursor, quotes; full=true for the whole answer) and answers its
// result.
func (s *Server) answer(c *gin.Context, q string, contestingOnly bool) {
	// unsaid, a question in words looks argmap.DefaultTextDepth deep (see
	// argmap.AnswerDepth), one by claim ID as deep as maps
	def := 0
	if argmap.AnswerDepth(q, 0) == argmap.DefaultDepth {
		def = s.cfg.DefaultDepth
	}
	depth, err := intQuery(c, "depth", def, 1, argmap.MaxDepth)
	if err != nil {
		s.fail(c, err)
		return
	}
	pg, err := answerPageQuery(c, q, depth)
	if err != nil {
		s.fail(c, err)
		return
	}
	ans, err := argmap.FindSupportersPage(c.Request.Context(), s.store, s.judge, q, depth, pg)
	if err != nil {
		s.fail(c, err)
		return
	}
	if contestingOnly {
		ans.Supporting, ans.SupportingTotal = []argmap.Backing{}, 0
		if pg.Limit == 0 || pg.Source != "" || pg.Offset+pg.Limit >= ans.ContestingTotal {
			ans.NextCursor = ""
		}
	}
	c.JSON(http.StatusOK, ans)
}

// answerPageQuery reads the page of an answer a request asks: limit sources
// of each side (default argmap.DefaultAnswerSources), from the cursor of the
// page before, quotes passages of each (default argmap.DefaultAnswerQuotes);
// source=ID that source alone with every passage (or quotes of them), and
// no limit or cursor; full=true asks for the whole answer and takes none of
// them.
func answerPageQuery(c *gin.Context, q string, depth int) (argmap.AnswerPage, error) {
	full := false
	if v, ok := c.GetQuery("full"); ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return argmap.AnswerPage{}, argmap.Errorf(argmap.EINVALID, "full must be true or false")
		}
		full = b
	}
	if full {
		for _, name := range []string{"limit", "cursor", "quotes", "source"} {
			if _, ok := c.GetQuery(name); ok {
				return argmap.AnswerPage{}, argmap.Errorf(argmap.EINVALID, "full=true is the whole answer: it takes no %s", name)
			}
		}
		return argmap.AnswerPage{}, nil
	}
	if src, ok := c.GetQuery("source"); ok {
		if argmap.KindOf(src) != argmap.KindSource {
			return argmap.AnswerPage{}, argmap.Errorf(argmap.EINVALID, "source must be a source ID (src_…)")
		}
		for _, name := range []string{"limit", "cursor"} {
			if _, ok := c.GetQuery(name); ok {
				return argmap.AnswerPage{}, argmap.Errorf(argmap.EINVALID, "source lists one source: it takes no %s", name)
			}
		}
		quotes, err := intQuery(c, "quotes", 0, 1, argmap.MaxAnswerQuotes)
		return argmap.AnswerPage{Source: src, Quotes: quotes}, err
	}
	limit, err := intQuery(c, "limit", argmap.DefaultAnswerSources, 1, argmap.MaxAnswerSources)
	if err != nil {
		return argmap.AnswerPage{}, err
	}
	quotes, err := intQuery(c, "quotes", argmap.DefaultAnswerQuotes, 1, argmap.MaxAnswerQuotes)
	if err != nil {
		return argmap.AnswerPage{}, err
	}
	pg := argmap.AnswerPage{Limit: limit, Quotes: quotes}
	if cur, ok := c.GetQuery("cursor"); ok {
		if len(cur) > maxCursorLen {
			return argmap.AnswerPage{}, argmap.Errorf(argmap.EINVALID, "cursor is longer than %d bytes", maxCursorLen)
		}
		if pg.Offset, err = argmap.ParseAnswerCursor(cur, q, depth); err != nil {
			return argmap.AnswerPage{}, err
		}
	}
	return pg, nil
}

// graphNode is a node of a graph view.
type graphNode struct {
	ID     string          `json:"id"`
	Kind   argmap.NodeKind `json:"kind"`
	Label  string          `json:"label"`
	Text   string          `json:"text,omitempty"`
	Type   string          `json:"type,omitempty"` // the kind of a source, evidence or actor
	Origin argmap.Origin   `json:"origin,omitempty"`
	Score  *float64        `json:"score,omitempty"`
	Main   bool            `json:"main,omitempty"`
	Focus  bool            `json:"focus,omitempty"`
}

// graphEdge is an edge of a graph view. Kind is supports or contests (an
// argumentative relation; Relation is its ID, shared by the edges of linked
// premises), asserts, disputes or named (an actor's role in a claim), states
// (a source states a claim or evidence), or cites (a source cites a work).
type graphEdge struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	From     string `json:"from"`
	To       string `json:"to"`
	Relation string `json:"relation,omitempty"`
}

// graphView is the body of GET /v1/graph.
type graphView struct {
	Focus string      `json:"focus,omitempty"`
	Nodes []graphNode `json:"nodes"`
	Edges []graphEdge `json:"edges"`
}

// graph answers the neighbourhood of a node (or the whole graph, bounded) as
// nodes and edges.
func (s *Server) graph(c *gin.Context) {
	focus := c.Query("focus")
	switch argmap.KindOf(focus) {
	case argmap.KindClaim, argmap.KindEvidence, argmap.KindRelation:
	default:
		if focus != "" {
			s.fail(c, argmap.Errorf(argmap.EINVALID, "focus %q is not a claim, evidence or relation ID", focus))
			return
		}
	}
	depth, err := s.depthQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	limit, err := intQuery(c, "limit", 200, 1, argmap.MaxLimit)
	if err != nil {
		s.fail(c, err)
		return
	}
	g, err := s.store.Neighbourhood(c.Request.Context(), focus, depth, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, viewOf(g, focus))
}

// label shortens s to at most n bytes on a character boundary.
func label(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// viewOf turns a graph into nodes and edges. Every edge's ends are nodes: a
// relation that another relation targets (an undercut) is a node too.
func viewOf(g *argmap.Graph, focus string) graphView {
	v := graphView{Focus: focus, Nodes: []graphNode{}, Edges: []graphEdge{}}
	have := map[string]bool{}
	add := func(n graphNode) {
		if have[n.ID] {
			return
		}
		have[n.ID] = true
		n.Focus = n.ID == focus
		v.Nodes = append(v.Nodes, n)
	}
	for _, s := range g.Sources {
		add(graphNode{ID: s.ID, Kind: argmap.KindSource, Label: label(s.Title, 120), Type: s.Kind})
	}
	for _, a := range g.Actors {
		add(graphNode{ID: a.ID, Kind: argmap.KindActor, Label: label(a.Name, 120), Type: a.Kind})
	}
	for _, cl := range g.Claims {
		l := cl.Gist
		if l == "" {
			l = cl.Text
		}
		add(graphNode{ID: cl.ID, Kind: argmap.KindClaim, Label: label(l, 120), Text: cl.Text,
			Origin: cl.Origin, Score: &cl.Score, Main: cl.Main})
	}
	for _, e := range g.Evidence {
		add(graphNode{ID: e.ID, Kind: argmap.KindEvidence, Label: label(e.Text, 120), Text: e.Text,
			Type: e.Kind, Origin: e.Origin, Score: &e.Score})
	}
	targeted := map[string]bool{}
	for _, r := range g.Relations {
		if argmap.KindOf(r.To) == argmap.KindRelation {
			targeted[r.To] = true
		}
	}
	for _, r := range g.Relations {
		if targeted[r.ID] || r.ID == focus {
			add(graphNode{ID: r.ID, Kind: argmap.KindRelation, Label: string(r.Kind), Origin: r.Origin, Score: &r.Score})
		}
	}
	edge := func(e graphEdge) {
		if have[e.From] && have[e.To] && !have["edge "+e.ID] {
			have["edge "+e.ID] = true
			v.Edges = append(v.Edges, e)
		}
	}
	for _, r := range g.Relations {
		for i, f := range r.From {
			id := r.ID
			if len(r.From) > 1 {
				id += "#" + strconv.Itoa(i)
			}
			edge(graphEdge{ID: id, Kind: string(r.Kind), From: f, To: r.To, Relation: r.ID})
		}
	}
	for _, cl := range g.Claims {
		for _, a := range cl.Actors {
			edge(graphEdge{ID: string(a.Role) + ":" + a.ActorID + ":" + cl.ID, Kind: string(a.Role), From: a.ActorID, To: cl.ID})
		}
		for _, sp := range cl.Spans {
			edge(graphEdge{ID: "states:" + sp.SourceID + ":" + cl.ID, Kind: "states", From: sp.SourceID, To: cl.ID})
		}
	}
	for _, e := range g.Evidence {
		for _, sp := range e.Spans {
			edge(graphEdge{ID: "states:" + sp.SourceID + ":" + e.ID, Kind: "states", From: sp.SourceID, To: e.ID})
		}
	}
	for _, ct := range g.Citations {
		if ct.CitedID != "" {
			edge(graphEdge{ID: ct.ID, Kind: "cites", From: ct.SourceID, To: ct.CitedID})
		}
	}
	return v
}
